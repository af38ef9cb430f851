package vn.gbv.portal.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
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
import vn.gbv.portal.ShippedCourses;
import vn.gbv.portal.course.CourseImportService;

/** A learner finds a course, reads lessons, comes back to where they were and starts the quiz. */
@SpringBootTest
@Sql("/sql/test-accounts.sql")
@WithMockUser(username = "t-learner", roles = "LEARNER")
class LearnerJourneyViewTest extends SpringBrowserlessTest {

    @Autowired CourseImportService importer;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void freshLearner() {
        ShippedCourses.importAsAdministrator(importer);
        TestLearners.forgetProgress(jdbc, TestLearners.LEARNER_PERSON_ID);
    }

    @Test
    void searchIgnoresDiacriticsAndCase() {
        CatalogueView catalogue = navigate(CatalogueView.class);
        test(catalogue.search).setValue("an toan so");
        List<String> titles = $(RouterLink.class, catalogue.cards).all().stream().map(RouterLink::getText).toList();
        assertThat(titles).containsExactly("An toàn số và phòng chống bạo lực trên không gian mạng");
    }

    @Test
    void learnerReadsLessonsLeavesAndResumesWhereTheyWere() {
        CatalogueView catalogue = navigate(CatalogueView.class);
        RouterLink course = $(RouterLink.class, catalogue.cards).all().stream()
                .filter(l -> l.getText().startsWith("Kiến thức cơ bản")).findFirst().orElseThrow();
        test(course).click();
        assertThat(getCurrentView()).isInstanceOf(CourseView.class);

        Button start = $(Button.class).all().stream().filter(b -> b.getText().equals("Bắt đầu học")).findFirst().orElseThrow();
        test(start).click();
        LessonView first = (LessonView) getCurrentView();
        String firstTitle = first.getPageTitle();
        String firstText = $(Article.class).single().getElement().getProperty("innerHTML");
        assertThat(firstText).contains("Lưu ý nội dung");
        test(first.next).click();
        LessonView second = (LessonView) getCurrentView();
        String secondTitle = second.getPageTitle();
        assertThat(secondTitle).isNotEqualTo(firstTitle);

        // leave, come back later: "continue" opens the lesson they were on
        navigate(CatalogueView.class);
        UI.getCurrent().navigate("courses/gbv-co-ban");
        Button resume = $(Button.class).all().stream().filter(b -> b.getText().equals("Học tiếp")).findFirst().orElseThrow();
        test(resume).click();
        assertThat(((LessonView) getCurrentView()).getPageTitle()).isEqualTo(secondTitle);
    }

    @Test
    void aQuizShowsWhichAnswersWereWrongAndTheAnswersOnlyAfterAPass() {
        long quizId = finalQuiz();
        // every explanation of the bank, none of which may reach the page before a pass
        List<String> explanations = jdbc.queryForList("select explanation from quiz_question where quiz_id = ?", String.class, quizId);
        Set<Long> rightOptions = Set.copyOf(jdbc.queryForList("""
                select o.id from quiz_option o join quiz_question q on q.id = o.question_id where q.quiz_id = ? and o.correct
                """, Long.class, quizId));
        UI.getCurrent().navigate("learn/gbv-co-ban/quiz/" + quizId);
        QuizView quiz = (QuizView) getCurrentView();
        test(quiz.start).click();

        int questions = quiz.questionCards.size();
        assertThat(questions).isPositive();
        assertThat(explanations).noneMatch(quiz.getElement().getOuterHTML()::contains);

        // a blank submission asks first; "keep answering" goes back to the sheet
        test(quiz.submit).click();
        assertThat(quiz.confirmBlank).isNotNull();
        assertThat(test(quiz.confirmBlank).getText()).startsWith("Bạn còn " + questions + " câu chưa trả lời");
        test(quiz.confirmBlank).cancel();
        assertThat(quiz.questionCards).hasSize(questions);
        assertThat(submittedAttempts()).isZero();

        test(quiz.submit).click();
        test(quiz.confirmBlank).confirm();
        assertThat(submittedAttempts()).isEqualTo(1);
        assertThat($(Div.class).all().stream().anyMatch(d -> d.hasClassName("warning-banner"))).isTrue();
        // failed with attempts left: which were wrong, but no right answer and no explanation on the page
        assertThat($(Div.class).all().stream().filter(d -> d.hasClassName("answer-wrong"))).hasSize(questions);
        String failed = quiz.getElement().getOuterHTML();
        assertThat(explanations).noneMatch(failed::contains);
        assertThat(failed).doesNotContain("option-correct");

        // a retake answered right is submitted without a question and shows the explanations
        test($(Button.class).all().stream().filter(b -> b.getText().equals("Làm lại bài kiểm tra")).findFirst().orElseThrow()).click();
        answerRight(rightOptions);
        test(quiz.submit).click();
        assertThat(quiz.confirmBlank).isNull();
        assertThat($(Div.class).all().stream().anyMatch(d -> d.hasClassName("success-banner"))).isTrue();
        List<String> shown = $(Paragraph.class).all().stream().filter(p -> p.hasClassName("explanation"))
                .map(Paragraph::getText).toList();
        assertThat(shown).hasSize(questions).allMatch(explanations::contains);
    }

