package vn.gbv.portal.unit;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.roster.RosterService.RosterRow;
import vn.gbv.portal.roster.RosterView;
import vn.gbv.portal.unit.UnitService.UnitNode;

@SpringBootTest
@WithMockUser(username = "people-view-manager", roles = "UNIT_MANAGER")
class PeopleViewTest extends SpringBrowserlessTest {

    private static final LocalDate START = LocalDate.of(2021, 1, 1);

    @Autowired JdbcTemplate jdbc;

    static long ward;

    // The account must exist before the browserless UI opens, as the shell reads the signed-in user.
    @BeforeAll
    static void wardAndManager(@Autowired JdbcTemplate jdbc, @Autowired UnitService units) {
        TestData data = new TestData(jdbc, units);
        long city = data.unit("Thành phố", UnitType.CITY, null, START);
        ward = data.unit("Phường Thành Công", UnitType.WARD, city, START);
        data.person("Bùi Văn Đức", Sex.M, ward, StaffCategory.CONG_CHUC, true, START);
        data.account("people-view-manager", Set.of(Role.UNIT_MANAGER), ward);
    }

    @Test
    void addingAPersonThroughTheDialogShowsThemInTheList() {
        navigate(RosterView.class);
        assertThat(unitPicker().getValue().id()).isEqualTo(ward);
        assertThat(names()).containsExactly("Bùi Văn Đức");

        test(button("people.action.add")).click();
        PersonDialog dialog = find(PersonDialog.class).single();
        assertThat(dialog.unit.getValue().id()).isEqualTo(ward);
        test(dialog.fullName).setValue("Ngô Thị Hạnh");
        test(dialog.sex).selectItem(t("people.sex.F"));
        test(dialog.birthYear).setValue(1988);
        test(dialog.email).setValue("hanh@example.vn");
        test(dialog.category).selectItem(t("people.category.VIEN_CHUC"));
        test(dialog.position).setValue("Nhân viên công tác xã hội");
        test(dialog.inTarget).click();
        test(dialog.date).setValue(LocalDate.of(2025, 3, 1));
        test(dialog.save).click();

        assertThat(find(PersonDialog.class).exists()).isFalse();
        GridTester<Grid<RosterRow>, RosterRow> grid = test(peopleGrid());
        assertThat(names()).containsExactly("Bùi Văn Đức", "Ngô Thị Hạnh");
        int row = names().indexOf("Ngô Thị Hạnh");
        assertThat(grid.getRow(row))
                .extracting(RosterRow::category, RosterRow::inTarget, RosterRow::since, RosterRow::unitId)
                .containsExactly(StaffCategory.VIEN_CHUC, true, LocalDate.of(2025, 3, 1), ward);
        assertThat(grid.getCellText(row, grid.getColumnPosition("category"))).isEqualTo("Viên chức");
    }

    @Test
    void aBirthYearOutOfRangeShowsAnErrorOnTheField() {
        navigate(RosterView.class);
        test(button("people.action.add")).click();
        PersonDialog dialog = find(PersonDialog.class).single();
        test(dialog.fullName).setValue("Đặng Văn Sai");
        test(dialog.sex).selectItem(t("people.sex.M"));
        test(dialog.category).selectItem(t("people.category.NHAN_VIEN"));
        test(dialog.birthYear).setValue(1900);
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.birthYear.isInvalid()).isTrue();
        assertThat(dialog.birthYear.getErrorMessage()).isEqualTo("Năm sinh phải từ 1940 đến 2010.");
        assertThat(jdbc.queryForObject("select count(*) from person where full_name = ?", Integer.class,
                "Đặng Văn Sai")).isZero();
    }

    @Test
    void attestingTheRosterWithANoteShowsWhoWhenAndTheNote() {
        navigate(RosterView.class);
        String longNote = "x".repeat(1001);
        TextField note = findInView(TextField.class).withClassName("attest-note").single();
        assertThat(note.getMaxLength()).isEqualTo(1000);
        note.setMaxLength(2000); // what a browser without the limit would send
        test(note).setValue(longNote);
        test(button("roster.attest.action")).click();
        assertThat(note.isInvalid()).isTrue();
        assertThat(note.getErrorMessage()).isEqualTo("Ghi chú quá dài.");

        test(note).setValue("Đã đối chiếu với danh sách của Phòng Nội vụ");
        test(button("roster.attest.action")).click();

        List<String> lines = findInView(Paragraph.class).all().stream().map(Paragraph::getText).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("people-view-manager đã xác nhận lúc"));
        assertThat(lines).contains("Ghi chú: Đã đối chiếu với danh sách của Phòng Nội vụ");
        assertThat(jdbc.queryForObject("select note from roster_attestation where unit_id = ? order by id desc limit 1",
                String.class, ward)).isEqualTo("Đã đối chiếu với danh sách của Phòng Nội vụ");
    }

    // Views are found through the UI, not through fields: Spring proxies a view for its @RolesAllowed.
    @SuppressWarnings("unchecked")
    private ComboBox<UnitNode> unitPicker() {
        return findInView(ComboBox.class).single();
    }

    @SuppressWarnings("unchecked")
    private Grid<RosterRow> peopleGrid() {
        return findInView(Grid.class).withClassName("people-grid").single();
    }

    private List<String> names() {
        GridTester<Grid<RosterRow>, RosterRow> grid = test(peopleGrid());
        return IntStream.range(0, grid.size()).mapToObj(i -> grid.getRow(i).fullName()).toList();
    }

    private Button button(String key) {
        return findInView(Button.class).withText(t(key)).single();
    }

    private String t(String key) {
        return peopleGrid().getTranslation(key);
    }
}
