package vn.gbv.portal.coverage;

import vn.gbv.portal.TestAccounts;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.StaffCategory;
import vn.gbv.portal.unit.UnitService;
import vn.gbv.portal.unit.UnitType;

/** Builds the small data a coverage test needs straight in the database (codes unique per run). */
final class CoverageTestData {

    final JdbcTemplate jdbc;
    private final UnitService units;
    final String run = UUID.randomUUID().toString().substring(0, 6);

    CoverageTestData(JdbcTemplate jdbc, UnitService units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    String code(String name) {
        return name + "-" + run;
    }

    long unit(String code, UnitType type, Long parentId, LocalDate from) {
        long id = new SimpleJdbcInsert(jdbc).withTableName("unit").usingGeneratedKeyColumns("id")
                .usingColumns("code", "name", "type", "valid_from")
                .executeAndReturnKey(Map.of("code", code(code), "name", "Đơn vị " + code, "type", type.name(),
                        "valid_from", Date.valueOf(from)))
                .longValue();
        if (parentId != null) {
            jdbc.update("insert into unit_parent (unit_id, parent_id, valid_from) values (?, ?, ?)", id, parentId, Date.valueOf(from));
        }
        units.rebuildClosure();
        return id;
    }

    void rebuildClosure() {
        units.rebuildClosure();
    }

    long person(String name, String sex, long unitId, StaffCategory category, boolean inTarget, LocalDate from) {
        long id = new SimpleJdbcInsert(jdbc).withTableName("person").usingGeneratedKeyColumns("id")
                .usingColumns("full_name", "sex").executeAndReturnKey(Map.of("full_name", name, "sex", sex)).longValue();
        jdbc.update("insert into membership (person_id, unit_id, category, position, in_target, valid_from) values (?, ?, ?, ?, ?, ?)",
                id, unitId, category.name(), "Cán bộ", inTarget, Date.valueOf(from));
        return id;
    }

    /** Ends the person's open membership (a leaver); with a unit, they continue there (a transfer). */
    void move(long personId, Long toUnit, LocalDate on) {
        String category = jdbc.queryForObject("select category from membership where person_id = ? and valid_to is null",
                String.class, personId);
        jdbc.update("update membership set valid_to = ? where person_id = ? and valid_to is null", Date.valueOf(on), personId);
        if (toUnit != null) {
            jdbc.update("insert into membership (person_id, unit_id, category, position, in_target, valid_from) values (?, ?, ?, ?, TRUE, ?)",
                    personId, toUnit, category, "Cán bộ", Date.valueOf(on));
        }
    }

    long course(String code, String... groups) {
        long id = new SimpleJdbcInsert(jdbc).withTableName("course").usingGeneratedKeyColumns("id").usingColumns("code")
                .executeAndReturnKey(Map.of("code", code(code))).longValue();
        for (String g : groups) {
            jdbc.update("insert into course_group (course_id, group_code) values (?, ?)", id, g);
        }
        return id;
    }

    long version(long courseId) {
        return new SimpleJdbcInsert(jdbc).withTableName("course_version").usingGeneratedKeyColumns("id")
                .usingColumns("course_id", "version_no", "content_hash", "title", "summary", "topic", "estimated_minutes", "source")
                .executeAndReturnKey(Map.of("course_id", courseId, "version_no", 1, "content_hash", "0".repeat(64),
                        "title", "Khóa học", "summary", "Tóm tắt", "topic", "gbv", "estimated_minutes", 60, "source", "PORTAL"))
                .longValue();
    }

    /** An imported record (no version). */
    long imported(long personId, long courseId, LocalDate on) {
        return completion(personId, courseId, null, on, "IMPORT", null);
    }

    long online(long personId, long courseId, long versionId, LocalDate on) {
        return completion(personId, courseId, versionId, on, "ONLINE", null);
    }

    long correction(long supersededId, LocalDate on) {
        Map<String, Object> old = jdbc.queryForMap("select person_id, course_id, course_version_id from completion where id = ?", supersededId);
        return completion(((Number) old.get("person_id")).longValue(), ((Number) old.get("course_id")).longValue(),
                (Long) (old.get("course_version_id") == null ? null : ((Number) old.get("course_version_id")).longValue()),
                on, "IMPORT", supersededId);
    }

    void revoke(long completionId) {
        jdbc.update("insert into completion_revocation (completion_id, reason, revoked_by) values (?, 'Sai hồ sơ', 'test')", completionId);
    }

    void started(long personId, long courseId, long versionId) {
        jdbc.update("insert into course_progress (person_id, course_id, course_version_id) values (?, ?, ?)", personId, courseId, versionId);
    }

    private long completion(long personId, long courseId, Long versionId, LocalDate on, String source, Long supersedes) {
        var values = new java.util.HashMap<String, Object>();
        values.put("person_id", personId);
        values.put("course_id", courseId);
        values.put("course_version_id", versionId);
        values.put("completed_on", Date.valueOf(on));
        values.put("source", source);
        values.put("supersedes_id", supersedes);
        values.put("recorded_by", "test");
        return new SimpleJdbcInsert(jdbc).withTableName("completion").usingGeneratedKeyColumns("id")
                .usingColumns("person_id", "course_id", "course_version_id", "completed_on", "source", "supersedes_id", "recorded_by")
                .executeAndReturnKey(values).longValue();
    }

    /** An account that can sign in at once, with these roles and scope. */
    void account(String username, Set<Role> roles, Long... managedUnitIds) {
        TestAccounts.account(jdbc, username, roles, managedUnitIds);
    }
}
