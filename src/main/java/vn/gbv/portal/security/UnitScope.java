package vn.gbv.portal.security;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which units the signed-in user may manage: administrators all of them, a unit manager the
 * units of their scope and everything below them (through the closure of the current tree).
 * Services call {@link #requireManageable(long)} themselves, whatever the UI shows.
 */
@Component
public class UnitScope {

    private final CurrentUser currentUser;
    private final JdbcTemplate jdbc;

    UnitScope(CurrentUser currentUser, JdbcTemplate jdbc) {
        this.currentUser = currentUser;
        this.jdbc = jdbc;
    }

    /** True when every unit is in scope (administrators). */
    public boolean isUnlimited() {
        return currentUser.get().map(SignedInUser::isAdmin).orElse(false);
    }

    public boolean canManage(long unitId) {
        SignedInUser user = currentUser.get().orElse(null);
        if (user == null) {
            return false;
        }
        if (user.isAdmin()) {
            return true;
        }
        if (!user.has(Role.UNIT_MANAGER)) {
            return false;
        }
        Integer found = jdbc.queryForObject("""
                select count(*) from manager_scope ms
                join unit_closure uc on uc.ancestor_id = ms.unit_id
                where ms.user_id = ? and uc.descendant_id = ?
                """, Integer.class, user.id(), unitId);
        return found != null && found > 0;
    }

    public void requireManageable(long unitId) {
        if (!canManage(unitId)) {
            throw new AccessDeniedForScopeException("unit " + unitId + " is outside the caller's scope");
        }
    }

    /** A person is in scope through their current membership's unit, else their last one's. */
    public void requireManagesPerson(long personId) {
        List<Long> unit = jdbc.queryForList("""
                select unit_id from membership where person_id = ?
                order by (valid_to is null) desc, valid_from desc, id desc limit 1""", Long.class, personId);
        if (unit.isEmpty()) {
            throw new AccessDeniedForScopeException("person " + personId + " has no membership");
        }
        requireManageable(unit.getFirst());
    }

    /** The roots of the caller's scope: every root unit for administrators. */
    public List<Long> rootUnitIds() {
        SignedInUser user = currentUser.require();
        if (user.isAdmin()) {
            return jdbc.queryForList("""
                    select u.id from unit u where u.valid_to is null
                    and not exists (select 1 from unit_parent p where p.unit_id = u.id and p.valid_to is null)
                    order by u.name
                    """, Long.class);
        }
        if (!user.has(Role.UNIT_MANAGER)) {
            return List.of();
        }
        return jdbc.queryForList("select unit_id from manager_scope where user_id = ? order by unit_id", Long.class, user.id());
    }

    /** Every unit id in the caller's scope (the scope roots and all below them). */
    public List<Long> unitIds() {
        List<Long> roots = rootUnitIds();
        if (roots.isEmpty()) {
            return List.of();
        }
        return descendantsOf(roots);
    }

    private List<Long> descendantsOf(Collection<Long> roots) {
        String marks = String.join(",", roots.stream().map(r -> "?").toList());
        return jdbc.queryForList("select distinct descendant_id from unit_closure where ancestor_id in (" + marks + ")",
                Long.class, roots.toArray());
    }
}
