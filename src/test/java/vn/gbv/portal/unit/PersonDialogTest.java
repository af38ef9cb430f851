package vn.gbv.portal.unit;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import vn.gbv.portal.i18n.PortalI18nProvider;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.roster.RosterService.RosterRow;
import vn.gbv.portal.roster.RosterView;

/** The person dialog: the birth-year hint, the identifiers, and an edit that someone else overtook. */
@SpringBootTest
@WithMockUser(username = "dialog-manager", roles = "UNIT_MANAGER")
class PersonDialogTest extends SpringBrowserlessTest {

    private static final LocalDate START = LocalDate.of(2021, 1, 1);

    @Autowired JdbcTemplate jdbc;

    static long ward;
    static long known;
    static String knownId;

    @BeforeAll
    static void wardAndManager(@Autowired JdbcTemplate jdbc, @Autowired UnitService units) {
        TestData data = new TestData(jdbc, units);
        long city = data.unit("Thành phố", UnitType.CITY, null, START);
        ward = data.unit("Phường Phước Mỹ", UnitType.WARD, city, START);
        known = data.person("Hồ Văn Định", Sex.M, ward, StaffCategory.CONG_CHUC, true, START);
        knownId = PersonIdentifiersTest.nationalId();
        jdbc.update("update person set national_id = ?, staff_code = 'PM-01' where id = ?", knownId, known);
        data.account("dialog-manager", Set.of(Role.UNIT_MANAGER), ward);
    }

    @Test
    void theBirthYearHintAndErrorShowYearsWithoutAThousandsSeparator() {
        navigate(RosterView.class);
        PersonDialog dialog = openAdd();

        assertThat(dialog.birthYear.getHelperText()).isEqualTo("Không bắt buộc; từ 1940 đến 2010.");
        assertThat(PortalI18nProvider.translate(Locale.ENGLISH, "people.field.birth-year-helper",
                PersonService.BIRTH_YEAR_MIN, PersonService.BIRTH_YEAR_MAX)).isEqualTo("Optional; from 1940 to 2010.");
        assertThat(PortalI18nProvider.translate(PortalI18nProvider.VIETNAMESE, "people.error.birth-year",
                PersonService.BIRTH_YEAR_MIN, PersonService.BIRTH_YEAR_MAX)).isEqualTo("Năm sinh phải từ 1940 đến 2010.");
    }

    @Test
    void theListShowsTheNationalIdMasked() {
        navigate(RosterView.class);
        GridTester<Grid<RosterRow>, RosterRow> grid = test(peopleGrid());
        int row = rowOf(grid, known);

        assertThat(grid.getCellText(row, grid.getColumnPosition("nationalId")))
                .isEqualTo("••••••••" + knownId.substring(8));
    }

    @Test
    void aWrongOrTakenNationalIdIsShownOnItsField() {
        navigate(RosterView.class);
        PersonDialog dialog = openAdd();
        test(dialog.fullName).setValue("Trương Thị Na");
        test(dialog.sex).selectItem(t("people.sex.F"));
        test(dialog.category).selectItem(t("people.category.NHAN_VIEN"));
        assertThat(dialog.nationalId.getHelperText()).contains("12");

        test(dialog.nationalId).setValue("12345");
        test(dialog.save).click();
        assertThat(dialog.nationalId.isInvalid()).isTrue();
        assertThat(dialog.nationalId.getErrorMessage()).isEqualTo("Số định danh cá nhân gồm đúng 12 chữ số.");

        test(dialog.nationalId).setValue(knownId);
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.nationalId.isInvalid()).isTrue();
        assertThat(dialog.nationalId.getErrorMessage()).isEqualTo(t("people.error.national-id-taken"))
                .doesNotContain("Hồ Văn Định");
        assertThat(jdbc.queryForObject("select count(*) from person where full_name = 'Trương Thị Na'", Integer.class))
                .isZero();
    }

    @Test
    void anEditOvertakenBySomeoneElseIsRefusedWithAReloadMessage() {
        navigate(RosterView.class);
        GridTester<Grid<RosterRow>, RosterRow> grid = test(peopleGrid());
        grid.select(rowOf(grid, known));
        test(findInView(Button.class).withText(t("people.action.edit")).single()).click();
        PersonDialog dialog = find(PersonDialog.class).single();
        // Someone else saves the person while this dialog is open.
        jdbc.update("update person set birth_year = 1966, version = version + 1 where id = ?", known);

        test(dialog.birthYear).setValue(1977);
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.problem.isVisible()).isTrue();
        assertThat(dialog.problem.getText()).isEqualTo("Người khác vừa sửa người này; hãy tải lại.");
        assertThat(jdbc.queryForObject("select birth_year from person where id = ?", Integer.class, known))
                .isEqualTo(1966);
    }

    private PersonDialog openAdd() {
        test(findInView(Button.class).withText(t("people.action.add")).single()).click();
        return find(PersonDialog.class).single();
    }

    @SuppressWarnings("unchecked")
    private Grid<RosterRow> peopleGrid() {
        return findInView(Grid.class).withClassName("people-grid").single();
    }

    private static int rowOf(GridTester<Grid<RosterRow>, RosterRow> grid, long personId) {
        return IntStream.range(0, grid.size()).filter(i -> grid.getRow(i).personId() == personId).findFirst()
                .orElseThrow();
    }

    private String t(String key) {
        return peopleGrid().getTranslation(key);
    }
}
