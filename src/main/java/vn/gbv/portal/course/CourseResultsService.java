package vn.gbv.portal.course;

import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.course.CourseResultsQueries.Filter;
import vn.gbv.portal.course.CourseResultsQueries.Option;
import vn.gbv.portal.course.CourseResultsQueries.Period;
import vn.gbv.portal.course.CourseResultsQueries.QuestionStat;
import vn.gbv.portal.course.CourseResultsQueries.Summary;

/**
 * A course's results for its trainers: counts of learners and, per question, the share answering
 * right and how well it separates stronger from weaker attempts. Figures only, never a name: a
 * trainer may filter by any unit, since what is shown is about the questions, not the people.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'TRAINER')")
public class CourseResultsService {

    /** Below this discrimination index a question hardly separates stronger from weaker learners. */
    static final double WEAK_DISCRIMINATION = 0.20;
    /** Below this share right, or above the next one, a question is too hard or too easy to tell learners apart. */
    static final double TOO_HARD = 0.30;
    static final double TOO_EASY = 0.95;

    record Results(Summary summary, List<QuestionStat> questions) {
    }

    private final CourseResultsQueries queries;

    CourseResultsService(CourseResultsQueries queries) {
        this.queries = queries;
    }

    /** The course's figures; questions that most need work first. */
    public Results results(String code, Filter filter) {
        if (!queries.courseExists(code)) {
            throw RefusedException.of("authoring.error.no-course", code);
        }
        if (filter.unitId() != null && !queries.unitExists(filter.unitId())) {
            throw RefusedException.of("authoring.results.no-unit", filter.unitId());
        }
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw RefusedException.of("authoring.results.bad-period");
        }
        List<QuestionStat> questions = queries.questions(code, filter).stream()
                .sorted(Comparator.comparingDouble(CourseResultsService::need).reversed()
                        .thenComparing(QuestionStat::quiz).thenComparing(QuestionStat::key))
                .toList();
        return new Results(queries.summary(code, filter), questions);
    }

    public List<Option> units() {
        return queries.units();
    }

    public List<Period> periods() {
        return queries.periods();
    }

    /** Whether a question needs work: it barely discriminates, or almost nobody (or everybody) gets it right. */
    static boolean needsWork(QuestionStat q) {
        Double d = q.discrimination();
        return (d != null && d < WEAK_DISCRIMINATION) || q.shareRight() < TOO_HARD || q.shareRight() > TOO_EASY;
    }

    /** Ordering key: the weaker the discrimination and the further the share right from the middle, the higher. */
    static double need(QuestionStat q) {
        Double d = q.discrimination();
        double separation = d == null ? 0.5 : 1 - d;
        return (needsWork(q) ? 10 : 0) + separation + Math.abs(q.shareRight() - 0.6);
    }
}
