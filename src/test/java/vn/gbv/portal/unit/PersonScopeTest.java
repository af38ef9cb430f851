package vn.gbv.portal.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.PersonService.MembershipRecord;
import vn.gbv.portal.unit.PersonService.MembershipTerms;
import vn.gbv.portal.unit.PersonService.PersonFilter;
import vn.gbv.portal.unit.PersonService.PersonRow;
import vn.gbv.portal.unit.PersonService.PersonalDetails;
import vn.gbv.portal.unit.UnitService.NewUnit;
import vn.gbv.portal.unit.UnitService.UnitNode;

/** A unit manager of ward A reaches ward A and the units below it, and nothing else. */
@SpringBootTest
@WithMockUser(username = "scope-manager-a", roles = "UNIT_MANAGER")
class PersonScopeTest {

    private static final LocalDate START = LocalDate.of(2022, 3, 1);
    private static final LocalDate CHANGE = LocalDate.of(2025, 9, 1);

    @Autowired PersonService people;
    @Autowired UnitService units;
    @Autowired JdbcTemplate jdbc;

    long wardA;
    long wardB;
    long school;
    long inA;
    long inSchool;
    long inB;

    @BeforeEach
    void wardsAndPeople() {
        TestData data = new TestData(jdbc, units);
        long city = data.unit("Thành phố", UnitType.CITY, null, START);
        wardA = data.unit("Phường Hòa Thuận", UnitType.WARD, city, START);
        wardB = data.unit("Phường Thống Nhất", UnitType.WARD, city, START);
        school = data.unit("Trường Tiểu học Hòa Thuận", UnitType.SCHOOL, wardA, START);
        inA = data.person("Nguyễn Thị Hoa", Sex.F, wardA, StaffCategory.CONG_CHUC, true, START);
        inSchool = data.person("Đỗ Văn Nam", Sex.M, school, StaffCategory.VIEN_CHUC, false, START);
        inB = data.person("Hoàng Thị Lan", Sex.F, wardB, StaffCategory.CONG_CHUC, true, START);
        data.account("scope-manager-a", Set.of(Role.UNIT_MANAGER), wardA);
        data.account("scope-learner", Set.of(Role.LEARNER));
    }

    @Test
    void listsThePeopleOfTheWardAndOfTheUnitsBelowIt() {
        assertThat(people.search(wardA, PersonFilter.none(), 0, 50))
                .extracting(PersonRow::personId, PersonRow::unitName)
                .containsExactly(tuple(inSchool, "Trường Tiểu học Hòa Thuận"), tuple(inA, "Phường Hòa Thuận"));
        assertThat(people.count(wardA, PersonFilter.none())).isEqualTo(2);
        assertThat(people.search(school, PersonFilter.none(), 0, 50)).extracting(PersonRow::personId)
                .containsExactly(inSchool);
    }

    @Test
    void filtersByNameCategoryAndTarget() {
        assertThat(people.search(wardA, new PersonFilter("hoa", null, null), 0, 50))
                .extracting(PersonRow::personId).containsExactly(inA);
        assertThat(people.search(wardA, new PersonFilter(null, StaffCategory.VIEN_CHUC, null), 0, 50))
                .extracting(PersonRow::personId).containsExactly(inSchool);
        assertThat(people.search(wardA, new PersonFilter(null, null, true), 0, 50))
                .extracting(PersonRow::personId).containsExactly(inA);
        assertThat(people.count(wardA, new PersonFilter("%", null, null))).isZero();
    }

