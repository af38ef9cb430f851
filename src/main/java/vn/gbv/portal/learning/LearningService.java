package vn.gbv.portal.learning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.course.CourseCatalog;
import vn.gbv.portal.course.CourseCatalog.CourseCard;
import vn.gbv.portal.course.CourseCatalog.CourseOutline;
import vn.gbv.portal.course.CourseCatalog.LessonContent;
import vn.gbv.portal.course.CourseCatalog.QuestionDefinition;
import vn.gbv.portal.course.CourseCatalog.QuizDefinition;
import vn.gbv.portal.coverage.TrainedRule;
import vn.gbv.portal.security.CurrentUser;
import vn.gbv.portal.security.SignedInUser;

/**
 * A learner's progress through courses: where they are, lessons read, quiz attempts scored on
 * the server, and the completion recorded when everything is done. Everything is saved as it
 * happens, so a lost connection, an expired session or another device loses nothing.
 */
@Service
@PreAuthorize("hasAnyRole('LEARNER','TRAINER')")
public class LearningService {

    private final CourseCatalog catalog;
    private final CurrentUser currentUser;
    private final JdbcTemplate jdbc;
    private final TrainedRule trainedRule;
    private final Clock clock;
    private final RandomGenerator random = new java.security.SecureRandom();

    LearningService(CourseCatalog catalog, CurrentUser currentUser, JdbcTemplate jdbc, TrainedRule trainedRule, Clock clock) {
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.trainedRule = trainedRule;
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

    /** A question as the browser may see it: no right answers, no explanation. */
    public record SheetQuestion(long id, String type, String text, List<SheetOption> options) {
    }

    public record SheetOption(long id, String text) {
    }

    public record QuizSheet(long attemptId, long quizId, String courseCode, String title, int attemptNo, int maxAttempts,
                            int passPercent, List<SheetQuestion> questions, Map<Long, List<Long>> answers) {
    }

    public record QuestionFeedback(SheetQuestion question, Set<Long> chosen, Set<Long> correctOptions, boolean right,
                                   String explanation) {
    }

    public record QuizResult(long attemptId, int attemptNo, int correct, int total, int scorePercent, boolean passed,
                             int passPercent, List<QuestionFeedback> feedback, Optional<CompletionRow> completion,
                             int attemptsLeft) {
    }

    public record AttemptRow(long id, int attemptNo, Instant submittedAt, int scorePercent, boolean passed) {
    }

    public record QuizInfo(long quizId, String courseCode, String title, int passPercent, int drawCount, int maxAttempts,
                           List<AttemptRow> attempts, boolean passed, int attemptsLeft, boolean openAttempt) {
        public boolean canStart() {
            return openAttempt || maxAttempts == 0 || attemptsLeft > 0;
        }
    }

    public record CompletionRow(long id, long courseId, String courseTitle, int versionNo, LocalDate completedOn,
                                Integer scorePercent, String source) {
    }

    // ---- catalogue and my learning ------------------------------------------------------------

    /** Every published course with the learner's status in it. */
    @Transactional(readOnly = true)
    public List<CourseStatus> catalogue() {
        long person = personId();
        Map<Long, Long> pinned = pinnedVersions(person);
        Map<Long, LocalDate> completed = completionDates(person);
        Map<Long, Instant> activity = new HashMap<>();
        jdbc.query("select course_id, updated_at from course_progress where person_id = ?",
                rs -> { activity.put(rs.getLong(1), rs.getTimestamp(2).toInstant()); }, person);
        List<CourseStatus> result = new ArrayList<>();
        for (CourseCard card : catalog.published()) {
            long versionId = pinned.getOrDefault(card.courseId(), card.versionId());
            CourseOutline outline = catalog.outline(versionId).orElseThrow();
            List<Step> steps = steps(outline, person);
            int done = (int) steps.stream().filter(Step::done).count();
            LocalDate completedOn = completed.get(card.courseId());
            Status status = completedOn != null ? Status.COMPLETED
                    : pinned.containsKey(card.courseId()) ? Status.IN_PROGRESS : Status.NOT_STARTED;
            result.add(new CourseStatus(card, status, done, steps.size(), completedOn, activity.get(card.courseId())));
        }
        return result;
    }

    /** The course page: its outline in the learner's version, what is done and where to go on. */
    @Transactional(readOnly = true)
    public CoursePage course(String courseCode) {
        long person = personId();
        CourseCard card = catalog.card(courseCode).orElseThrow(() -> new LearningException("learning.error.no-course"));
        Long pinned = pinnedVersions(person).get(card.courseId());
        CourseOutline outline = catalog.outline(pinned != null ? pinned : card.versionId()).orElseThrow();
        List<Step> steps = steps(outline, person);
        LocalDate completedOn = completionDates(person).get(card.courseId());
        Status status = completedOn != null ? Status.COMPLETED : pinned != null ? Status.IN_PROGRESS : Status.NOT_STARTED;
        return new CoursePage(outline, steps, resumeStep(person, card.courseId(), steps), status, completedOn);
    }

    /** Where the learner goes when they press "continue": the last place they opened, or the first step not done. */
    private Optional<Step> resumeStep(long person, long courseId, List<Step> steps) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select last_lesson_id, last_quiz_id from course_progress where person_id = ? and course_id = ?", person, courseId);
        if (!rows.isEmpty()) {
            Number lesson = (Number) rows.get(0).get("last_lesson_id");
            Number quiz = (Number) rows.get(0).get("last_quiz_id");
            for (Step s : steps) {
                if (quiz != null && s.kind() == StepKind.QUIZ && s.id() == quiz.longValue()) {
                    return Optional.of(s);
                }
                if (quiz == null && lesson != null && s.kind() == StepKind.LESSON && s.id() == lesson.longValue()) {
                    return Optional.of(s);
                }
            }
        }
        return steps.stream().filter(s -> !s.done()).findFirst().or(() -> steps.stream().findFirst());
    }

