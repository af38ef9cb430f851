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
        FAILED
    }

    /**
     * One course folder's outcome. {@code code} is null when course.yaml gave none;
     * {@code versionNo} is the new version (IMPORTED), the current one (UNCHANGED) or null (FAILED).
     */
    public record CourseResult(String folder, String code, Outcome outcome, Integer versionNo,
                               List<CourseProblem> problems) {
    }

    public long count(Outcome outcome) {
        return courses.stream().filter(c -> c.outcome() == outcome).count();
    }

    public List<CourseProblem> problems() {
        return courses.stream().flatMap(c -> c.problems().stream()).toList();
    }
}
