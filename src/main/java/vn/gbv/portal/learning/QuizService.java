package vn.gbv.portal.learning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.course.CourseCatalog;
import vn.gbv.portal.course.CourseCatalog.CourseCard;
import vn.gbv.portal.course.CourseCatalog.OptionDefinition;
import vn.gbv.portal.course.CourseCatalog.QuestionDefinition;
import vn.gbv.portal.course.CourseCatalog.QuizDefinition;
import vn.gbv.portal.learning.CompletionService.CompletionRow;
import vn.gbv.portal.learning.QuizQueries.Attempt;
import vn.gbv.portal.learning.QuizQueries.DrawnQuestion;
import vn.gbv.portal.learning.QuizQueries.Marked;
import vn.gbv.portal.security.Role;

/**
 * Quizzes: attempts drawn from the bank, answers saved one by one as rows, scoring on the server,
 * what the learner may see afterwards, and extra attempts granted by trainers.
 */
@Service
@PreAuthorize("hasAnyRole('" + Role.Names.LEARNER + "','" + Role.Names.TRAINER + "')")
public class QuizService {

    static final String TRUE_FALSE = "TRUE_FALSE";

    private final CourseCatalog catalog;
    private final QuizQueries queries;
    private final LearningQueries progress;
    private final CourseSteps courseSteps;
    private final CompletionRecorder completions;
    private final CurrentLearner learner;
    private final Clock clock;
    private final RandomGenerator random = new SecureRandom();

    QuizService(CourseCatalog catalog, QuizQueries queries, LearningQueries progress, CourseSteps courseSteps,
                CompletionRecorder completions, CurrentLearner learner, Clock clock) {
        this.catalog = catalog;
        this.queries = queries;
        this.progress = progress;
        this.courseSteps = courseSteps;
        this.completions = completions;
        this.learner = learner;
        this.clock = clock;
    }

    /** A question as the browser may see it: no right answer, no explanation. */
    public record SheetQuestion(long id, String type, String text, List<SheetOption> options) {
    }

    /**
     * An option as shown. {@code labelKey}: for a true/false question, the translation key of its
     * label (the stored text is Vietnamese, the label follows the learner's language); else null.
     */
    public record SheetOption(long id, String text, String labelKey) {
    }

    public record QuizSheet(long attemptId, long quizId, String courseCode, String title, int attemptNo, int maxAttempts,
                            int passPercent, List<SheetQuestion> questions, Map<Long, List<Long>> answers) {
    }

    /** The right options and the explanation of a question, shown only when the policy allows it. */
    public record Solution(Set<Long> rightOptions, String explanation) {
    }

    /**
     * How one question went. After a failed attempt with attempts left the learner sees which
     * questions were wrong and nothing more: {@code solution} is empty, so the right answers never
     * reach the browser and the next attempt is not a matter of copying.
     */
    public record QuestionFeedback(SheetQuestion question, Set<Long> chosen, boolean right, Optional<Solution> solution) {
    }

    /** {@code scorePercent}: unrounded (to 3 decimals, rounded down); the pass mark compares it exactly. */
    public record QuizResult(long attemptId, int attemptNo, int correct, int total, BigDecimal scorePercent, boolean passed,
                             int passPercent, List<QuestionFeedback> feedback, Optional<CompletionRow> completion,
                             int attemptsLeft, boolean solutionsShown) {
    }

    public record AttemptRow(long id, int attemptNo, Instant submittedAt, BigDecimal scorePercent, boolean passed) {
    }

    /** {@code allowedAttempts}: the quiz's limit plus attempts granted by trainers (0: no limit). */
    public record QuizInfo(long quizId, String courseCode, String title, int passPercent, int drawCount, int maxAttempts,
                           int allowedAttempts, List<AttemptRow> attempts, boolean passed, int attemptsLeft,
                           boolean openAttempt) {
        public boolean canStart() {
            return openAttempt || maxAttempts == 0 || attemptsLeft > 0;
        }
    }

    /** A person a trainer may grant attempts to. */
    public record LearnerMatch(long personId, String fullName, String username) {
    }

