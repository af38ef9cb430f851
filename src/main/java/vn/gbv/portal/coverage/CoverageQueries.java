package vn.gbv.portal.coverage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.gbv.portal.unit.StaffCategory;
import vn.gbv.portal.unit.UnitType;

/**
 * Coverage as set-based SQL (DESIGN-NOTES, "Coverage is a query, not a loop"): the target
 * population at date D is the membership valid at D below a unit as the tree stood at D (dated
 * closure); per person and required group the first effective completion in the rule's window;
 * a person is trained at D when every required group has a first completion on or before
 * min(D, window end). Then GROUP BY what the caller wants to see. Completions are read only
 * through the view effective_completion, here through coverage_first_completion (migration V4_1):
 * per person, rule and required group the first effective completion in the rule's window, kept
 * by database triggers on every completion, revocation and rule change. Scanning completions live
 * took 48 s for a province of 30,000 people at national scale. The joins from the population
 * are STRAIGHT_JOINs so that the plan starts from the people asked about. The figures, tree and
 * breakdowns ({@link #counts}, {@link #total}) read the population from coverage_population
 * (migration V8): per rule and membership row of the target population, sex, category and each
 * required group's first date, kept by triggers, so no lookup per person is left; the live query
 * ({@link #liveSlices}, {@link #liveTotal}) stays to check them and for a rule with more than
 * {@value #SLOTS} required groups.
 */
@Component
class CoverageQueries {

    /** People of the target population at :d below :root (one row a person, in their unit at :d). */
    private static final String POPULATION = """
            pop as (
              select m.person_id, min(m.unit_id) unit_id, min(p.sex) sex, min(m.category) category, min(u.type) unit_type
              from unit_closure_dated cd
              join membership m on m.unit_id = cd.descendant_id and m.in_target
               and m.valid_from <= :d and (m.valid_to is null or m.valid_to > :d)
              join unit u on u.id = m.unit_id
              join person p on p.id = m.person_id
              where cd.ancestor_id = :root and cd.valid_from <= :d and cd.valid_to > :d
                and exists (select 1 from programme_rule_category rc where rc.rule_id = :rule and rc.category = m.category)
                and exists (select 1 from programme_rule_unit_type rt where rt.rule_id = :rule and rt.unit_type = u.type)
              group by m.person_id)""";

    /** Per person of pop: how many required groups are satisfied by :until, and which. */
    private static final String SATISFIED = """
            per_person as (
              select pop.person_id, pop.unit_id, pop.sex, pop.category, pop.unit_type, count(f.group_code) n,
                     coalesce(group_concat(f.group_code order by f.group_code separator ','), '') groups_key
              from pop
              left join coverage_first_completion f on f.rule_id = :rule and f.person_id = pop.person_id
               and f.first_on <= :until
              group by pop.person_id, pop.unit_id, pop.sex, pop.category, pop.unit_type)""";

    private final NamedParameterJdbcTemplate jdbc;

    CoverageQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a question is asked: a unit (and all below it) at a date under the rule then in force. */
    record At(long rootId, LocalDate date, ProgrammeSettings rule) {

        LocalDate until() {
            return date.isBefore(rule.windowTo()) ? date : rule.windowTo();
        }

        MapSqlParameterSource params() {
            return new MapSqlParameterSource()
                    .addValue("root", rootId).addValue("d", date).addValue("rule", rule.ruleId())
                    .addValue("window_from", rule.windowFrom()).addValue("until", until())
                    .addValue("required", rule.requiredGroups().size());
        }
    }

    /** One cell of the population: counts for a unit, sex, category, unit type and set of satisfied groups. */
    record Slice(long unitId, String sex, StaffCategory category, UnitType unitType, String groupsKey, Figures figures) {
    }

    /** Units below a root from which the GROUP BY of the population gets an in-memory table large enough. */
    int largeFromUnits = 1000;

