package vn.gbv.portal.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.PersonService.MembershipTerms;
import vn.gbv.portal.unit.PersonService.PersonFilter;
import vn.gbv.portal.unit.PersonService.PersonRow;
import vn.gbv.portal.unit.PersonService.PersonalDetails;

/** The national personal ID (12 digits, unique when present, masked in lists) and the staff code. */
@SpringBootTest
@WithMockUser(username = "ids-manager", roles = "UNIT_MANAGER")
class PersonIdentifiersTest {

    private static final LocalDate START = LocalDate.of(2022, 1, 1);

    @Autowired PersonService people;
    @Autowired UnitService units;
    @Autowired JdbcTemplate jdbc;

    long ward;
    MembershipTerms inWard;

    @BeforeEach
    void ward() {
        TestData data = new TestData(jdbc, units);
        long city = data.unit("Thành phố", UnitType.CITY, null, START);
        ward = data.unit("Phường Hòa Khánh", UnitType.WARD, city, START);
        data.account("ids-manager", Set.of(Role.UNIT_MANAGER), ward);
        inWard = new MembershipTerms(ward, StaffCategory.CONG_CHUC, null, true);
    }

    @Test
    void aNationalIdIsTwelveDigitsStoredWithoutSpacesAndShownMaskedInTheList() {
        String id = nationalId();
        long person = people.create(details("Mai Văn Lộc", spaced(id), " CB-001 "), inWard, START);

        assertThat(people.person(person).details().nationalId()).isEqualTo(id);
        assertThat(people.person(person).details().staffCode()).isEqualTo("CB-001");
        PersonRow row = people.search(ward, PersonFilter.none(), 0, 10).stream()
                .filter(r -> r.personId() == person).findFirst().orElseThrow();
        assertThat(row.maskedNationalId()).isEqualTo("••••••••" + id.substring(8)).doesNotContain(id.substring(0, 8));
        assertThat(row.staffCode()).isEqualTo("CB-001");
        assertThat(jdbc.queryForObject("select national_id from person where id = ?", String.class, person)).isEqualTo(id);
    }

    @Test
    void aNationalIdOfOtherThanTwelveDigitsIsRefusedOnItsField() {
        for (String wrong : new String[] {"12345678901", "1234567890123", "12345678901a", "０１２３４５６７８９０１"}) {
            assertThatThrownBy(() -> people.create(details("Sai Số", wrong, null), inWard, START))
                    .isInstanceOfSatisfying(RefusedException.class, refused -> {
                        assertThat(refused.messageKey()).isEqualTo("people.error.national-id-format");
                        assertThat(refused.field()).contains("nationalId");
                    });
        }
        assertThat(jdbc.queryForObject("select count(*) from person where full_name = 'Sai Số'", Integer.class)).isZero();
    }

    @Test
    void aNationalIdAlreadyRecordedIsRefusedWithoutNamingTheOtherPerson() {
        String id = nationalId();
        long first = people.create(details("Người Thứ Nhất", id, null), inWard, START);
        long second = people.create(details("Người Thứ Hai", null, null), inWard, START);

        assertThatThrownBy(() -> people.create(details("Người Thứ Ba", id, null), inWard, START))
                .isInstanceOfSatisfying(RefusedException.class, refused -> {
                    assertThat(refused.messageKey()).isEqualTo("people.error.national-id-taken");
                    assertThat(refused.field()).contains("nationalId");
                    assertThat(refused.args()).isEmpty();
                });
        assertThatThrownBy(() -> people.updateDetails(second, people.person(second).version(),
                details("Người Thứ Hai", id, null)))
                .isInstanceOf(RefusedException.class).hasMessage("people.error.national-id-taken");
        // Saving a person with their own number again is no conflict; two people without one neither.
        people.updateDetails(first, people.person(first).version(), details("Người Thứ Nhất", id, "A1"));
        people.create(details("Người Thứ Tư", null, null), inWard, START);
    }

    @Test
    void aStaffCodeHasAtMostFortyCharacters() {
        people.create(details("Mã Vừa Đủ", null, "X".repeat(40)), inWard, START);
        assertThatThrownBy(() -> people.create(details("Mã Quá Dài", null, "X".repeat(41)), inWard, START))
                .isInstanceOfSatisfying(RefusedException.class, refused -> {
                    assertThat(refused.messageKey()).isEqualTo("people.error.staff-code-too-long");
                    assertThat(refused.field()).contains("staffCode");
                });
    }

    private static PersonalDetails details(String name, String nationalId, String staffCode) {
        return new PersonalDetails(name, Sex.M, 1985, null, null, nationalId, staffCode);
    }

    /** A 12-digit number no other test uses. */
    static String nationalId() {
        return "0" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L);
    }

    private static String spaced(String id) {
        return " " + id.substring(0, 3) + " " + id.substring(3, 6) + " " + id.substring(6) + " ";
    }
}
