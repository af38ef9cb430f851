package vn.gbv.portal.coverage;

import vn.gbv.portal.base.OpenToAnyCaller;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.security.CurrentUser;
import vn.gbv.portal.security.Role;

/**
 * Programme settings as data with validity dates. A change never edits a rule row: the rule in
 * force is closed at the change's date and a new row starts there, so live figures for earlier
 * dates keep the settings of their time (and submitted reports, stored as snapshots, never move).
 */
@Service
public class ProgrammeSettingsService {

    private final JdbcTemplate jdbc;

    ProgrammeSettingsService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The settings in force at a date, if any rule covers it. */
    @OpenToAnyCaller("the programme's rule, window, milestones and groups are published reference data (the plan is public); changing them needs ADMIN")
    @Transactional(readOnly = true)
    public Optional<ProgrammeSettings> inForce(LocalDate date) {
        List<Long> ids = jdbc.queryForList("""
                select id from programme_rule where valid_from <= ? and (valid_to is null or valid_to > ?)
                order by valid_from desc limit 1""", Long.class, date, date);
        return ids.stream().findFirst().map(this::load);
    }

    /** Every rule row, the newest first. */
    @PreAuthorize("hasRole('" + Role.Names.ADMIN + "')")
    @Transactional(readOnly = true)
    public List<ProgrammeSettings> history() {
        return jdbc.queryForList("select id from programme_rule order by valid_from desc, id desc", Long.class)
                .stream().map(this::load).toList();
    }

    @OpenToAnyCaller("the programme's rule, window, milestones and groups are published reference data (the plan is public); changing them needs ADMIN")
    @Transactional(readOnly = true)
    public List<ProgrammeSettings.Group> groups() {
        return jdbc.query("select code, name_vi, name_en from programme_group order by code",
                (rs, i) -> new ProgrammeSettings.Group(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /** The settings from a date on: the rule in force then ends there and a new one begins. */
    @PreAuthorize("hasRole('" + Role.Names.ADMIN + "')")
    @Transactional
    public long change(ProgrammeSettings.Change change) {
        validate(change);
        LocalDate latestStart = jdbc.queryForObject("select max(valid_from) from programme_rule", LocalDate.class);
        if (latestStart != null && !change.from().isAfter(latestStart)) {
            throw RefusedException.onField("from", "coverage.settings.error.from-after-latest", latestStart);
        }
        jdbc.update("update programme_rule set valid_to = ? where valid_to is null or valid_to > ?",
                change.from(), change.from());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        String actor = CurrentUser.username().orElse("system");
        jdbc.update(c -> {
            var ps = c.prepareStatement("""
                    insert into programme_rule (name, window_from, window_to, target_percent, valid_from, created_by)
                    values (?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            ps.setString(1, change.name().strip());
            ps.setDate(2, Date.valueOf(change.windowFrom()));
            ps.setDate(3, Date.valueOf(change.windowTo()));
            ps.setBigDecimal(4, change.targetPercent());
            ps.setDate(5, Date.valueOf(change.from()));
            ps.setString(6, actor);
            return ps;
        }, key);
        long id = key.getKey().longValue();
        change.milestones().forEach((year, percent) ->
                jdbc.update("insert into programme_milestone (rule_id, year, percent) values (?, ?, ?)", id, year, percent));
        change.requiredGroups().forEach(g ->
                jdbc.update("insert into programme_rule_group (rule_id, group_code) values (?, ?)", id, g));
        change.categories().forEach(c ->
                jdbc.update("insert into programme_rule_category (rule_id, category) values (?, ?)", id, c));
        change.unitTypes().forEach(t ->
                jdbc.update("insert into programme_rule_unit_type (rule_id, unit_type) values (?, ?)", id, t));
        jdbc.update("""
                insert into audit_event (actor, action, entity_type, entity_id, entity_label, after_value)
                values (?, 'programme.rule', 'programme_rule', ?, ?, ?)""", actor, String.valueOf(id),
                change.name().strip(), abbreviate("from " + change.from() + ", target " + change.targetPercent()
                        + "%, groups " + change.requiredGroups() + ", milestones " + change.milestones()));
        return id;
    }

    private static void validate(ProgrammeSettings.Change change) {
        if (change.name() == null || change.name().isBlank()) {
            throw RefusedException.onField("name", "coverage.settings.error.name-required");
        }
        if (change.from() == null) {
            throw RefusedException.onField("from", "coverage.settings.error.from-required");
        }
        if (change.windowFrom() == null || change.windowTo() == null || !change.windowFrom().isBefore(change.windowTo())) {
            throw RefusedException.onField("window", "coverage.settings.error.window");
        }
        if (!percent(change.targetPercent()) || change.targetPercent().signum() == 0) {
            throw RefusedException.onField("target", "coverage.settings.error.percent");
        }
        BigDecimal previous = BigDecimal.ZERO;
        for (var e : new TreeMap<>(change.milestones()).entrySet()) {
            if (e.getKey() < change.windowFrom().getYear() || e.getKey() > change.windowTo().getYear()) {
                throw RefusedException.onField("milestones", "coverage.settings.error.milestone-year", String.valueOf(e.getKey()));
            }
            if (!percent(e.getValue()) || e.getValue().compareTo(previous) < 0) {
                throw RefusedException.onField("milestones", "coverage.settings.error.milestones-rising", String.valueOf(e.getKey()));
            }
            previous = e.getValue();
        }
        if (change.requiredGroups().isEmpty()) {
            throw RefusedException.onField("groups", "coverage.settings.error.groups-required");
        }
        if (change.categories().isEmpty() || change.unitTypes().isEmpty()) {
            throw RefusedException.onField("scope", "coverage.settings.error.scope-required");
        }
    }

    private static boolean percent(BigDecimal value) {
        return value != null && value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0;
    }

    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }

    private ProgrammeSettings load(long id) {
        record Row(String name, LocalDate validFrom, LocalDate validTo, LocalDate windowFrom, LocalDate windowTo,
                   BigDecimal target) {
        }
        Row row = jdbc.queryForObject("""
                select name, valid_from, valid_to, window_from, window_to, target_percent from programme_rule where id = ?""",
                (rs, i) -> new Row(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getBigDecimal(6)), id);
        TreeMap<Integer, BigDecimal> milestones = new TreeMap<>();
        jdbc.query("select year, percent from programme_milestone where rule_id = ? order by year",
                rs -> { milestones.put(rs.getInt(1), rs.getBigDecimal(2)); }, id);
        return new ProgrammeSettings(id, row.name(), row.validFrom(), row.validTo(), row.windowFrom(), row.windowTo(),
                row.target(), milestones, codes("programme_rule_group", "group_code", id),
                codes("programme_rule_category", "category", id), codes("programme_rule_unit_type", "unit_type", id));
    }

    private Set<String> codes(String table, String column, long ruleId) {
        return new LinkedHashSet<>(jdbc.queryForList(
                "select " + column + " from " + table + " where rule_id = ? order by " + column, String.class, ruleId));
    }

    /** Milestones keyed by year, as a change carries them. */
    static Map<Integer, BigDecimal> milestones(List<Integer> years, List<BigDecimal> percents) {
        Map<Integer, BigDecimal> map = new TreeMap<>();
        for (int i = 0; i < years.size(); i++) {
            map.put(years.get(i), percents.get(i));
        }
        return map;
    }

    static List<Integer> years(LocalDate from, LocalDate to) {
        List<Integer> years = new ArrayList<>();
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            years.add(y);
        }
        return years;
    }
}
