package vn.gbv.portal.course;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gbv.portal.course.CourseAdminService.CourseRow;
import vn.gbv.portal.security.AccountService;
import vn.gbv.portal.security.Role;

@SpringBootTest
@WithMockUser(username = "quan-tri-khoa-hoc", roles = "ADMIN")
class CourseAdminViewTest extends SpringBrowserlessTest {

    /** The folder "Nhập lại khóa học" reads: this class's own, so the button's effect is known. */
    @TempDir
    static Path coursesDir;

    @DynamicPropertySource
    static void coursesDir(DynamicPropertyRegistry registry) {
        registry.add("portal.courses.dir", () -> coursesDir.toString());
    }

    @Autowired
    CourseImporter importer;

    @TempDir
    Path otherCourses;

    String code;

    /** Before the first UI opens: the shell reads the signed-in user's account. */
    @BeforeAll
    static void accounts(@Autowired AccountService accounts, @Autowired JdbcTemplate jdbc) {
        account(accounts, jdbc, "quan-tri-khoa-hoc", Role.ADMIN);
        account(accounts, jdbc, "giang-vien-khoa-hoc", Role.TRAINER);
    }

    @BeforeEach
    void importACourse() {
        code = TestCourses.uniqueCode("man-hinh");
        TestCourses.validCourse(otherCourses, "khoa-hoc", code);
        importer.importAll(otherCourses, "test");
    }

    @Test
    void theGridListsTheImportedCoursesWithTheirCurrentVersion() {
        navigate(CourseAdminView.class);

        @SuppressWarnings("unchecked")
        Grid<CourseRow> grid = $(Grid.class).id("courses");
        var rows = test(grid);
        int index = IntStream.range(0, rows.size()).filter(i -> rows.getRow(i).code().equals(code))
                .findFirst().orElseThrow();
        assertThat(rows.getCellText(index, 0)).isEqualTo("Khóa học thử " + code);
        assertThat(rows.getCellText(index, 1)).isEqualTo(code);
        assertThat(rows.getCellText(index, 2)).isEqualTo("Kiến thức cơ bản");
        assertThat(rows.getCellText(index, 3))
                .isEqualTo("Kiến thức về phòng ngừa và ứng phó với bạo lực trên cơ sở giới");
        assertThat(rows.getCellText(index, 4)).isEqualTo("1 (2026.1)");
        assertThat(rows.getCellText(index, 6)).isEqualTo("3");
        assertThat(rows.getCellText(index, 7)).isEqualTo("4");
    }

    @Test
    void theLastImportsProblemsAreShown() {
        Path broken = TestCourses.validCourse(otherCourses, "hong", TestCourses.uniqueCode("hong"));
        TestCourses.replace(broken.resolve("course.yaml"), "topic: gbv-basics", "topic: bao-luc");
        importer.importAll(otherCourses, "test");

        navigate(CourseAdminView.class);

        assertThat($(Paragraph.class).id("last-import").getText()).contains("Có 1 lỗi cần sửa");
        @SuppressWarnings("unchecked")
        Grid<CourseAdminService.ImportRow> problems = $(Grid.class).id("import-problems");
        // Problems come first; item-writing warnings of the valid course follow them.
        var rows = IntStream.range(0, test(problems).size()).mapToObj(i -> test(problems).getRow(i)).toList();
        assertThat(rows).filteredOn(r -> r.kind().equals("ERROR")).hasSize(1);
        CourseProblem problem = test(problems).getRow(0).problem();
        assertThat(problem.folder()).isEqualTo("hong");
        assertThat(problem.file()).isEqualTo("course.yaml");
        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.message()).startsWith("Chủ đề 'bao-luc' không hợp lệ");
        assertThat(test(problems).getLitRendererPropertyValue(0, 0, "where", String.class))
                .isEqualTo("hong / course.yaml, dòng 5");
    }

    @Test
    void anAdministratorImportsAgainAndSeesTheReport() {
        String added = TestCourses.uniqueCode("nut-bam");
        TestCourses.validCourse(coursesDir, "moi", added);
        navigate(CourseAdminView.class);

        test($(Button.class).id("reimport")).click();

        Dialog report = $(Dialog.class).first();
        assertThat(report.isOpened()).isTrue();
        List<String> results = $(ListItem.class, report).all().stream().map(ListItem::getText).toList();
        assertThat(results).contains(added + ": đã phát hành phiên bản 1.");
        @SuppressWarnings("unchecked")
        Grid<CourseRow> grid = $(Grid.class).id("courses");
        var rows = test(grid);
        assertThat(IntStream.range(0, rows.size()).mapToObj(rows::getRow).map(CourseRow::code)).contains(added);
    }

    @Test
    @WithMockUser(username = "giang-vien-khoa-hoc", roles = "TRAINER")
    void aTrainerSeesTheCoursesButCannotImport() {
        navigate(CourseAdminView.class);

        assertThat($(Button.class).withId("reimport").exists()).isFalse();
        assertThat($(Grid.class).id("courses").isVisible()).isTrue();
    }

    private static void account(AccountService accounts, JdbcTemplate jdbc, String username, Role role) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Integer.class, username) == 0) {
            accounts.createWithPassword(new AccountService.NewAccount(username, username, null, Set.of(role),
                    Set.of()), "Mat-khau-2026", false);
        }
    }
}
