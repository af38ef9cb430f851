package vn.gbv.portal.unit;

import vn.gbv.portal.TestAccounts;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import vn.gbv.portal.security.Role;

/**
 * Builds the small data a test needs straight in the database (no service, so no signed-in user
 * is needed). Test classes share a database when they share a Spring context, so codes are unique
 * and accounts are reset rather than assumed absent.
 */
final class TestData {

    private final JdbcTemplate jdbc;
    private final UnitService units;

    TestData(JdbcTemplate jdbc, UnitService units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    long unit(String name, UnitType type, Long parentId, LocalDate from) {
        long id = new SimpleJdbcInsert(jdbc).withTableName("unit").usingGeneratedKeyColumns("id")
                .usingColumns("code", "name", "type", "valid_from")
                .executeAndReturnKey(Map.of("code", code(type.name()), "name", name, "type", type.name(),
                        "valid_from", Date.valueOf(from)))
                .longValue();
        if (parentId != null) {
            jdbc.update("insert into unit_parent (unit_id, parent_id, valid_from) values (?, ?, ?)",
                    id, parentId, Date.valueOf(from));
        }
        units.rebuildClosure();
        return id;
    }

    long person(String fullName, Sex sex, long unitId, StaffCategory category, boolean inTarget, LocalDate from) {
        long id = new SimpleJdbcInsert(jdbc).withTableName("person").usingGeneratedKeyColumns("id")
                .usingColumns("full_name", "sex")
                .executeAndReturnKey(Map.of("full_name", fullName, "sex", sex.name()))
                .longValue();
        jdbc.update("""
                insert into membership (person_id, unit_id, category, position, in_target, valid_from)
                values (?, ?, ?, ?, ?, ?)
                """, id, unitId, category.name(), "Cán bộ", inTarget, Date.valueOf(from));
        return id;
    }

    /** An account that can sign in at once (no password change pending), with these roles and scope. */
    void account(String username, Set<Role> roles, Long... managedUnitIds) {
        TestAccounts.account(jdbc, username, roles, managedUnitIds);
    }
}
