package vn.gbv.portal.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import vn.gbv.portal.security.Role;

/**
 * The tree as it stood at a date (unit_closure_dated), kept by every tree change: coverage as of
 * a past date rolls people up where their units were then.
 */
@SpringBootTest
@WithMockUser(username = "dated-admin", roles = "ADMIN")
class DatedClosureTest {

    private static final LocalDate START = LocalDate.of(2020, 1, 1);
    private static final LocalDate CHANGE = LocalDate.of(2025, 7, 1);
    private static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

    @Autowired UnitService units;
    @Autowired JdbcTemplate jdbc;
    TestData data;

    long provinceA;
    long provinceB;

    @BeforeEach
    void twoProvinces() {
        data = new TestData(jdbc, units);
        data.account("dated-admin", Set.of(Role.ADMIN));
        provinceA = data.unit("Tỉnh Bắc", UnitType.CITY, null, START);
        provinceB = data.unit("Tỉnh Nam", UnitType.CITY, null, START);
    }

    @Test
    void aMergedCommunesPeopleStillRollUpUnderItsOldParentBeforeTheMerge() {
        long commune = data.unit("Xã Tân Hòa", UnitType.COMMUNE, provinceA, START);
        long successor = data.unit("Xã Phú Mỹ", UnitType.COMMUNE, provinceB, START);
        long person = data.person("Võ Thị Xuân", Sex.F, commune, StaffCategory.CONG_CHUC, true, START);

        units.merge(commune, successor, CHANGE);

        assertThat(peopleUnder(provinceA, CHANGE.minusDays(1))).containsExactly(person);
        assertThat(peopleUnder(provinceB, CHANGE.minusDays(1))).doesNotContain(person);
        assertThat(peopleUnder(provinceA, CHANGE)).doesNotContain(person);
        assertThat(peopleUnder(provinceB, CHANGE)).containsExactly(person);
        assertThat(datedAncestors(commune)).containsExactlyInAnyOrder(
                tuple(commune, 0, START, CHANGE), tuple(provinceA, 1, START, CHANGE));
    }

    @Test
    void aMoveChangesTheDatedClosureFromTheMoveDateOnly() {
        long commune = data.unit("Xã Hòa Lợi", UnitType.COMMUNE, provinceA, START);
        long school = data.unit("Trường Hòa Lợi", UnitType.SCHOOL, commune, START);

        units.move(commune, provinceB, CHANGE);

        assertThat(datedAncestors(school)).containsExactlyInAnyOrder(
                tuple(school, 0, START, OPEN_END),
                tuple(commune, 1, START, OPEN_END),
                tuple(provinceA, 2, START, CHANGE),
                tuple(provinceB, 2, CHANGE, OPEN_END));
        assertThat(ancestorsAt(school, CHANGE.minusDays(1))).containsExactlyInAnyOrder(school, commune, provinceA);
        assertThat(ancestorsAt(school, CHANGE)).containsExactlyInAnyOrder(school, commune, provinceB);
    }

    /** People whose membership valid at the date is in a unit below the ancestor at that date. */
    private List<Long> peopleUnder(long ancestorId, LocalDate date) {
        return jdbc.queryForList("""
                select m.person_id from unit_closure_dated c
                join membership m on m.unit_id = c.descendant_id
                     and m.valid_from <= ? and (m.valid_to is null or m.valid_to > ?)
                where c.ancestor_id = ? and c.valid_from <= ? and c.valid_to > ?
                """, Long.class, Date.valueOf(date), Date.valueOf(date), ancestorId, Date.valueOf(date),
                Date.valueOf(date));
    }

    private List<Long> ancestorsAt(long unitId, LocalDate date) {
        return jdbc.queryForList("""
                select ancestor_id from unit_closure_dated
                where descendant_id = ? and valid_from <= ? and valid_to > ?
                """, Long.class, unitId, Date.valueOf(date), Date.valueOf(date));
    }

    private List<org.assertj.core.groups.Tuple> datedAncestors(long unitId) {
        return jdbc.query("""
                select ancestor_id, depth, valid_from, valid_to from unit_closure_dated where descendant_id = ?
                """, (rs, n) -> tuple(rs.getLong(1), rs.getInt(2), rs.getDate(3).toLocalDate(),
                rs.getDate(4).toLocalDate()), unitId);
    }
}
