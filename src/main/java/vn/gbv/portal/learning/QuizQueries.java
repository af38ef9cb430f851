package vn.gbv.portal.learning;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.gbv.portal.learning.QuizService.AttemptRow;
import vn.gbv.portal.learning.QuizService.GrantRow;
import vn.gbv.portal.learning.QuizService.LearnerMatch;
import vn.gbv.portal.learning.QuizService.QuizUse;

/** Quiz attempts in SQL: the questions drawn, the options chosen, scores and the attempts granted. */
@Repository
class QuizQueries {

    private final JdbcClient jdbc;

    QuizQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An attempt as its owner may act on it. */
    record Attempt(long id, long quizId, int attemptNo, boolean submitted) {
    }

    /** A question drawn for an attempt: its place, the options in the order shown, and (once submitted) whether right. */
    record DrawnQuestion(long questionId, int position, List<Long> optionOrder, Boolean correct) {
    }

    /** Question id and whether the attempt answered it right, to be stored at submission. */
    record Marked(long questionId, boolean correct) {
    }

    List<AttemptRow> submittedAttempts(long person, long quizId) {
        return jdbc.sql("""
                select id, attempt_no, submitted_at, score_percent, passed from quiz_attempt
                where person_id = :person and quiz_id = :quiz and submitted_at is not null order by attempt_no""")
                .param("person", person).param("quiz", quizId)
                .query((rs, i) -> new AttemptRow(rs.getLong(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                        rs.getBigDecimal(4), rs.getBoolean(5))).list();
    }

    Optional<Long> openAttemptId(long person, long quizId) {
        return jdbc.sql("select id from quiz_attempt where person_id = :person and quiz_id = :quiz and submitted_at is null")
                .param("person", person).param("quiz", quizId).query(Long.class).optional();
    }

    /**
     * The learner's attempt, locked until the end of the transaction: an answer save and a
     * submission of the same attempt (two tabs) run one after the other, and each sees whether
     * the other has submitted.
     */
    Optional<Attempt> lockOwnAttempt(long attemptId, long person) {
        return jdbc.sql("""
                select id, quiz_id, attempt_no, submitted_at is not null from quiz_attempt
                where id = :id and person_id = :person for update""")
                .param("id", attemptId).param("person", person)
                .query((rs, i) -> new Attempt(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBoolean(4))).optional();
    }

    int attemptNo(long attemptId) {
        return jdbc.sql("select attempt_no from quiz_attempt where id = :id").param("id", attemptId).query(Integer.class).single();
    }

    /**
     * Opens attempt number max + 1. The number is read without a lock (a locking INSERT ... SELECT
     * would lock index gaps shared with other learners' attempts and deadlock under load); two tabs
     * starting at once collide on the unique key (person, quiz, attempt_no) instead.
     */
    long insertAttempt(long person, long quizId, Instant now) {
        int next = jdbc.sql("select coalesce(max(attempt_no), 0) + 1 from quiz_attempt where person_id = :person and quiz_id = :quiz")
                .param("person", person).param("quiz", quizId).query(Integer.class).single();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into quiz_attempt (person_id, quiz_id, attempt_no, started_at) values (:person, :quiz, :no, :now)")
                .param("person", person).param("quiz", quizId).param("no", next).param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertDrawn(long attemptId, List<DrawnQuestion> drawn) {
        for (DrawnQuestion q : drawn) {
            jdbc.sql("""
                    insert into quiz_attempt_question (attempt_id, question_id, position, option_order)
                    values (:attempt, :question, :position, :order)""")
                    .param("attempt", attemptId).param("question", q.questionId()).param("position", q.position())
                    .param("order", q.optionOrder().stream().map(String::valueOf).collect(Collectors.joining(","))).update();
        }
    }

    List<DrawnQuestion> drawn(long attemptId) {
        return jdbc.sql("""
                select question_id, position, option_order, correct from quiz_attempt_question
                where attempt_id = :attempt order by position""")
                .param("attempt", attemptId)
                .query((rs, i) -> new DrawnQuestion(rs.getLong(1), rs.getInt(2),
                        Arrays.stream(rs.getString(3).split(",")).map(Long::valueOf).toList(),
                        rs.getObject(4, Boolean.class))).list();
    }

    /** The options chosen per question, in the order of their ids. */
    Map<Long, List<Long>> answers(long attemptId) {
        Map<Long, List<Long>> answers = new LinkedHashMap<>();
        jdbc.sql("select question_id, option_id from quiz_answer where attempt_id = :attempt order by question_id, option_id")
                .param("attempt", attemptId)
                .query((rs, i) -> answers.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getLong(2)))
                .list();
        return answers;
    }

    /**
     * Makes the options chosen for one question these (none: left unanswered), deleting and
     * inserting only the rows that change, each by its key: no range is locked, so answers of
     * other learners saved at the same moment never wait on (or deadlock with) this one.
     */
    void replaceAnswer(long attemptId, long questionId, List<Long> optionIds) {
        List<Long> saved = jdbc.sql("select option_id from quiz_answer where attempt_id = :attempt and question_id = :question")
                .param("attempt", attemptId).param("question", questionId).query(Long.class).list();
        for (long option : saved) {
            if (!optionIds.contains(option)) {
                jdbc.sql("delete from quiz_answer where attempt_id = :attempt and question_id = :question and option_id = :option")
                        .param("attempt", attemptId).param("question", questionId).param("option", option).update();
            }
        }
        for (long option : optionIds) {
            if (!saved.contains(option)) {
                jdbc.sql("insert into quiz_answer (attempt_id, question_id, option_id) values (:attempt, :question, :option)")
                        .param("attempt", attemptId).param("question", questionId).param("option", option).update();
            }
        }
    }

    void markQuestions(long attemptId, List<Marked> marks) {
        for (Marked m : marks) {
            jdbc.sql("update quiz_attempt_question set correct = :correct where attempt_id = :attempt and question_id = :question")
                    .param("correct", m.correct()).param("attempt", attemptId).param("question", m.questionId()).update();
        }
    }

    /** Closes the attempt with its score; 0 when it was already submitted (the caller refuses then). */
    int close(long attemptId, Instant now, int total, int correct, BigDecimal score, boolean passed) {
        return jdbc.sql("""
                update quiz_attempt set submitted_at = :now, question_count = :total, correct_count = :correct,
                  score_percent = :score, passed = :passed
                where id = :id and submitted_at is null""")
                .param("now", Timestamp.from(now)).param("total", total).param("correct", correct).param("score", score)
                .param("passed", passed).param("id", attemptId).update();
    }

    // ---- attempts granted by trainers ------------------------------------------------------------

    int extraGranted(long person, long quizId) {
        return jdbc.sql("select coalesce(sum(extra), 0) from quiz_attempt_grant where person_id = :person and quiz_id = :quiz")
                .param("person", person).param("quiz", quizId).query(Integer.class).single();
    }

    void insertGrant(long person, long quizId, int extra, String reason, String grantedBy, Instant now) {
        jdbc.sql("""
                insert into quiz_attempt_grant (person_id, quiz_id, extra, reason, granted_by, granted_at)
                values (:person, :quiz, :extra, :reason, :by, :now)""")
                .param("person", person).param("quiz", quizId).param("extra", extra).param("reason", reason)
                .param("by", grantedBy).param("now", Timestamp.from(now)).update();
    }

    List<GrantRow> grants(long person, long quizId) {
        return jdbc.sql("""
                select extra, reason, granted_by, granted_at from quiz_attempt_grant
                where person_id = :person and quiz_id = :quiz order by granted_at, id""")
                .param("person", person).param("quiz", quizId)
                .query((rs, i) -> new GrantRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Learners whose name or user name contains the text (case- and accent-insensitive collation). */
    List<LearnerMatch> findLearners(String text, int limit) {
        String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                select p.id, p.full_name, u.username from person p
                left join app_user u on u.person_id = p.id
                where p.full_name like :like or u.username like :like
                order by p.full_name, p.id limit :limit""")
                .param("like", like).param("limit", limit)
                .query((rs, i) -> new LearnerMatch(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The quizzes with an attempt limit that a person has tried, with attempts used and allowed. */
    List<QuizUse> limitedQuizzesTried(long person) {
        return jdbc.sql("""
                select q.id, c.code, cv.title, q.title, q.max_attempts,
                  (select count(*) from quiz_attempt a where a.person_id = :person and a.quiz_id = q.id
                     and a.submitted_at is not null) as used,
                  (select coalesce(sum(g.extra), 0) from quiz_attempt_grant g where g.person_id = :person
                     and g.quiz_id = q.id) as granted,
                  exists (select 1 from quiz_attempt a where a.person_id = :person and a.quiz_id = q.id and a.passed) as passed
                from quiz q join course_version cv on cv.id = q.course_version_id join course c on c.id = cv.course_id
                where q.max_attempts > 0
                  and exists (select 1 from quiz_attempt a where a.person_id = :person and a.quiz_id = q.id)
                order by cv.title, q.module_id is null, q.id""")
                .param("person", person)
                .query((rs, i) -> new QuizUse(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getBoolean(8))).list();
    }
}
