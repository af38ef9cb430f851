package vn.gbv.portal.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
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
    void atLeastSixCoursesEachWithFourLessonsAndAQuizBankOfTwelveQuestions() {
        ImportReport report = importer.importAll(SHIPPED, "test");

        var courses = report.courses().stream().filter(c -> c.outcome() != Outcome.FAILED).toList();
        assertThat(courses).as("courses that import").hasSizeGreaterThanOrEqualTo(6);
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
}