    @Test
    void afterTheLastLessonOfAModuleContinueOpensItsQuiz() {
        UI.getCurrent().navigate("courses/gbv-co-ban");
        test($(Button.class).all().stream().filter(b -> b.getText().equals("Bắt đầu học")).findFirst().orElseThrow()).click();
        while (getCurrentView() instanceof LessonView lesson) {
            test(lesson.next).click();
        }
        QuizView moduleQuiz = (QuizView) getCurrentView();
        String quizTitle = moduleQuiz.getPageTitle();

        navigate(CatalogueView.class);
        UI.getCurrent().navigate("courses/gbv-co-ban");
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains("Bạn đang học: " + quizTitle);
        test($(Button.class).all().stream().filter(b -> b.getText().equals("Học tiếp")).findFirst().orElseThrow()).click();
        assertThat(getCurrentView()).isInstanceOf(QuizView.class);
        assertThat(((QuizView) getCurrentView()).getPageTitle()).isEqualTo(quizTitle);
    }

    /** Chooses the right options on the sheet shown, as a learner who read the lessons well. */
    @SuppressWarnings("unchecked")
    private void answerRight(Set<Long> rightOptions) {
        for (RadioButtonGroup<?> group : $(RadioButtonGroup.class).all()) {
            var radio = (RadioButtonGroup<QuizService.SheetOption>) group;
            radio.getListDataView().getItems().filter(o -> rightOptions.contains(o.id())).findFirst().ifPresent(radio::setValue);
        }
        for (CheckboxGroup<?> group : $(CheckboxGroup.class).all()) {
            var boxes = (CheckboxGroup<QuizService.SheetOption>) group;
            boxes.setValue(boxes.getListDataView().getItems().filter(o -> rightOptions.contains(o.id())).collect(Collectors.toSet()));
        }
    }

    private long finalQuiz() {
        return jdbc.queryForObject("""
                select q.id from quiz q join course c on c.current_version_id = q.course_version_id
                where c.code = 'gbv-co-ban' and q.module_id is null
                """, Long.class);
    }

    private int submittedAttempts() {
        return jdbc.queryForObject("select count(*) from quiz_attempt where person_id = ? and submitted_at is not null",
                Integer.class, TestLearners.LEARNER_PERSON_ID);
    }

    @Test
    void catalogueFiltersByTopic() {
        CatalogueView catalogue = navigate(CatalogueView.class);
        test(catalogue.topic).selectItem(catalogue.getTranslation("topic.workplace"));
        assertThat($(RouterLink.class, catalogue.cards).all()).extracting(RouterLink::getText)
                .containsExactly("Phòng chống quấy rối tình dục tại nơi làm việc");
        assertThat($(TextField.class).all()).isNotEmpty();
    }

    @Test
    void eachNextClickMovesOneStepAndMarksOneLessonRead() {
        UI.getCurrent().navigate("courses/gbv-co-ban");
        test($(Button.class).all().stream().filter(b -> b.getText().equals("Bắt đầu học")).findFirst().orElseThrow()).click();
        List<String> titles = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LessonView lesson = (LessonView) getCurrentView();
            titles.add(lesson.getPageTitle());
            test(lesson.next).click();
        }
        assertThat(titles).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("select count(*) from lesson_progress where person_id = ?", Integer.class,
                TestLearners.LEARNER_PERSON_ID)).isEqualTo(3);
    }

    @Test
    void aRetakeIsSubmittedOnceAndScored() {
        long quizId = jdbc.queryForObject("""
                select q.id from quiz q join course c on c.current_version_id = q.course_version_id
                where c.code = 'gbv-co-ban' and q.module_id is null
                """, Long.class);
        UI.getCurrent().navigate("learn/gbv-co-ban/quiz/" + quizId);
        QuizView quiz = (QuizView) getCurrentView();
        test(quiz.start).click();
        test(quiz.submit).click();
        test(quiz.confirmBlank).confirm();
        Button retake = $(Button.class).all().stream().filter(b -> b.getText().equals("Làm lại bài kiểm tra"))
                .findFirst().orElseThrow();
        test(retake).click();
        test(quiz.submit).click();
        test(quiz.confirmBlank).confirm();

        assertThat($(Div.class).all().stream().filter(d -> d.hasClassName("warning-banner")).toList()).hasSize(1);
        assertThat($(Notification.class).all()).as("no refusal of an earlier, closed attempt").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from quiz_attempt where person_id = ? and submitted_at is not null",
                Integer.class, TestLearners.LEARNER_PERSON_ID)).isEqualTo(2);
    }
}