    /** A limited quiz a person has tried: attempts used, the limit and what trainers granted. */
    public record QuizUse(long quizId, String courseCode, String courseTitle, String quizTitle, int maxAttempts, int used,
                          int granted, boolean passed) {
        public int attemptsLeft() {
            return Math.max(0, maxAttempts + granted - used);
        }
    }

    public record GrantRow(int extra, String reason, String grantedBy, Instant grantedAt) {
    }

    /** The pass mark on the unrounded score, in integers: 159 of 200 (79.5%) fails an 80% quiz. */
    static boolean passes(int correct, int total, int passPercent) {
        return total > 0 && correct * 100L >= (long) passPercent * total;
    }

    static BigDecimal scorePercent(int correct, int total) {
        return total == 0 ? BigDecimal.ZERO.setScale(3)
                : BigDecimal.valueOf(correct * 100L).divide(BigDecimal.valueOf(total), 3, RoundingMode.DOWN);
    }

    // ---- the learner ------------------------------------------------------------------------------

    /** The quiz page: rules, attempts so far and left. Opening it makes it the place to resume. */
    @Transactional
    public QuizInfo quizInfo(String courseCode, long quizId) {
        long person = learner.personId();
        CourseCard card = courseSteps.card(courseCode);
        QuizDefinition quiz = quizOfCourse(card, quizId);
        progress.rememberQuiz(person, card.courseId(), quizId, clock.instant());
        List<AttemptRow> attempts = queries.submittedAttempts(person, quizId);
        int allowed = allowedAttempts(person, quiz);
        return new QuizInfo(quizId, courseCode, quiz.title(), quiz.passPercent(), quiz.drawCount(), quiz.maxAttempts(),
                allowed, attempts, attempts.stream().anyMatch(AttemptRow::passed), attemptsLeft(allowed, attempts.size()),
                queries.openAttemptId(person, quizId).isPresent());
    }

