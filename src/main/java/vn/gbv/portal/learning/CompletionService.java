package vn.gbv.portal.learning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.course.CourseCatalog;
import vn.gbv.portal.course.CourseCatalog.CourseCard;
import vn.gbv.portal.coverage.TrainedRule;
import vn.gbv.portal.security.Role;

/**
 * What a learner has completed (effective completions only) and what they still need to meet the
 * programme's rule. Completions are recorded by {@link CompletionRecorder} as the last step is done.
 */
@Service
@PreAuthorize("hasAnyRole('" + Role.Names.LEARNER + "','" + Role.Names.TRAINER + "')")
public class CompletionService {

    private final CourseCatalog catalog;
    private final LearningQueries queries;
    private final TrainedRule trainedRule;
    private final CurrentLearner learner;
    private final Clock clock;

    CompletionService(CourseCatalog catalog, LearningQueries queries, TrainedRule trainedRule, CurrentLearner learner,
                      Clock clock) {
        this.catalog = catalog;
        this.queries = queries;
        this.trainedRule = trainedRule;
        this.learner = learner;
        this.clock = clock;
    }

    public record CompletionRow(long id, long courseId, String courseTitle, int versionNo, LocalDate completedOn,
                                Integer scorePercent, String source) {
    }

    /** The learner's effective completions (not revoked, not superseded), newest first. */
    @Transactional(readOnly = true)
    public List<CompletionRow> myCompletions() {
        return queries.completions(learner.personId());
    }

    /** Whether the learner meets the programme's rule, and which groups they still need. */
    @Transactional(readOnly = true)
    public TrainedRule.PersonStatus trainedStatus() {
        return trainedRule.statusOf(learner.personId(), LocalDate.now(clock));
    }

    /** Courses that count for a programme group, for "what you still need". */
    @Transactional(readOnly = true)
    public List<CourseCard> coursesForGroup(String groupCode) {
        return catalog.published().stream().filter(c -> c.groupCodes().contains(groupCode)).toList();
    }
}
