package vn.gbv.portal.report;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.gbv.portal.TestAccounts;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.UnitService;

/**
 * A small city for report tests, built in the test's transaction: city C with commune A ("UBND xã
 * Thử <run>", with health station A1 below it) and ward B directly below it; people of A and A1
 * with completions in 2026; B with two people. A's manager and an administrator.
 */
final class ReportTestData {

    static final LocalDate T0 = LocalDate.of(2025, 7, 1);
    final JdbcTemplate jdbc;
    final String run = UUID.randomUUID().toString().substring(0, 6);
    final long c;
    final long a;
    final long a1;
    final long b;
    final long k;
    final long i;
    final long[] p = new long[8];
    final String manager = "rep-mgr-" + run;
    final String managerB = "rep-mgrb-" + run;
    final String admin = "rep-admin-" + run;

    ReportTestData(JdbcTemplate jdbc, UnitService units) {
        this.jdbc = jdbc;
        c = unit("C", "Thành phố Thử " + run, "CITY", null);
        a = unit("A", "UBND xã Lộc Thử " + run, "COMMUNE", c);
        a1 = unit("A1", "Trạm Y tế xã Lộc Thử " + run, "HEALTH_FACILITY", a);
        b = unit("B", "UBND phường Bên Cạnh " + run, "WARD", c);
        units.rebuildClosure();
        k = course("k", "knowledge");
        i = course("i", "in-depth");
        p[1] = person("Nguyễn Thị Một", "F", a, "CONG_CHUC", true);
        p[2] = person("Trần Văn Hai", "M", a, "CAN_BO", true);
        p[3] = person("Lê Thị Ba", "F", a, "CONG_TAC_VIEN", true);
        p[4] = person("Phạm Văn Bốn", "M", a1, "VIEN_CHUC", true);
        p[5] = person("Hoàng Thị Năm", "F", a1, "VIEN_CHUC", true);
        p[6] = person("Võ Văn Sáu", "M", b, "CONG_CHUC", true);
        p[7] = person("Đặng Thị Bảy", "F", b, "CONG_CHUC", true);
        completion(p[1], k, "2026-02-10", "IMPORT");
        completion(p[1], i, "2026-03-15", "ONLINE");
        completion(p[2], k, "2026-04-01", "ONLINE");
        completion(p[4], k, "2026-05-05", "CLASS");
        completion(p[4], i, "2026-05-06", "CLASS");
        completion(p[5], k, "2025-11-01", "IMPORT");
        completion(p[6], k, "2026-01-20", "ONLINE");
        completion(p[6], i, "2026-02-20", "ONLINE");
        TestAccounts.account(jdbc, manager, Set.of(Role.UNIT_MANAGER), a);
        TestAccounts.account(jdbc, managerB, Set.of(Role.UNIT_MANAGER), b);
        TestAccounts.account(jdbc, admin, Set.of(Role.ADMIN));
    }

    String code(long unitId) {
        return jdbc.queryForObject("select code from unit where id = ?", String.class, unitId);
    }

    private long unit(String code, String name, String type, Long parent) {
        long id = new SimpleJdbcInsert(jdbc).withTableName("unit").usingGeneratedKeyColumns("id")
                .usingColumns("code", "name", "type", "valid_from")
                .executeAndReturnKey(Map.of("code", code + "-" + run, "name", name, "type", type, "valid_from", Date.valueOf(T0)))
                .longValue();
        if (parent != null) {
            jdbc.update("insert into unit_parent (unit_id, parent_id, valid_from) values (?, ?, ?)", id, parent, Date.valueOf(T0));
        }
        return id;
    }

    long person(String name, String sex, long unitId, String category, boolean inTarget) {
        long id = new SimpleJdbcInsert(jdbc).withTableName("person").usingGeneratedKeyColumns("id")
                .usingColumns("full_name", "sex").executeAndReturnKey(Map.of("full_name", name, "sex", sex)).longValue();
        jdbc.update("insert into membership (person_id, unit_id, category, position, in_target, valid_from) values (?, ?, ?, ?, ?, ?)",
                id, unitId, category, "Cán bộ", inTarget, Date.valueOf(T0));
        return id;
    }

    private long course(String code, String group) {
        long id = new SimpleJdbcInsert(jdbc).withTableName("course").usingGeneratedKeyColumns("id").usingColumns("code")
                .executeAndReturnKey(Map.of("code", code + "-" + run)).longValue();
        jdbc.update("insert into course_group (course_id, group_code) values (?, ?)", id, group);
        return id;
    }

    long completion(long person, long course, String on, String source) {
        return new SimpleJdbcInsert(jdbc).withTableName("completion").usingGeneratedKeyColumns("id")
                .usingColumns("person_id", "course_id", "completed_on", "source", "recorded_by")
                .executeAndReturnKey(Map.of("person_id", person, "course_id", course, "completed_on", Date.valueOf(LocalDate.parse(on)),
                        "source", source, "recorded_by", "test")).longValue();
    }

    /** Runs as this account (roles as the account has them). */
    static void as(String username, Role role) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, "x",
                List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
        SecurityContextHolder.setContext(context);
    }
}
