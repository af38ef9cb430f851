package vn.gbv.portal.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.UnitService.NewUnit;
import vn.gbv.portal.unit.UnitService.UnitAtDate;

@SpringBootTest
@WithMockUser(username = "tree-admin", roles = "ADMIN")
class UnitTreeServiceTest {

    private static final LocalDate START = LocalDate.of(2020, 1, 1);
    private static final LocalDate CHANGE = LocalDate.of(2025, 7, 1);

    @Autowired UnitService units;
    @Autowired JdbcTemplate jdbc;
    TestData data;

    long city;
    long wardA;
    long wardB;

    @BeforeEach
    void tree() {
        data = new TestData(jdbc, units);
        data.account("tree-admin", Set.of(Role.ADMIN));
        city = data.unit("Thành phố thử", UnitType.CITY, null, START);
        wardA = data.unit("Phường An Bình", UnitType.WARD, city, START);
        wardB = data.unit("Phường Tân Lập", UnitType.WARD, city, START);
    }

    @Test
    void addsAUnitUnderItsParentWithItsClosure() {
        long school = units.addUnit(new NewUnit(wardA, TestData.code("SCH"), "Trường Tiểu học Lê Lợi",
                UnitType.SCHOOL, CHANGE));

        assertThat(parentLinks(school)).containsExactly(tuple(wardA, CHANGE, null));
        assertThat(ancestors(school)).containsExactlyInAnyOrder(tuple(school, 0), tuple(wardA, 1), tuple(city, 2));
        assertThat(units.children(wardA, 0, 10)).extracting(UnitService.UnitNode::id).containsExactly(school);
        assertThat(units.unit(wardA).childCount()).isEqualTo(1);
    }

    @Test
    void refusesADuplicateCode() {
        String code = TestData.code("DUP");
        units.addUnit(new NewUnit(wardA, code, "Trạm Y tế", UnitType.HEALTH_FACILITY, CHANGE));

        assertThatThrownBy(() -> units.addUnit(new NewUnit(wardB, code, "Trạm Y tế", UnitType.HEALTH_FACILITY, CHANGE)))
                .isInstanceOf(RefusedException.class).hasMessage("unit.error.code-taken");
    }

    @Test
    void renameKeepsTheFormerNamesWithTheirDates() {
        LocalDate second = CHANGE.plusMonths(2);
        units.rename(wardA, "Phường An Bình Mới", CHANGE);
        units.rename(wardA, "Phường Hòa Bình", second);

        assertThat(units.unit(wardA).name()).isEqualTo("Phường Hòa Bình");
        assertThat(units.formerNames(wardA)).extracting("name", "validFrom", "validTo").containsExactly(
                tuple("Phường An Bình Mới", CHANGE, second),
                tuple("Phường An Bình", START, CHANGE));
        assertThat(asOf(CHANGE.minusDays(1), wardA).name()).isEqualTo("Phường An Bình");
        assertThat(asOf(CHANGE, wardA).name()).isEqualTo("Phường An Bình Mới");
        assertThat(asOf(second, wardA).name()).isEqualTo("Phường Hòa Bình");
    }

    @Test
    void moveClosesTheOldLinkOpensANewOneAndKeepsTheOldTree() {
        long school = data.unit("Trường THCS Nguyễn Du", UnitType.SCHOOL, wardA, START);
        long clinic = data.unit("Phòng khám", UnitType.HEALTH_FACILITY, school, START);

        units.move(school, wardB, CHANGE);

        assertThat(parentLinks(school)).containsExactly(tuple(wardA, START, CHANGE), tuple(wardB, CHANGE, null));
        assertThat(ancestors(clinic)).containsExactlyInAnyOrder(
                tuple(clinic, 0), tuple(school, 1), tuple(wardB, 2), tuple(city, 3));
        assertThat(units.childCount(wardA)).isZero();
        assertThat(units.childCount(wardB)).isEqualTo(1);

        assertThat(asOf(CHANGE.minusDays(1), school).parentId()).isEqualTo(wardA);
        assertThat(asOf(CHANGE.minusDays(1), clinic).depth()).isEqualTo(3);
        assertThat(asOf(CHANGE, school).parentId()).isEqualTo(wardB);
    }

    @Test
    void refusesToMoveAUnitUnderItselfOrItsOwnDescendant() {
        long school = data.unit("Trường Mầm non Hoa Sen", UnitType.SCHOOL, wardA, START);

        assertThatThrownBy(() -> units.move(wardA, school, CHANGE))
                .isInstanceOf(RefusedException.class).hasMessage("unit.error.move-into-own-subtree");
        assertThatThrownBy(() -> units.move(wardA, wardA, CHANGE))
                .isInstanceOf(RefusedException.class).hasMessage("unit.error.move-into-own-subtree");
        assertThat(parentLinks(wardA)).containsExactly(tuple(city, START, null));
        assertThat(ancestors(school)).containsExactlyInAnyOrder(tuple(school, 0), tuple(wardA, 1), tuple(city, 2));
    }