    @Test
    void readsCreatesAndChangesPeopleInScope() {
        assertThat(people.person(inSchool).details().fullName()).isEqualTo("Đỗ Văn Nam");

        long created = people.create(
                new PersonalDetails("  Vũ Thị Thu ", Sex.F, 1985, "0912 345 678", "thu@example.vn"),
                new MembershipTerms(school, StaffCategory.NHAN_VIEN, "Nhân viên tư vấn", true), CHANGE);
        assertThat(people.person(created).details())
                .isEqualTo(new PersonalDetails("Vũ Thị Thu", Sex.F, 1985, "0912 345 678", "thu@example.vn"));
        assertThat(people.search(wardA, PersonFilter.none(), 0, 50)).extracting(PersonRow::personId).contains(created);

        people.updateDetails(inA, people.person(inA).version(), new PersonalDetails("Nguyễn Thị Hoa", Sex.F, 1979, null, null));
        people.changeMembership(inA, new MembershipTerms(school, StaffCategory.CONG_CHUC, "Hiệu phó", true), CHANGE);

        assertThat(people.person(inA).memberships())
                .extracting(MembershipRecord::unitId, MembershipRecord::validFrom, MembershipRecord::validTo)
                .containsExactly(tuple(school, CHANGE, null), tuple(wardA, START, CHANGE));
        assertThat(people.person(inA).details().birthYear()).isEqualTo(1979);
    }

    @Test
    void aLeaverKeepsTheirHistoryAndLeavesTheList() {
        people.endMembership(inSchool, CHANGE);

        assertThat(people.person(inSchool).current()).isEmpty();
        assertThat(people.person(inSchool).memberships()).extracting(MembershipRecord::validTo).containsExactly(CHANGE);
        assertThat(people.search(wardA, PersonFilter.none(), 0, 50)).extracting(PersonRow::personId)
                .doesNotContain(inSchool);
    }

    @Test
    void seesOnlyTheUnitsOfTheScope() {
        assertThat(units.roots()).extracting(UnitNode::id).containsExactly(wardA);
        assertThat(units.children(wardA, 0, 10)).extracting(UnitNode::id).containsExactly(school);
        assertThat(units.search("", 0, 100)).extracting(UnitNode::id).containsExactlyInAnyOrder(wardA, school);
        assertThat(units.unit(school).name()).isEqualTo("Trường Tiểu học Hòa Thuận");
    }

    @Test
    void everyCallForAnotherWardIsRefused() {
        PersonalDetails details = new PersonalDetails("Hoàng Thị Lan", Sex.F, null, null, null);
        MembershipTerms inWardB = new MembershipTerms(wardB, StaffCategory.CONG_CHUC, null, true);

        assertRefused(() -> people.search(wardB, PersonFilter.none(), 0, 50));
        assertRefused(() -> people.count(wardB, PersonFilter.none()));
        assertRefused(() -> people.person(inB));
        assertRefused(() -> people.updateDetails(inB, 0, details));
        MembershipTerms inWardA = new MembershipTerms(wardA, StaffCategory.CONG_CHUC, null, true);
        assertRefused(() -> people.changeMembership(inB, inWardA, CHANGE));
        assertRefused(() -> people.endMembership(inB, CHANGE));
        assertRefused(() -> people.create(details, inWardB, CHANGE));
        assertRefused(() -> people.changeMembership(inA, inWardB, CHANGE));

        assertRefused(() -> units.unit(wardB));
        assertRefused(() -> units.children(wardB, 0, 10));
        assertRefused(() -> units.childCount(wardB));
        assertRefused(() -> units.formerNames(wardB));
        assertRefused(() -> units.addUnit(
                new NewUnit(wardA, TestData.code("X"), "Trạm Y tế", UnitType.HEALTH_FACILITY, CHANGE)));
        assertRefused(() -> units.rename(wardA, "Phường khác", CHANGE));

        assertThat(jdbc.queryForObject("select count(*) from membership where person_id = ?", Integer.class, inB))
                .isEqualTo(1);
        assertThat(people.person(inA).current()).map(MembershipRecord::unitId).contains(wardA);
    }

    @Test
    @WithMockUser(username = "scope-learner", roles = "LEARNER")
    void aLearnerIsRefused() {
        assertRefused(() -> people.search(wardA, PersonFilter.none(), 0, 50));
        assertRefused(() -> people.person(inA));
        assertRefused(() -> units.roots());
        assertRefused(() -> units.search("", 0, 10));
    }

    private static void assertRefused(Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(AccessDeniedException.class);
    }
}
