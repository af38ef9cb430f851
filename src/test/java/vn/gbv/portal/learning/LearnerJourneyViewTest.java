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
import java.util.List;
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
    void quizShowsQuestionsWithoutExplanationsUntilSubmitted() {
        long quizId = jdbc.queryForObject("""
                select q.id from quiz q join course c on c.current_version_id = q.course_version_id
                where c.code = 'gbv-co-ban' and q.module_id is null
                """, Long.class);
        // every explanation of the bank, none of which may reach the page before submitting
        List<String> explanations = jdbc.queryForList("select explanation from quiz_question where quiz_id = ?", String.class, quizId);
        UI.getCurrent().navigate("learn/gbv-co-ban/quiz/" + quizId);
        QuizView quiz = (QuizView) getCurrentView();
        test(quiz.start).click();

        assertThat($(RadioButtonGroup.class).all().size() + quiz.questionCards.size()).isPositive();
        String before = quiz.getElement().getOuterHTML();
        assertThat(explanations).noneMatch(before::contains);

        test(quiz.submit).click();
        assertThat($(Div.class).all().stream().anyMatch(d -> d.hasClassName("warning-banner"))).isTrue();
        // after submitting, the explanations of the drawn questions are shown
        List<String> shown = $(Paragraph.class).all().stream().filter(p -> p.hasClassName("explanation"))
                .map(Paragraph::getText).toList();
        assertThat(shown).isNotEmpty().allMatch(explanations::contains);
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
        Button retake = $(Button.class).all().stream().filter(b -> b.getText().equals("Làm lại bài kiểm tra"))
                .findFirst().orElseThrow();
        test(retake).click();
        test(quiz.submit).click();

        assertThat($(Div.class).all().stream().filter(d -> d.hasClassName("warning-banner")).toList()).hasSize(1);
        assertThat($(Notification.class).all()).as("no refusal of an earlier, closed attempt").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from quiz_attempt where person_id = ? and submitted_at is not null",
                Integer.class, TestLearners.LEARNER_PERSON_ID)).isEqualTo(2);
    }
}