    /** The most recent course the learner was in, and where: for "continue where you left off". */
    @Transactional(readOnly = true)
    public Optional<ContinueTarget> lastPlace() {
        long person = personId();
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select c.code from course_progress p join course c on c.id = p.course_id
                where p.person_id = ? and not exists (select 1 from completion x where x.person_id = p.person_id
                  and x.course_id = p.course_id and x.course_version_id = p.course_version_id)
                order by p.updated_at desc limit 1
                """, person);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String code = (String) rows.get(0).get("code");
        CoursePage page = course(code);
        return page.resume().map(step -> new ContinueTarget(code, page.outline().title(), step));
    }

    public record ContinueTarget(String courseCode, String courseTitle, Step step) {
        /** The page of the step, as a route path. */
        public String path() {
            return "learn/" + courseCode + (step.kind() == StepKind.LESSON ? "/lesson/" : "/quiz/") + step.id();
        }
    }

    // ---- lessons -----------------------------------------------------------------------------

    /** Opens a lesson and remembers it as the place to resume. */
    @Transactional
    public LessonPage openLesson(String courseCode, long lessonId) {
        long person = personId();
        CourseCard card = catalog.card(courseCode).orElseThrow(() -> new LearningException("learning.error.no-course"));
        LessonContent lesson = catalog.lesson(lessonId).orElseThrow(() -> new LearningException("learning.error.no-lesson"));
        long versionId = pinVersion(person, card, lesson.courseVersionId());
        CourseOutline outline = catalog.outline(versionId).orElseThrow();
        jdbc.update("""
                update course_progress set last_lesson_id = ?, last_quiz_id = null, updated_at = ?
                where person_id = ? and course_id = ?
                """, lessonId, Timestamp.from(clock.instant()), person, card.courseId());
        List<Step> steps = steps(outline, person);
        int index = indexOf(steps, StepKind.LESSON, lessonId);
        return new LessonPage(outline, lesson, steps, index);
    }

    /** Marks a lesson read; may complete the course (when it has no quiz left to pass). */
    @Transactional
    public Optional<CompletionRow> markLessonDone(String courseCode, long lessonId) {
        long person = personId();
        CourseCard card = catalog.card(courseCode).orElseThrow(() -> new LearningException("learning.error.no-course"));
        LessonContent lesson = catalog.lesson(lessonId).orElseThrow(() -> new LearningException("learning.error.no-lesson"));
        pinVersion(person, card, lesson.courseVersionId());
        jdbc.update("insert ignore into lesson_progress (person_id, lesson_id, completed_at) values (?, ?, ?)",
                person, lessonId, Timestamp.from(clock.instant()));
        return completeIfDone(person, card.courseId(), lesson.courseVersionId(), null);
    }

    /**
     * The version a learner works on: the one they started, or the current one for a new start.
     * A lesson of another version (an old link after a new version was published) is refused.
     */
    private long pinVersion(long person, CourseCard card, long requestedVersionId) {
        Long pinned = pinnedVersions(person).get(card.courseId());
        if (pinned == null) {
            if (requestedVersionId != card.versionId()) {
                throw new LearningException("learning.error.old-version");
            }
            jdbc.update("""
                    insert into course_progress (person_id, course_id, course_version_id, started_at, updated_at)
                    values (?, ?, ?, ?, ?)
                    on duplicate key update updated_at = values(updated_at)
                    """, person, card.courseId(), requestedVersionId, Timestamp.from(clock.instant()),
                    Timestamp.from(clock.instant()));
            return requestedVersionId;
        }
        if (pinned != requestedVersionId) {
            throw new LearningException("learning.error.old-version");
        }
        return pinned;
    }

    // ---- quizzes -----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public QuizInfo quizInfo(String courseCode, long quizId) {
        long person = personId();
        QuizDefinition quiz = quizOfCourse(courseCode, quizId);
        List<AttemptRow> attempts = attempts(person, quizId);
        boolean open = openAttemptId(person, quizId).isPresent();
        return new QuizInfo(quizId, courseCode, quiz.title(), quiz.passPercent(), quiz.drawCount(), quiz.maxAttempts(),
                attempts, attempts.stream().anyMatch(AttemptRow::passed), attemptsLeft(quiz, attempts.size()), open);
    }

    /**
     * The attempt in progress, or a new one: questions drawn from the bank and shuffled, options
     * shuffled. The sheet holds no right answer and no explanation.
     */
    @Transactional
    public QuizSheet sheet(String courseCode, long quizId) {
        long person = personId();
        CourseCard card = catalog.card(courseCode).orElseThrow(() -> new LearningException("learning.error.no-course"));
        QuizDefinition quiz = quizOfCourse(courseCode, quizId);
        pinVersion(person, card, quiz.courseVersionId());
        jdbc.update("update course_progress set last_quiz_id = ?, updated_at = ? where person_id = ? and course_id = ?",
                quizId, Timestamp.from(clock.instant()), person, card.courseId());
        long attemptId = openAttemptId(person, quizId).orElseGet(() -> newAttempt(person, quiz));
        return loadSheet(attemptId, quiz, courseCode);
    }

    private long newAttempt(long person, QuizDefinition quiz) {
        int submitted = attempts(person, quiz.id()).size();
        if (attemptsLeft(quiz, submitted) <= 0 && quiz.maxAttempts() > 0) {
            throw new LearningException("learning.quiz.no-attempts-left", quiz.maxAttempts());
        }
        List<QuestionDefinition> bank = new ArrayList<>(quiz.questions());
        Collections.shuffle(bank, random);
        Map<Long, List<Long>> drawn = new LinkedHashMap<>();
        for (QuestionDefinition q : bank.subList(0, Math.min(quiz.drawCount(), bank.size()))) {
            List<Long> options = new ArrayList<>(q.options().stream().map(CourseCatalog.OptionDefinition::id).toList());
            if (!"TRUE_FALSE".equals(q.type())) {
                Collections.shuffle(options, random);
            }
            drawn.put(q.id(), options);
        }
        Integer last = jdbc.queryForObject("select coalesce(max(attempt_no), 0) from quiz_attempt where person_id = ? and quiz_id = ?",
                Integer.class, person, quiz.id());
        jdbc.update("insert into quiz_attempt (person_id, quiz_id, attempt_no, drawn, answers, started_at) values (?, ?, ?, ?, '', ?)",
                person, quiz.id(), last + 1, AnswerSheetCodec.encode(drawn), Timestamp.from(clock.instant()));
        return openAttemptId(person, quiz.id()).orElseThrow();
    }

    private QuizSheet loadSheet(long attemptId, QuizDefinition quiz, String courseCode) {
        Map<String, Object> row = jdbc.queryForMap("select attempt_no, drawn, answers from quiz_attempt where id = ?", attemptId);
        Map<Long, List<Long>> drawn = AnswerSheetCodec.decode((String) row.get("drawn"));
        Map<Long, QuestionDefinition> byId = quiz.questions().stream()
                .collect(Collectors.toMap(QuestionDefinition::id, q -> q));
        List<SheetQuestion> questions = drawn.entrySet().stream().map(e -> sheetQuestion(byId.get(e.getKey()), e.getValue())).toList();
        return new QuizSheet(attemptId, quiz.id(), courseCode, quiz.title(), ((Number) row.get("attempt_no")).intValue(),
                quiz.maxAttempts(), quiz.passPercent(), questions, AnswerSheetCodec.decode((String) row.get("answers")));
    }

    private static SheetQuestion sheetQuestion(QuestionDefinition q, List<Long> optionOrder) {
        Map<Long, String> texts = q.options().stream()
                .collect(Collectors.toMap(CourseCatalog.OptionDefinition::id, CourseCatalog.OptionDefinition::text));
        return new SheetQuestion(q.id(), q.type(), q.text(),
                optionOrder.stream().map(id -> new SheetOption(id, texts.get(id))).toList());
    }

    /** Saves one answer of the attempt in progress at once, so it survives a lost session. */
    @Transactional
    public void saveAnswer(long attemptId, long questionId, Set<Long> optionIds) {
        Map<String, Object> row = ownOpenAttempt(attemptId);
        Map<Long, List<Long>> drawn = AnswerSheetCodec.decode((String) row.get("drawn"));
        List<Long> allowed = drawn.get(questionId);
        if (allowed == null || !allowed.containsAll(optionIds)) {
            throw new LearningException("learning.quiz.bad-answer");
        }
        Map<Long, List<Long>> answers = AnswerSheetCodec.decode((String) row.get("answers"));
        if (optionIds.isEmpty()) {
            answers.remove(questionId);
        } else {
            answers.put(questionId, allowed.stream().filter(optionIds::contains).toList());
        }
        jdbc.update("update quiz_attempt set answers = ? where id = ?", AnswerSheetCodec.encode(answers), attemptId);
    }

    /** Scores the attempt on the server and returns feedback with the explanations. */
    @Transactional
    public QuizResult submit(long attemptId) {
        long person = personId();
        Map<String, Object> row = ownOpenAttempt(attemptId);
        long quizId = ((Number) row.get("quiz_id")).longValue();
        QuizDefinition quiz = catalog.quiz(quizId).orElseThrow();
        Map<Long, List<Long>> drawn = AnswerSheetCodec.decode((String) row.get("drawn"));
        Map<Long, List<Long>> answers = AnswerSheetCodec.decode((String) row.get("answers"));
        Map<Long, QuestionDefinition> byId = quiz.questions().stream().collect(Collectors.toMap(QuestionDefinition::id, q -> q));

        List<QuestionFeedback> feedback = new ArrayList<>();
        int correct = 0;
        for (var entry : drawn.entrySet()) {
            QuestionDefinition q = byId.get(entry.getKey());
            Set<Long> right = q.options().stream().filter(CourseCatalog.OptionDefinition::correct)
                    .map(CourseCatalog.OptionDefinition::id).collect(Collectors.toSet());
            Set<Long> chosen = new HashSet<>(answers.getOrDefault(q.id(), List.of()));
            boolean isRight = chosen.equals(right);
            if (isRight) {
                correct++;
            }
            feedback.add(new QuestionFeedback(sheetQuestion(q, entry.getValue()), chosen, right, isRight, q.explanation()));
        }
        int total = drawn.size();
        int score = total == 0 ? 0 : Math.round(correct * 100f / total);
        boolean passed = score >= quiz.passPercent();
        jdbc.update("""
                update quiz_attempt set submitted_at = ?, correct_count = ?, score_percent = ?, passed = ?
                where id = ? and submitted_at is null
                """, Timestamp.from(clock.instant()), correct, score, passed, attemptId);
        long courseId = jdbc.queryForObject("select course_id from course_version where id = ?", Long.class, quiz.courseVersionId());
        Optional<CompletionRow> completion = passed
                ? completeIfDone(person, courseId, quiz.courseVersionId(), quiz.moduleId() == null ? score : null)
                : Optional.empty();
        int submitted = attempts(person, quizId).size();
        return new QuizResult(attemptId, ((Number) row.get("attempt_no")).intValue(), correct, total, score, passed,
                quiz.passPercent(), feedback, completion, attemptsLeft(quiz, submitted));
    }

    private Map<String, Object> ownOpenAttempt(long attemptId) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id, quiz_id, attempt_no, drawn, answers from quiz_attempt where id = ? and person_id = ? and submitted_at is null",
                attemptId, personId());
        if (rows.isEmpty()) {
            throw new LearningException("learning.quiz.attempt-closed");
        }
        return rows.get(0);
    }

    private QuizDefinition quizOfCourse(String courseCode, long quizId) {
        CourseCard card = catalog.card(courseCode).orElseThrow(() -> new LearningException("learning.error.no-course"));
        QuizDefinition quiz = catalog.quiz(quizId).orElseThrow(() -> new LearningException("learning.error.no-quiz"));
        Long courseOfQuiz = jdbc.queryForObject("select course_id from course_version where id = ?", Long.class, quiz.courseVersionId());
        if (courseOfQuiz == null || courseOfQuiz != card.courseId()) {
            throw new LearningException("learning.error.no-quiz");
        }
        return quiz;
    }

    private List<AttemptRow> attempts(long person, long quizId) {
        return jdbc.query("""
                select id, attempt_no, submitted_at, score_percent, passed from quiz_attempt
                where person_id = ? and quiz_id = ? and submitted_at is not null order by attempt_no
                """, (rs, i) -> new AttemptRow(rs.getLong(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getInt(4),
                rs.getBoolean(5)), person, quizId);
    }

    private Optional<Long> openAttemptId(long person, long quizId) {
        return jdbc.queryForList("select id from quiz_attempt where person_id = ? and quiz_id = ? and submitted_at is null",
                Long.class, person, quizId).stream().findFirst();
    }

    private static int attemptsLeft(QuizDefinition quiz, int submitted) {
        return quiz.maxAttempts() == 0 ? Integer.MAX_VALUE : Math.max(0, quiz.maxAttempts() - submitted);
    }

    // ---- completion --------------------------------------------------------------------------

    /**
     * Records the completion when every lesson of the version is read and every quiz passed.
     * Insert-only and once per person and version; the progress row is locked so that two
     * requests (two tabs, two nodes) cannot both insert.
     */
    private Optional<CompletionRow> completeIfDone(long person, long courseId, long versionId, Integer finalScore) {
        jdbc.queryForList("select id from course_progress where person_id = ? and course_id = ? for update", person, courseId);
        boolean exists = !jdbc.queryForList("select id from completion where person_id = ? and course_version_id = ?",
                Long.class, person, versionId).isEmpty();
        if (exists) {
            return Optional.empty();
        }
        CourseOutline outline = catalog.outline(versionId).orElseThrow();
        if (!steps(outline, person).stream().allMatch(Step::done)) {
            return Optional.empty();
        }
        Integer score = finalScore != null ? finalScore : bestFinalScore(person, outline);
        String recordedBy = currentUser.get().map(SignedInUser::username).orElse("system");
        jdbc.update("""
                insert into completion (person_id, course_id, course_version_id, completed_on, score_percent, source,
                  recorded_at, recorded_by) values (?, ?, ?, ?, ?, 'ONLINE', ?, ?)
                """, person, courseId, versionId, LocalDate.now(clock), score, Timestamp.from(clock.instant()), recordedBy);
        return completions(person).stream().filter(c -> c.courseId() == courseId).findFirst();
    }

    private Integer bestFinalScore(long person, CourseOutline outline) {
        List<Long> quizzes = outline.quizIds();
        if (quizzes.isEmpty()) {
            return null;
        }
        long last = quizzes.get(quizzes.size() - 1);
        return jdbc.queryForObject("select max(score_percent) from quiz_attempt where person_id = ? and quiz_id = ? and passed",
                Integer.class, person, last);
    }

    /** The learner's completions, newest first (revoked ones left out). */
    @Transactional(readOnly = true)
    public List<CompletionRow> myCompletions() {
        return completions(personId());
    }

    private List<CompletionRow> completions(long person) {
        return jdbc.query("""
                select c.id, c.course_id, coalesce(cv.title, cur.title), coalesce(cv.version_no, 0), c.completed_on,
                       c.score_percent, c.source
                from completion c join course co on co.id = c.course_id
                left join course_version cv on cv.id = c.course_version_id
                left join course_version cur on cur.id = co.current_version_id
                where c.person_id = ? and not exists (select 1 from completion_revocation r where r.completion_id = c.id)
                order by c.completed_on desc, c.id desc
                """, (rs, i) -> new CompletionRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                rs.getDate(5).toLocalDate(), (Integer) rs.getObject(6), rs.getString(7)), person);
    }

    /** Whether the learner meets the programme's rule, and which groups they still need. */
    @Transactional(readOnly = true)
    public TrainedRule.PersonStatus trainedStatus() {
        return trainedRule.statusOf(personId(), LocalDate.now(clock));
    }

    /** Courses that count for a programme group, for "what you still need". */
    @Transactional(readOnly = true)
    public List<CourseCard> coursesForGroup(String groupCode) {
        return catalog.published().stream().filter(c -> c.groupCodes().contains(groupCode)).toList();
    }

    public boolean hasLearnerProfile() {
        return currentUser.get().map(SignedInUser::personId).isPresent();
    }

    // ---- helpers -----------------------------------------------------------------------------

    private long personId() {
        SignedInUser user = currentUser.require();
        if (user.personId() == null) {
            throw new LearningException("learning.error.no-person");
        }
        return user.personId();
    }

    private Map<Long, Long> pinnedVersions(long person) {
        Map<Long, Long> pinned = new HashMap<>();
        jdbc.query("select course_id, course_version_id from course_progress where person_id = ?",
                rs -> { pinned.put(rs.getLong(1), rs.getLong(2)); }, person);
        return pinned;
    }

    private Map<Long, LocalDate> completionDates(long person) {
        Map<Long, LocalDate> dates = new HashMap<>();
        jdbc.query("""
                select c.course_id, max(c.completed_on) from completion c
                where c.person_id = ? and not exists (select 1 from completion_revocation r where r.completion_id = c.id)
                group by c.course_id
                """, rs -> { dates.put(rs.getLong(1), rs.getDate(2).toLocalDate()); }, person);
        return dates;
    }

    private List<Step> steps(CourseOutline outline, long person) {
        Set<Long> lessonsDone = new HashSet<>(jdbc.queryForList("""
                select lp.lesson_id from lesson_progress lp join lesson l on l.id = lp.lesson_id
                join course_module m on m.id = l.module_id where lp.person_id = ? and m.course_version_id = ?
                """, Long.class, person, outline.versionId()));
        Set<Long> quizzesPassed = new HashSet<>(jdbc.queryForList("""
                select distinct a.quiz_id from quiz_attempt a join quiz q on q.id = a.quiz_id
                where a.person_id = ? and q.course_version_id = ? and a.passed
                """, Long.class, person, outline.versionId()));
        List<Step> steps = new ArrayList<>();
        for (var module : outline.modules()) {
            for (var lesson : module.lessons()) {
                steps.add(new Step(StepKind.LESSON, lesson.id(), lesson.title(), module.title(), lessonsDone.contains(lesson.id())));
            }
            if (module.quizId() != null) {
                steps.add(new Step(StepKind.QUIZ, module.quizId(), quizTitle(module.quizId()), module.title(),
                        quizzesPassed.contains(module.quizId())));
            }
        }
        if (outline.finalQuizId() != null) {
            steps.add(new Step(StepKind.QUIZ, outline.finalQuizId(), quizTitle(outline.finalQuizId()), null,
                    quizzesPassed.contains(outline.finalQuizId())));
        }
        return steps;
    }

    private String quizTitle(long quizId) {
        return jdbc.queryForObject("select title from quiz where id = ?", String.class, quizId);
    }

    private static int indexOf(List<Step> steps, StepKind kind, long id) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).kind() == kind && steps.get(i).id() == id) {
                return i;
            }
        }
        throw new LearningException("learning.error.no-lesson");
    }
}
