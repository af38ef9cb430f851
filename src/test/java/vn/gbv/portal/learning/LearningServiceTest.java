package vn.gbv.portal.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gbv.portal.TestLearners;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.jdbc.Sql;
import vn.gbv.portal.course.CourseCatalog;
import vn.gbv.portal.course.CourseCatalog.QuizDefinition;
import vn.gbv.portal.ShippedCourses;
import vn.gbv.portal.course.CourseImportService;
import vn.gbv.portal.learning.ProgressService.Status;
import vn.gbv.portal.learning.ProgressService.Step;
import vn.gbv.portal.learning.ProgressService.StepKind;
import vn.gbv.portal.learning.QuizService.QuizSheet;
import vn.gbv.portal.learning.QuizService.SheetQuestion;

/** The learner's journey through the shipped courses, on the real database. */
@SpringBootTest
@Sql("/sql/test-accounts.sql")
@WithMockUser(username = "t-learner", roles = "LEARNER")
class LearningServiceTest {

    static final String KNOWLEDGE = "gbv-co-ban";
    static final String IN_DEPTH = "gbv-ky-nang-tro-giup";
    static final String LEGAL = "gbv-ho-tro-phap-ly";

    @Autowired ProgressService progress;
    @Autowired QuizService quizzes;
    @Autowired CompletionService completions;
    @Autowired CourseCatalog catalog;
    @Autowired CourseImportService importer;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void freshLearner() {
        ShippedCourses.importAsAdministrator(importer);
        TestLearners.forgetProgress(jdbc, TestLearners.LEARNER_PERSON_ID);
    }

    @Test
    void catalogueListsEveryShippedCourseNotStarted() {
        var catalogue = progress.catalogue();
        assertThat(catalogue).extracting(c -> c.card().code())
                .contains(KNOWLEDGE, IN_DEPTH, LEGAL, "an-toan-so", "quay-roi-noi-lam-viec", "tu-cham-soc");
        assertThat(catalogue).allMatch(c -> c.status() == Status.NOT_STARTED && c.stepsDone() == 0);
    }

    @Test
    void theLastLessonOpenedIsWhereTheLearnerResumes() {
        List<Step> steps = progress.course(KNOWLEDGE).steps();
        Step third = steps.get(2);
        progress.openLesson(KNOWLEDGE, steps.get(0).id());
        progress.markLessonDone(KNOWLEDGE, steps.get(0).id());
        progress.openLesson(KNOWLEDGE, third.id());

        assertThat(progress.course(KNOWLEDGE).resume()).map(Step::id).contains(third.id());
        assertThat(progress.course(KNOWLEDGE).status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(progress.lastPlace()).map(t -> t.step().id()).contains(third.id());
        assertThat(progress.lastPlace()).map(ProgressService.ContinueTarget::path)
                .contains("learn/" + KNOWLEDGE + "/lesson/" + third.id());
    }

    @Test
    void theAnswerSheetCarriesNoRightAnswerAndNoExplanation() {
        for (Class<?> type : List.of(QuizSheet.class, SheetQuestion.class, QuizService.SheetOption.class)) {
            assertThat(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName))
                    .as(type.getSimpleName()).doesNotContain("correct", "correctOptions", "explanation", "answer");
        }
    }

    @Test
    void questionsAreDrawnFromTheBankAndShuffled() {
        long quizId = finalQuiz(KNOWLEDGE);
        QuizDefinition quiz = catalog.quiz(quizId).orElseThrow();
        Set<List<Long>> orders = new HashSet<>();
        for (int i = 0; i < quiz.maxAttempts(); i++) { // the shipped final quizzes allow 5 attempts
            QuizSheet sheet = quizzes.sheet(KNOWLEDGE, quizId);
            assertThat(sheet.questions()).hasSize(quiz.drawCount());
            assertThat(sheet.questions()).extracting(SheetQuestion::id).doesNotHaveDuplicates();
            orders.add(sheet.questions().stream().map(SheetQuestion::id).toList());
            quizzes.submit(sheet.attemptId());
        }
        assertThat(quiz.questions().size()).isGreaterThan(quiz.drawCount());
        assertThat(orders).as("draws of %d from %d questions", quiz.drawCount(), quiz.questions().size()).hasSizeGreaterThan(1);
    }

