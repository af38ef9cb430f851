package vn.gbv.portal.learning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The compact form of a drawn quiz and of its answers, one column each in quiz_attempt:
 * {@code "12:3,1,2;15:2,1"} — question id, then option ids in the order shown (or chosen).
 */
final class AnswerSheetCodec {

    private AnswerSheetCodec() {
    }

    static String encode(Map<Long, List<Long>> sheet) {
        return sheet.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue().stream().map(String::valueOf).collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
    }

    static Map<Long, List<Long>> decode(String text) {
        Map<Long, List<Long>> sheet = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return sheet;
        }
        for (String entry : text.split(";")) {
            String[] parts = entry.split(":", 2);
            List<Long> options = parts.length < 2 || parts[1].isEmpty() ? List.of()
                    : java.util.Arrays.stream(parts[1].split(",")).map(Long::valueOf).toList();
            sheet.put(Long.valueOf(parts[0]), options);
        }
        return sheet;
    }
}
