package vn.gbv.portal.imports;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reading one cell as what a column means, tolerant of what spreadsheets do to values: years
 * typed as text or stored as 1988.0, phone numbers turned into numbers (the leading 0 lost) or
 * written with +84, yes as Có/có/x/1/TRUE, sex as Nam/Nữ/nam/nu/NU. Each method answers with the
 * value, or with the translation key of why the cell was not understood; an empty cell is
 * {@link Parsed#empty()} so that the caller decides whether the column is required.
 */
public final class Cells {

    /** A cell read as T: a value, nothing (empty cell), or the key of the reason it was refused. */
    public record Parsed<T>(T value, String errorKey) {

        public static <T> Parsed<T> of(T value) {
            return new Parsed<>(value, null);
        }

        public static <T> Parsed<T> empty() {
            return new Parsed<>(null, null);
        }

        public static <T> Parsed<T> error(String key) {
            return new Parsed<>(null, key);
        }

        public boolean isError() {
            return errorKey != null;
        }

        public boolean isEmpty() {
            return value == null && errorKey == null;
        }

        public Optional<T> optional() {
            return Optional.ofNullable(value);
        }
    }

    public enum Sex { F, M }

    private static final Set<String> YES = Set.of("co", "c", "x", "1", "true", "yes", "y", "dung", "v");
    private static final Set<String> NO = Set.of("khong", "k", "0", "false", "no", "n", "sai", "-");
    private static final Map<String, Sex> SEXES = Map.of("nam", Sex.M, "m", Sex.M, "male", Sex.M,
            "nu", Sex.F, "f", Sex.F, "female", Sex.F);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}");
    private static final Pattern PHONE_NOISE = Pattern.compile("[\\s.()\\-]");
    /** Vietnamese numbers: 0 and 9–10 digits (mobile 10 digits, landline 10–11 with the area code). */
    private static final Pattern PHONE = Pattern.compile("0[0-9]{9,10}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.0+)?");

    private Cells() {
    }

    /** Clean text (NFC, single spaces), or empty. */
    public static Parsed<String> text(String raw, int maxLength) {
        String text = Text.clean(raw);
        if (text == null) {
            return Parsed.empty();
        }
        return text.length() > maxLength ? Parsed.error("import.cell.too-long") : Parsed.of(text);
    }

    /** A whole number typed as text ("1988", " 1988 ") or stored by a spreadsheet as a number ("1988.0"). */
    public static Parsed<Integer> year(String raw, int min, int max) {
        String text = Text.clean(raw);
        if (text == null) {
            return Parsed.empty();
        }
        if (!NUMBER.matcher(text).matches() || text.length() > 12) {
            return Parsed.error("import.cell.year");
        }
        int year = new BigDecimal(text).intValue();
        return year < min || year > max ? Parsed.error("import.cell.year") : Parsed.of(year);
    }

    /**
     * A Vietnamese phone number as 0xxxxxxxxx: spaces, dots, dashes and brackets dropped; +84 or 84
     * before the number becomes 0; a number a spreadsheet stored as a number (912345678, or 912345678.0)
     * gets its leading 0 back.
     */
    public static Parsed<String> phone(String raw) {
        String text = Text.clean(raw);
        if (text == null) {
            return Parsed.empty();
        }
        String digits = PHONE_NOISE.matcher(text).replaceAll("");
        if (digits.endsWith(".0")) {
            digits = digits.substring(0, digits.length() - 2);
        }
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("84") && digits.length() >= 11) {
            digits = "0" + digits.substring(2);
        } else if (!digits.startsWith("0") && (digits.length() == 9 || digits.length() == 10)
                && digits.chars().allMatch(Character::isDigit)) {
            digits = "0" + digits;
        }
        return PHONE.matcher(digits).matches() ? Parsed.of(digits) : Parsed.error("import.cell.phone");
    }

    public static Parsed<String> email(String raw) {
        String text = Text.clean(raw);
        if (text == null) {
            return Parsed.empty();
        }
        return text.length() <= 200 && EMAIL.matcher(text).matches() ? Parsed.of(text) : Parsed.error("import.cell.email");
    }

    /** Có/có/x/1/TRUE/yes and Không/0/FALSE/no, any case and accents. */
    public static Parsed<Boolean> yes(String raw) {
        String folded = Text.fold(raw);
        if (folded.isEmpty()) {
            return Parsed.empty();
        }
        if (YES.contains(folded)) {
            return Parsed.of(true);
        }
        return NO.contains(folded) ? Parsed.of(false) : Parsed.error("import.cell.yes-no");
    }

    /** Nam/Nữ in any case, with or without accents (nu, NU), or M/F. */
    public static Parsed<Sex> sex(String raw) {
        String folded = Text.fold(raw);
        if (folded.isEmpty()) {
            return Parsed.empty();
        }
        Sex sex = SEXES.get(folded);
        return sex == null ? Parsed.error("import.cell.sex") : Parsed.of(sex);
    }

    /**
     * Digits of an identifier a spreadsheet may have stored as a number: "079088001234" as typed,
     * 79088001234 when Excel dropped the leading 0 (given back up to {@code length}), spaces dropped.
     */
    public static Parsed<String> digits(String raw, int length) {
        String text = Text.clean(raw);
        if (text == null) {
            return Parsed.empty();
        }
        String digits = text.replace(" ", "");
        if (digits.endsWith(".0")) {
            digits = digits.substring(0, digits.length() - 2);
        }
        if (!digits.chars().allMatch(Character::isDigit) || digits.isEmpty() || digits.length() > length) {
            return Parsed.error("import.cell.digits");
        }
        if (digits.length() < length && digits.length() >= length - 2) {
            digits = "0".repeat(length - digits.length()) + digits;
        }
        return digits.length() == length ? Parsed.of(digits) : Parsed.error("import.cell.digits");
    }

    /** One of the words of a vocabulary, recognised by {@link Text#fold}: e.g. categories and their abbreviations. */
    public static <T> Parsed<T> oneOf(String raw, Map<String, T> byFoldedWord, String errorKey) {
        String folded = Text.fold(raw);
        if (folded.isEmpty()) {
            return Parsed.empty();
        }
        T value = byFoldedWord.get(folded);
        return value == null ? Parsed.error(errorKey) : Parsed.of(value);
    }
}
