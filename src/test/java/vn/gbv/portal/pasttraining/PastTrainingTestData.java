package vn.gbv.portal.pasttraining;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import vn.gbv.portal.TestAccounts;
import vn.gbv.portal.imports.TestWorkbooks;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.UnitService;

/**
 * Small data for past-training tests, written straight to the database (codes unique per run), and
 * spreadsheets built in code with fastexcel: a cell is a String (a text cell), a Number (a numeric
 * cell, as Excel stores a date or an ID it turned into a number) or null (no cell).
 */
final class PastTrainingTestData {

    static final List<Object> HEADER = row("Số định danh cá nhân", "Mã cán bộ", "Họ và tên", "Năm sinh", "Đơn vị (mã)",
            "Mã khóa học", "Ngày hoàn thành", "Nơi tập huấn", "Người/đơn vị tập huấn", "Điểm");

    final JdbcTemplate jdbc;
    private final UnitService units;
    final String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    PastTrainingTestData(JdbcTemplate jdbc, UnitService units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    String code(String prefix) {
        return prefix + "-" + run;
    }

    long unit(String code, Long parentId) {
        long id = new SimpleJdbcInsert(jdbc).withTableName("unit").usingGeneratedKeyColumns("id")
                .usingColumns("code", "name", "type", "valid_from")
                .executeAndReturnKey(Map.of("code", code, "name", "Đơn vị " + code, "type", parentId == null ? "CITY" : "WARD",
                        "valid_from", Date.valueOf(LocalDate.of(2020, 1, 1))))
                .longValue();
        if (parentId != null) {
            jdbc.update("insert into unit_parent (unit_id, parent_id, valid_from) values (?, ?, ?)", id, parentId,
                    Date.valueOf(LocalDate.of(2020, 1, 1)));
        }
        units.rebuildClosure();
        return id;
    }

    long person(String fullName, Integer birthYear, String nationalId, String staffCode, long unitId) {
        Map<String, Object> values = new HashMap<>();
        values.put("full_name", fullName);
        values.put("sex", "F");
        values.put("birth_year", birthYear);
        values.put("national_id", nationalId);
        values.put("staff_code", staffCode);
        long id = new SimpleJdbcInsert(jdbc).withTableName("person").usingGeneratedKeyColumns("id")
                .usingColumns("full_name", "sex", "birth_year", "national_id", "staff_code")
                .executeAndReturnKey(values).longValue();
        jdbc.update("""
                insert into membership (person_id, unit_id, category, position, in_target, valid_from)
                values (?, ?, 'CONG_CHUC', 'Cán bộ', TRUE, ?)""", id, unitId, Date.valueOf(LocalDate.of(2020, 1, 1)));
        return id;
    }

    long course(String code, String group) {
        long id = new SimpleJdbcInsert(jdbc).withTableName("course").usingGeneratedKeyColumns("id").usingColumns("code")
                .executeAndReturnKey(Map.of("code", code)).longValue();
        jdbc.update("insert into course_group (course_id, group_code) values (?, ?)", id, group);
        return id;
    }

    long version(long courseId) {
        return new SimpleJdbcInsert(jdbc).withTableName("course_version").usingGeneratedKeyColumns("id")
                .usingColumns("course_id", "version_no", "content_hash", "title", "summary", "topic", "estimated_minutes", "source")
                .executeAndReturnKey(Map.of("course_id", courseId, "version_no", 1, "content_hash", "0".repeat(64),
                        "title", "Khóa học", "summary", "Tóm tắt", "topic", "gbv", "estimated_minutes", 60, "source", "PORTAL"))
                .longValue();
    }

    long completion(long personId, long courseId, Long versionId, LocalDate on, String source) {
        Map<String, Object> values = new HashMap<>();
        values.put("person_id", personId);
        values.put("course_id", courseId);
        values.put("course_version_id", versionId);
        values.put("completed_on", Date.valueOf(on));
        values.put("source", source);
        values.put("recorded_by", "test");
        return new SimpleJdbcInsert(jdbc).withTableName("completion").usingGeneratedKeyColumns("id")
                .usingColumns("person_id", "course_id", "course_version_id", "completed_on", "source", "recorded_by")
                .executeAndReturnKey(values).longValue();
    }

    void revoke(long completionId) {
        jdbc.update("insert into completion_revocation (completion_id, reason, revoked_by) values (?, 'Sai hồ sơ', 'test')",
                completionId);
    }

    void account(String username, Set<Role> roles, Long... managedUnitIds) {
        TestAccounts.account(jdbc, username, roles, managedUnitIds);
    }

    /** A 12-digit national ID unique to this run: the run's digits, then n. */
    String nationalId(int n) {
        long prefix = Math.abs(run.hashCode()) % 10_000_000L;
        return String.format("%07d%05d", prefix, n);
    }

    /** Writes rows into an XLSX file (fastexcel streams what it writes, so a 20,000-row file costs little). */
    static Path xlsx(List<List<Object>> rows) {
        return TestWorkbooks.xlsx("past-training-", "Sheet1", rows);
    }

    static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    /** Excel's number for a date (days since 30/12/1899). */
    static long excelDate(LocalDate date) {
        return date.toEpochDay() - LocalDate.of(1899, 12, 30).toEpochDay();
    }
}
