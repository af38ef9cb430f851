package vn.gbv.portal.pasttraining;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.gbv.portal.imports.Cells.Parsed;
import vn.gbv.portal.imports.TabularFile;
import vn.gbv.portal.imports.TabularFile.Column;
import vn.gbv.portal.imports.Text;

/**
 * The past-training file's columns (issue 18, item 6): Vietnamese headers in every language of the
 * portal (they are the file's contract with the units' spreadsheets), found in any order whatever
 * their case, accents and spaces. The course and the date are required columns; a person is named
 * by national ID, or staff code, or name + birth year + unit code, so each of those columns is
 * optional and a row must carry one of the three.
 */
final class PastTrainingColumns {

    static final String NATIONAL_ID = "nationalId";
    static final String STAFF_CODE = "staffCode";
    static final String NAME = "name";
    static final String BIRTH_YEAR = "birthYear";
    static final String UNIT = "unit";
    static final String COURSE = "course";
    static final String DATE = "date";
    static final String PLACE = "place";
    static final String TRAINER = "trainer";
    static final String SCORE = "score";

    static final List<Column> ALL = List.of(
            Column.optional(NATIONAL_ID, "Số định danh cá nhân", "Số CCCD", "CCCD", "Số định danh"),
            Column.optional(STAFF_CODE, "Mã cán bộ"),
            Column.optional(NAME, "Họ và tên", "Họ tên"),
            Column.optional(BIRTH_YEAR, "Năm sinh"),
            Column.optional(UNIT, "Đơn vị (mã)", "Mã đơn vị", "Đơn vị"),
            Column.required(COURSE, "Mã khóa học", "Mã khoá học", "Khóa học"),
            Column.required(DATE, "Ngày hoàn thành", "Ngày hoàn thành khóa học"),
            Column.optional(PLACE, "Nơi tập huấn", "Địa điểm tập huấn"),
            Column.optional(TRAINER, "Người/đơn vị tập huấn", "Người tập huấn", "Đơn vị tập huấn"),
            Column.optional(SCORE, "Điểm", "Điểm (%)"));

    static final TabularFile FILE = new TabularFile(ALL);

    /** Day 0 of Excel's 1900 date system as Java counts it (Excel's phantom 29/02/1900 included). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final Pattern SERIAL = Pattern.compile("[0-9]{1,7}(\\.[0-9]+)?");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("([0-9]{1,2})[/.\\-]([0-9]{1,2})[/.\\-]([0-9]{4})");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern SCORE_TEXT = Pattern.compile("[0-9]{1,3}([.,][0-9]+)?");

    private PastTrainingColumns() {
    }

    static String header(String key) {
        return ALL.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow().header();
    }

    /**
     * A date as spreadsheets give it: an Excel date (a number of days, e.g. 45292 for 01/01/2024,
     * any time of day dropped), dd/MM/yyyy (also d/M/yyyy, with - or . between), or yyyy-MM-dd
     * (a time after it is dropped). An impossible date (31/02/2025) is refused.
     */
    static Parsed<LocalDate> date(String raw) {
        String text = Text.clean(raw);
        if (text == null) {
            return Parsed.empty();
        }
        try {
            if (SERIAL.matcher(text).matches()) {
                long days = new BigDecimal(text).setScale(0, RoundingMode.DOWN).longValueExact();
                return days < 1 ? Parsed.error("past-training.cell.date") : Parsed.of(EXCEL_EPOCH.plusDays(days));
            }
            String day = text.split("[ T]", 2)[0];
            Matcher dmy = DAY_MONTH_YEAR.matcher(day);
            if (dmy.matches()) {
                return Parsed.of(LocalDate.of(Integer.parseInt(dmy.group(3)), Integer.parseInt(dmy.group(2)),
                        Integer.parseInt(dmy.group(1))));
            }
            return Parsed.of(LocalDate.parse(day, ISO));
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            return Parsed.error("past-training.cell.date");
        }
    }

    /** A score from 0 to 100: 85, 85.5 or 85,5 (kept as a whole percent, rounded down, as quiz scores are), or 85%. */
    static Parsed<Integer> score(String raw) {
        String text = Text.clean(raw);
        if (text == null) {
            return Parsed.empty();
        }
        String number = text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text;
        if (!SCORE_TEXT.matcher(number).matches()) {
            return Parsed.error("past-training.cell.score");
        }
        BigDecimal value = new BigDecimal(number.replace(',', '.'));
        if (value.compareTo(BigDecimal.ZERO) < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            return Parsed.error("past-training.cell.score");
        }
        return Parsed.of(value.setScale(0, RoundingMode.DOWN).intValue());
    }
}
