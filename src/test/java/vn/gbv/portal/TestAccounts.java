package vn.gbv.portal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import vn.gbv.portal.security.Role;

/** Accounts for tests, written straight to the database. */
public final class TestAccounts {

    private TestAccounts() {
    }

    /** An account that can sign in at once (no password change pending), with these roles and scope. */
    public static long account(JdbcTemplate jdbc, String username, Set<Role> roles, Long... managedUnitIds) {
        List<Long> existing = jdbc.queryForList("select id from app_user where username = ?", Long.class, username);
        long id;
        if (existing.isEmpty()) {
            id = new SimpleJdbcInsert(jdbc).withTableName("app_user").usingGeneratedKeyColumns("id")
                    .usingColumns("username", "password_hash", "display_name", "must_change_password")
                    .executeAndReturnKey(Map.of("username", username, "password_hash", "{noop}unused",
                            "display_name", username, "must_change_password", false))
                    .longValue();
        } else {
            id = existing.getFirst();
            jdbc.update("delete from user_role where user_id = ?", id);
            jdbc.update("delete from manager_scope where user_id = ?", id);
        }
        for (Role role : roles) {
            jdbc.update("insert into user_role (user_id, role) values (?, ?)", id, role.name());
        }
        for (Long unitId : managedUnitIds) {
            jdbc.update("insert into manager_scope (user_id, unit_id) values (?, ?)", id, unitId);
        }
        return id;
    }
}
