package vn.gbv.portal.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.jdbc.Sql;
import vn.gbv.portal.ShippedCourses;
import vn.gbv.portal.TestLearners;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.course.CourseCatalog;
import vn.gbv.portal.course.CourseCatalog.OptionDefinition;
import vn.gbv.portal.course.CourseCatalog.QuizDefinition;
import vn.gbv.portal.course.CourseImportService;
import vn.gbv.portal.learning.QuizService.QuizResult;
import vn.gbv.portal.learning.QuizService.QuizSheet;
import vn.gbv.portal.learning.QuizService.SheetQuestion;

/** Quiz integrity (issue 13, item 7 and 8): what a learner sees after an attempt, the pass mark, attempts, races. */
@SpringBootTest
@Sql("/sql/test-accounts.sql")
@WithMockUser(username = "t-learner", roles = "LEARNER")
class QuizIntegrityTest {

    static final String KNOWLEDGE = "gbv-co-ban";
    static final String LEGAL = "gbv-ho-tro-phap-ly";

    @Autowired ProgressService progress;
    @Autowired QuizService quizzes;
    @Autowired CourseCatalog catalog;
    @Autowired CourseImportService importer;
    @Autowired JdbcTemplate jdbc;
    private Runnable restore = () -> { };

    @BeforeEach
    void freshLearner() {
        ShippedCourses.importAsAdministrator(importer);
        TestLearners.forgetProgress(jdbc, TestLearners.LEARNER_PERSON_ID);
    }

    @AfterEach
    void restoreQuiz() {
        restore.run();
    }

    @Test
    void aFailedAttemptSaysWhichQuestionsWereWrongButNotTheAnswers() {
        long quizId = finalQuiz(LEGAL);
        int max = catalog.quiz(quizId).orElseThrow().maxAttempts();
        assertThat(max).isGreaterThan(1);
        for (int attempt = 1; attempt < max; attempt++) {
            QuizSheet sheet = quizzes.sheet(LEGAL, quizId);
            List<Long> rightOnes = answerHalf(sheet);
            QuizResult result = quizzes.submit(sheet.attemptId());

            assertThat(result.passed()).isFalse();
            assertThat(result.solutionsShown()).isFalse();
            assertThat(result.feedback()).allMatch(f -> f.solution().isEmpty());
            assertThat(result.feedback().stream().filter(QuizService.QuestionFeedback::right).map(f -> f.question().id()))
                    .containsExactlyInAnyOrderElementsOf(rightOnes);
            assertThat(result.attemptsLeft()).isEqualTo(max - attempt);
        }
        // the last attempt: no attempt left, so the right answers and explanations are shown
        QuizSheet last = quizzes.sheet(LEGAL, quizId);
        answerHalf(last);
        QuizResult result = quizzes.submit(last.attemptId());
        assertThat(result.passed()).isFalse();
        assertThat(result.attemptsLeft()).isZero();
        assertThat(result.solutionsShown()).isTrue();
        assertThat(result.feedback()).allMatch(f -> f.solution().isPresent()
                && !f.solution().get().explanation().isBlank() && !f.solution().get().rightOptions().isEmpty());
    }

    @Test
    void aPassShowsTheAnswersAndExplanations() {
        QuizSheet sheet = quizzes.sheet(KNOWLEDGE, finalQuiz(KNOWLEDGE));
        answer(sheet, sheet.questions().size());
        QuizResult result = quizzes.submit(sheet.attemptId());
        assertThat(result.passed()).isTrue();
        assertThat(result.feedback()).allMatch(f -> f.solution().isPresent());
    }

