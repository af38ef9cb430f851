package vn.gbv.portal;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test data shared by the learning tests: a learner who has not started anything yet. */
public final class TestLearners {

    /** The learner of sql/test-accounts.sql (t-learner). */
    public static final long LEARNER_PERSON_ID = 9101;

    private TestLearners() {
    }

    /** Forgets the person's progress, attempts and completions, so that a test starts from nothing. */
    public static void forgetProgress(JdbcTemplate jdbc, long personId) {
        jdbc.update("delete from quiz_answer where attempt_id in (select id from quiz_attempt where person_id = ?)", personId);
        jdbc.update("delete from quiz_attempt_question where attempt_id in (select id from quiz_attempt where person_id = ?)",
                personId);
        for (String table : List.of("lesson_progress", "course_progress", "quiz_attempt", "quiz_attempt_grant")) {
            jdbc.update("delete from " + table + " where person_id = ?", personId);
        }
        // certificates stand for completions: they go first (a re-issued one points to its successor)
        jdbc.update("update certificate set replaced_by_id = null where person_id = ?", personId);
        jdbc.update("delete from certificate where person_id = ?", personId);
        jdbc.update("delete from completion_revocation where completion_id in (select id from completion where person_id = ?)",
                personId);
        // Newest first: a row that supersedes another goes before the row it supersedes.
        jdbc.update("delete from completion where person_id = ? order by id desc", personId);
    }
}
