package vn.gbv.portal.coverage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
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
    public PersonStatus statusOf(long personId, LocalDate asOf) {
        Map<String, Object> rule = jdbc.queryForMap(
                "select id, window_from, window_to, target_percent from programme_rule where active order by id desc limit 1");
        long ruleId = ((Number) rule.get("id")).longValue();
        LocalDate from = ((java.sql.Date) rule.get("window_from")).toLocalDate();
        LocalDate to = ((java.sql.Date) rule.get("window_to")).toLocalDate();
        List<Group> required = jdbc.query("""
                select g.code, g.name_vi, g.name_en from programme_rule_group rg
                join programme_group g on g.code = rg.group_code where rg.rule_id = ? order by g.name_vi
                """, (rs, i) -> new Group(rs.getString(1), rs.getString(2), rs.getString(3)), ruleId);
        LocalDate until = asOf.isBefore(to) ? asOf : to;
        Set<String> satisfied = jdbc.queryForList("""
                select distinct coalesce(cv.group_code, cur.group_code)
                from completion c
                join course co on co.id = c.course_id
                left join course_version cv on cv.id = c.course_version_id
                left join course_version cur on cur.id = co.current_version_id
                where c.person_id = ? and c.completed_on between ? and ?
                  and not exists (select 1 from completion_revocation r where r.completion_id = c.id)
                  and not exists (select 1 from completion s where s.supersedes_id = c.id)
                  and coalesce(cv.group_code, cur.group_code) is not null
                """, String.class, personId, from, until).stream().collect(Collectors.toSet());
        return new PersonStatus(personId, asOf, required, satisfied, from, to,
                ((Number) rule.get("target_percent")).doubleValue());
    }
}
