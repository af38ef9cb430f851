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
import vn.gbv.portal.learning.LearningService.QuizSheet;
import vn.gbv.portal.learning.LearningService.SheetQuestion;
import vn.gbv.portal.learning.LearningService.Status;
import vn.gbv.portal.learning.LearningService.Step;
import vn.gbv.portal.learning.LearningService.StepKind;

/** The learner's journey through the shipped courses, on the real database. */
@SpringBootTest
@Sql("/sql/test-accounts.sql")
@WithMockUser(username = "t-learner", roles = "LEARNER")
class LearningServiceTest {

    static final String KNOWLEDGE = "gbv-co-ban";
    static final String IN_DEPTH = "gbv-ky-nang-tro-giup";
    static final String LEGAL = "gbv-ho-tro-phap-ly";

    @Autowired LearningService learning;
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
        var catalogue = learning.catalogue();
        assertThat(catalogue).extracting(c -> c.card().code())
                .contains(KNOWLEDGE, IN_DEPTH, LEGAL, "an-toan-so", "quay-roi-noi-lam-viec", "tu-cham-soc");
        assertThat(catalogue).allMatch(c -> c.status() == Status.NOT_STARTED && c.stepsDone() == 0);
    }

    @Test
    void theLastLessonOpenedIsWhereTheLearnerResumes() {
        List<Step> steps = learning.course(KNOWLEDGE).steps();
        Step third = steps.get(2);
        learning.openLesson(KNOWLEDGE, steps.get(0).id());
        learning.markLessonDone(KNOWLEDGE, steps.get(0).id());
        learning.openLesson(KNOWLEDGE, third.id());

        assertThat(learning.course(KNOWLEDGE).resume()).map(Step::id).contains(third.id());
        assertThat(learning.course(KNOWLEDGE).status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(learning.lastPlace()).map(t -> t.step().id()).contains(third.id());
        assertThat(learning.lastPlace()).map(LearningService.ContinueTarget::path)
                .contains("learn/" + KNOWLEDGE + "/lesson/" + third.id());
    }

    @Test
    void theAnswerSheetCarriesNoRightAnswerAndNoExplanation() {
        for (Class<?> type : List.of(QuizSheet.class, SheetQuestion.class, LearningService.SheetOption.class)) {
            assertThat(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName))
                    .as(type.getSimpleName()).doesNotContain("correct", "correctOptions", "explanation", "answer");
        }
    }

    @Test
    void questionsAreDrawnFromTheBankAndShuffled() {
        long quizId = finalQuiz(KNOWLEDGE);
        QuizDefinition quiz = catalog.quiz(quizId).orElseThrow();
        Set<List<Long>> orders = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            QuizSheet sheet = learning.sheet(KNOWLEDGE, quizId);
            assertThat(sheet.questions()).hasSize(quiz.drawCount());
            assertThat(sheet.questions()).extracting(SheetQuestion::id).doesNotHaveDuplicates();
            orders.add(sheet.questions().stream().map(SheetQuestion::id).toList());
            learning.submit(sheet.attemptId());
        }
        assertThat(quiz.questions().size()).isGreaterThan(quiz.drawCount());
        assertThat(orders).as("six draws of %d from %d questions", quiz.drawCount(), quiz.questions().size()).hasSizeGreaterThan(1);
    }

    @Test
    void answersInProgressSurviveALostSession() {
        long quizId = finalQuiz(KNOWLEDGE);
        QuizSheet sheet = learning.sheet(KNOWLEDGE, quizId);
        SheetQuestion first = sheet.questions().get(0);
        learning.saveAnswer(sheet.attemptId(), first.id(), Set.of(first.options().get(1).id()));

        QuizSheet again = learning.sheet(KNOWLEDGE, quizId);

        assertThat(again.attemptId()).isEqualTo(sheet.attemptId());
        assertThat(again.questions()).isEqualTo(sheet.questions());
        assertThat(again.answers().get(first.id())).containsExactly(first.options().get(1).id());
    }

    @Test
    void anAnswerFromAnotherQuestionIsRefused() {
        QuizSheet sheet = learning.sheet(KNOWLEDGE, finalQuiz(KNOWLEDGE));
        SheetQuestion first = sheet.questions().get(0);
        SheetQuestion second = sheet.questions().get(1);
        assertThatThrownBy(() -> learning.saveAnswer(sheet.attemptId(), first.id(), Set.of(second.options().get(0).id())))
                .hasMessage("learning.quiz.bad-answer");
    }

    @Test
    void scoringIsDoneOnTheServerWithExplanationsAfterSubmitting() {
        long quizId = finalQuiz(KNOWLEDGE);
        QuizSheet sheet = learning.sheet(KNOWLEDGE, quizId);
        answerAll(sheet, true);

        var result = learning.submit(sheet.attemptId());

        assertThat(result.scorePercent()).isEqualTo(100);
        assertThat(result.passed()).isTrue();
        assertThat(result.feedback()).allMatch(f -> f.right() && !f.explanation().isBlank());

        QuizSheet next = learning.sheet(KNOWLEDGE, quizId);
        answerAll(next, false);
        var failed = learning.submit(next.attemptId());
        assertThat(failed.passed()).isFalse();
        assertThat(failed.scorePercent()).isZero();
        assertThat(failed.feedback()).noneMatch(LearningService.QuestionFeedback::right);
        assertThatThrownBy(() -> learning.submit(next.attemptId())).hasMessage("learning.quiz.attempt-closed");
    }

    @Test
    void aLimitedQuizRefusesAnAttemptBeyondTheLimit() {
        long quizId = finalQuiz(LEGAL);
        int max = catalog.quiz(quizId).orElseThrow().maxAttempts();
        assertThat(max).isPositive();
        for (int i = 0; i < max; i++) {
            QuizSheet sheet = learning.sheet(LEGAL, quizId);
            answerAll(sheet, false);
            learning.submit(sheet.attemptId());
        }
        assertThat(learning.quizInfo(LEGAL, quizId).canStart()).isFalse();
        assertThatThrownBy(() -> learning.sheet(LEGAL, quizId)).hasMessage("learning.quiz.no-attempts-left");
    }

    @Test
    void completingBothRequiredCoursesMakesTheLearnerTrained() {
        assertThat(learning.trainedStatus().trained()).isFalse();
        assertThat(learning.trainedStatus().missing()).extracting(g -> g.code()).containsExactlyInAnyOrder("knowledge", "in-depth");

        completeEverything(KNOWLEDGE);

        var completions = learning.myCompletions();
        assertThat(completions).hasSize(1);
        assertThat(completions.get(0).source()).isEqualTo("ONLINE");
        assertThat(completions.get(0).scorePercent()).isEqualTo(100);
        assertThat(learning.course(KNOWLEDGE).status()).isEqualTo(Status.COMPLETED);
        assertThat(learning.trainedStatus().missing()).extracting(g -> g.code()).containsExactly("in-depth");

        completeEverything(IN_DEPTH);

        assertThat(learning.trainedStatus().trained()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from completion where person_id = 9101", Integer.class)).isEqualTo(2);
    }

    @Test
    void aCompletionIsRecordedOnceEvenWhenStepsAreRepeated() {
        completeEverything(KNOWLEDGE);
        completeEverything(KNOWLEDGE);
        assertThat(jdbc.queryForObject("select count(*) from completion where person_id = 9101", Integer.class)).isEqualTo(1);
    }

    private void completeEverything(String code) {
        for (Step step : learning.course(code).steps()) {
            if (step.kind() == StepKind.LESSON) {
                learning.openLesson(code, step.id());
                learning.markLessonDone(code, step.id());
            } else {
                QuizSheet sheet = learning.sheet(code, step.id());
                answerAll(sheet, true);
                learning.submit(sheet.attemptId());
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
            learning.saveAnswer(sheet.attemptId(), q.id(), chosen);
        }
    }

    private long finalQuiz(String code) {
        return learning.course(code).outline().finalQuizId();
    }
}
