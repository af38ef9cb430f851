package vn.gbv.portal.imports;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as real files carry it: names typed with decomposed diacritics (macOS, some Vietnamese
 * keyboards), doubled and non-breaking spaces, any case. {@link #clean} is what is stored (NFC,
 * single spaces); {@link #fold} is what is compared when a header or a word must be recognised
 * whatever its case and accents ("Họ và tên", "HO VA TEN" and "ho  va ten" fold alike).
 */
public final class Text {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\uFEFF]+");

    private Text() {
    }

    /** NFC, spaces collapsed and trimmed; null when nothing is left. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String text = SPACES.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC)).replaceAll(" ").strip();
        return text.isEmpty() ? null : text;
    }

    /** Lower case, without diacritics (đ as d), single spaces: for recognising, never for storing. */
    public static String fold(String raw) {
        String text = clean(raw);
        if (text == null) {
            return "";
        }
        String bare = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return bare.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }

}
