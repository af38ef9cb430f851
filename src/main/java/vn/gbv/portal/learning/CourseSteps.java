package vn.gbv.portal.learning;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.course.CourseCatalog;
import vn.gbv.portal.course.CourseCatalog.CourseCard;
import vn.gbv.portal.course.CourseCatalog.CourseOutline;
import vn.gbv.portal.learning.LearningQueries.Place;
import vn.gbv.portal.learning.ProgressService.Step;
import vn.gbv.portal.learning.ProgressService.StepKind;

/**
 * A course as a sequence of steps for one learner, and the version they are pinned to. Shared by
 * the progress and quiz services; runs inside their transactions.
 */
@Component
class CourseSteps {

    private final CourseCatalog catalog;
    private final LearningQueries queries;
    private final Clock clock;

    CourseSteps(CourseCatalog catalog, LearningQueries queries, Clock clock) {
        this.catalog = catalog;
        this.queries = queries;
        this.clock = clock;
    }

    CourseCard card(String courseCode) {
        return catalog.card(courseCode).orElseThrow(() -> RefusedException.of("learning.error.no-course"));
    }

    /** Lessons in reading order, each module's quiz after its lessons, the final quiz last. */
    List<Step> steps(CourseOutline outline, long person) {
        LearningQueries.Done done = queries.done(person, outline.versionId());
        Map<Long, String> quizTitles = outline.quizIds().isEmpty() ? Map.of() : queries.quizTitles(outline.versionId());
        List<Step> steps = new ArrayList<>();
        for (var module : outline.modules()) {
            for (var lesson : module.lessons()) {
                steps.add(new Step(StepKind.LESSON, lesson.id(), lesson.title(), module.title(),
                        done.lessons().contains(lesson.id())));
            }
            if (module.quizId() != null) {
                steps.add(new Step(StepKind.QUIZ, module.quizId(), quizTitles.get(module.quizId()), module.title(),
                        done.quizzes().contains(module.quizId())));
            }
        }
        if (outline.finalQuizId() != null) {
            steps.add(new Step(StepKind.QUIZ, outline.finalQuizId(), quizTitles.get(outline.finalQuizId()), null,
                    done.quizzes().contains(outline.finalQuizId())));
        }
        return steps;
    }

    /**
     * Where "continue" goes: the step last opened while it is unfinished, else the next unfinished
     * step after it (so that after a module's last lesson the learner is sent to its quiz, not
     * back to the lesson they finished), else the first unfinished one, else the first step.
     */
    Optional<Step> resume(Optional<Place> place, List<Step> steps) {
        int last = place.map(p -> p.lastQuizId() != null ? indexOf(steps, StepKind.QUIZ, p.lastQuizId())
                : p.lastLessonId() != null ? indexOf(steps, StepKind.LESSON, p.lastLessonId()) : -1).orElse(-1);
        if (last >= 0) {
            for (int i = last; i < steps.size(); i++) {
                if (!steps.get(i).done()) {
                    return Optional.of(steps.get(i));
                }
            }
        }
        return steps.stream().filter(s -> !s.done()).findFirst().or(() -> steps.stream().findFirst());
    }

    /**
     * The version a learner works on: the one they started, or the current one for a new start.
     * A step of another version (an old link after a new version was published) is refused.
     */
    long pin(long person, CourseCard card, long requestedVersionId) {
        Optional<Place> place = queries.place(person, card.courseId());
        if (place.isEmpty()) {
            if (requestedVersionId != card.versionId()) {
                throw RefusedException.of("learning.error.old-version");
            }
            queries.start(person, card.courseId(), requestedVersionId, clock.instant());
            return requestedVersionId;
        }
        if (place.get().versionId() != requestedVersionId) {
            throw RefusedException.of("learning.error.old-version");
        }
        return requestedVersionId;
    }

    static int indexOf(List<Step> steps, StepKind kind, long id) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).kind() == kind && steps.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }
}
