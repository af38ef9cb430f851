package vn.gbv.portal.roster;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import vn.gbv.portal.TestAccounts;
import vn.gbv.portal.imports.TestWorkbooks;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.Sex;
import vn.gbv.portal.unit.StaffCategory;
import vn.gbv.portal.unit.UnitService;
import vn.gbv.portal.unit.UnitType;

/**
 * Small data for roster tests, written straight to the database, and spreadsheets built in code
 * (fastexcel) rather than binary fixtures: a cell is a String (a text cell), a Number (a numeric
 * cell, as Excel stores a phone number it turned into a number) or null (no cell).
 */
final class RosterTestData {

    private final JdbcTemplate jdbc;
    private final UnitService units;

    RosterTestData(JdbcTemplate jdbc, UnitService units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    long unit(String code, String name, UnitType type, Long parentId, LocalDate from) {
        long id = new SimpleJdbcInsert(jdbc).withTableName("unit").usingGeneratedKeyColumns("id")
                .usingColumns("code", "name", "type", "valid_from")
                .executeAndReturnKey(Map.of("code", code, "name", name, "type", type.name(), "valid_from", Date.valueOf(from)))
                .longValue();
        if (parentId != null) {
            jdbc.update("insert into unit_parent (unit_id, parent_id, valid_from) values (?, ?, ?)", id, parentId,
                    Date.valueOf(from));
        }
        units.rebuildClosure();
        return id;
    }

    long person(String fullName, Sex sex, Integer birthYear, String nationalId, String staffCode, String phone,
                long unitId, StaffCategory category, String position, boolean inTarget, LocalDate from) {
        long id = new SimpleJdbcInsert(jdbc).withTableName("person").usingGeneratedKeyColumns("id")
                .usingColumns("full_name", "sex", "birth_year", "national_id", "staff_code", "phone")
                .executeAndReturnKey(values(fullName, sex, birthYear, nationalId, staffCode, phone)).longValue();
        jdbc.update("""
                insert into membership (person_id, unit_id, category, position, in_target, valid_from)
                values (?, ?, ?, ?, ?, ?)""", id, unitId, category.name(), position, inTarget, Date.valueOf(from));
        return id;
    }

    private static Map<String, Object> values(String fullName, Sex sex, Integer birthYear, String nationalId,
                                              String staffCode, String phone) {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("full_name", fullName);
        values.put("sex", sex.name());
        values.put("birth_year", birthYear);
        values.put("national_id", nationalId);
        values.put("staff_code", staffCode);
        values.put("phone", phone);
        return values;
    }

    void account(String username, Set<Role> roles, Long... managedUnitIds) {
        TestAccounts.account(jdbc, username, roles, managedUnitIds);
    }

    /** A random 12-digit national ID starting with 0 (as many do, which Excel would drop). */
    static String nationalId() {
        return "0" + String.format("%011d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 100_000_000_000L);
    }

    /** Writes rows (the first may be a title, then the header) into an XLSX file. */
    static Path xlsx(List<List<Object>> rows) {
        return TestWorkbooks.xlsx("roster-", "Sheet1", rows);
    }

    static List<Object> row(Object... cells) {
        return java.util.Arrays.asList(cells);
    }

    static final List<Object> HEADER = row("Họ và tên", "Giới tính", "Năm sinh", "Đối tượng", "Đơn vị (mã)", "Chức vụ",
            "Điện thoại", "Email", "Làm công tác xã hội", "Số định danh cá nhân", "Mã cán bộ");
}
