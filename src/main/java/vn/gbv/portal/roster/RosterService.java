package vn.gbv.portal.roster;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.coverage.CoverageService;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.security.UnitScope;
import vn.gbv.portal.unit.Sex;
import vn.gbv.portal.unit.StaffCategory;

/**
 * The roster list (issue 17, item 1): the people of a unit and every unit below it as of today,
 * filtered by name, category, sex, target population and trained or not. "Trained" is coverage's
 * own condition ({@link CoverageService#trainedCondition}), not a second reading of the rule.
 * Changes to people go through {@code unit.PersonService}, which checks scope and audits them.
 */
@Service
@PreAuthorize("hasAnyRole('" + Role.Names.ADMIN + "', '" + Role.Names.UNIT_MANAGER + "')")
public class RosterService {

    /** Filters; null (or a blank name) means "any". */
    public record RosterFilter(String name, StaffCategory category, Sex sex, Boolean inTarget, Boolean trained) {

        public static RosterFilter none() {
            return new RosterFilter(null, null, null, null, null);
        }
    }

    /** A line of the roster; of the national ID only the last four digits. */
    public record RosterRow(long personId, String fullName, Sex sex, Integer birthYear, StaffCategory category,
                            long unitId, String unitName, String position, boolean inTarget, LocalDate since,
                            String nationalIdLast4, String staffCode, boolean trained) {
    }

    private final RosterQueries queries;
    private final CoverageService coverage;
    private final UnitScope scope;
    private final Clock clock;

    RosterService(RosterQueries queries, CoverageService coverage, UnitScope scope, Clock clock) {
        this.queries = queries;
        this.coverage = coverage;
        this.scope = scope;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RosterRow> search(long unitId, RosterFilter filter, int offset, int limit) {
        scope.requireManageable(unitId);
        LocalDate today = LocalDate.now(clock);
        return queries.roster(unitId, filter, today, coverage.trainedCondition(today), offset, limit);
    }

    @Transactional(readOnly = true)
    public int count(long unitId, RosterFilter filter) {
        scope.requireManageable(unitId);
        LocalDate today = LocalDate.now(clock);
        return queries.rosterCount(unitId, filter, today, coverage.trainedCondition(today));
    }
}
