package vn.gbv.portal.coverage;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme's rule "trained", kept as data (programme_rule, programme_rule_group): by default
 * target I.2.d — the knowledge course and one in-depth course on assistance and legal support,
 * completed within the programme's window. Completions count whatever their source (online,
 * in-person class, import); revoked or superseded ones do not.
 */
@Service
public class TrainedRule {

    private final JdbcTemplate jdbc;

    TrainedRule(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Group(String code, String nameVi, String nameEn) {
    }

    public record PersonStatus(long personId, LocalDate asOf, List<Group> required, Set<String> satisfied,
                               LocalDate windowFrom, LocalDate windowTo, double targetPercent) {

        public boolean trained() {
            return !required.isEmpty() && required.stream().allMatch(g -> satisfied.contains(g.code()));
        }

        public List<Group> missing() {
            return required.stream().filter(g -> !satisfied.contains(g.code())).toList();
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public PersonStatus statusOf(long personId, LocalDate asOf) {
        record Rule(long id, LocalDate windowFrom, LocalDate windowTo, double targetPercent) {
        }
        // The rule in force at asOf; before the first rule's start, the first rule.
        Rule rule = jdbc.query("""
                select id, window_from, window_to, target_percent from programme_rule
                order by (valid_from <= ? and (valid_to is null or valid_to > ?)) desc, valid_from limit 1""",
                (rs, i) -> new Rule(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(),
                        rs.getDouble(4)), asOf, asOf).getFirst();
        List<Group> required = jdbc.query("""
                select g.code, g.name_vi, g.name_en from programme_rule_group rg
                join programme_group g on g.code = rg.group_code where rg.rule_id = ? order by g.name_vi
                """, (rs, i) -> new Group(rs.getString(1), rs.getString(2), rs.getString(3)), rule.id());
        LocalDate until = asOf.isBefore(rule.windowTo()) ? asOf : rule.windowTo();
        Set<String> satisfied = jdbc.queryForList("""
                select distinct cg.group_code
                from effective_completion c
                join course_group cg on cg.course_id = c.course_id
                where c.person_id = ? and c.completed_on between ? and ?
                """, String.class, personId, rule.windowFrom(), until).stream().collect(Collectors.toSet());
        return new PersonStatus(personId, asOf, required, satisfied, rule.windowFrom(), rule.windowTo(),
                rule.targetPercent());
    }
}
