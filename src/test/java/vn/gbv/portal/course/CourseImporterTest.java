package vn.gbv.portal.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import vn.gbv.portal.course.CourseCatalog.CourseOutline;
import vn.gbv.portal.course.CourseCatalog.QuestionDefinition;
import vn.gbv.portal.course.CourseCatalog.QuizDefinition;
import vn.gbv.portal.course.ImportReport.CourseResult;
import vn.gbv.portal.course.ImportReport.Outcome;

@SpringBootTest
class CourseImporterTest {

    @Autowired
    CourseImporter importer;
    @Autowired
    CourseCatalog catalog;
    @Autowired
    CourseImportService importService;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path root;

    @Test
    void aValidCourseImportsAsVersionOne() {
        String code = TestCourses.uniqueCode("hop-le");
        TestCourses.validCourse(root, "khoa-hoc", code);

        ImportReport report = importer.importAll(root, "test");

        assertThat(report.courses()).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.IMPORTED);
            assertThat(result.code()).isEqualTo(code);
            assertThat(result.versionNo()).isEqualTo(1);
            assertThat(result.problems()).isEmpty();
        });
        var card = catalog.card(code).orElseThrow();
        assertThat(card.versionNo()).isEqualTo(1);
        assertThat(card.label()).isEqualTo("2026.1");
        assertThat(card.title()).isEqualTo("Khóa học thử " + code);
        assertThat(card.summary()).isEqualTo("Khóa học mẫu để kiểm tra việc nhập.");
        assertThat(card.topic()).isEqualTo("gbv-basics");
        assertThat(card.groupCodes()).containsExactly("knowledge");
        assertThat(card.estimatedMinutes()).isEqualTo(60);
        assertThat(card.lessonCount()).isEqualTo(3);
        assertThat(catalog.published()).extracting(CourseCatalog.CourseCard::code).contains(code);

        CourseOutline outline = catalog.outline(card.versionId()).orElseThrow();
        assertThat(outline.modules()).extracting(CourseCatalog.ModuleOutline::title)
                .containsExactly("Nhận diện bạo lực trên cơ sở giới", "Hỗ trợ");
        assertThat(outline.modules().getFirst().summary()).isEqualTo("Các khái niệm và dấu hiệu cơ bản.");
        assertThat(outline.lessons()).extracting(CourseCatalog.LessonRef::title).containsExactly(
                "Bạo lực trên cơ sở giới là gì?", "Dấu hiệu", "Tiếp cận người bị bạo lực");
        assertThat(outline.lessons()).extracting(CourseCatalog.LessonRef::position).containsExactly(1, 2, 3);
        assertThat(outline.modules().get(1).quizId()).isNull();
        assertThat(outline.quizIds()).hasSize(2).endsWith(outline.finalQuizId());

        var lesson = catalog.lesson(outline.lessons().getFirst().id()).orElseThrow();
        assertThat(lesson.courseVersionId()).isEqualTo(card.versionId());
        assertThat(lesson.html())
                .contains("src=\"course-assets/" + card.versionId() + "/01-nhan-dien/images/so-do.svg\"")
                .contains("<div class=\"table-wrap\"><table>")
                .doesNotContain("<h1");
        assertThat(jdbc.queryForObject("SELECT content_type FROM course_asset WHERE course_version_id = ? AND path = ?",
                String.class, card.versionId(), "01-nhan-dien/images/so-do.svg")).isEqualTo("image/svg+xml");

        QuizDefinition moduleQuiz = catalog.quiz(outline.modules().getFirst().quizId()).orElseThrow();
        assertThat(moduleQuiz.title()).isEqualTo("Kiểm tra học phần 1");
        assertThat(moduleQuiz.passPercent()).isEqualTo(50);
        assertThat(moduleQuiz.drawCount()).isEqualTo(3);
        assertThat(moduleQuiz.maxAttempts()).isZero();
        assertThat(moduleQuiz.questions()).extracting(QuestionDefinition::key, QuestionDefinition::type)
                .containsExactly(tuple("khai-niem", "SINGLE"),
                        tuple("nhieu-dap-an", "MULTIPLE"),
                        tuple("dung-sai", "TRUE_FALSE"));
        assertThat(moduleQuiz.questions().getFirst().options()).hasSize(3)
                .filteredOn(CourseCatalog.OptionDefinition::correct).singleElement()
                .extracting(CourseCatalog.OptionDefinition::text)
                .isEqualTo("Hành vi gây tổn hại dựa trên sự khác biệt về giới.");
        assertThat(moduleQuiz.questions().get(1).options()).filteredOn(CourseCatalog.OptionDefinition::correct)
                .hasSize(2);
        assertThat(moduleQuiz.questions().get(2).options())
                .extracting(CourseCatalog.OptionDefinition::text, CourseCatalog.OptionDefinition::correct)
                .containsExactly(tuple("Đúng", false),
                        tuple("Sai", true));

        QuizDefinition finalQuiz = catalog.quiz(outline.finalQuizId()).orElseThrow();
        assertThat(finalQuiz.moduleId()).isNull();
        assertThat(finalQuiz.maxAttempts()).isEqualTo(3);

        assertThat(jdbc.queryForObject("SELECT finished_at IS NOT NULL FROM course_import_run WHERE id = ?",
                Boolean.class, report.runId())).isTrue();
        assertThat(jdbc.queryForObject("SELECT IS_FREE_LOCK('course-import')", Integer.class)).isEqualTo(1);
    }

    @Test
    void unchangedContentCreatesNoVersion() {
        String code = TestCourses.uniqueCode("khong-doi");
        TestCourses.validCourse(root, "khoa-hoc", code);
        importer.importAll(root, "test");
        TestCourses.write(root.resolve("khoa-hoc/01-nhan-dien/.DS_Store"), "an editor's file, not content");

        ImportReport again = importer.importAll(root, "test");

        assertThat(again.courses()).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.UNCHANGED);
            assertThat(result.versionNo()).isEqualTo(1);
        });
        assertThat(versionCount(code)).isEqualTo(1);
    }

    @Test
    void aChangedLessonCreatesVersionTwoAndKeepsVersionOne() {
        String code = TestCourses.uniqueCode("doi");
        Path course = TestCourses.validCourse(root, "khoa-hoc", code);
        importer.importAll(root, "test");
        long versionOne = catalog.card(code).orElseThrow().versionId();

        TestCourses.replace(course.resolve("01-nhan-dien/02-dau-hieu.md"), "# Dấu hiệu", "# Dấu hiệu nhận biết");
        ImportReport report = importer.importAll(root, "test");

        assertThat(report.courses()).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.IMPORTED);
            assertThat(result.versionNo()).isEqualTo(2);
        });
        var card = catalog.card(code).orElseThrow();
        assertThat(card.versionNo()).isEqualTo(2);
        assertThat(card.versionId()).isNotEqualTo(versionOne);
        assertThat(catalog.outline(card.versionId()).orElseThrow().lessons().get(1).title())
                .isEqualTo("Dấu hiệu nhận biết");
        CourseOutline first = catalog.outline(versionOne).orElseThrow();
        assertThat(first.versionNo()).isEqualTo(1);
        assertThat(first.lessons()).extracting(CourseCatalog.LessonRef::title)
                .containsExactly("Bạo lực trên cơ sở giới là gì?", "Dấu hiệu", "Tiếp cận người bị bạo lực");
        assertThat(catalog.quiz(first.finalQuizId())).isPresent();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM course_asset WHERE course_version_id = ?",
                Integer.class, versionOne)).isEqualTo(1);
    }

    static Stream<Arguments> brokenCourses() {
        return Stream.of(
                broken("bad YAML syntax",
                        (course, code) -> TestCourses.replace(course.resolve("01-nhan-dien/quiz.yaml"),
                                "text: Bạo lực trên cơ sở giới là gì?", "text: Câu hỏi: bạo lực là gì?"),
                        "01-nhan-dien/quiz.yaml", 8, "Tệp YAML sai cú pháp ở dòng 8, cột"),
                broken("lesson without a title",
                        (course, code) -> TestCourses.replace(course.resolve("01-nhan-dien/02-dau-hieu.md"),
                                "# Dấu hiệu", "Dấu hiệu"),
                        "01-nhan-dien/02-dau-hieu.md", 1, "Bài học chưa có tiêu đề"),
                broken("module without module.yaml",
                        (course, code) -> TestCourses.delete(course.resolve("02-ho-tro/module.yaml")),
                        "02-ho-tro/module.yaml", null, "Học phần '02-ho-tro' thiếu tệp module.yaml"),
                broken("single-choice question without a right answer",
                        (course, code) -> TestCourses.replace(course.resolve("01-nhan-dien/quiz.yaml"),
                                "dựa trên sự khác biệt về giới.\n        correct: true\n",
                                "dựa trên sự khác biệt về giới.\n"),
                        "01-nhan-dien/quiz.yaml", 9,
                        "Câu hỏi 'khai-niem' loại single phải có đúng một đáp án đúng, hiện có 0."),
                broken("the same code in two folders",
                        (course, code) -> TestCourses.validCourse(course.getParent(), "ban-sao", code),
                        "course.yaml", 1, "cũng được dùng ở thư mục ban-sao"),
                broken("unknown topic",
                        (course, code) -> TestCourses.replace(course.resolve("course.yaml"),
                                "topic: gbv-basics", "topic: gbv-basic"),
                        "course.yaml", 5, "Chủ đề 'gbv-basic' không hợp lệ"),
                broken("unknown programme group",
                        (course, code) -> TestCourses.replace(course.resolve("course.yaml"),
                                "group: knowledge", "group: kien-thuc"),
                        "course.yaml", 6, "Nhóm chương trình 'kien-thuc' không tồn tại"),
                broken("misspelt key",
                        (course, code) -> TestCourses.replace(course.resolve("course.yaml"),
                                "estimatedMinutes: 60", "estimatedMinute: 60"),
                        "course.yaml", 8, "Trường 'estimatedMinute' không có trong định dạng"),
                broken("image that does not exist",
                        (course, code) -> TestCourses.replace(course.resolve("01-nhan-dien/01-khai-niem.md"),
                                "images/so-do.svg", "images/so-do.png"),
                        "01-nhan-dien/01-khai-niem.md", 5, "Không tìm thấy hình ảnh 'images/so-do.png'"),
                broken("drawCount larger than the bank",
                        (course, code) -> TestCourses.replace(course.resolve("01-nhan-dien/quiz.yaml"),
                                "drawCount: 3", "drawCount: 5"),
                        "01-nhan-dien/quiz.yaml", 3, "drawCount"),
                broken("true/false answer that is not a boolean",
                        (course, code) -> TestCourses.replace(course.resolve("quiz.yaml"),
                                "answer: false", "answer: sai"),
                        "quiz.yaml", 9, "Trường 'answer' phải là true hoặc false."),
                broken("symbolic link instead of a file",
                        (course, code) -> link(course.resolve("01-nhan-dien/images/lien-ket.svg"), Path.of("/etc/hostname")),
                        "01-nhan-dien/images/lien-ket.svg", null, "không phải là tệp thông thường"),
                broken("module without a lesson",
                        (course, code) -> TestCourses.delete(course.resolve("02-ho-tro/01-tiep-can.md")),
                        "02-ho-tro", null, "Học phần '02-ho-tro' chưa có bài học nào"));
    }

    private static void link(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Arguments broken(String name, BiConsumer<Path, String> breakIt, String file, Integer line,
                                    String message) {
        return Arguments.argumentSet(name, breakIt, file, line, message);
    }

    @ParameterizedTest
    @MethodSource("brokenCourses")
    void aBrokenCourseIsReportedAndLeavesThePublishedVersionAlone(BiConsumer<Path, String> breakIt, String file,
                                                                    Integer line, String message) {
        String code = TestCourses.uniqueCode("hong");
        Path course = TestCourses.validCourse(root, "khoa-hoc", code);
        importer.importAll(root, "test");
        long published = catalog.card(code).orElseThrow().versionId();

        breakIt.accept(course, code);
        ImportReport report = importer.importAll(root, "test");

        CourseResult result = report.courses().stream().filter(r -> r.folder().equals("khoa-hoc"))
                .findFirst().orElseThrow();
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.versionNo()).isNull();
        assertThat(result.problems()).anySatisfy(problem -> {
            assertThat(problem.folder()).isEqualTo("khoa-hoc");
            assertThat(problem.file()).isEqualTo(file);
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.message()).contains(message);
        });
        assertThat(catalog.card(code).orElseThrow().versionId()).isEqualTo(published);
        assertThat(versionCount(code)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT message FROM course_import_problem WHERE run_id = ?", String.class,
                report.runId())).anySatisfy(stored -> assertThat(stored).contains(message));
    }

    @Test
    void oneBrokenCourseDoesNotStopAnother() {
        String brokenCode = TestCourses.uniqueCode("hong");
        String goodCode = TestCourses.uniqueCode("tot");
        Path broken = TestCourses.validCourse(root, "a-hong", brokenCode);
        TestCourses.replace(broken.resolve("course.yaml"), "topic: gbv-basics", "topic: bao-luc");
        TestCourses.validCourse(root, "b-tot", goodCode);
        TestCourses.write(root.resolve("README.md"), "# Khóa học\n");

        ImportReport report = importer.importAll(root, "test");

        assertThat(report.courses()).extracting(CourseResult::folder, CourseResult::outcome).containsExactly(
                tuple("a-hong", Outcome.FAILED),
                tuple("b-tot", Outcome.IMPORTED));
        assertThat(catalog.card(brokenCode)).isEmpty();
        assertThat(catalog.card(goodCode)).isPresent();
        List<String> stored = jdbc.queryForList(
                "SELECT CONCAT(course_folder, ' ', file, ':', line) FROM course_import_problem WHERE run_id = ? AND kind = 'ERROR'",
                String.class, report.runId());
        assertThat(stored).containsExactly("a-hong course.yaml:5");
    }

    @Test
    @WithMockUser(roles = "TRAINER")
    void onlyAnAdministratorImportsOnDemand() {
        assertThatThrownBy(importService::importNow).isInstanceOf(AccessDeniedException.class);
    }

    private int versionCount(String code) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM course_version v JOIN course c ON c.id = v.course_id WHERE c.code = ?",
                Integer.class, code);
    }
}
