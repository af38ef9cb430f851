package vn.gbv.portal.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.coverage.CoverageQueries.At;
import vn.gbv.portal.coverage.CoverageQueries.UntrainedFilter;
import vn.gbv.portal.unit.StaffCategory;

/**
 * Coverage figures for planning an in-person class against the gap: what a unit's coverage would
 * become if everyone enrolled completed the class's course, and who of the unit still lacks which
 * required group (the same data as the "why behind" drill-down). The figures are those of
 * {@link CoverageService} (the same queries); the caller (the classroom service) has already
 * checked that the signed-in user runs a class of that unit, so this component checks no scope.
 */
@Component
public class ClassPlanning {

    private final CoverageQueries queries;
    private final ProgrammeSettingsService settings;
    private final NamedParameterJdbcTemplate jdbc;

    ClassPlanning(CoverageQueries queries, ProgrammeSettingsService settings, NamedParameterJdbcTemplate jdbc) {
        this.queries = queries;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    /**
     * @param now             the unit's coverage at the date
     * @param ifAllComplete   the same, if every enrolled person completed the course
     * @param enrolledInPopulation enrolled people who are in the unit's target population
     * @param becomeTrained   of those, the ones not trained now whom the course would make trained
     */
    public record Projection(LocalDate asOf, Figures now, Figures ifAllComplete, long enrolledInPopulation,
                             List<Long> becomeTrained) {
    }

    /** A person of the unit's target population not trained at the date, with what they lack. */
    public record Lacking(long personId, String fullName, Integer birthYear, String unitName, StaffCategory category,
                          List<String> lackingGroups, List<String> startedGroups) {
    }

    /**
     * The projection for a unit at a date; empty when no rule covers the date (outside the window).
     * A person becomes trained when every required group they lack is one the course counts for
     * (course_group), which is one SQL statement over the first completions per group (V4_1).
     */
    @Transactional(readOnly = true)
    public Optional<Projection> projection(long unitId, LocalDate date, long courseId, Collection<Long> enrolled) {
        Optional<ProgrammeSettings> rule = settings.inForce(date).filter(r -> r.inWindow(date));
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        At at = new At(unitId, date, rule.get());
        Figures now = queries.total(at);
        if (enrolled.isEmpty()) {
            return Optional.of(new Projection(date, now, now, 0, List.of()));
        }
        var params = at.params().addValue("course", courseId).addValue("ids", enrolled);
        List<long[]> rows = jdbc.query("""
                select m.person_id,
                  exists (select 1 from programme_rule_group rg where rg.rule_id = :rule
                          and not exists (select 1 from coverage_first_completion f where f.rule_id = :rule
                              and f.person_id = m.person_id and f.group_code = rg.group_code and f.first_on <= :until)) lacks_any,
                  not exists (select 1 from programme_rule_group rg where rg.rule_id = :rule
                          and not exists (select 1 from coverage_first_completion f where f.rule_id = :rule
                              and f.person_id = m.person_id and f.group_code = rg.group_code and f.first_on <= :until)
                          and not exists (select 1 from course_group cg where cg.course_id = :course
                              and cg.group_code = rg.group_code)) course_fills
                from membership m
                join unit u on u.id = m.unit_id
                join unit_closure_dated cd on cd.descendant_id = m.unit_id and cd.ancestor_id = :root
                 and cd.valid_from <= :d and cd.valid_to > :d
                where m.person_id in (:ids) and m.in_target and m.valid_from <= :d and (m.valid_to is null or m.valid_to > :d)
                  and m.category in (select rc.category from programme_rule_category rc where rc.rule_id = :rule)
                  and u.type in (select rt.unit_type from programme_rule_unit_type rt where rt.rule_id = :rule)
                  and exists (select 1 from programme_rule_group any_group where any_group.rule_id = :rule)""", params,
                (rs, i) -> new long[] {rs.getLong(1), rs.getBoolean(2) && rs.getBoolean(3) ? 1 : 0});
        List<Long> become = rows.stream().filter(r -> r[1] == 1).map(r -> r[0]).toList();
        return Optional.of(new Projection(date, now, new Figures(now.population(), now.trained() + become.size()),
                rows.size(), become));
    }

    /** The unit's target population not trained at the date, a page at a time; empty outside the window. */
    @Transactional(readOnly = true)
    public List<Lacking> lacking(long unitId, LocalDate date, String nameContains, int offset, int limit) {
        Optional<ProgrammeSettings> rule = settings.inForce(date).filter(r -> r.inWindow(date));
        if (rule.isEmpty()) {
            return List.of();
        }
        List<Lacking> rows = new ArrayList<>();
        RequiredGroups required = new RequiredGroups(rule.get());
        queries.untrained(new At(unitId, date, rule.get()), new UntrainedFilter(nameContains, null), offset, limit,
                u -> rows.add(new Lacking(u.personId(), u.fullName(), null, u.unitName(), u.category(),
                        required.missing(u.satisfiedGroups()), u.startedGroups())));
        return rows;
    }

    @Transactional(readOnly = true)
    public int lackingCount(long unitId, LocalDate date, String nameContains) {
        Optional<ProgrammeSettings> rule = settings.inForce(date).filter(r -> r.inWindow(date));
        return rule.map(r -> queries.untrainedCount(new At(unitId, date, r), new UntrainedFilter(nameContains, null))).orElse(0);
    }

    /** The required groups of the rule, in order. */
    private record RequiredGroups(ProgrammeSettings rule) {
        List<String> missing(List<String> satisfied) {
            return rule.requiredGroups().stream().filter(g -> !satisfied.contains(g)).sorted().toList();
        }
    }
}
