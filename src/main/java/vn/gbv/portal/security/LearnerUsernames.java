package vn.gbv.portal.security;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A username from a Vietnamese name, as agencies usually write them: the given name (the last
 * word) and the initials of the others, without accents: "Nguyễn Thị Hoa" → hoa.nt.
 */
final class LearnerUsernames {

    private LearnerUsernames() {
    }

    static String base(String fullName) {
        String bare = Normalizer.normalize(fullName == null ? "" : fullName, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9 ]", " ").strip();
        List<String> words = Arrays.stream(bare.split("\\s+")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return "hocvien";
        }
        StringBuilder name = new StringBuilder(words.getLast());
        if (words.size() > 1) {
            name.append('.');
            words.subList(0, words.size() - 1).forEach(w -> name.append(w.charAt(0)));
        }
        String username = name.toString();
        if (username.length() > 90) {
            username = username.substring(0, 90);
        }
        return username.length() < 3 ? username + ".hv" : username;
    }
}
