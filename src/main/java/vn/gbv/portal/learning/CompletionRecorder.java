package vn.gbv.portal.learning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.gbv.portal.course.CourseCatalog;
import vn.gbv.portal.course.CourseCatalog.CourseOutline;
import vn.gbv.portal.learning.CompletionService.CompletionRow;
import vn.gbv.portal.learning.LearningQueries.ChainTail;

/**
 * Records an online completion when a learner has done every step of a version. Runs inside the
 * transaction of the step that finished the course (a lesson read, a quiz passed), which reads
 * committed: no index gap is locked (learners finishing at the same moment do not deadlock) and
 * each statement sees what other requests have committed.
 */
@Component
class CompletionRecorder {

    private final CourseCatalog catalog;
    private final LearningQueries queries;
    private final CurrentLearner learner;
    private final Clock clock;

    CompletionRecorder(CourseCatalog catalog, LearningQueries queries, CurrentLearner learner, Clock clock) {
        this.catalog = catalog;
        this.queries = queries;
        this.learner = learner;
        this.clock = clock;
    }

    /**
     * Records the completion when every lesson of the version is read and every quiz passed; empty
     * when something is left or the version was already completed.
     * <p>
     * At most one effective completion per person and version, held by the database: a first
     * completion is the root of its chain (unique per person, course and version), and one after a
     * revocation supersedes the revoked row (each row superseded once). Two requests finishing the
     * course at once (two tabs, two nodes) both try to insert; the unique keys let one in, the
     * other's INSERT IGNORE inserts nothing and it reads the winner's row instead of failing.
     */
    Optional<CompletionRow> completeIfDone(long person, long courseId, long versionId, Integer finalScore) {
        if (queries.stepsLeft(person, versionId) > 0) {
            return Optional.empty();
        }
        Optional<ChainTail> tail = queries.chainTail(person, courseId, versionId);
        if (tail.isPresent() && !tail.get().revoked()) {
            return Optional.empty();
        }
        Integer score = finalScore != null ? finalScore : finalQuizScore(person, versionId);
        queries.insertOnlineCompletion(person, courseId, versionId, LocalDate.now(clock), score,
                tail.map(ChainTail::id).orElse(null), clock.instant(), learner.username());
        // Inserted here, or by the request that won the race (its insert was waited for, then ignored).
        return queries.effectiveCompletion(person, versionId);
    }

    private Integer finalQuizScore(long person, long versionId) {
        CourseOutline outline = catalog.outline(versionId).orElseThrow();
        List<Long> quizzes = outline.quizIds();
        return quizzes.isEmpty() ? null : queries.bestScore(person, quizzes.getLast());
    }
}
