package vn.gbv.portal.course;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.jdbc.Sql;
import vn.gbv.portal.course.CourseResultsQueries.Option;
import vn.gbv.portal.course.CourseResultsQueries.QuestionStat;

/** The editor, the course list and the results page, browserless, on the real database. */
@SpringBootTest
@Sql("/sql/test-accounts.sql")
@WithMockUser(username = "t-trainer", roles = "TRAINER")
class AuthoringViewsTest extends SpringBrowserlessTest {

    @Autowired CourseImporter importer;
    @Autowired JdbcTemplate jdbc;

    @TempDir Path root;

    String code;

    @BeforeEach
    void aFolderCourse() {
        code = TestCourses.uniqueCode("man-soan");
        TestCourses.validCourse(root, "khoa-" + code, code);
        importer.importAll(root, "test");
    }

    @Test
    void aTrainerTakesOverEditsALessonWithPreviewAndPublishesAfterFixingAnError() {
        CourseEditorView view = navigate(CourseEditorView.class, code);
        // folder course: read-only until taken over
        assertThat($(Paragraph.class).id("read-only-banner").getText()).contains("courses/khoa-" + code);
        assertThat($(Button.class).withId("publish").exists()).isFalse();
        test($(Button.class).id("take-over")).click();
        assertThat($(Button.class).withId("publish").exists()).isTrue();

        // a lesson: Markdown in, the player's HTML out, saved as the trainer pauses
        test(navItem(view, "01-nhan-dien/02-dau-hieu.md")).click();
        TextArea markdown = $(TextArea.class).id("lesson-markdown");
        test(markdown).setValue("# Dấu hiệu\n\nNhững **dấu hiệu** thường gặp.\n\n<script>alert(1)</script>\n");
        String html = $(Article.class).id("lesson-preview").getElement().getProperty("innerHTML");
        assertThat(html).contains("<strong>dấu hiệu</strong>").doesNotContain("script").doesNotContain("<h1>");
        assertThat(view.status.getText()).startsWith("Đã lưu lúc");
        assertThat(new String(jdbc.queryForObject("""
                SELECT f.bytes FROM course_draft_file f JOIN course_draft d ON d.id = f.draft_id
                WHERE d.course_code = ? AND f.path = '01-nhan-dien/02-dau-hieu.md'""", byte[].class, code),
                StandardCharsets.UTF_8)).contains("**dấu hiệu**");

        // a quiz with a pass mark out of range: the importer's message, at its place, nothing published
        test(navItem(view, "01-nhan-dien/quiz.yaml")).click();
        IntegerField pass = $(IntegerField.class).all().stream()
                .filter(f -> f.getLabel().equals("Điểm đạt (%)")).findFirst().orElseThrow();
        test(pass).setValue(150);
        test($(Button.class).id("publish")).click();
        UnorderedList problems = $(UnorderedList.class).id("editor-problems");
        assertThat(problems.getElement().getTextRecursively()).contains("01-nhan-dien/quiz.yaml, dòng 2").contains("150");
        assertThat(versions()).isEqualTo(1);
        assertThat(view.panel.getElement().getTextRecursively()).contains("Dòng 2:");

        pass = $(IntegerField.class).all().stream()
                .filter(f -> f.getLabel().equals("Điểm đạt (%)")).findFirst().orElseThrow();
        test(pass).setValue(60);
        test($(Button.class).id("publish")).click();
        assertThat(view.report.getElement().getTextRecursively()).contains("Đã phát hành phiên bản 2");
        assertThat(versions()).isEqualTo(2);
        assertThat(jdbc.queryForObject("""
                SELECT l.html FROM lesson l JOIN course_module m ON m.id = l.module_id
                JOIN course c ON c.current_version_id = m.course_version_id
                WHERE c.code = ? AND l.file_name = '02-dau-hieu.md'""", String.class, code))
                .as("the learner gets what the preview showed").isEqualTo(html);
    }

    @Test
    void theQuizFormWritesQuestionsOptionsRightAnswersAndExplanations() {
        CourseEditorView view = navigate(CourseEditorView.class, code);
        test($(Button.class).id("take-over")).click();
        test(navItem(view, "01-nhan-dien/quiz.yaml")).click();
        test($(Button.class).id("add-question")).click();

        String yaml = draftFile("01-nhan-dien/quiz.yaml");
        assertThat(yaml).contains("- id: cau-4", "type: single");
        // the new question's text, its options and explanation
        Component card = view.panel.getChildren().filter(c -> c.getId().filter("quiz-questions"::equals).isPresent())
                .findFirst().orElseThrow().getChildren().toList().get(3);
        java.util.List<TextArea> areas = descendants(card, TextArea.class).toList();
        test(areas.getFirst()).setValue("Nơi nào tiếp nhận tin báo?");
        java.util.List<TextField> options = descendants(card, TextField.class).filter(f -> f.getLabel() == null).toList();
        test(options.get(0)).setValue("Công an xã");
        test(options.get(1)).setValue("Chợ");
        test(options.get(2)).setValue("Trường mẫu giáo");
        test(areas.getLast()).setValue("Công an xã tiếp nhận tin báo.");

        yaml = draftFile("01-nhan-dien/quiz.yaml");
        assertThat(yaml).contains("text: Nơi nào tiếp nhận tin báo?", "- text: Công an xã\n        correct: true",
                "- text: Chợ", "explanation: Công an xã tiếp nhận tin báo.");
        test($(Button.class).id("check")).click();
        assertThat(view.report.getElement().getTextRecursively()).contains("Không có lỗi");
    }

