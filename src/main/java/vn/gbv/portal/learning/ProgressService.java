package vn.gbv.portal.learning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.course.CourseCatalog;
import vn.gbv.portal.course.CourseCatalog.CourseCard;
import vn.gbv.portal.course.CourseCatalog.CourseOutline;
import vn.gbv.portal.course.CourseCatalog.LessonContent;
import vn.gbv.portal.learning.CompletionService.CompletionRow;
import vn.gbv.portal.learning.LearningQueries.CourseProgress;
import vn.gbv.portal.security.Role;

/**
 * A learner's way through courses: the catalogue with their status, the course page, lessons
 * opened and read, and where "continue" takes them. Everything is saved as it happens, so a lost
 * connection, an expired session or another device loses nothing.
 */
@Service
@PreAuthorize("hasAnyRole('" + Role.Names.LEARNER + "','" + Role.Names.TRAINER + "')")
public class ProgressService {

    private final CourseCatalog catalog;
    private final LearningQueries queries;
    private final CourseSteps courseSteps;
    private final CompletionRecorder completions;
    private final CurrentLearner learner;
    private final Clock clock;

    ProgressService(CourseCatalog catalog, LearningQueries queries, CourseSteps courseSteps, CompletionRecorder completions,
                    CurrentLearner learner, Clock clock) {
        this.catalog = catalog;
        this.queries = queries;
        this.courseSteps = courseSteps;
        this.completions = completions;
        this.learner = learner;
        this.clock = clock;
    }

    public enum Status { NOT_STARTED, IN_PROGRESS, COMPLETED }

    public enum StepKind { LESSON, QUIZ }

    /** One step of a course in reading order: a lesson or a quiz. */
    public record Step(StepKind kind, long id, String title, String moduleTitle, boolean done) {
    }

    public record CourseStatus(CourseCard card, Status status, int stepsDone, int stepsTotal, LocalDate completedOn,
                               Instant lastActivity) {
        public double progress() {
            return stepsTotal == 0 ? 0 : (double) stepsDone / stepsTotal;
        }
    }

    public record CoursePage(CourseOutline outline, List<Step> steps, Optional<Step> resume, Status status,
                             LocalDate completedOn) {
    }

    public record LessonPage(CourseOutline outline, LessonContent lesson, List<Step> steps, int index) {
        public Optional<Step> previous() {
            return index > 0 ? Optional.of(steps.get(index - 1)) : Optional.empty();
        }

        public Optional<Step> next() {
            return index + 1 < steps.size() ? Optional.of(steps.get(index + 1)) : Optional.empty();
        }
    }

    public record ContinueTarget(String courseCode, String courseTitle, Step step) {
        /** The page of the step, as a route path. */
        public String path() {
            return "learn/" + courseCode + (step.kind() == StepKind.LESSON ? "/lesson/" : "/quiz/") + step.id();
        }
    }

    /** Every published course with the learner's status in it: two queries whatever the number of courses. */
    @Transactional(readOnly = true)
    public List<CourseStatus> catalogue() {
        long person = learner.personId();
        Map<Long, CourseProgress> progress = queries.progressOfEveryCourse(person);
        List<CourseStatus> result = new ArrayList<>();
        for (CourseCard card : catalog.published()) {
            CourseProgress p = progress.getOrDefault(card.courseId(),
                    new CourseProgress(card.courseId(), card.versionId(), false, null, 0, 0, null));
            Status status = p.completedOn() != null ? Status.COMPLETED : p.started() ? Status.IN_PROGRESS : Status.NOT_STARTED;
            result.add(new CourseStatus(card, status, p.stepsDone(), p.stepsTotal(), p.completedOn(), p.lastActivity()));
        }
        return result;
    }

    /** The course page: its outline in the learner's version, what is done and where to go on. */
    @Transactional(readOnly = true)
    public CoursePage course(String courseCode) {
        long person = learner.personId();
        CourseCard card = courseSteps.card(courseCode);
        var place = queries.place(person, card.courseId());
        CourseOutline outline = catalog.outline(place.map(LearningQueries.Place::versionId).orElse(card.versionId())).orElseThrow();
        List<Step> steps = courseSteps.steps(outline, person);
        LocalDate completedOn = queries.completedOn(person, card.courseId()).orElse(null);
        Status status = completedOn != null ? Status.COMPLETED : place.isPresent() ? Status.IN_PROGRESS : Status.NOT_STARTED;
        return new CoursePage(outline, steps, courseSteps.resume(place, steps), status, completedOn);
    }

    /** The most recent course the learner is in and where "continue" takes them. */
    @Transactional(readOnly = true)
    public Optional<ContinueTarget> lastPlace() {
        return queries.lastCourseInProgress(learner.personId()).flatMap(code -> {
            CoursePage page = course(code);
            return page.resume().map(step -> new ContinueTarget(code, page.outline().title(), step));
        });
    }

    /** Opens a lesson and remembers it as the place to resume. */
    @Transactional
    public LessonPage openLesson(String courseCode, long lessonId) {
        long person = learner.personId();
        CourseCard card = courseSteps.card(courseCode);
        LessonContent lesson = catalog.lesson(lessonId).orElseThrow(() -> RefusedException.of("learning.error.no-lesson"));
        long versionId = courseSteps.pin(person, card, lesson.courseVersionId());
        CourseOutline outline = catalog.outline(versionId).orElseThrow();
        queries.rememberLesson(person, card.courseId(), lessonId, clock.instant());
        List<Step> steps = courseSteps.steps(outline, person);
        int index = CourseSteps.indexOf(steps, StepKind.LESSON, lessonId);
        if (index < 0) {
            throw RefusedException.of("learning.error.no-lesson");
        }
        return new LessonPage(outline, lesson, steps, index);
    }

    /** Marks a lesson read; may complete the course (when it has no quiz left to pass). */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Optional<CompletionRow> markLessonDone(String courseCode, long lessonId) {
        long person = learner.personId();
        CourseCard card = courseSteps.card(courseCode);
        // Only the lesson's version is needed here, not its (sanitized) content.
        long versionId = queries.versionOfLesson(lessonId).orElseThrow(() -> RefusedException.of("learning.error.no-lesson"));
        courseSteps.pin(person, card, versionId);
        queries.markLessonRead(person, lessonId, clock.instant());
        return completions.completeIfDone(person, card.courseId(), versionId, null);
    }

    /** Deliberately open to any signed-in user: it only says whether the account can learn. */
    @PreAuthorize("isAuthenticated()")
    public boolean hasLearnerProfile() {
        return learner.hasPerson();
    }
}
