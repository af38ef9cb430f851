package vn.gbv.portal.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import vn.gbv.portal.coverage.CoverageQueries.At;
import vn.gbv.portal.coverage.CoverageQueries.Counts;
import vn.gbv.portal.coverage.CoverageQueries.Slice;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.PersonService;
import vn.gbv.portal.unit.Sex;
import vn.gbv.portal.unit.StaffCategory;
import vn.gbv.portal.unit.UnitService;

/**
 * The derived population rows (coverage_population, migration V8, kept by database triggers) give
 * exactly the figures of the live query over membership, person and coverage_first_completion:
 * for every unit of the hand-built city, at dates before and after each change, after each kind
 * of write (completion, revocation, correction, a course joining a group, transfer, leaver,
 * category and target-flag change, sex edit, rule change, unit merge, a membership row deleted);
 * and the trend and the drill-down (with its filters) read from them equal the live ones.
 */
@SpringBootTest
@Transactional
@WithMockUser(username = "population-admin", roles = "ADMIN")
class CoveragePopulationTest {

    static final List<LocalDate> DATES = List.of(LocalDate.of(2026, 1, 31), HandBuiltCity.D1, LocalDate.of(2026, 8, 20),
            LocalDate.of(2026, 9, 30), HandBuiltCity.D2, LocalDate.of(2027, 2, 28), LocalDate.of(2027, 6, 30),
            LocalDate.of(2028, 12, 31));

    @Autowired JdbcTemplate jdbc;
    @Autowired UnitService units;
    @Autowired PersonService people;
    @Autowired ProgrammeSettingsService settings;
    @Autowired CoverageQueries queries;

    HandBuiltCity city;
    CoverageTestData data;

    @BeforeEach
    void city() {
        data = new CoverageTestData(jdbc, units);
        data.account("population-admin", Set.of(Role.ADMIN));
        city = new HandBuiltCity(data);
    }

    @Test
    void theDerivedRowsFollowEveryKindOfChange() {
        sameAsLive("the hand-built city");

        long k = courseId("k");
        long i = courseId("i");
        long w = courseId("w");
        long p10k = data.imported(city.p[10], k, LocalDate.of(2026, 4, 2));
        sameAsLive("a completion");
        data.imported(city.p[10], i, LocalDate.of(2026, 10, 3));
        sameAsLive("a second completion that trains the person");
        data.imported(city.p[10], courseId("k2"), LocalDate.of(2026, 3, 1));
        sameAsLive("an earlier completion of another course of the same group");

        data.revoke(p10k);
        sameAsLive("a revocation");
        data.correction(completionOf(city.p[9], i), LocalDate.of(2026, 12, 1));
        sameAsLive("a correction that supersedes");

        jdbc.update("insert into course_group (course_id, group_code) values (?, 'in-depth')", w);
        sameAsLive("a course joining a required group");

        people.changeMembership(city.p[2], new PersonService.MembershipTerms(city.s, StaffCategory.CAN_BO, "Cán bộ", true),
                LocalDate.of(2026, 9, 1));
        sameAsLive("a transfer");
        people.endMembership(city.p[14], LocalDate.of(2026, 10, 15));
        sameAsLive("a leaver");
        people.changeMembership(city.p[4], new PersonService.MembershipTerms(city.a, StaffCategory.CONG_CHUC, "Cán bộ", true),
                LocalDate.of(2026, 8, 1));
        sameAsLive("joining the target population");
        people.changeMembership(city.p[11], new PersonService.MembershipTerms(city.a1, StaffCategory.NHAN_VIEN, "Cán bộ", true),
                LocalDate.of(2026, 11, 1));
        sameAsLive("a change of category");

        PersonService.PersonDetails before = people.person(city.p[1]);
        PersonService.PersonalDetails d = before.details();
        people.updateDetails(city.p[1], before.version(), new PersonService.PersonalDetails(d.fullName(), Sex.M, d.birthYear(),
                d.phone(), d.email(), d.nationalId(), d.staffCode()));
        sameAsLive("a sex edit");

        settings.change(new ProgrammeSettings.Change("Chỉ tiêu sửa đổi", LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31), new BigDecimal("80"),
                Map.of(2026, new BigDecimal("30"), 2027, new BigDecimal("45")), Set.of("workplace", "knowledge", "in-depth"),
                Set.of("CAN_BO", "CONG_CHUC", "VIEN_CHUC", "CONG_TAC_VIEN"),
                Set.of("CITY", "DEPARTMENT", "COMMUNE", "WARD", "HEALTH_FACILITY", "SOCIAL_ASSISTANCE", "SHELTER", "OTHER")));
        sameAsLive("a rule change");
        data.imported(city.p[13], w, LocalDate.of(2026, 12, 20));
        sameAsLive("a completion under the new rule");

