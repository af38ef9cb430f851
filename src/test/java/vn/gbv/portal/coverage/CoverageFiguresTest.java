package vn.gbv.portal.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gbv.portal.coverage.HandBuiltCity.D1;
import static vn.gbv.portal.coverage.HandBuiltCity.D2;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.coverage.CoverageQueries.UntrainedFilter;
import vn.gbv.portal.coverage.CoverageService.CoverageReport;
import vn.gbv.portal.coverage.CoverageService.UnitFigures;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.StaffCategory;
import vn.gbv.portal.unit.UnitService;
import vn.gbv.portal.unit.UnitType;

/**
 * Every figure of the hand-built city (see {@link HandBuiltCity}) against values worked out by
 * hand. Before 1 Oct 2026 the default rule (knowledge AND in-depth, everyone in scope, 2026
 * milestone 20%); from then a changed rule (knowledge only, no NHAN_VIEN, no schools, 30%).
 * Each test runs in a transaction that is rolled back, rule change included.
 */
@SpringBootTest
@Transactional
@WithMockUser(username = "coverage-admin", roles = "ADMIN")
class CoverageFiguresTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired UnitService units;
    @Autowired CoverageService coverage;
    @Autowired ProgrammeSettingsService settings;
    @Autowired CoverageQueries queries;

    HandBuiltCity city;

    @BeforeEach
    void city() {
        CoverageTestData data = new CoverageTestData(jdbc, units);
        data.account("coverage-admin", Set.of(Role.ADMIN));
        city = new HandBuiltCity(data);
        settings.change(new ProgrammeSettings.Change("Chỉ tiêu sửa đổi", LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31), new BigDecimal("80"),
                Map.of(2026, new BigDecimal("30"), 2027, new BigDecimal("45")), Set.of("knowledge"),
                Set.of("CAN_BO", "CONG_CHUC", "VIEN_CHUC", "CONG_TAC_VIEN"),
                Set.of("CITY", "DEPARTMENT", "COMMUNE", "WARD", "HEALTH_FACILITY", "SOCIAL_ASSISTANCE", "SHELTER", "OTHER")));
    }

    @Test
    void beforeTheRuleChangeTheMergedCommuneStillRollsUpAndEveryFigureIsAsComputedByHand() {
        CoverageReport r = coverage.coverageOf(city.code(city.c), D1);

        assertThat(r.figures()).isEqualTo(new Figures(17, 7));
        assertThat(r.figures().percent()).isEqualByComparingTo("41.2");
        assertThat(r.milestone()).isEqualByComparingTo("20");
        assertThat(r.onTrack()).isTrue();
        assertThat(r.neededForMilestone()).isZero();
        assertThat(r.neededForTarget()).isEqualTo(7);
        assertThat(r.figures().gapTo(new BigDecimal("80"))).isEqualByComparingTo("38.8");

        assertThat(figuresByUnit(r)).containsExactlyInAnyOrderEntriesOf(Map.of(
                city.c, new Figures(17, 7), city.a, new Figures(10, 3), city.a1, new Figures(3, 1),
                city.b, new Figures(2, 1), city.s, new Figures(4, 2)));
        assertThat(r.breakdowns().byChild()).extracting(u -> u.unit().id()).containsExactlyInAnyOrder(city.a, city.b, city.s);
        assertThat(r.breakdowns().directlyInUnit()).isEqualTo(new Figures(1, 1));
        assertThat(r.breakdowns().bySex()).isEqualTo(Map.of("F", new Figures(10, 6), "M", new Figures(7, 1)));
        assertThat(r.breakdowns().byCategory()).isEqualTo(Map.of(
                StaffCategory.CONG_CHUC, new Figures(5, 3), StaffCategory.CAN_BO, new Figures(2, 1),
                StaffCategory.CONG_TAC_VIEN, new Figures(3, 1), StaffCategory.NHAN_VIEN, new Figures(1, 0),
                StaffCategory.VIEN_CHUC, new Figures(6, 2)));
        assertThat(r.breakdowns().byUnitType()).isEqualTo(Map.of(
                UnitType.WARD, new Figures(7, 2), UnitType.HEALTH_FACILITY, new Figures(3, 1),
                UnitType.COMMUNE, new Figures(2, 1), UnitType.SCHOOL, new Figures(4, 2), UnitType.CITY, new Figures(1, 1)));
        assertThat(r.breakdowns().byGroups()).isEqualTo(Map.of(
                "in-depth,knowledge", 7L, "knowledge", 6L, "in-depth", 2L, "", 2L));
    }

    @Test
    void afterTheRuleChangeTransfersLeaversAndTheNewScopeAreCounted() {
        CoverageReport r = coverage.coverageOf(city.code(city.c), D2);

        assertThat(r.figures()).isEqualTo(new Figures(13, 10));
        assertThat(r.figures().percent()).isEqualByComparingTo("76.9");
        assertThat(r.milestone()).isEqualByComparingTo("30");
        assertThat(r.neededForTarget()).isEqualTo(1);
        assertThat(figuresByUnit(r)).containsExactlyInAnyOrderEntriesOf(Map.of(
                city.c, new Figures(13, 10), city.a, new Figures(12, 9), city.a1, new Figures(4, 3),
                city.s, new Figures(0, 0)));
        assertThat(r.breakdowns().directlyInUnit()).isEqualTo(new Figures(1, 1));
        assertThat(r.breakdowns().bySex()).isEqualTo(Map.of("F", new Figures(8, 7), "M", new Figures(5, 3)));
        assertThat(r.breakdowns().byCategory()).isEqualTo(Map.of(
                StaffCategory.CONG_CHUC, new Figures(4, 4), StaffCategory.CAN_BO, new Figures(1, 1),
                StaffCategory.CONG_TAC_VIEN, new Figures(3, 1), StaffCategory.VIEN_CHUC, new Figures(5, 4)));
        assertThat(r.breakdowns().byUnitType()).isEqualTo(Map.of(
                UnitType.WARD, new Figures(8, 6), UnitType.HEALTH_FACILITY, new Figures(4, 3), UnitType.CITY, new Figures(1, 1)));
        assertThat(r.breakdowns().byGroups()).isEqualTo(Map.of("knowledge", 10L, "", 3L));
    }

    @Test
    void theFiguresAreTheSameWithTheLargeSubtreeStatement() {
        int before = queries.largeFromUnits;
        queries.largeFromUnits = 0;
        try {
            beforeTheRuleChangeTheMergedCommuneStillRollsUpAndEveryFigureIsAsComputedByHand();
            afterTheRuleChangeTransfersLeaversAndTheNewScopeAreCounted();
            assertThat(coverage.figuresOf(city.code(city.c), D1)).isEqualTo(new Figures(17, 7));
        } finally {
            queries.largeFromUnits = before;
        }
    }

    @Test
    void theTrendTakesEachMonthEndWithItsOwnRuleTreeAndMembership() {
        List<CoverageService.TrendPoint> trend = coverage.trend(city.code(city.c), D2);

        assertThat(trend).extracting(CoverageService.TrendPoint::date).containsExactly(
                day("2026-01-31"), day("2026-02-28"), day("2026-03-31"), day("2026-04-30"), day("2026-05-31"),
                day("2026-06-30"), day("2026-07-31"), day("2026-08-31"), day("2026-09-30"), day("2026-10-31"), D2);
        assertThat(trend).extracting(CoverageService.TrendPoint::figures).containsExactly(
                new Figures(17, 0), new Figures(17, 2), new Figures(17, 5), new Figures(17, 5), new Figures(17, 7),
                new Figures(17, 7), new Figures(17, 7), new Figures(16, 7), new Figures(16, 7), new Figures(13, 10),
                new Figures(13, 10));
    }

    @Test
    void theForecastFollowsThePaceOfTheLastSixMonths() {
        CoverageService.Forecast f = coverage.forecast(city.code(city.c), D2);

        // 7 trained on 30 May, 10 on 30 Nov: 3 in 184 days; 1 more needed for 80%.
        assertThat(f.pacePerMonth()).isCloseTo(3 / (184 / 30.4375), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f.milestoneMonth()).contains(YearMonth.of(2026, 11));
        assertThat(f.targetMonth()).contains(YearMonth.of(2027, 2));
        // the dashboard reads both from one query: the same trend and forecast
        CoverageService.Outlook outlook = coverage.outlook(city.code(city.c), D2);
        assertThat(outlook.forecast()).isEqualTo(f);
        assertThat(outlook.trend()).isEqualTo(coverage.trend(city.code(city.c), D2));
    }

    @Test
    void theDrillDownListsWhoIsNotTrainedWithWhatTheyLackAndSinceWhen() {
        var rows = coverage.untrained(city.code(city.a), D2, UntrainedFilter.NONE, 0, 100);

        assertThat(rows).extracting(CoverageQueries.Untrained::personId).containsExactlyInAnyOrder(city.p[3], city.p[10], city.p[13]);
        var p3 = rows.stream().filter(u -> u.personId() == city.p[3]).findFirst().orElseThrow();
        assertThat(p3.satisfiedGroups()).isEmpty();
        assertThat(p3.startedGroups()).containsExactly("knowledge");
        assertThat(p3.inUnitSince()).isEqualTo(HandBuiltCity.T0);
        var p13 = rows.stream().filter(u -> u.personId() == city.p[13]).findFirst().orElseThrow();
        assertThat(p13.inUnitSince()).isEqualTo(HandBuiltCity.MERGED);
        assertThat(p13.unitId()).isEqualTo(city.a);
        assertThat(coverage.untrainedCount(city.code(city.a), D2, UntrainedFilter.NONE)).isEqualTo(3);
        assertThat(coverage.untrainedCount(city.code(city.a), D2, new UntrainedFilter("Mười Ba", null))).isEqualTo(1);

        // Before the change: 10 of 17 untrained in the city; 4 lack the knowledge course, 8 the in-depth one.
        assertThat(coverage.untrainedCount(city.code(city.c), D1, UntrainedFilter.NONE)).isEqualTo(10);
        assertThat(coverage.untrainedCount(city.code(city.c), D1, new UntrainedFilter(null, "knowledge"))).isEqualTo(4);
        assertThat(coverage.untrainedCount(city.code(city.c), D1, new UntrainedFilter(null, "in-depth"))).isEqualTo(8);
    }

    private static Map<Long, Figures> figuresByUnit(CoverageReport r) {
        return r.tree().stream().collect(java.util.stream.Collectors.toMap(u -> u.unit().id(), UnitFigures::figures));
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
