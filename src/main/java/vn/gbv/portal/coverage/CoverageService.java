package vn.gbv.portal.coverage;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.coverage.CoverageQueries.At;
import vn.gbv.portal.coverage.CoverageQueries.Counts;
import vn.gbv.portal.coverage.CoverageQueries.TreeUnit;
import vn.gbv.portal.coverage.CoverageQueries.UnitRef;
import vn.gbv.portal.coverage.CoverageQueries.Untrained;
import vn.gbv.portal.coverage.CoverageQueries.UntrainedFilter;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.security.UnitScope;
import vn.gbv.portal.unit.StaffCategory;
import vn.gbv.portal.unit.UnitType;

/**
 * Coverage against target I.2.d (80% of the staff and collaborators doing social work trained):
 * for a unit and everything below it as the tree stood at a date. Every method resolves the unit
 * and checks the caller's scope itself (a unit manager their subtree, an administrator the city),
 * so an edited URL gets a refusal, never someone else's figures.
 */
@Service
@PreAuthorize("hasAnyRole('" + Role.Names.UNIT_MANAGER + "', '" + Role.Names.ADMIN + "')")
public class CoverageService {

    private final CoverageQueries queries;
    private final ProgrammeSettingsService settings;
    private final UnitScope scope;
    private final Clock clock;

    CoverageService(CoverageQueries queries, ProgrammeSettingsService settings, UnitScope scope, Clock clock) {
        this.queries = queries;
        this.settings = settings;
        this.scope = scope;
        this.clock = clock;
    }

    public record CoverageUnit(long id, String code, String name, UnitType type) {
    }

    /** A unit's rolled-up counts; parentId is its parent at the date (null for the unit asked about). */
    public record UnitFigures(CoverageUnit unit, Long parentId, int depth, Figures figures) {
    }

    /** Who of the target population has which required groups: key = the satisfied group codes, sorted. */
    public record Breakdowns(Map<String, Figures> bySex, Map<StaffCategory, Figures> byCategory,
                             Map<UnitType, Figures> byUnitType, List<UnitFigures> byChild, Figures directlyInUnit,
                             Map<String, Long> byGroups) {
    }

    public record CoverageReport(CoverageUnit unit, LocalDate asOf, ProgrammeSettings rule, Figures figures,
                                 BigDecimal milestone, List<UnitFigures> tree, Breakdowns breakdowns) {

        public boolean onTrack() {
            return figures.reaches(milestone);
        }

        public long neededForMilestone() {
            return figures.neededFor(milestone);
        }

        public long neededForTarget() {
            return figures.neededFor(rule.targetPercent());
        }
    }

    public record TrendPoint(LocalDate date, Figures figures) {
    }

    /**
     * At the pace of the last six months (or since the window opened, if shorter), the month the
     * unit reaches this year's milestone and the target; empty = not before the window ends.
     */
    public record Forecast(LocalDate asOf, double pacePerMonth, BigDecimal milestone, Optional<YearMonth> milestoneMonth,
                           BigDecimal target, Optional<YearMonth> targetMonth, LocalDate windowTo) {
    }

    public record Headline(CoverageUnit unit, LocalDate asOf, Figures figures, BigDecimal milestone, BigDecimal target) {