        units.merge(city.s, city.a, LocalDate.of(2026, 11, 20));
        sameAsLive("a unit merge");

        long rowId = jdbc.queryForObject("select max(id) from membership where person_id = ?", Long.class, city.p[15]);
        jdbc.update("delete from membership where id = ?", rowId);
        sameAsLive("a membership row deleted");
    }

    @Test
    void theFullRebuildGivesTheSameRowsAsTheTriggers() {
        settings.change(new ProgrammeSettings.Change("Chỉ tiêu sửa đổi", LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31), new BigDecimal("80"), Map.of(2026, new BigDecimal("30")),
                Set.of("workplace", "knowledge"), Set.of("CAN_BO", "CONG_CHUC", "VIEN_CHUC"), Set.of("WARD", "HEALTH_FACILITY")));
        List<String> byTriggers = normalisedRows();
        assertThat(byTriggers).isNotEmpty();
        jdbc.execute("call coverage_rebuild_all()");
        assertThat(normalisedRows()).containsExactlyElementsOf(byTriggers);
        assertThat(jdbc.queryForObject("select @coverage_bulk_load", Object.class)).isNull();
        sameAsLive("after the rebuild");
    }

    /** Each row of the city's people with the group (not the slot) of each date, so that slot numbering may differ. */
    private List<String> normalisedRows() {
        return jdbc.queryForList("""
                select concat_ws('|', cp.rule_id, cp.membership_id, cp.unit_id, cp.person_id, cp.valid_from,
                         coalesce(cp.valid_to, '-'), cp.category, cp.sex,
                         (select group_concat(s.group_code, '=', case s.slot when 1 then cp.g1_on when 2 then cp.g2_on
                                 when 3 then cp.g3_on when 4 then cp.g4_on when 5 then cp.g5_on when 6 then cp.g6_on end
                                 order by s.group_code)
                          from coverage_rule_slot s where s.rule_id = cp.rule_id))
                from coverage_population cp
                join person p on p.id = cp.person_id
                where p.id between ? and ?
                order by cp.rule_id, cp.membership_id""", String.class, city.p[1], city.p[18]);
    }

    private void sameAsLive(String after) {
        int compared = 0;
        int untrainedSeen = 0;
        for (LocalDate date : DATES) {
            ProgrammeSettings rule = settings.inForce(date).orElseThrow();
            for (long unit : new long[] {city.c, city.a, city.a1, city.b, city.s}) {
                At at = new At(unit, date, rule);
                assertThat(queries.usesPopulationRows(at)).as("derived rows in use").isTrue();
                List<Slice> live = queries.liveSlices(at);
                String where = "after " + after + ", unit " + city.code(unit) + " at " + date;
                assertThat(queries.counts(at)).as(where).isEqualTo(Counts.of(live));
                assertThat(queries.total(at)).as(where).isEqualTo(queries.liveTotal(at));
                for (CoverageQueries.UntrainedFilter filter : List.of(CoverageQueries.UntrainedFilter.NONE,
                        new CoverageQueries.UntrainedFilter("thị", null), new CoverageQueries.UntrainedFilter(null, "in-depth"),
                        new CoverageQueries.UntrainedFilter(null, "knowledge"))) {
                    List<CoverageQueries.Untrained> derived = new java.util.ArrayList<>();
                    List<CoverageQueries.Untrained> liveRows = new java.util.ArrayList<>();
                    queries.untrained(at, filter, 0, 1000, derived::add);
                    queries.liveUntrained(at, filter, 0, 1000, liveRows::add);
                    assertThat(derived).as("drill-down " + filter + " " + where).isEqualTo(liveRows);
                    assertThat(queries.untrainedCount(at, filter)).as("count " + filter + " " + where)
                            .isEqualTo(queries.liveUntrainedCount(at, filter)).isEqualTo(liveRows.size());
                    untrainedSeen += liveRows.size();
                }
                compared += live.size();
            }
        }
        for (long unit : new long[] {city.c, city.a, city.a1, city.b, city.s}) {
            assertThat(queries.trend(unit, DATES)).as("trend after " + after + ", unit " + city.code(unit))
                    .isEqualTo(queries.liveTrend(unit, DATES)).hasSize(DATES.size());
        }
        assertThat(compared).as("the city has people to compare").isPositive();
        assertThat(untrainedSeen).as("the drill-downs compared list people").isPositive();
    }

    private long courseId(String code) {
        return jdbc.queryForObject("select id from course where code = ?", Long.class, data.code(code));
    }

    private long completionOf(long personId, long courseId) {
        return jdbc.queryForObject("select max(id) from completion where person_id = ? and course_id = ?", Long.class,
                personId, courseId);
    }
}