    @Test
    void thePassMarkComparesTheUnroundedScore() {
        assertThat(QuizService.passes(159, 200, 80)).as("79.5%% fails an 80%% quiz").isFalse();
        assertThat(QuizService.passes(160, 200, 80)).isTrue();
        assertThat(QuizService.scorePercent(159, 200)).isEqualByComparingTo("79.5");
        assertThat(QuizService.scorePercent(2, 3)).isEqualByComparingTo("66.666");

        // On the database: 13 of 15 is 86.67%, which rounds to 87 but fails an 87% quiz.
        long quizId = finalQuiz(KNOWLEDGE);
        QuizDefinition quiz = catalog.quiz(quizId).orElseThrow();
        jdbc.update("update quiz set draw_count = 15, pass_percent = 87 where id = ?", quizId);
        restore = () -> jdbc.update("update quiz set draw_count = ?, pass_percent = ? where id = ?",
                quiz.drawCount(), quiz.passPercent(), quizId);
        QuizSheet sheet = quizzes.sheet(KNOWLEDGE, quizId);
        assertThat(sheet.questions()).hasSize(15);
        answer(sheet, 13);
        QuizResult result = quizzes.submit(sheet.attemptId());

        assertThat(result.correct()).isEqualTo(13);
        assertThat(result.passed()).isFalse();
        assertThat(result.scorePercent()).isEqualByComparingTo("86.666");
        assertThat(jdbc.queryForObject("select score_percent from quiz_attempt where id = ?", java.math.BigDecimal.class,
                sheet.attemptId())).isEqualByComparingTo("86.666");
        assertThat(jdbc.queryForObject("select question_count from quiz_attempt where id = ?", Integer.class, sheet.attemptId()))
                .isEqualTo(15);
        assertThat(jdbc.queryForObject("select count(*) from quiz_attempt_question where attempt_id = ? and correct",
                Integer.class, sheet.attemptId())).isEqualTo(13);
    }

    @Test
    void answersAreRowsAndALateSaveAfterSubmitIsRefused() {
        QuizSheet sheet = quizzes.sheet(KNOWLEDGE, finalQuiz(KNOWLEDGE));
        SheetQuestion first = sheet.questions().get(0);
        quizzes.saveAnswer(sheet.attemptId(), first.id(), Set.of(first.options().get(0).id()));
        quizzes.saveAnswer(sheet.attemptId(), first.id(), Set.of(first.options().get(1).id()));
        assertThat(jdbc.queryForList("select option_id from quiz_answer where attempt_id = ?", Long.class, sheet.attemptId()))
                .containsExactly(first.options().get(1).id());
        quizzes.submit(sheet.attemptId());

        assertThatThrownBy(() -> quizzes.saveAnswer(sheet.attemptId(), first.id(), Set.of(first.options().get(0).id())))
                .isInstanceOf(RefusedException.class).hasMessage("learning.quiz.attempt-closed");
        assertThat(jdbc.queryForList("select option_id from quiz_answer where attempt_id = ?", Long.class, sheet.attemptId()))
                .containsExactly(first.options().get(1).id());
    }