    @Test
    void answersInProgressSurviveALostSession() {
        long quizId = finalQuiz(KNOWLEDGE);
        QuizSheet sheet = quizzes.sheet(KNOWLEDGE, quizId);
        SheetQuestion first = sheet.questions().get(0);
        quizzes.saveAnswer(sheet.attemptId(), first.id(), Set.of(first.options().get(1).id()));

        QuizSheet again = quizzes.sheet(KNOWLEDGE, quizId);

        assertThat(again.attemptId()).isEqualTo(sheet.attemptId());
        assertThat(again.questions()).isEqualTo(sheet.questions());
        assertThat(again.answers().get(first.id())).containsExactly(first.options().get(1).id());
    }

    @Test
    void anAnswerFromAnotherQuestionIsRefused() {
        QuizSheet sheet = quizzes.sheet(KNOWLEDGE, finalQuiz(KNOWLEDGE));
        SheetQuestion first = sheet.questions().get(0);
        SheetQuestion second = sheet.questions().get(1);
        assertThatThrownBy(() -> quizzes.saveAnswer(sheet.attemptId(), first.id(), Set.of(second.options().get(0).id())))
                .hasMessage("learning.quiz.bad-answer");
    }

    @Test
    void scoringIsDoneOnTheServerWithExplanationsAfterSubmitting() {
        long quizId = finalQuiz(KNOWLEDGE);
        QuizSheet sheet = quizzes.sheet(KNOWLEDGE, quizId);
        answerAll(sheet, true);

        var result = quizzes.submit(sheet.attemptId());

        assertThat(result.scorePercent()).isEqualByComparingTo("100");
        assertThat(result.passed()).isTrue();
        assertThat(result.feedback()).allMatch(f -> f.right() && !f.solution().orElseThrow().explanation().isBlank());

        QuizSheet next = quizzes.sheet(KNOWLEDGE, quizId);
        answerAll(next, false);
        var failed = quizzes.submit(next.attemptId());
        assertThat(failed.passed()).isFalse();
        assertThat(failed.scorePercent()).isZero();
        assertThat(failed.solutionsShown()).as("unlimited attempts: never the answers after a failure").isFalse();
        assertThat(failed.feedback()).noneMatch(QuizService.QuestionFeedback::right)
                .allMatch(f -> f.solution().isEmpty());
        assertThatThrownBy(() -> quizzes.submit(next.attemptId())).hasMessage("learning.quiz.attempt-closed");
    }

    @Test
    void aLimitedQuizRefusesAnAttemptBeyondTheLimit() {
        long quizId = finalQuiz(LEGAL);
        int max = catalog.quiz(quizId).orElseThrow().maxAttempts();
        assertThat(max).isPositive();
        for (int i = 0; i < max; i++) {
            QuizSheet sheet = quizzes.sheet(LEGAL, quizId);
            answerAll(sheet, false);
            quizzes.submit(sheet.attemptId());
        }
        assertThat(quizzes.quizInfo(LEGAL, quizId).canStart()).isFalse();
        assertThatThrownBy(() -> quizzes.sheet(LEGAL, quizId)).hasMessage("learning.quiz.no-attempts-left");
    }