    /**
     * The attempt in progress, or a new one: questions drawn from the bank and shuffled, options
     * shuffled (true/false kept in order). The sheet holds no right answer and no explanation.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public QuizSheet sheet(String courseCode, long quizId) {
        long person = learner.personId();
        CourseCard card = courseSteps.card(courseCode);
        QuizDefinition quiz = quizOfCourse(card, quizId);
        courseSteps.pin(person, card, quiz.courseVersionId());
        progress.rememberQuiz(person, card.courseId(), quizId, clock.instant());
        long attemptId = queries.openAttemptId(person, quizId).orElseGet(() -> newAttempt(person, quiz));
        List<SheetQuestion> questions = sheetQuestions(quiz, queries.drawn(attemptId));
        return new QuizSheet(attemptId, quizId, courseCode, quiz.title(), queries.attemptNo(attemptId), quiz.maxAttempts(),
                quiz.passPercent(), questions, queries.answers(attemptId));
    }

    private long newAttempt(long person, QuizDefinition quiz) {
        int allowed = allowedAttempts(person, quiz);
        if (allowed > 0 && attemptsLeft(allowed, queries.submittedAttempts(person, quiz.id()).size()) <= 0) {
            throw RefusedException.of("learning.quiz.no-attempts-left", allowed);
        }
        List<QuestionDefinition> bank = new ArrayList<>(quiz.questions());
        Collections.shuffle(bank, random);
        List<DrawnQuestion> drawn = new ArrayList<>();
        for (QuestionDefinition q : bank.subList(0, Math.min(quiz.drawCount(), bank.size()))) {
            List<Long> options = new ArrayList<>(q.options().stream().map(OptionDefinition::id).toList());
            if (!TRUE_FALSE.equals(q.type())) {
                Collections.shuffle(options, random);
            }
            drawn.add(new DrawnQuestion(q.id(), drawn.size() + 1, options, null));
        }
        long attemptId;
        try {
            attemptId = queries.insertAttempt(person, quiz.id(), clock.instant());
        } catch (DuplicateKeyException startedInAnotherTab) {
            // Two tabs started at once: the other one's attempt number won; that attempt is the one to use.
            throw RefusedException.of("learning.quiz.started-elsewhere");
        }
        queries.insertDrawn(attemptId, drawn);
        return attemptId;
    }

    /**
     * Saves one answer of the attempt in progress at once, so it survives a lost session. Refused
     * once the attempt is submitted: the attempt row is locked, so a save that arrives late (a
     * second tab, a slow network) waits for the submission and then sees it. Read committed: each
     * statement reads what is committed after the lock, and no index gap is locked, so learners
     * saving answers at the same moment never wait on each other.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void saveAnswer(long attemptId, long questionId, Set<Long> optionIds) {
        long person = learner.personId();
        Attempt attempt = queries.lockOwnAttempt(attemptId, person)
                .filter(a -> !a.submitted()).orElseThrow(() -> RefusedException.of("learning.quiz.attempt-closed"));
        DrawnQuestion drawn = queries.drawn(attempt.id()).stream().filter(q -> q.questionId() == questionId).findFirst()
                .orElseThrow(() -> RefusedException.of("learning.quiz.bad-answer"));
        if (!drawn.optionOrder().containsAll(optionIds)) {
            throw RefusedException.of("learning.quiz.bad-answer");
        }
        queries.replaceAnswer(attemptId, questionId, drawn.optionOrder().stream().filter(optionIds::contains).sorted().toList());
    }

    /**
     * Scores the attempt on the server. Submitted once: the attempt row is locked and the update
     * that closes it counts the rows it changed, so a double submit (two tabs) is scored once and
     * the second is refused.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public QuizResult submit(long attemptId) {
        long person = learner.personId();
        Attempt attempt = queries.lockOwnAttempt(attemptId, person)
                .filter(a -> !a.submitted()).orElseThrow(() -> RefusedException.of("learning.quiz.attempt-closed"));
        QuizDefinition quiz = catalog.quiz(attempt.quizId()).orElseThrow();
        Map<Long, QuestionDefinition> byId = quiz.questions().stream()
                .collect(Collectors.toMap(QuestionDefinition::id, q -> q));
        List<DrawnQuestion> drawn = queries.drawn(attemptId);
        Map<Long, List<Long>> answers = queries.answers(attemptId);

        List<Marked> marks = new ArrayList<>();
        int correct = 0;
        for (DrawnQuestion d : drawn) {
            Set<Long> right = rightOptions(byId.get(d.questionId()));
            boolean isRight = right.equals(new HashSet<>(answers.getOrDefault(d.questionId(), List.of())));
            correct += isRight ? 1 : 0;
            marks.add(new Marked(d.questionId(), isRight));
        }
        int total = drawn.size();
        boolean passed = passes(correct, total, quiz.passPercent());
        BigDecimal score = scorePercent(correct, total);
        if (queries.close(attemptId, clock.instant(), total, correct, score, passed) != 1) {
            throw RefusedException.of("learning.quiz.attempt-closed");
        }
        queries.markQuestions(attemptId, marks);

        long courseId = progress.courseOfVersion(quiz.courseVersionId());
        Optional<CompletionRow> completion = passed
                ? completions.completeIfDone(person, courseId, quiz.courseVersionId(),
                        quiz.moduleId() == null ? correct * 100 / total : null)
                : Optional.empty();
        int left = attemptsLeft(allowedAttempts(person, quiz), queries.submittedAttempts(person, quiz.id()).size());
        boolean showSolutions = passed || left == 0;
        List<SheetQuestion> questions = sheetQuestions(quiz, drawn);
        List<QuestionFeedback> feedback = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            QuestionDefinition q = byId.get(drawn.get(i).questionId());
            feedback.add(new QuestionFeedback(questions.get(i), Set.copyOf(answers.getOrDefault(q.id(), List.of())),
                    marks.get(i).correct(),
                    showSolutions ? Optional.of(new Solution(rightOptions(q), q.explanation())) : Optional.empty()));
        }
        return new QuizResult(attemptId, attempt.attemptNo(), correct, total, score, passed, quiz.passPercent(), feedback,
                completion, left, showSolutions);
    }

    // ---- trainers -----------------------------------------------------------------------------------

    /** People whose name or user name contains the text, for a trainer granting attempts. */
    @PreAuthorize("hasAnyRole('" + Role.Names.TRAINER + "','" + Role.Names.ADMIN + "')")
    @Transactional(readOnly = true)
    public List<LearnerMatch> findLearners(String text) {
        String trimmed = text == null ? "" : text.trim();
        return trimmed.length() < 2 ? List.of() : queries.findLearners(trimmed, 20);
    }

