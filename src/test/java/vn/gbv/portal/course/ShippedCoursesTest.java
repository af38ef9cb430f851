package vn.gbv.portal.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.gbv.portal.course.ImportReport.CourseResult;
import vn.gbv.portal.course.ImportReport.Outcome;

/**
 * The courses the portal ships (courses/ at the root of the repository) import without a
 * problem, and there are enough of them for a trainer to use on day one.
 */
@SpringBootTest
class ShippedCoursesTest {

    private static final Path SHIPPED = Path.of("courses");

    @Autowired
    CourseImporter importer;
    @Autowired
    CourseCatalog catalog;

    @Test
    void everyShippedCourseImportsWithoutAProblem() {
        ImportReport report = importer.importAll(SHIPPED, "test");

        assertThat(report.problems())
                .as("problems in %s:%n%s", SHIPPED.toAbsolutePath(), report.problems().stream()
                        .map(p -> "%s/%s:%s %s".formatted(p.folder(), p.file() == null ? "" : p.file(),
                                p.line() == null ? "" : p.line(), p.message()))
                        .collect(Collectors.joining(System.lineSeparator())))
                .isEmpty();
        assertThat(report.courses()).extracting(CourseResult::outcome)
                .allMatch(outcome -> outcome == Outcome.IMPORTED || outcome == Outcome.UNCHANGED);
    }

    @Test
    void eightCoursesEachWithFourLessonsAndAQuizBankOfTwelveQuestions() {
        ImportReport report = importer.importAll(SHIPPED, "test");

        var courses = report.courses().stream().filter(c -> c.outcome() != Outcome.FAILED).toList();
        assertThat(courses).as("courses that import").hasSize(8);
        for (CourseResult course : courses) {
            var outline = catalog.outline(catalog.card(course.code()).orElseThrow().versionId()).orElseThrow();
            assertThat(outline.lessons()).as("lessons of %s", course.code()).hasSizeGreaterThanOrEqualTo(4);
            int largestBank = outline.quizIds().stream()
                    .mapToInt(id -> catalog.quiz(id).orElseThrow().questions().size())
                    .max().orElse(0);
            assertThat(largestBank).as("questions in the largest quiz of %s", course.code())
                    .isGreaterThanOrEqualTo(12);
        }
    }

    /**
     * The in-depth courses on child survivors and on case management: six or more lessons, a quiz
     * in every module, a final bank of at least 18 questions with five attempts, a content note
     * first and where staff find support last.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tre-em-bi-bao-luc", "quan-ly-truong-hop"})
    void theInDepthCoursesOnChildrenAndCaseManagementKeepTheirShape(String code) {
        importer.importAll(SHIPPED, "test");

        var card = catalog.card(code).orElseThrow();
        assertThat(card.groupCodes()).as("groups of %s", code).containsExactly("in-depth");
        var outline = catalog.outline(card.versionId()).orElseThrow();
        assertThat(outline.lessons()).as("lessons of %s", code).hasSizeGreaterThanOrEqualTo(6);
        assertThat(outline.modules()).as("modules of %s", code)
                .allSatisfy(module -> assertThat(module.quizId()).as("quiz of module %s", module.title()).isNotNull());
        var finalQuiz = catalog.quiz(outline.finalQuizId()).orElseThrow();
        assertThat(finalQuiz.questions()).as("final bank of %s", code).hasSizeGreaterThanOrEqualTo(18);
        assertThat(finalQuiz.maxAttempts()).as("attempts on the final quiz of %s", code).isEqualTo(5);

        var lessons = outline.lessons();
        String first = catalog.lesson(lessons.getFirst().id()).orElseThrow().html();
        assertThat(first).as("content note first in %s", code).contains("Lưu ý nội dung");
        var last = catalog.lesson(lessons.getLast().id()).orElseThrow();
        assertThat(last.title() + last.html()).as("support for staff last in %s", code)
                .contains("Nơi bạn có thể tìm hỗ trợ");
    }
}
