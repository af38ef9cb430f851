package vn.gbv.portal.roster;

import java.util.List;
import java.util.Map;
import vn.gbv.portal.imports.TabularFile;
import vn.gbv.portal.imports.TabularFile.Column;
import vn.gbv.portal.imports.Text;
import vn.gbv.portal.unit.StaffCategory;

/**
 * The roster file's columns (issue 17): Vietnamese headers, found in any order whatever their case,
 * accents and spaces; the national ID and staff code are optional. The headers are the file's
 * contract with the units' spreadsheets, so they are Vietnamese in every language of the portal.
 */
final class RosterColumns {

    static final String NAME = "name";
    static final String SEX = "sex";
    static final String BIRTH_YEAR = "birthYear";
    static final String CATEGORY = "category";
    static final String UNIT = "unit";
    static final String POSITION = "position";
    static final String PHONE = "phone";
    static final String EMAIL = "email";
    static final String SOCIAL_WORK = "socialWork";
    static final String NATIONAL_ID = "nationalId";
    static final String STAFF_CODE = "staffCode";

    static final List<Column> ALL = List.of(
            Column.required(NAME, "Họ và tên", "Họ tên"),
            Column.required(SEX, "Giới tính"),
            Column.required(BIRTH_YEAR, "Năm sinh"),
            Column.required(CATEGORY, "Đối tượng"),
            Column.required(UNIT, "Đơn vị (mã)", "Mã đơn vị", "Đơn vị"),
            Column.required(POSITION, "Chức vụ"),
            Column.required(PHONE, "Điện thoại", "Số điện thoại"),
            Column.required(EMAIL, "Email", "Thư điện tử"),
            Column.required(SOCIAL_WORK, "Làm công tác xã hội"),
            Column.optional(NATIONAL_ID, "Số định danh cá nhân", "Số CCCD", "CCCD", "Số định danh"),
            Column.optional(STAFF_CODE, "Mã cán bộ"));

    static final TabularFile FILE = new TabularFile(ALL);

    /** Đối tượng as units write it: full names and the usual abbreviations (CB, CC, VC, NV, CTV). */
    static final Map<String, StaffCategory> CATEGORIES = Map.ofEntries(
            Map.entry("can bo", StaffCategory.CAN_BO), Map.entry("cb", StaffCategory.CAN_BO),
            Map.entry("cong chuc", StaffCategory.CONG_CHUC), Map.entry("cc", StaffCategory.CONG_CHUC),
            Map.entry("vien chuc", StaffCategory.VIEN_CHUC), Map.entry("vc", StaffCategory.VIEN_CHUC),
            Map.entry("nhan vien", StaffCategory.NHAN_VIEN), Map.entry("nv", StaffCategory.NHAN_VIEN),
            Map.entry("nhan vien hop dong", StaffCategory.NHAN_VIEN), Map.entry("hop dong", StaffCategory.NHAN_VIEN),
            Map.entry("cong tac vien", StaffCategory.CONG_TAC_VIEN), Map.entry("ctv", StaffCategory.CONG_TAC_VIEN));

    /** The Vietnamese word for a category in the template and the example rows. */
    static String word(StaffCategory category) {
        return switch (category) {
            case CAN_BO -> "Cán bộ";
            case CONG_CHUC -> "Công chức";
            case VIEN_CHUC -> "Viên chức";
            case NHAN_VIEN -> "Nhân viên";
            case CONG_TAC_VIEN -> "Cộng tác viên";
        };
    }

    static String header(String key) {
        return ALL.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow().header();
    }

    static boolean sameName(String a, String b) {
        return a != null && b != null && Text.clean(a).toLowerCase(java.util.Locale.ROOT)
                .equals(Text.clean(b).toLowerCase(java.util.Locale.ROOT));
    }

    private RosterColumns() {
    }
}