    /** The limited quizzes a person has tried, with attempts used and left. */
    @PreAuthorize("hasAnyRole('" + Role.Names.TRAINER + "','" + Role.Names.ADMIN + "')")
    @Transactional(readOnly = true)
    public List<QuizUse> limitedQuizzesOf(long personId) {
        return queries.limitedQuizzesTried(personId);
    }

    @PreAuthorize("hasAnyRole('" + Role.Names.TRAINER + "','" + Role.Names.ADMIN + "')")
    @Transactional(readOnly = true)
    public List<GrantRow> grants(long personId, long quizId) {
        return queries.grants(personId, quizId);
    }

    /** Gives a person more attempts at a quiz; recorded with who granted them and why. */
    @PreAuthorize("hasAnyRole('" + Role.Names.TRAINER + "','" + Role.Names.ADMIN + "')")
    @Transactional
    public void grantAttempts(long personId, long quizId, int extra, String reason) {
        if (extra < 1 || extra > 10) {
            throw RefusedException.onField("extra", "learning.grant.extra-range", 1, 10);
        }
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw RefusedException.onField("reason", "learning.grant.reason-required");
        }
        if (catalog.quiz(quizId).isEmpty()) {
            throw RefusedException.of("learning.error.no-quiz");
        }
        queries.insertGrant(personId, quizId, extra, why.length() > 1000 ? why.substring(0, 1000) : why,
                learner.username(), clock.instant());
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private QuizDefinition quizOfCourse(CourseCard card, long quizId) {
        QuizDefinition quiz = catalog.quiz(quizId).orElseThrow(() -> RefusedException.of("learning.error.no-quiz"));
        if (progress.courseOfVersion(quiz.courseVersionId()) != card.courseId()) {
            throw RefusedException.of("learning.error.no-quiz");
        }
        return quiz;
    }

    /** 0: no limit; else the quiz's limit plus every grant. */
    private int allowedAttempts(long person, QuizDefinition quiz) {
        return quiz.maxAttempts() == 0 ? 0 : quiz.maxAttempts() + queries.extraGranted(person, quiz.id());
    }

    private static int attemptsLeft(int allowed, int submitted) {
        return allowed == 0 ? Integer.MAX_VALUE : Math.max(0, allowed - submitted);
    }

    private static Set<Long> rightOptions(QuestionDefinition q) {
        return q.options().stream().filter(OptionDefinition::correct).map(OptionDefinition::id).collect(Collectors.toSet());
    }

    private static List<SheetQuestion> sheetQuestions(QuizDefinition quiz, List<DrawnQuestion> drawn) {
        Map<Long, QuestionDefinition> byId = quiz.questions().stream()
                .collect(Collectors.toMap(QuestionDefinition::id, q -> q));
        return drawn.stream().map(d -> sheetQuestion(byId.get(d.questionId()), d.optionOrder())).toList();
    }

    private static SheetQuestion sheetQuestion(QuestionDefinition q, List<Long> optionOrder) {
        List<OptionDefinition> options = q.options();
        List<SheetOption> shown = new ArrayList<>();
        for (long id : optionOrder) {
            int index = 0;
            while (options.get(index).id() != id) {
                index++;
            }
            // A true/false question is stored with "Đúng" first and "Sai" second (CourseFolderParser).
            String labelKey = TRUE_FALSE.equals(q.type()) ? (index == 0 ? "learning.quiz.option-true" : "learning.quiz.option-false")
                    : null;
            shown.add(new SheetOption(id, options.get(index).text(), labelKey));
        }
        return new SheetQuestion(q.id(), q.type(), q.text(), shown);
    }
}
