package vn.gbv.portal.classroom;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.gbv.portal.TestAccounts;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.UnitService;

/**
 * A small world for class tests, written straight to the database with codes unique per run: a
 * ward under a city, people in its target population, a knowledge course and an in-depth course
 * (one per required group of the default rule), a trainer account and learner accounts.
 */
final class ClassTestData {

    final JdbcTemplate jdbc;
    final String run = UUID.randomUUID().toString().substring(0, 6);
    final long city;
    final long ward;
    final long otherWard;
    final long knowledge;
    final long knowledgeVersion;
    final long inDepth;
    final long inDepthVersion;
    final String trainer;

    ClassTestData(JdbcTemplate jdbc, UnitService units) {
        this.jdbc = jdbc;
        LocalDate from = LocalDate.of(2025, 7, 1);
        city = unit("CITY", "Thành phố " + run, "CITY", null, from);
        ward = unit("WARD", "Phường Thử " + run, "WARD", city, from);
        otherWard = unit("OTHER", "Phường Khác " + run, "WARD", city, from);
        units.rebuildClosure();
        knowledge = course("k", "knowledge", "Kiến thức cơ bản về bạo lực trên cơ sở giới");
        knowledgeVersion = jdbc.queryForObject("select current_version_id from course where id = ?", Long.class, knowledge);
        inDepth = course("i", "in-depth", "Kỹ năng hỗ trợ chuyên sâu");
        inDepthVersion = jdbc.queryForObject("select current_version_id from course where id = ?", Long.class, inDepth);
        trainer = "trainer-" + run;
        TestAccounts.account(jdbc, trainer, Set.of(Role.TRAINER));
    }

    String code(String prefix) {
        return prefix + "-" + run;
    }

    private long unit(String code, String name, String type, Long parent, LocalDate from) {
        long id = new SimpleJdbcInsert(jdbc).withTableName("unit").usingGeneratedKeyColumns("id")
                .usingColumns("code", "name", "type", "valid_from")
                .executeAndReturnKey(Map.of("code", code(code), "name", name, "type", type, "valid_from", Date.valueOf(from)))
                .longValue();
        if (parent != null) {
            jdbc.update("insert into unit_parent (unit_id, parent_id, valid_from) values (?, ?, ?)", id, parent, Date.valueOf(from));
        }
        return id;
    }

    private long course(String code, String group, String title) {
        long id = new SimpleJdbcInsert(jdbc).withTableName("course").usingGeneratedKeyColumns("id").usingColumns("code")
                .executeAndReturnKey(Map.of("code", code(code))).longValue();
        long version = new SimpleJdbcInsert(jdbc).withTableName("course_version").usingGeneratedKeyColumns("id")
                .usingColumns("course_id", "version_no", "content_hash", "title", "summary", "topic", "estimated_minutes", "source")
                .executeAndReturnKey(Map.of("course_id", id, "version_no", 1, "content_hash", "0".repeat(64), "title", title,
                        "summary", "Tóm tắt", "topic", "gbv", "estimated_minutes", 240, "source", "PORTAL"))
                .longValue();
        jdbc.update("update course set current_version_id = ? where id = ?", version, id);
        jdbc.update("insert into course_group (course_id, group_code) values (?, ?)", id, group);
        return id;
    }

    long person(String name, long unitId) {
        long id = new SimpleJdbcInsert(jdbc).withTableName("person").usingGeneratedKeyColumns("id")
                .usingColumns("full_name", "sex", "birth_year").executeAndReturnKey(Map.of("full_name", name, "sex", "F", "birth_year", 1990))
                .longValue();
        jdbc.update("insert into membership (person_id, unit_id, category, position, in_target, valid_from) values (?, ?, ?, ?, TRUE, ?)",
                id, unitId, "CONG_CHUC", "Công chức", Date.valueOf(LocalDate.of(2025, 7, 1)));
        return id;
    }

    /** A learner account linked to the person. */
    String learner(long personId) {
        String username = "learner-" + personId;
        long account = TestAccounts.account(jdbc, username, Set.of(Role.LEARNER));
        jdbc.update("update app_user set person_id = ? where id = ?", personId, account);
        return username;
    }

    void online(long personId, long courseId, long versionId, LocalDate on) {
        jdbc.update("""
                insert into completion (person_id, course_id, course_version_id, completed_on, score_percent, source, recorded_by)
                values (?, ?, ?, ?, 90, 'ONLINE', 'test')""", personId, courseId, versionId, Date.valueOf(on));
    }

    static <T> T as(String username, Role role, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, "n/a",
                List.of(new SimpleGrantedAuthority(role.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    static void as(String username, Role role, Runnable work) {
        as(username, role, () -> {
            work.run();
            return null;
        });
    }
}
