package vn.gbv.portal.course;

import java.time.Instant;
import java.util.List;

/** The outcome of one import of the courses folder, course by course. */
public record ImportReport(long runId, String startedBy, Instant startedAt, Instant finishedAt,
                           List<CourseResult> courses) {

    public enum Outcome {
        /** A new version was published. */
        IMPORTED,
        /** The folder's content equals the published version's: nothing was written. */
        UNCHANGED,
        /** The folder has problems; the published version, if any, stays as it was. */
        FAILED,
        /** A trainer took the course over in the portal: the folder is not imported (the portal wins). */
        SKIPPED
    }

    /**
     * One course folder's outcome. {@code code} is null when course.yaml gave none;
     * {@code versionNo} is the new version (IMPORTED), the current one (UNCHANGED) or null (FAILED).
     */
    public record CourseResult(String folder, String code, Outcome outcome, Integer versionNo,
                               List<CourseProblem> problems, List<CourseProblem> warnings) {

        public CourseResult(String folder, String code, Outcome outcome, Integer versionNo,
                            List<CourseProblem> problems) {
            this(folder, code, outcome, versionNo, problems, List.of());
        }
    }

    public long count(Outcome outcome) {
        return courses.stream().filter(c -> c.outcome() == outcome).count();
    }

    /** Item-writing warnings and notices (a folder skipped): never a reason not to import. */
    public List<CourseProblem> warnings() {
        return courses.stream().flatMap(c -> c.warnings().stream()).toList();
    }

    public List<CourseProblem> problems() {
        return courses.stream().flatMap(c -> c.problems().stream()).toList();
    }
}