    @Test
    void closeIsRefusedWhileTheUnitHasOpenChildren() {
        long shelter = data.unit("Địa chỉ tin cậy", UnitType.SHELTER, wardA, START);

        assertThatThrownBy(() -> units.close(wardA, CHANGE))
                .isInstanceOf(RefusedException.class).hasMessage("unit.error.close-has-children");

        units.close(shelter, CHANGE);
        assertThat(jdbc.queryForObject("select valid_to from unit where id = ?", LocalDate.class, shelter))
                .isEqualTo(CHANGE);
        assertThat(parentLinks(shelter)).containsExactly(tuple(wardA, START, CHANGE));
        assertThat(ancestors(shelter)).isEmpty();
        assertThat(units.childCount(wardA)).isZero();
        assertThat(asOf(CHANGE.minusDays(1), shelter).parentId()).isEqualTo(wardA);
        assertThat(units.treeAsOf(CHANGE)).extracting(UnitAtDate::id).doesNotContain(shelter);
    }

    @Test
    void closeIsRefusedWhileTheUnitHasCurrentMembers() {
        long shelter = data.unit("Nơi tạm lánh", UnitType.SHELTER, wardA, START);
        data.person("Trần Thị Mai", Sex.F, shelter, StaffCategory.NHAN_VIEN, true, START);

        assertThatThrownBy(() -> units.close(shelter, CHANGE))
                .isInstanceOf(RefusedException.class).hasMessage("unit.error.close-has-members");
    }

    @Test
    void mergeClosesTheUnitMovesItsMembersWithDatesAndItsChildren() {
        long school = data.unit("Trường Tiểu học Kim Đồng", UnitType.SCHOOL, wardA, START);
        long mai = data.person("Trần Thị Mai", Sex.F, wardA, StaffCategory.CONG_CHUC, true, START);
        long lan = data.person("Lê Văn Lân", Sex.M, wardA, StaffCategory.CONG_TAC_VIEN, false, START.plusYears(1));
        long teacher = data.person("Phạm Thu Hà", Sex.F, school, StaffCategory.VIEN_CHUC, true, START);

        units.merge(wardA, wardB, CHANGE);

        assertThat(jdbc.queryForMap("select valid_to, successor_id from unit where id = ?", wardA))
                .containsEntry("valid_to", Date.valueOf(CHANGE)).containsEntry("successor_id", wardB);
        assertThat(memberships(mai)).containsExactly(
                tuple(wardA, "CONG_CHUC", true, START, CHANGE),
                tuple(wardB, "CONG_CHUC", true, CHANGE, null));
        assertThat(memberships(lan)).containsExactly(
                tuple(wardA, "CONG_TAC_VIEN", false, START.plusYears(1), CHANGE),
                tuple(wardB, "CONG_TAC_VIEN", false, CHANGE, null));
        assertThat(memberships(teacher)).containsExactly(tuple(school, "VIEN_CHUC", true, START, null));

        assertThat(parentLinks(school)).containsExactly(tuple(wardA, START, CHANGE), tuple(wardB, CHANGE, null));
        assertThat(parentLinks(wardA)).containsExactly(tuple(city, START, CHANGE));
        assertThat(ancestors(wardA)).isEmpty();
        assertThat(ancestors(school)).containsExactlyInAnyOrder(tuple(school, 0), tuple(wardB, 1), tuple(city, 2));

        assertThat(asOf(CHANGE.minusDays(1), school).parentId()).isEqualTo(wardA);
        assertThat(asOf(CHANGE.minusDays(1), wardA).parentId()).isEqualTo(city);
        assertThat(units.treeAsOf(CHANGE)).extracting(UnitAtDate::id).doesNotContain(wardA);
    }

    @Test
    void refusesAMergeIntoTheUnitsOwnSubtree() {
        long school = data.unit("Trường THPT", UnitType.SCHOOL, wardA, START);

        assertThatThrownBy(() -> units.merge(wardA, school, CHANGE))
                .isInstanceOf(RefusedException.class).hasMessage("unit.error.merge-into-own-subtree");
    }

    @Test
    void refusesAChangeDatedInTheFutureOrBeforeTheRecordItEnds() {
        assertThatThrownBy(() -> units.move(wardA, wardB, LocalDate.now().plusDays(1)))
                .isInstanceOf(RefusedException.class).hasMessage("unit.error.future-date");
        assertThatThrownBy(() -> units.move(wardA, wardB, START))
                .isInstanceOf(RefusedException.class).hasMessage("unit.error.date-too-early");
    }

    private UnitAtDate asOf(LocalDate date, long unitId) {
        return units.treeAsOf(date).stream().filter(u -> u.id() == unitId).findFirst().orElseThrow();
    }

    private List<org.assertj.core.groups.Tuple> parentLinks(long unitId) {
        return jdbc.query("""
                select parent_id, valid_from, valid_to from unit_parent where unit_id = ? order by valid_from
                """,
                (rs, i) -> tuple(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)),
                unitId);
    }

    private List<org.assertj.core.groups.Tuple> ancestors(long unitId) {
        return jdbc.query("select ancestor_id, depth from unit_closure where descendant_id = ?",
                (rs, i) -> tuple(rs.getLong(1), rs.getInt(2)), unitId);
    }

    private List<org.assertj.core.groups.Tuple> memberships(long personId) {
        return jdbc.query("""
                select unit_id, category, in_target, valid_from, valid_to from membership
                where person_id = ? order by valid_from
                """, (rs, i) -> tuple(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)), personId);
    }
}