    @Test
    void completingBothRequiredCoursesMakesTheLearnerTrained() {
        assertThat(completions.trainedStatus().trained()).isFalse();
        assertThat(completions.trainedStatus().missing()).extracting(g -> g.code()).containsExactlyInAnyOrder("knowledge", "in-depth");

        completeEverything(KNOWLEDGE);

        var mine = completions.myCompletions();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).source()).isEqualTo("ONLINE");
        assertThat(mine.get(0).scorePercent()).isEqualTo(100);
        assertThat(progress.course(KNOWLEDGE).status()).isEqualTo(Status.COMPLETED);
        assertThat(completions.trainedStatus().missing()).extracting(g -> g.code()).containsExactly("in-depth");

        completeEverything(IN_DEPTH);

        assertThat(completions.trainedStatus().trained()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from completion where person_id = 9101", Integer.class)).isEqualTo(2);
    }

    @Test
    void aCompletionIsRecordedOnceEvenWhenStepsAreRepeated() {
        completeEverything(KNOWLEDGE);
        completeEverything(KNOWLEDGE);
        assertThat(jdbc.queryForObject("select count(*) from completion where person_id = 9101", Integer.class)).isEqualTo(1);
    }

    @Test
    void twoRequestsFinishingACourseAtOnceRecordOneCompletion() throws Exception {
        completeEverything(KNOWLEDGE);
        long lastLesson = lastLesson(KNOWLEDGE);
        for (int round = 0; round < 5; round++) {
            // every step done, the completion not yet recorded: both requests try to record it
            jdbc.update("delete from completion where person_id = ?", TestLearners.LEARNER_PERSON_ID);
            List<Object> outcomes = QuizIntegrityTest.race(2, () -> progress.markLessonDone(KNOWLEDGE, lastLesson));

            assertThat(outcomes).as("round %d: no error for either request", round)
                    .allMatch(o -> o instanceof java.util.Optional<?>)
                    .anyMatch(o -> o instanceof java.util.Optional<?> c && c.isPresent());
            assertThat(jdbc.queryForObject("select count(*) from completion where person_id = ?", Integer.class,
                    TestLearners.LEARNER_PERSON_ID)).isEqualTo(1);
        }
    }

    @Test
    void aCompletionAfterARevocationSupersedesTheRevokedRow() {
        completeEverything(KNOWLEDGE);
        long first = jdbc.queryForObject("select id from completion where person_id = ?", Long.class, TestLearners.LEARNER_PERSON_ID);
        jdbc.update("insert into completion_revocation (completion_id, reason, revoked_by) values (?, 'nhầm', 't-admin')", first);
        assertThat(completions.myCompletions()).isEmpty();

        progress.markLessonDone(KNOWLEDGE, lastLesson(KNOWLEDGE));

        assertThat(completions.myCompletions()).hasSize(1);
        assertThat(jdbc.queryForObject("select supersedes_id from completion where person_id = ? and id <> ?", Long.class,
                TestLearners.LEARNER_PERSON_ID, first)).isEqualTo(first);
    }

    @Test
    void afterAModulesLastLessonResumeOpensTheModuleQuiz() {
        List<Step> steps = progress.course(KNOWLEDGE).steps();
        int quizAt = 0;
        while (steps.get(quizAt).kind() != StepKind.QUIZ) {
            quizAt++;
        }
        Step moduleQuiz = steps.get(quizAt);
        for (Step lesson : steps.subList(0, quizAt)) {
            progress.openLesson(KNOWLEDGE, lesson.id());
            progress.markLessonDone(KNOWLEDGE, lesson.id());
        }
        // the learner finished the last lesson of the module and left: continue goes to the quiz, not back
        assertThat(progress.course(KNOWLEDGE).resume()).map(Step::id).contains(moduleQuiz.id());
        // they opened the quiz and left there
        quizzes.quizInfo(KNOWLEDGE, moduleQuiz.id());
        assertThat(progress.course(KNOWLEDGE).resume()).map(Step::id).contains(moduleQuiz.id());
        assertThat(progress.lastPlace()).map(ProgressService.ContinueTarget::path)
                .contains("learn/" + KNOWLEDGE + "/quiz/" + moduleQuiz.id());
        assertThat(progress.lastPlace()).map(t -> t.step().title()).contains(moduleQuiz.title());

        // once the quiz is passed, continue goes on to the next unfinished step
        QuizSheet sheet = quizzes.sheet(KNOWLEDGE, moduleQuiz.id());
        answerAll(sheet, true);
        quizzes.submit(sheet.attemptId());
        assertThat(progress.course(KNOWLEDGE).resume()).map(Step::id).contains(steps.get(quizAt + 1).id());
    }

    private long lastLesson(String code) {
        List<Step> steps = progress.course(code).steps();
        return steps.stream().filter(s -> s.kind() == StepKind.LESSON).reduce((a, b) -> b).orElseThrow().id();
    }

    private void completeEverything(String code) {
        for (Step step : progress.course(code).steps()) {
            if (step.kind() == StepKind.LESSON) {
                progress.openLesson(code, step.id());
                progress.markLessonDone(code, step.id());
            } else {
                QuizSheet sheet = quizzes.sheet(code, step.id());
                answerAll(sheet, true);
                quizzes.submit(sheet.attemptId());
            }
        }
    }

    /** Answers every question right (from the definition, as a well-read learner) or wrong. */
    private void answerAll(QuizSheet sheet, boolean right) {
        QuizDefinition quiz = catalog.quiz(sheet.quizId()).orElseThrow();
        for (SheetQuestion q : sheet.questions()) {
            var definition = quiz.questions().stream().filter(d -> d.id() == q.id()).findFirst().orElseThrow();
            Set<Long> correct = definition.options().stream().filter(CourseCatalog.OptionDefinition::correct)
                    .map(CourseCatalog.OptionDefinition::id).collect(Collectors.toSet());
            Set<Long> chosen = right ? correct : definition.options().stream().map(CourseCatalog.OptionDefinition::id)
                    .filter(id -> !correct.contains(id)).limit(1).collect(Collectors.toSet());
            quizzes.saveAnswer(sheet.attemptId(), q.id(), chosen);
        }
    }

    private long finalQuiz(String code) {
        return progress.course(code).outline().finalQuizId();
    }
}