    /**
     * The population with what it has, one flat join and one GROUP BY (no per-person grouping):
     * each person of the population has one membership valid at :d, so a membership row is a
     * person; each required group is one primary-key lookup in coverage_first_completion (a left
     * join per group, the groups ordered as the database orders them), so the satisfied set is
     * known on the row. The population is read through the dated closure; index
     * ix_m_unit_population (V6) covers the membership filters. For a large subtree (the country:
     * ~300,000 groups) the GROUP BY's temporary table would spill to disk at the default 16 MB,
     * which took half of the time, so that one statement gets 256 MB (SET STATEMENT).
     */
    private String flatPopulation(At at, MapSqlParameterSource params, String select, String groupBy) {
        List<String> groups = jdbc.queryForList(
                "select group_code from programme_rule_group where rule_id = :rule order by group_code", params, String.class);
        StringBuilder joins = new StringBuilder();
        List<String> keyParts = new java.util.ArrayList<>();
        List<String> present = new java.util.ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            params.addValue("g" + i, groups.get(i));
            joins.append("left join coverage_first_completion f%1$d on f%1$d.rule_id = :rule and f%1$d.person_id = m.person_id"
                    .formatted(i)).append(" and f%1$d.group_code = :g%1$d and f%1$d.first_on <= :until\n".formatted(i));
            keyParts.add("if(f%1$d.person_id is null, null, :g%1$d)".formatted(i));
            present.add("(f%d.person_id is not null)".formatted(i));
        }
        String key = keyParts.isEmpty() ? "''" : "concat_ws(',', " + String.join(", ", keyParts) + ")";
        String trained = present.isEmpty() ? "count(*)" : "coalesce(sum(" + String.join(" and ", present) + "), 0)";
        Integer units = jdbc.queryForObject("""
                select count(*) from unit_closure_dated where ancestor_id = :root and valid_from <= :d and valid_to > :d""",
                params, Integer.class);
        String memory = units != null && units > largeFromUnits
                ? "set statement tmp_memory_table_size = 268435456, max_heap_table_size = 268435456 for " : "";
        return memory + "select " + select.replace("$KEY", key).replace("$TRAINED", trained) + "\n" + """
                from unit_closure_dated cd
                straight_join membership m on m.unit_id = cd.descendant_id
                straight_join unit u on u.id = m.unit_id
                """ + (select.contains("p.") ? "straight_join person p on p.id = m.person_id\n" : "") + joins + """
                where cd.ancestor_id = :root and cd.valid_from <= :d and cd.valid_to > :d
                  and m.in_target and m.valid_from <= :d and (m.valid_to is null or m.valid_to > :d)
                  and m.category in (select rc.category from programme_rule_category rc where rc.rule_id = :rule)
                  and u.type in (select rt.unit_type from programme_rule_unit_type rt where rt.rule_id = :rule)
                """ + groupBy;
    }

    /** The live query, straight from membership, person and coverage_first_completion (kept to check the derived rows). */
    List<Slice> liveSlices(At at) {
        MapSqlParameterSource params = at.params();
        String sql = flatPopulation(at, params,
                "m.unit_id, p.sex, m.category, u.type, $KEY groups_key, count(*) population, $TRAINED trained",
                "group by m.unit_id, p.sex, m.category, u.type, groups_key order by null");
        return jdbc.query(sql, params,
                (rs, i) -> new Slice(rs.getLong(1), rs.getString(2), StaffCategory.valueOf(rs.getString(3)),
                        UnitType.valueOf(rs.getString(4)), rs.getString(5), new Figures(rs.getLong(6), rs.getLong(7))));
    }

    /** Headline counts only, by the live query. */
    Figures liveTotal(At at) {
        MapSqlParameterSource params = at.params();
        return jdbc.queryForObject(flatPopulation(at, params, "count(*), $TRAINED", ""), params,
                (rs, i) -> new Figures(rs.getLong(1), rs.getLong(2)));
    }

    // ---- from the derived population rows (coverage_population, migration V8) ----

    /** Required groups a population row can hold (g1_on .. g6_on). */
    static final int SLOTS = 6;

    /**
     * The rule's required groups in code order with the column of coverage_population holding
     * each one's first date; empty when a group has no usable slot (then the live query answers).
     */
    private Optional<List<String>> slotColumns(MapSqlParameterSource params) {
        List<String> columns = new java.util.ArrayList<>();
        boolean[] usable = {true};
        jdbc.query("""
                select rg.group_code, s.slot from programme_rule_group rg
                left join coverage_rule_slot s on s.rule_id = rg.rule_id and s.group_code = rg.group_code
                where rg.rule_id = :rule order by rg.group_code""", params, (RowCallbackHandler) rs -> {
            int slot = rs.getInt(2);
            if (rs.wasNull() || slot < 1 || slot > SLOTS) {
                usable[0] = false;
            }
            params.addValue("g" + columns.size(), rs.getString(1));
            columns.add("cp.g" + slot + "_on");
        });
        return usable[0] ? Optional.of(columns) : Optional.empty();
    }

    /** Whether the figures at this point come from coverage_population (false: the rule has a group without a slot). */
    boolean usesPopulationRows(At at) {
        return slotColumns(at.params()).isPresent();
    }

    /**
     * The population of the subtree at :d read from coverage_population by its primary key
     * (rule, unit, membership) for each unit of the dated closure: no lookup per person. The
     * unit type in scope is checked once per unit. $TRAINED: every required group's first date on
     * or before :until; $KEY: the satisfied groups in code order.
     */
    private String derived(List<String> columns, String select, String groupBy) {
        List<String> keyParts = new java.util.ArrayList<>();
        List<String> present = new java.util.ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            keyParts.add("if(%s <= :until, :g%d, null)".formatted(columns.get(i), i));
            present.add("%s <= :until".formatted(columns.get(i)));
        }
        String key = keyParts.isEmpty() ? "''" : "concat_ws(',', " + String.join(", ", keyParts) + ")";
        String trained = present.isEmpty() ? "count(*)" : "coalesce(sum(" + String.join(" and ", present) + "), 0)";
        return "select " + select.replace("$KEY", key).replace("$TRAINED", trained) + "\n" + populationRowsAt("", "")
                + groupBy;
    }

    /**
     * FROM and WHERE of the subtree's population rows valid at :d: each unit of the dated closure,
     * its type in scope checked once, then its key range of coverage_population. {@code joins}
     * come after the population row (a person, for names).
     */
    private static String populationRowsAt(String closureHint, String joins) {
        return """
                from unit_closure_dated cd%s
                straight_join unit u on u.id = cd.descendant_id
                straight_join coverage_population cp on cp.rule_id = :rule and cp.unit_id = cd.descendant_id
                %s
                where cd.ancestor_id = :root and cd.valid_from <= :d and cd.valid_to > :d
                  and u.type in (select rt.unit_type from programme_rule_unit_type rt where rt.rule_id = :rule)
                  and cp.valid_from <= :d and (cp.valid_to is null or cp.valid_to > :d)
                """.formatted(closureHint, joins);
    }

    /**
     * What the coverage page shows of a subtree: each unit's own population and trained (by the
     * unit people belong to at the date, not rolled up), and the subtree's breakdowns. Only
     * entries with people are present, as in the live query's slices.
     */
    record Counts(Map<Long, Figures> byUnit, Map<String, Figures> bySex, Map<StaffCategory, Figures> byCategory,
                  Map<UnitType, Figures> byUnitType, Map<String, Long> byGroups) {

        Figures total() {
            return byUnit.values().stream().reduce(Figures.NONE, Figures::plus);
        }

        static Counts of(List<Slice> slices) {
            Counts c = new Counts(new java.util.HashMap<>(), new java.util.TreeMap<>(), new java.util.EnumMap<>(StaffCategory.class),
                    new java.util.EnumMap<>(UnitType.class), new java.util.TreeMap<>());
            for (Slice s : slices) {
                c.byUnit.merge(s.unitId(), s.figures(), Figures::plus);
                c.bySex.merge(s.sex(), s.figures(), Figures::plus);
                c.byCategory.merge(s.category(), s.figures(), Figures::plus);
                c.byUnitType.merge(s.unitType(), s.figures(), Figures::plus);
                c.byGroups.merge(s.groupsKey(), s.figures().population(), Long::sum);
            }
            return c;
        }
    }

    /**
     * {@link Counts} in two passes over the subtree's population rows. The first gives each unit's
     * population and trained, one result row per unit: the closure is read in primary-key order,
     * so the GROUP BY streams without a temporary table. The second gives the breakdowns, grouped
     * by one small integer per row (women or not, the category's place, which required groups are
     * met): at most a few dozen groups, and at national scale cheaper than summing a column per
     * breakdown cell on every row (0.6 s instead of 0.75 s for 790,000 people). The live query
     * answers when the rule has a group without a slot.
     */
    Counts counts(At at) {
        MapSqlParameterSource params = at.params();
        Optional<List<String>> slots = slotColumns(params);
        if (slots.isEmpty()) {
            return Counts.of(liveSlices(at));
        }
        List<String> columns = slots.get();
        int k = columns.size();
        String allMet = k == 0 ? "true" : String.join(" and ", columns.stream().map(c -> c + " <= :until").toList());
        StringBuilder mask = new StringBuilder("0");
        for (int i = 0; i < k; i++) {
            mask.append(" + %d * ((%s <= :until) is true)".formatted(1 << i, columns.get(i)));
        }
        StaffCategory[] categories = StaffCategory.values();
        int stride = 2 * (categories.length + 1);
        String categoryPlace = "field(cp.category, " + String.join(", ",
                java.util.Arrays.stream(categories).map(c -> "'" + c.name() + "'").toList()) + ")";
        Map<Long, UnitType> types = new java.util.HashMap<>();
        jdbc.query("""
                select cd.descendant_id, u.type from unit_closure_dated cd join unit u on u.id = cd.descendant_id
                where cd.ancestor_id = :root and cd.valid_from <= :d and cd.valid_to > :d""", params,
                (RowCallbackHandler) rs -> types.put(rs.getLong(1), UnitType.valueOf(rs.getString(2))));
        Counts c = new Counts(new java.util.HashMap<>(), new java.util.TreeMap<>(), new java.util.EnumMap<>(StaffCategory.class),
                new java.util.EnumMap<>(UnitType.class), new java.util.TreeMap<>());
        String from = populationRowsAt(" force index (primary)", "");
        jdbc.query("select cd.descendant_id, count(*), sum((" + allMet + ") is true)\n" + from + "group by cd.descendant_id",
                params, (RowCallbackHandler) rs -> {
                    Figures unit = new Figures(rs.getLong(2), rs.getLong(3));
                    c.byUnit.put(rs.getLong(1), unit);
                    c.byUnitType.merge(types.get(rs.getLong(1)), unit, Figures::plus);
                });
        int full = (1 << k) - 1;
        long[][] bySex = new long[2][2];
        long[][] byCategory = new long[categories.length][2];
        long[] byMask = new long[full + 1];
        jdbc.query("select (cp.sex = 'F') + 2 * " + categoryPlace + " + " + stride + " * (" + mask + ") k, count(*)\n"
                + from + "group by k", params, (RowCallbackHandler) rs -> {
                    int key = rs.getInt(1);
                    long people = rs.getLong(2);
                    int met = key / stride;
                    long trained = met == full ? people : 0;
                    int sex = key % 2;
                    bySex[sex][0] += people;
                    bySex[sex][1] += trained;
                    int place = (key % stride) / 2;
                    if (place == 0) {
                        throw new IllegalStateException("a population row has a category the code does not know");
                    }
                    byCategory[place - 1][0] += people;
                    byCategory[place - 1][1] += trained;
                    byMask[met] += people;
                });
        putIfPeople(c.bySex, "F", bySex[1][0], bySex[1][1]);
        putIfPeople(c.bySex, "M", bySex[0][0], bySex[0][1]);
        for (int i = 0; i < categories.length; i++) {
            putIfPeople(c.byCategory, categories[i], byCategory[i][0], byCategory[i][1]);
        }
        for (int m = 0; m <= full; m++) {
            if (byMask[m] > 0) {
                List<String> key = new java.util.ArrayList<>();
                for (int i = 0; i < k; i++) {
                    if (((m >> i) & 1) == 1) {
                        key.add((String) params.getValue("g" + i));
                    }
                }
                c.byGroups.put(String.join(",", key), byMask[m]);
            }
        }
        return c;
    }

    private static <K> void putIfPeople(Map<K, Figures> into, K key, long population, long trained) {
        if (population > 0) {
            into.put(key, new Figures(population, trained));
        }
    }

    /** Headline counts only. */
    Figures total(At at) {
        MapSqlParameterSource params = at.params();
        Optional<List<String>> columns = slotColumns(params);
        if (columns.isEmpty()) {
            return liveTotal(at);
        }
        return jdbc.queryForObject(derived(columns.get(), "count(*), $TRAINED", ""), params,
                (rs, i) -> new Figures(rs.getLong(1), rs.getLong(2)));
    }

    /** A unit of the subtree as it stood at the date: its parent then (null for the root) and depth below the root. */
    record TreeUnit(long unitId, String code, String name, UnitType type, Long parentId, int depth) {
    }

    /** Every unit below the root at the date, root included, shallowest first. */
    List<TreeUnit> subtree(At at) {
        return jdbc.query("""
                select s.descendant_id, u.code, u.name, u.type, s.depth,
                       (select pc.ancestor_id from unit_closure_dated pc where pc.descendant_id = s.descendant_id
                         and pc.depth = 1 and pc.valid_from <= :d and pc.valid_to > :d limit 1) parent_id
                from unit_closure_dated s
                join unit u on u.id = s.descendant_id
                where s.ancestor_id = :root and s.valid_from <= :d and s.valid_to > :d
                order by s.depth, u.name""", at.params(),
                (rs, i) -> new TreeUnit(rs.getLong(1), rs.getString(2), rs.getString(3), UnitType.valueOf(rs.getString(4)),
                        rs.getInt(5) == 0 ? null : (Long) rs.getObject(6, Long.class), rs.getInt(5)));
    }

    /** A rule as the trend needs it: when it was in force, and the end of its window. */
    private record RulePeriod(long id, LocalDate validFrom, LocalDate validTo, LocalDate windowTo) {

        boolean inForceOn(LocalDate d) {
            return !validFrom.isAfter(d) && (validTo == null || validTo.isAfter(d));
        }
    }

    /**
     * Coverage of the root at each point date, each under the rule, tree and membership of its
     * own date, from coverage_population in one pass per rule: the subtree's rows are grouped by
     * when they count (from the later of the row's and the tree's start to the earlier end) and by
     * the person's "trained on" date (the latest of the required groups' first dates, none while
     * one is missing), a few thousand groups even for the country; each point then adds the groups
     * valid at it. A rule with a group without a slot is answered by {@link #liveTrend}. Points at
     * which no rule is in force have no entry, as in the live query.
     */
    Map<LocalDate, Figures> trend(long rootId, List<LocalDate> points) {
        List<LocalDate> dates = points.stream().distinct().sorted().toList();
        var result = new java.util.TreeMap<LocalDate, Figures>();
        if (dates.isEmpty()) {
            return result;
        }
        List<RulePeriod> rules = jdbc.query("""
                select id, valid_from, valid_to, window_to from programme_rule
                where valid_from <= :last and (valid_to is null or valid_to > :first)""",
                Map.of("first", dates.getFirst(), "last", dates.getLast()),
                (rs, i) -> new RulePeriod(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class)));
        Map<RulePeriod, List<LocalDate>> byRule = new java.util.LinkedHashMap<>();
        for (LocalDate d : dates) {
            rules.stream().filter(r -> r.inForceOn(d)).findFirst()
                    .ifPresent(r -> byRule.computeIfAbsent(r, x -> new java.util.ArrayList<>()).add(d));
        }
        byRule.forEach((rule, its) -> result.putAll(trendUnder(rootId, rule, its)));
        return result;
    }

    private Map<LocalDate, Figures> trendUnder(long rootId, RulePeriod rule, List<LocalDate> dates) {
        MapSqlParameterSource params = new MapSqlParameterSource("root", rootId).addValue("rule", rule.id())
                .addValue("first", dates.getFirst()).addValue("last", dates.getLast());
        Optional<List<String>> slots = slotColumns(params);
        if (slots.isEmpty()) {
            return liveTrend(rootId, dates);
        }
        List<String> columns = slots.get();
        String trainedOn = columns.isEmpty() ? "date '1000-01-01'"
                : columns.size() == 1 ? columns.getFirst() : "greatest(" + String.join(", ", columns) + ")";
        int n = dates.size();
        long[] population = new long[n];
        long[] trained = new long[n];
        LocalDate[] until = dates.stream().map(d -> d.isBefore(rule.windowTo()) ? d : rule.windowTo()).toArray(LocalDate[]::new);
        jdbc.query("""
                select greatest(cd.valid_from, cp.valid_from) f,
                       least(cd.valid_to, coalesce(cp.valid_to, date '9999-12-31')) t, %s o, count(*)
                from unit_closure_dated cd
                straight_join unit u on u.id = cd.descendant_id
                straight_join coverage_population cp on cp.rule_id = :rule and cp.unit_id = cd.descendant_id
                where cd.ancestor_id = :root and cd.valid_from <= :last and cd.valid_to > :first
                  and u.type in (select rt.unit_type from programme_rule_unit_type rt where rt.rule_id = :rule)
                  and cp.valid_from <= :last and (cp.valid_to is null or cp.valid_to > :first)
                group by f, t, o""".formatted(trainedOn), params, (RowCallbackHandler) rs -> {
            LocalDate from = rs.getObject(1, LocalDate.class);
            LocalDate to = rs.getObject(2, LocalDate.class);
            LocalDate on = rs.getObject(3, LocalDate.class);
            long count = rs.getLong(4);
            for (int i = 0; i < n; i++) {
                LocalDate d = dates.get(i);
                if (!from.isAfter(d) && to.isAfter(d)) {
                    population[i] += count;
                    if (on != null && !on.isAfter(until[i])) {
                        trained[i] += count;
                    }
                }
            }
        });
        Map<LocalDate, Figures> figures = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            figures.put(dates.get(i), new Figures(population[i], trained[i]));
        }
        return figures;
    }

    /**
     * The trend by the live query (membership, person, coverage_first_completion): kept to check
     * {@link #trend} and for a rule with more than {@value #SLOTS} required groups. Per person and
     * rule the "trained on" date is worked out once and compared with every point.
     */
    Map<LocalDate, Figures> liveTrend(long rootId, List<LocalDate> points) {
        if (points.isEmpty()) {
            return Map.of();
        }
        String values = String.join(" union all ", points.stream().map(p -> "select date '" + p + "' d").toList());
        var result = new java.util.TreeMap<LocalDate, Figures>();
        jdbc.query("""
                with pts as (%s),
                mr as (
                  select pts.d, r.id rule_id, r.window_from, r.window_to, least(pts.d, r.window_to) until,
                         (select count(*) from programme_rule_group g where g.rule_id = r.id) required
                  from pts join programme_rule r on r.valid_from <= pts.d and (r.valid_to is null or r.valid_to > pts.d)),
                pop as (
                  select mr.d, mr.rule_id, m.person_id
                  from mr
                  join unit_closure_dated cd on cd.ancestor_id = :root and cd.valid_from <= mr.d and cd.valid_to > mr.d
                  join membership m on m.unit_id = cd.descendant_id and m.in_target
                   and m.valid_from <= mr.d and (m.valid_to is null or m.valid_to > mr.d)
                  join unit u on u.id = m.unit_id
                  where exists (select 1 from programme_rule_category rc where rc.rule_id = mr.rule_id and rc.category = m.category)
                    and exists (select 1 from programme_rule_unit_type rt where rt.rule_id = mr.rule_id and rt.unit_type = u.type)
                  group by mr.d, mr.rule_id, m.person_id),
                pr as (select distinct rule_id, person_id from pop),
                firsts as (
                  select pr.rule_id, pr.person_id, f.group_code, f.first_on
                  from pr
                  straight_join coverage_first_completion f on f.rule_id = pr.rule_id and f.person_id = pr.person_id),
                trained_on as (select rule_id, person_id, count(*) n, max(first_on) on_date from firsts group by rule_id, person_id)
                select mr.d, count(pop.person_id), coalesce(sum(t.n = mr.required and t.on_date <= mr.until), 0)
                from mr
                left join pop on pop.d = mr.d
                left join trained_on t on t.rule_id = pop.rule_id and t.person_id = pop.person_id
                group by mr.d order by mr.d""".formatted(values), new MapSqlParameterSource("root", rootId),
                (RowCallbackHandler) rs -> result.put(rs.getObject(1, LocalDate.class), new Figures(rs.getLong(2), rs.getLong(3))));
        return result;
    }

    /** A person of the target population not trained at the date, with what they have and have started. */
    record Untrained(long personId, String fullName, String sex, StaffCategory category, long unitId, String unitCode,
                     String unitName, LocalDate inUnitSince, List<String> satisfiedGroups, List<String> startedGroups) {
    }

    /** Filters of the drill-down: part of a name, and a required group the person lacks. */
    record UntrainedFilter(String nameContains, String lacksGroup) {
        static final UntrainedFilter NONE = new UntrainedFilter(null, null);
    }

    private static final String UNTRAINED = """
            , started as (
              select cp.person_id, group_concat(distinct rg.group_code order by rg.group_code separator ',') groups_key
              from pop
              straight_join course_progress cp on cp.person_id = pop.person_id
              straight_join course_group cg on cg.course_id = cp.course_id
              straight_join programme_rule_group rg on rg.rule_id = :rule and rg.group_code = cg.group_code
              group by cp.person_id),
            untrained as (
              select pp.*, p.full_name, u.code unit_code, u.name unit_name, coalesce(st.groups_key, '') started_key,
                     (select min(m2.valid_from) from membership m2
                      where m2.person_id = pp.person_id and m2.unit_id = pp.unit_id and m2.valid_from <= :d) since
              from per_person pp
              join person p on p.id = pp.person_id
              join unit u on u.id = pp.unit_id
              left join started st on st.person_id = pp.person_id
              where pp.n < :required
                and (:name is null or p.full_name like concat('%', :name, '%'))
                and (:lacks is null or not find_in_set(:lacks, pp.groups_key)))
            """;

    private static MapSqlParameterSource params(At at, UntrainedFilter filter) {
        String name = filter.nameContains() == null || filter.nameContains().isBlank() ? null : filter.nameContains().strip();
        return at.params().addValue("name", name).addValue("lacks", filter.lacksGroup());
    }

    /**
     * The target population not trained at the date, from coverage_population: the subtree's rows
     * valid at the date with a required group missing by then (name and "lacks" filters on the
     * same rows). Only the page's people are then looked up for since when they are in the unit
     * and which required groups they have started, so a page costs the same for a commune and a
     * province. The live query answers when the rule has a group without a slot.
     */
    private Optional<String> derivedUntrained(MapSqlParameterSource params, boolean withName) {
        Optional<List<String>> slots = slotColumns(params);
        if (slots.isEmpty()) {
            return Optional.empty();
        }
        List<String> columns = slots.get();
        List<String> keyParts = new java.util.ArrayList<>();
        StringBuilder lacks = new StringBuilder("case :lacks");
        for (int i = 0; i < columns.size(); i++) {
            keyParts.add("if(%s <= :until, :g%d, null)".formatted(columns.get(i), i));
            lacks.append(" when :g%d then %s".formatted(i, columns.get(i)));
        }
        lacks.append(" end");
        String key = keyParts.isEmpty() ? "''" : "concat_ws(',', " + String.join(", ", keyParts) + ")";
        String allMet = columns.isEmpty() ? "true" : String.join(" and ", columns.stream().map(c -> c + " <= :until").toList());
        return Optional.of("untrained as (\nselect cp.person_id, %s cp.sex, cp.category, cp.unit_id, u.code unit_code, u.name unit_name, %s groups_key\n"
                .formatted(withName ? "p.full_name," : "", key)
                + populationRowsAt("", withName ? "straight_join person p on p.id = cp.person_id" : "")
                + """
                  and (%s) is not true
                  and (:lacks is null or (%s <= :until) is not true)
                  %s)
                """.formatted(allMet, lacks, withName ? "and (:name is null or p.full_name like concat('%', :name, '%'))" : ""));
    }

    int untrainedCount(At at, UntrainedFilter filter) {
        MapSqlParameterSource params = params(at, filter);
        Optional<String> derived = derivedUntrained(params, params.getValue("name") != null);
        if (derived.isEmpty()) {
            return liveUntrainedCount(at, filter);
        }
        return jdbc.queryForObject("with " + derived.get() + "select count(*) from untrained", params, Integer.class);
    }

    void untrained(At at, UntrainedFilter filter, int offset, int limit, Consumer<Untrained> each) {
        MapSqlParameterSource params = params(at, filter).addValue("limit", limit).addValue("offset", offset);
        Optional<String> derived = derivedUntrained(params, true);
        if (derived.isEmpty()) {
            liveUntrained(at, filter, offset, limit, each);
            return;
        }
        jdbc.query("with " + derived.get() + """
                , page as (select * from untrained order by unit_name, full_name, person_id limit :limit offset :offset)
                select pg.person_id, pg.full_name, pg.sex, pg.category, pg.unit_id, pg.unit_code, pg.unit_name,
                       (select min(m.valid_from) from membership m
                        where m.person_id = pg.person_id and m.unit_id = pg.unit_id and m.valid_from <= :d) since,
                       pg.groups_key,
                       coalesce((select group_concat(distinct rg.group_code order by rg.group_code separator ',')
                                 from course_progress pr
                                 straight_join course_group cg on cg.course_id = pr.course_id
                                 straight_join programme_rule_group rg on rg.rule_id = :rule and rg.group_code = cg.group_code
                                 where pr.person_id = pg.person_id), '') started_key
                from page pg order by pg.unit_name, pg.full_name, pg.person_id""", params,
                (RowCallbackHandler) rs -> each.accept(untrained(rs)));
    }

    /** The drill-down's count by the live query (kept to check the derived rows, and for rules without slots). */
    int liveUntrainedCount(At at, UntrainedFilter filter) {
        return jdbc.queryForObject("with " + POPULATION + ",\n" + SATISFIED + UNTRAINED + "select count(*) from untrained",
                params(at, filter), Integer.class);
    }

    /** The drill-down by the live query. */
    void liveUntrained(At at, UntrainedFilter filter, int offset, int limit, Consumer<Untrained> each) {
        jdbc.query("with " + POPULATION + ",\n" + SATISFIED + UNTRAINED + """
                select person_id, full_name, sex, category, unit_id, unit_code, unit_name, since, groups_key, started_key
                from untrained order by unit_name, full_name, person_id limit :limit offset :offset""",
                params(at, filter).addValue("limit", limit).addValue("offset", offset),
                (RowCallbackHandler) rs -> each.accept(untrained(rs)));
    }

    private static Untrained untrained(ResultSet rs) throws SQLException {
        return new Untrained(rs.getLong(1), rs.getString(2), rs.getString(3), StaffCategory.valueOf(rs.getString(4)),
                rs.getLong(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), codes(rs.getString(9)),
                codes(rs.getString(10)));
    }

    private static List<String> codes(String key) {
        return key == null || key.isEmpty() ? List.of() : List.of(key.split(","));
    }

    record UnitRef(long id, String code, String name, UnitType type) {
    }

    Optional<UnitRef> unitByCode(String code) {
        return jdbc.query("select id, code, name, type from unit where code = :code", Map.of("code", code),
                (rs, i) -> new UnitRef(rs.getLong(1), rs.getString(2), rs.getString(3), UnitType.valueOf(rs.getString(4))))
                .stream().findFirst();
    }

    Optional<UnitRef> unitById(long id) {
        return jdbc.query("select id, code, name, type from unit where id = :id", Map.of("id", id),
                (rs, i) -> new UnitRef(rs.getLong(1), rs.getString(2), rs.getString(3), UnitType.valueOf(rs.getString(4))))
                .stream().findFirst();
    }
}