        public boolean onTrack() {
            return figures.reaches(milestone);
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The unit a caller starts at: their first scope root (the city for administrators). */
    @Transactional(readOnly = true)
    public Optional<CoverageUnit> startingUnit() {
        return scope.rootUnitIds().stream().findFirst().flatMap(queries::unitById).map(CoverageService::unit);
    }

    /** The caller's headline figure today, if they have a unit and today is in the window. */
    @Transactional(readOnly = true)
    public Optional<Headline> headline() {
        LocalDate today = today();
        Optional<ProgrammeSettings> rule = settings.inForce(today).filter(r -> r.inWindow(today));
        Optional<CoverageUnit> unit = startingUnit();
        if (rule.isEmpty() || unit.isEmpty()) {
            return Optional.empty();
        }
        Figures figures = queries.total(new At(unit.get().id(), today, rule.get()));
        return Optional.of(new Headline(unit.get(), today, figures, rule.get().milestoneFor(today), rule.get().targetPercent()));
    }

    /** Figures, the units below with theirs, and the breakdowns, for a unit at a date. */
    @Transactional(readOnly = true)
    public CoverageReport coverageOf(String unitCode, LocalDate date) {
        At at = at(unitCode, date);
        CoverageUnit unit = unit(queries.unitById(at.rootId()).orElseThrow());
        Counts counts = queries.counts(at);
        List<UnitFigures> tree = rollUp(queries.subtree(at), counts.byUnit());
        Figures total = counts.total();
        return new CoverageReport(unit, date, at.rule(), total, at.rule().milestoneFor(date), tree,
                breakdowns(at.rootId(), counts, tree, total));
    }

    /** Only the counts (no tree, no breakdowns). */
    @Transactional(readOnly = true)
    public Figures figuresOf(String unitCode, LocalDate date) {
        return queries.total(at(unitCode, date));
    }

    /** The trend and the forecast of a unit at a date, from one reading of the population (what the dashboard shows). */
    public record Outlook(List<TrendPoint> trend, Forecast forecast) {
    }

    /** Coverage at each month end of the window up to the date, and at the date itself. */
    @Transactional(readOnly = true)
    public List<TrendPoint> trend(String unitCode, LocalDate date) {
        At at = at(unitCode, date);
        List<LocalDate> points = trendPoints(at.rule(), date);
        return trendOf(points, queries.trend(at.rootId(), points));
    }

    @Transactional(readOnly = true)
    public Forecast forecast(String unitCode, LocalDate date) {
        At at = at(unitCode, date);
        LocalDate since = forecastStart(at.rule(), date);
        return forecastOf(at.rule(), date, since, queries.trend(at.rootId(), List.of(since, date)));
    }

    /** {@link #trend} and {@link #forecast} together, the population read once for both. */
    @Transactional(readOnly = true)
    public Outlook outlook(String unitCode, LocalDate date) {
        At at = at(unitCode, date);
        List<LocalDate> points = trendPoints(at.rule(), date);
        LocalDate since = forecastStart(at.rule(), date);
        List<LocalDate> asked = new ArrayList<>(points);
        asked.add(since);
        Map<LocalDate, Figures> figures = queries.trend(at.rootId(), asked);
        return new Outlook(trendOf(points, figures), forecastOf(at.rule(), date, since, figures));
    }

    private static List<LocalDate> trendPoints(ProgrammeSettings rule, LocalDate date) {
        List<LocalDate> points = new ArrayList<>();
        for (YearMonth m = YearMonth.from(rule.windowFrom()); !m.atEndOfMonth().isAfter(date); m = m.plusMonths(1)) {
            points.add(m.atEndOfMonth());
        }
        if (points.isEmpty() || !points.getLast().equals(date)) {
            points.add(date);
        }
        return points;
    }

    private static List<TrendPoint> trendOf(List<LocalDate> points, Map<LocalDate, Figures> figures) {
        return points.stream().filter(figures::containsKey).map(d -> new TrendPoint(d, figures.get(d))).toList();
    }

    /** The pace is measured over the last six months, or since the window opened if that is shorter. */
    private static LocalDate forecastStart(ProgrammeSettings rule, LocalDate date) {
        LocalDate sixMonthsBefore = date.minusMonths(6);
        return sixMonthsBefore.isBefore(rule.windowFrom()) ? rule.windowFrom() : sixMonthsBefore;
    }

    private static Forecast forecastOf(ProgrammeSettings rule, LocalDate date, LocalDate since, Map<LocalDate, Figures> points) {
        Figures now = points.getOrDefault(date, Figures.NONE);
        Figures then = points.getOrDefault(since, Figures.NONE);
        double months = Math.max(1.0, (date.toEpochDay() - since.toEpochDay()) / 30.4375);
        double pace = (now.trained() - then.trained()) / months;
        BigDecimal milestone = rule.milestoneFor(date);
        return new Forecast(date, pace, milestone, reachedIn(now, milestone, pace, date, rule.windowTo()),
                rule.targetPercent(), reachedIn(now, rule.targetPercent(), pace, date, rule.windowTo()), rule.windowTo());
    }

    private static Optional<YearMonth> reachedIn(Figures now, BigDecimal goal, double pace, LocalDate date, LocalDate windowTo) {
        long needed = now.neededFor(goal);
        if (needed == 0) {
            return Optional.of(YearMonth.from(date));
        }
        if (pace <= 0) {
            return Optional.empty();
        }
        YearMonth month = YearMonth.from(date).plusMonths((long) Math.ceil(needed / pace));
        return month.isAfter(YearMonth.from(windowTo)) ? Optional.empty() : Optional.of(month);
    }

    /** The target population not trained at the date, a page at a time. */
    @Transactional(readOnly = true)
    public List<Untrained> untrained(String unitCode, LocalDate date, UntrainedFilter filter, int offset, int limit) {
        List<Untrained> rows = new ArrayList<>();
        queries.untrained(at(unitCode, date), filter, offset, limit, rows::add);
        return rows;
    }

    @Transactional(readOnly = true)
    public int untrainedCount(String unitCode, LocalDate date, UntrainedFilter filter) {
        return queries.untrainedCount(at(unitCode, date), filter);
    }

    /** The drill-down as XLSX, streamed; the same scope check as everything else. */
    @Transactional(readOnly = true)
    public void exportUntrained(String unitCode, LocalDate date, UntrainedFilter filter, UntrainedWorkbook.Labels labels,
                                OutputStream out) throws IOException {
        At at = at(unitCode, date);
        UntrainedWorkbook.write(out, labels, date, each -> queries.untrained(at, filter, 0, Integer.MAX_VALUE, each));
    }

    /**
     * "Trained at the date" as an SQL condition, for lists that filter people on it (the roster);
     * the rule in force at the date, its window end and its required groups, as the figures use them.
     */
    @Transactional(readOnly = true)
    public TrainedCondition trainedCondition(LocalDate date) {
        return settings.inForce(date).filter(r -> r.inWindow(date))
                .map(rule -> new TrainedCondition(rule.ruleId(), date.isBefore(rule.windowTo()) ? date : rule.windowTo(),
                        rule.requiredGroups().size()))
                .orElse(new TrainedCondition(null, date, 0));
    }

    /** The rule in force for a unit the caller may see, at a date in the window. */
    @Transactional(readOnly = true)
    public ProgrammeSettings ruleFor(String unitCode, LocalDate date) {
        return at(unitCode, date).rule();
    }

    @Transactional(readOnly = true)
    public CoverageUnit unit(String unitCode) {
        return unit(resolve(unitCode));
    }

    /** The programme groups by code, for labels. */
    public Map<String, ProgrammeSettings.Group> groups() {
        Map<String, ProgrammeSettings.Group> byCode = new LinkedHashMap<>();
        settings.groups().forEach(g -> byCode.put(g.code(), g));
        return byCode;
    }

    // ---- rules of access and of the window ----

    private At at(String unitCode, LocalDate date) {
        UnitRef unit = resolve(unitCode);
        if (date == null) {
            throw RefusedException.of("coverage.error.date-required");
        }
        ProgrammeSettings rule = settings.inForce(date).filter(r -> r.inWindow(date)).orElseThrow(() -> {
            ProgrammeSettings current = settings.inForce(today()).orElse(null);
            return current == null ? RefusedException.of("coverage.error.no-rule", date)
                    : RefusedException.of("coverage.error.date-outside-window", date, current.windowFrom(), current.windowTo());
        });
        return new At(unit.id(), date, rule);
    }

    private UnitRef resolve(String unitCode) {
        if (unitCode == null || unitCode.isBlank()) {
            throw RefusedException.of("coverage.error.unknown-unit", String.valueOf(unitCode));
        }
        UnitRef unit = queries.unitByCode(unitCode.strip())
                .orElseThrow(() -> RefusedException.of("coverage.error.unknown-unit", unitCode.strip()));
        if (!scope.canManage(unit.id())) {
            // The same words as for an unknown code would hide nothing useful; say it is not theirs.
            throw RefusedException.of("coverage.error.outside-scope", unitCode.strip());
        }
        return unit;
    }

    private static Breakdowns breakdowns(long rootId, Counts counts, List<UnitFigures> tree, Figures total) {
        List<UnitFigures> children = tree.stream().filter(u -> u.parentId() != null && u.parentId() == rootId).toList();
        Figures direct = children.stream().map(UnitFigures::figures).reduce(total, Figures::minus);
        return new Breakdowns(new TreeMap<>(counts.bySex()), new EnumMap<>(counts.byCategory()),
                new EnumMap<>(counts.byUnitType()), children, direct, new TreeMap<>(counts.byGroups()));
    }

    private static CoverageUnit unit(UnitRef ref) {
        return new CoverageUnit(ref.id(), ref.code(), ref.name(), ref.type());
    }

    /**
     * Each unit's figures summed over its subtree: the counts of the population query, by the
     * unit people belong to, added up from the deepest units to the root (sums of counts only).
     */
    private static List<UnitFigures> rollUp(List<TreeUnit> units, Map<Long, Figures> ownTotals) {
        Map<Long, Figures> totals = new java.util.HashMap<>(ownTotals);
        List<TreeUnit> deepestFirst = new ArrayList<>(units);
        deepestFirst.sort(java.util.Comparator.comparingInt(TreeUnit::depth).reversed());
        for (TreeUnit u : deepestFirst) {
            if (u.parentId() != null) {
                totals.merge(u.parentId(), totals.getOrDefault(u.unitId(), Figures.NONE), Figures::plus);
            }
        }
        return units.stream().map(u -> new UnitFigures(new CoverageUnit(u.unitId(), u.code(), u.name(), u.type()),
                u.parentId(), u.depth(), totals.getOrDefault(u.unitId(), Figures.NONE))).toList();
    }

    static BigDecimal percentOf(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
