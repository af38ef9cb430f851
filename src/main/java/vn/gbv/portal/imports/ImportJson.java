package vn.gbv.portal.imports;

import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of payloads, messages, options and effect data: records in, records out. */
public final class ImportJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<RowMessage>> MESSAGES = new TypeReference<>() { };

    private ImportJson() {
    }

    public static String write(Object value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }

    public static <T> T read(String json, Class<T> type) {
        return json == null ? null : JSON.readValue(json, type);
    }

    static String messages(List<RowMessage> messages) {
        return messages.isEmpty() ? null : JSON.writeValueAsString(messages);
    }

    static List<RowMessage> messages(String json) {
        return json == null ? List.of() : JSON.readValue(json, MESSAGES);
    }
}
