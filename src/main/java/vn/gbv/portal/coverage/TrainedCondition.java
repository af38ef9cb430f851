package vn.gbv.portal.coverage;

import java.time.LocalDate;
import java.util.Map;

/**
 * "Trained at a date" as one SQL condition on a person id, for lists outside coverage that filter
 * on it (the roster's "trained or not"): the same reading of coverage_first_completion as the
 * coverage figures ({@link CoverageQueries}, per_person.n against :required), so the rule is written once.
 * Without a rule in force at the date nobody is trained.
 */
public record TrainedCondition(Long ruleId, LocalDate until, int requiredGroups) {

    /** A boolean SQL expression, true when the person in {@code personIdColumn} is trained; named parameters {@link #params}. */
    public String sql(String personIdColumn) {
        if (ruleId == null) {
            return "false";
        }
        return "((select count(*) from coverage_first_completion tc_f where tc_f.rule_id = :tc_rule"
                + " and tc_f.person_id = " + personIdColumn + " and tc_f.first_on <= :tc_until) >= :tc_required)";
    }

    public Map<String, Object> params() {
        return ruleId == null ? Map.of() : Map.of("tc_rule", ruleId, "tc_until", until, "tc_required", requiredGroups);
    }
}