    @Test
    void theListShowsFolderCoursesAndATrainerStartsANewCourse() {
        AuthoringView list = navigate(AuthoringView.class);
        var rows = test(list.grid);
        int index = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.getRow(i).code().equals(code)) {
                index = i;
            }
        }
        assertThat(index).isNotNegative();
        assertThat(rows.getCellText(index, 2)).isEqualTo("Thư mục courses/");

        test($(Button.class).id("new-course")).click();
        String newCode = TestCourses.uniqueCode("moi");
        test($(TextField.class).id("new-code")).setValue("Sai Mã");
        test($(TextField.class).id("new-title")).setValue("Khóa học mới");
        test($(Button.class).id("create-course")).click();
        assertThat($(TextField.class).id("new-code").isInvalid()).isTrue();
        test($(TextField.class).id("new-code")).setValue(newCode);
        test($(Button.class).id("create-course")).click();

        CourseEditorView editor = (CourseEditorView) getCurrentView();
        assertThat($(Button.class).withId("publish").exists()).isTrue();
        test($(TextField.class).id("card-title")).setValue("Khóa học mới viết trên cổng");
        assertThat(draftFileOf(newCode, "course.yaml")).contains("title: Khóa học mới viết trên cổng");
        assertThat(editor.modules()).containsExactly("01-hoc-phan");
    }

    @Test
    void theResultsPageShowsFiguresAndFiltersByUnit() {
        long courseId = jdbc.queryForObject("SELECT id FROM course WHERE code = ?", Long.class, code);
        long versionId = jdbc.queryForObject("SELECT current_version_id FROM course WHERE id = ?", Long.class, courseId);
        long quiz = jdbc.queryForObject("SELECT id FROM quiz WHERE course_version_id = ? AND module_id IS NOT NULL",
                Long.class, versionId);
        jdbc.update("DELETE FROM quiz_attempt_question WHERE attempt_id IN (SELECT id FROM quiz_attempt WHERE quiz_id = ?)", quiz);
        jdbc.update("""
                INSERT INTO course_progress (person_id, course_id, course_version_id) VALUES (9101, ?, ?)
                ON DUPLICATE KEY UPDATE course_version_id = VALUES(course_version_id)""", courseId, versionId);
        jdbc.update("""
                INSERT INTO quiz_attempt (person_id, quiz_id, attempt_no, submitted_at, question_count, correct_count,
                  score_percent, passed) VALUES (9101, ?, 1, CURRENT_TIMESTAMP, 3, 2, 66.667, TRUE)""", quiz);
        long attempt = jdbc.queryForObject("SELECT MAX(id) FROM quiz_attempt WHERE quiz_id = ?", Long.class, quiz);
        jdbc.update("""
                INSERT INTO quiz_attempt_question (attempt_id, question_id, position, option_order, correct)
                SELECT ?, q.id, q.position, '', q.question_key <> 'dung-sai' FROM quiz_question q WHERE q.quiz_id = ?""",
                attempt, quiz);

        CourseResultsView view = navigate(CourseResultsView.class, code);

        assertThat(figure(view, "enrolled")).isEqualTo("1");
        assertThat(figure(view, "in-progress")).isEqualTo("1");
        assertThat(figure(view, "completed")).isEqualTo("0");
        assertThat(figure(view, "pass-rate")).isEqualTo("–");
        var grid = test(view.questions);
        assertThat(grid.size()).isEqualTo(3);
        // the question nobody got right needs work and comes first
        QuestionStat first = grid.getRow(0);
        assertThat(first.key()).isEqualTo("dung-sai");
        assertThat(grid.getCellText(0, 0)).isEqualTo("Cần xem lại");
        assertThat(grid.getCellText(0, 4)).isEqualTo("0%");

        Option wardB = view.unit.getListDataView().getItems().filter(o -> o.id() == 9003).findFirst().orElseThrow();
        test(view.unit).selectItem(wardB.name());
        assertThat(figure(view, "enrolled")).isEqualTo("0");
        assertThat(test(view.questions).size()).isZero();
    }

    private String figure(CourseResultsView view, String name) {
        return view.summary.getChildren().filter(c -> name.equals(c.getElement().getAttribute("data-figure")))
                .findFirst().orElseThrow().getChildren().findFirst().map(c -> ((Span) c).getText()).orElseThrow();
    }

    private int versions() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM course_version v JOIN course c ON c.id = v.course_id WHERE c.code = ?",
                Integer.class, code);
    }

    private String draftFile(String path) {
        return draftFileOf(code, path);
    }

    private String draftFileOf(String course, String path) {
        return new String(jdbc.queryForObject("""
                SELECT f.bytes FROM course_draft_file f JOIN course_draft d ON d.id = f.draft_id
                WHERE d.course_code = ? AND f.path = ?""", byte[].class, course, path), StandardCharsets.UTF_8);
    }

    private static Button navItem(CourseEditorView view, String path) {
        return descendants(view.nav, Button.class)
                .filter(b -> path.equals(b.getElement().getAttribute("data-path"))).findFirst().orElseThrow();
    }

    private static <T extends Component> Stream<T> descendants(Component root, Class<T> type) {
        return Stream.concat(Optional.of(root).filter(type::isInstance).map(type::cast).stream(),
                root.getChildren().flatMap(c -> descendants(c, type)));
    }
}
