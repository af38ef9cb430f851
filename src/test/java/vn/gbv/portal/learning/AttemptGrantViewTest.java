package vn.gbv.portal.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.jdbc.Sql;
import vn.gbv.portal.ShippedCourses;
import vn.gbv.portal.TestLearners;
import vn.gbv.portal.course.CourseImportService;

/** A trainer finds a learner who has used every attempt at a quiz and grants one more, with a reason. */
@SpringBootTest
@Sql("/sql/test-accounts.sql")
@WithMockUser(username = "t-trainer", roles = "TRAINER")
class AttemptGrantViewTest extends SpringBrowserlessTest {

    @Autowired CourseImportService importer;
    @Autowired JdbcTemplate jdbc;
    long quizId;
    int max;

    @BeforeEach
    void learnerUsedEveryAttempt() {
        ShippedCourses.importAsAdministrator(importer);
        TestLearners.forgetProgress(jdbc, TestLearners.LEARNER_PERSON_ID);
        var quiz = jdbc.queryForMap("""
                select q.id, q.max_attempts from quiz q join course c on c.current_version_id = q.course_version_id
                where c.code = 'gbv-ho-tro-phap-ly' and q.module_id is null""");
        quizId = ((Number) quiz.get("id")).longValue();
        max = ((Number) quiz.get("max_attempts")).intValue();
        for (int n = 1; n <= max; n++) {
            jdbc.update("""
                    insert into quiz_attempt (person_id, quiz_id, attempt_no, submitted_at, question_count, correct_count,
                      score_percent, passed) values (?, ?, ?, current_timestamp, 10, 2, 20, false)""",
                    TestLearners.LEARNER_PERSON_ID, quizId, n);
        }
    }

    @Test
    void aTrainerGrantsOneMoreAttemptWithAReason() {
        AttemptGrantView view = navigate(AttemptGrantView.class);
        test(view.search).setValue("t-learner");
        assertThat(test(view.learners).size()).isEqualTo(1);
        test(view.learners).select(0);
        int row = 0;
        while (test(view.quizGrid).getRow(row).quizId() != quizId) {
            row++;
        }
        assertThat(test(view.quizGrid).getRow(row).attemptsLeft()).isZero();
        test(view.quizGrid).select(row);

        // no reason: refused next to the field, nothing recorded
        test(view.grant).click();
        assertThat(view.reason.isInvalid()).isTrue();
        assertThat(grants()).isZero();

        test(view.reason).setValue("Mất điện giữa bài kiểm tra");
        test(view.grant).click();

        assertThat(grants()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select granted_by from quiz_attempt_grant where person_id = ?", String.class,
                TestLearners.LEARNER_PERSON_ID)).isEqualTo("t-trainer");
        assertThat(view.quizGrid.asSingleSelect().getValue().attemptsLeft()).isEqualTo(1);
    }

    private int grants() {
        return jdbc.queryForObject("select count(*) from quiz_attempt_grant where person_id = ? and quiz_id = ?", Integer.class,
                TestLearners.LEARNER_PERSON_ID, quizId);
    }
}
