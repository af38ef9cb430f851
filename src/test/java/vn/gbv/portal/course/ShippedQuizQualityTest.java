package vn.gbv.portal.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.gbv.portal.course.ItemWritingChecks.Figures;

/**
 * The quizzes the portal ships (courses/ at the root of the repository) meet the item-writing
 * figures of issue 20: the length of an option does not give the answer away, multiple-answer
 * questions have at least two wrong options, true/false banks are about half true, every module
 * has a quiz and every question an explanation. A unit test: the folders are parsed as the
 * importer parses them, without a database.
 */
class ShippedQuizQualityTest {

    private static final Path SHIPPED = Path.of("courses");
    private static final Set<String> GROUPS = Set.of("knowledge", "in-depth", "digital-safety", "workplace");

    @Test
    void everyShippedCourseMeetsTheItemWritingFigures() throws IOException {
        List<CourseDraft> courses = shippedCourses();
        assertThat(courses).as("shipped courses").hasSizeGreaterThanOrEqualTo(6);

        List<String> failures = new ArrayList<>();
        for (CourseDraft course : courses) {
            Figures f = ItemWritingChecks.figures(course);
            String name = course.card().code();
            System.out.printf("item-writing figures %s: %d questions; right longest %d/%d single (%.0f%%); "
                            + "mean length right %.1f, wrong %.1f; multiple split by length %d/%d; true/false %d/%d true; absolute words right %d, wrong %d%n",
                    name, f.questions(), f.rightLongest(), f.singleChoice(), 100 * f.rightLongestShare(),
                    f.meanRightLength(), f.meanWrongLength(), f.multipleLengthCue(), f.multipleChoice(), f.trueFalseTrue(), f.trueFalse(), f.absoluteInRight(),
                    f.absoluteInWrong());
            if (f.rightLongestTooOften()) {
                failures.add("%s: the right option is the longest in %d of %d single-choice questions (%.0f%% > 40%%)"
                        .formatted(name, f.rightLongest(), f.singleChoice(), 100 * f.rightLongestShare()));
            }
            if (f.rightLongerOnAverage()) {
                failures.add("%s: right options average %.1f characters, wrong ones %.1f"
                        .formatted(name, f.meanRightLength(), f.meanWrongLength()));
            }
            if (f.multipleLengthCueTooOften()) {
                failures.add("%s: in %d of %d multiple-answer questions length splits right from wrong options"
                        .formatted(name, f.multipleLengthCue(), f.multipleChoice()));
            }
            if (!f.multipleFewWrong().isEmpty()) {
                failures.add("%s: multiple-answer questions with fewer than two wrong options: %s"
                        .formatted(name, f.multipleFewWrong()));
            }
            if (!f.absoluteInWrongOfMultiple().isEmpty()) {
                failures.add("%s: multiple-answer questions with an absolute word in a wrong option: %s"
                        .formatted(name, f.absoluteInWrongOfMultiple()));
            }
            if (f.trueFalseUnbalanced()) {
                failures.add("%s: %d of %d true/false statements are true (%.0f%%, outside 35-65%%)"
                        .formatted(name, f.trueFalseTrue(), f.trueFalse(), 100 * f.trueShare()));
            }
            if (!f.modulesWithoutQuiz().isEmpty()) {
                failures.add("%s: modules without a quiz: %s".formatted(name, f.modulesWithoutQuiz()));
            }
            if (!f.withoutExplanation().isEmpty()) {
                failures.add("%s: questions without an explanation: %s".formatted(name, f.withoutExplanation()));
            }
        }
        assertThat(failures).as("item-writing failures:%n%s", String.join(System.lineSeparator(), failures))
                .isEmpty();
    }

    @Test
    void everyFinalQuizAllowsFiveAttempts() throws IOException {
        for (CourseDraft course : shippedCourses()) {
            assertThat(course.finalQuiz()).as("final quiz of %s", course.card().code()).isNotNull();
            assertThat(course.finalQuiz().maxAttempts()).as("attempts at the final quiz of %s", course.card().code())
                    .isEqualTo(5);
        }
    }

    /** Every course folder, parsed as the importer does; a folder that does not parse fails the test. */
    static List<CourseDraft> shippedCourses() throws IOException {
        CourseFolderParser parser = new CourseFolderParser(new LessonSanitizer(), GROUPS);
        List<CourseDraft> drafts = new ArrayList<>();
        try (Stream<Path> folders = Files.list(SHIPPED)) {
            for (Path folder : folders.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                ParsedFolder parsed = parser.parse(CourseFolderSnapshot.read(folder));
                assertThat(parsed.problems()).as("problems in %s: %s", folder, parsed.problems().stream()
                        .map(p -> "%s:%s %s %s".formatted(p.file(), p.line(), p.message(), p))
                        .collect(Collectors.joining("; "))).isEmpty();
                drafts.add(parsed.valid().orElseThrow());
            }
        }
        return drafts;
    }
}