    @Test
    void aDoubleSubmitFromTwoTabsIsScoredOnce() throws Exception {
        QuizSheet sheet = quizzes.sheet(KNOWLEDGE, finalQuiz(KNOWLEDGE));
        answer(sheet, sheet.questions().size());
        List<Object> outcomes = race(2, () -> quizzes.submit(sheet.attemptId()));

        assertThat(outcomes).filteredOn(QuizResult.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof RefusedException r && r.messageKey().equals("learning.quiz.attempt-closed"))
                .hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from quiz_attempt where person_id = ? and submitted_at is not null",
                Integer.class, TestLearners.LEARNER_PERSON_ID)).isEqualTo(1);
    }

    @Test
    void aTrainerGrantAllowsOneMoreAttemptAndIsRecorded() throws Exception {
        long quizId = finalQuiz(LEGAL);
        int max = catalog.quiz(quizId).orElseThrow().maxAttempts();
        for (int i = 0; i < max; i++) {
            QuizSheet sheet = quizzes.sheet(LEGAL, quizId);
            quizzes.submit(sheet.attemptId());
        }
        assertThat(quizzes.quizInfo(LEGAL, quizId).canStart()).isFalse();
        assertThatThrownBy(() -> quizzes.grantAttempts(TestLearners.LEARNER_PERSON_ID, quizId, 1, "tự cấp"))
                .isInstanceOf(AccessDeniedException.class);

        LearnerContext.as("t-trainer", "TRAINER", () -> {
            assertThat(quizzes.findLearners("Thị Học")).extracting(QuizService.LearnerMatch::username).contains("t-learner");
            assertThat(quizzes.limitedQuizzesOf(TestLearners.LEARNER_PERSON_ID))
                    .anyMatch(u -> u.quizId() == quizId && u.attemptsLeft() == 0);
            assertThatThrownBy(() -> quizzes.grantAttempts(TestLearners.LEARNER_PERSON_ID, quizId, 1, " "))
                    .isInstanceOf(RefusedException.class).hasMessage("learning.grant.reason-required");
            quizzes.grantAttempts(TestLearners.LEARNER_PERSON_ID, quizId, 1, "Ốm trong buổi kiểm tra");
            return null;
        });

        var info = quizzes.quizInfo(LEGAL, quizId);
        assertThat(info.canStart()).isTrue();
        assertThat(info.attemptsLeft()).isEqualTo(1);
        assertThat(info.allowedAttempts()).isEqualTo(max + 1);
        QuizSheet extra = quizzes.sheet(LEGAL, quizId);
        quizzes.submit(extra.attemptId());
        assertThatThrownBy(() -> quizzes.sheet(LEGAL, quizId)).hasMessage("learning.quiz.no-attempts-left");
        assertThat(jdbc.queryForMap("select extra, reason, granted_by from quiz_attempt_grant where person_id = ? and quiz_id = ?",
                TestLearners.LEARNER_PERSON_ID, quizId))
                .containsEntry("extra", 1).containsEntry("reason", "Ốm trong buổi kiểm tra").containsEntry("granted_by", "t-trainer");
    }

    @Test
    void trueFalseOptionsCarryALabelInTheLearnersLanguage() {
        long quizId = finalQuiz(KNOWLEDGE);
        List<SheetQuestion> trueFalse = new ArrayList<>();
        for (int i = 0; i < 8 && trueFalse.isEmpty(); i++) {
            QuizSheet sheet = quizzes.sheet(KNOWLEDGE, quizId);
            sheet.questions().stream().filter(q -> q.type().equals("TRUE_FALSE")).forEach(trueFalse::add);
            quizzes.submit(sheet.attemptId());
        }
        assertThat(trueFalse).isNotEmpty().allSatisfy(q -> assertThat(q.options())
                .extracting(QuizService.SheetOption::labelKey).containsExactly("learning.quiz.option-true", "learning.quiz.option-false"));
    }

    /** Answers the first {@code right} questions right and the others wrong; returns the ids answered right. */
    private List<Long> answer(QuizSheet sheet, int right) {
        QuizDefinition quiz = catalog.quiz(sheet.quizId()).orElseThrow();
        List<Long> answeredRight = new ArrayList<>();
        for (int i = 0; i < sheet.questions().size(); i++) {
            SheetQuestion q = sheet.questions().get(i);
            var definition = quiz.questions().stream().filter(d -> d.id() == q.id()).findFirst().orElseThrow();
            Set<Long> correct = definition.options().stream().filter(OptionDefinition::correct).map(OptionDefinition::id)
                    .collect(Collectors.toSet());
            Set<Long> chosen = i < right ? correct : definition.options().stream().map(OptionDefinition::id)
                    .filter(id -> !correct.contains(id)).limit(1).collect(Collectors.toSet());
            quizzes.saveAnswer(sheet.attemptId(), q.id(), chosen);
            if (i < right) {
                answeredRight.add(q.id());
            }
        }
        return answeredRight;
    }

    private List<Long> answerHalf(QuizSheet sheet) {
        return answer(sheet, sheet.questions().size() / 2);
    }

    /** Runs the action on n threads at once as the test's learner; each outcome is a result or the exception thrown. */
    static List<Object> race(int n, java.util.concurrent.Callable<?> action) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> LearnerContext.as("t-learner", "LEARNER", () -> {
                    start.await();
                    try {
                        return action.call();
                    } catch (Exception e) {
                        return e;
                    }
                })));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private long finalQuiz(String code) {
        return progress.course(code).outline().finalQuizId();
    }
}
