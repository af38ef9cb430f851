package vn.gbv.portal.course;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A course's results for its trainers, all in SQL over progress rows, effective completions and
 * quiz attempts with their questions as rows (quiz_attempt_question): set-based, whatever the
 * number of learners.
 */
@Component
class CourseResultsQueries {

    /** The share of attempts in each of the upper and lower groups (Kelley's 27%). */
    static final double GROUP_SHARE = 0.27;

    /**
     * Learners and attempts to count: a unit (its learners with a current membership in it or
     * below it) and a period of days, both included; null for "all".
     */
    record Filter(Long unitId, LocalDate from, LocalDate to) {

        static Filter all() {
            return new Filter(null, null, null);
        }
    }

    /** Course figures; {@code averageScore} and {@code passRate} are null when nobody sat the final quiz. */
    record Summary(int enrolled, int inProgress, int completed, int sat, int passed, Double passRate,
                   Double averageScore) {
    }

    /**
     * One question (by its quiz and id, across versions): how often it was answered and answered
     * right, and the right answers in the upper and lower 27% of attempts of its quiz by score.
     */
    record QuestionStat(String quiz, String key, String text, int answered, int right, int upperCount,
                        int upperRight, int lowerCount, int lowerRight) {

        double shareRight() {
            return answered == 0 ? 0 : (double) right / answered;
        }

        /** D = p(upper) - p(lower); null when a group is empty. */
        Double discrimination() {
            if (upperCount == 0 || lowerCount == 0) {
                return null;
            }
            return (double) upperRight / upperCount - (double) lowerRight / lowerCount;
        }
    }

    record Option(long id, String name) {
    }

    record Period(long id, String name, LocalDate startsOn, LocalDate endsOn) {
    }

    private final JdbcTemplate jdbc;

    CourseResultsQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean courseExists(String code) {
        return !jdbc.queryForList("SELECT id FROM course WHERE code = ?", Long.class, code).isEmpty();
    }

    boolean unitExists(long unitId) {
        return !jdbc.queryForList("SELECT id FROM unit WHERE id = ?", Long.class, unitId).isEmpty();
    }

    List<Option> units() {
        return jdbc.query("SELECT id, name FROM unit WHERE valid_to IS NULL ORDER BY name",
                (rs, i) -> new Option(rs.getLong(1), rs.getString(2)));
    }

    List<Period> periods() {
        return jdbc.query("SELECT id, name, starts_on, ends_on FROM reporting_period ORDER BY starts_on DESC",
                (rs, i) -> new Period(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getDate(4).toLocalDate()));
    }

    Optional<Period> period(long id) {
        return periods().stream().filter(p -> p.id() == id).findFirst();
    }

    Summary summary(String code, Filter filter) {
        List<Object> args = new ArrayList<>();
        String progress = """
                SELECT p.person_id FROM course_progress p JOIN course c ON c.id = p.course_id
                WHERE c.code = ?""" + personIn(filter, "p.person_id", args, code)
                + (filter.to() == null ? "" : " AND p.started_at < ?");
        if (filter.to() != null) {
            args.add(Date.valueOf(filter.to().plusDays(1)));
        }
        List<Object> completionArgs = new ArrayList<>();
        String completed = """
                SELECT e.person_id FROM effective_completion e JOIN course c ON c.id = e.course_id
                WHERE c.code = ?""" + personIn(filter, "e.person_id", completionArgs, code)
                + dates("e.completed_on", filter, completionArgs);
        List<Object> attemptArgs = new ArrayList<>();
        String finals = """
                SELECT a.person_id, a.score_percent, a.passed FROM quiz_attempt a
                JOIN quiz z ON z.id = a.quiz_id AND z.module_id IS NULL
                JOIN course_version v ON v.id = z.course_version_id
                JOIN course c ON c.id = v.course_id
                WHERE c.code = ? AND a.submitted_at IS NOT NULL""" + personIn(filter, "a.person_id", attemptArgs, code)
                + dates("a.submitted_at", filter, attemptArgs);
        return jdbc.queryForObject("""
                WITH enrolled AS (%s), done AS (%s), finals AS (%s)
                SELECT (SELECT COUNT(DISTINCT person_id) FROM enrolled),
                       (SELECT COUNT(DISTINCT person_id) FROM done),
                       (SELECT COUNT(DISTINCT n.person_id) FROM enrolled n
                         WHERE NOT EXISTS (SELECT 1 FROM done d WHERE d.person_id = n.person_id)),
                       (SELECT COUNT(DISTINCT person_id) FROM finals),
                       (SELECT COUNT(DISTINCT person_id) FROM finals WHERE passed),
                       (SELECT AVG(score_percent) FROM finals)
                """.formatted(progress, completed, finals),
                (rs, i) -> {
                    int sat = rs.getInt(4);
                    int passed = rs.getInt(5);
                    Double average = rs.getObject(6) == null ? null : rs.getDouble(6);
                    return new Summary(rs.getInt(1), rs.getInt(3), rs.getInt(2), sat, passed,
                            sat == 0 ? null : (double) passed / sat, average);
                }, reorder(args, completionArgs, attemptArgs));
    }

    /** The arguments in the order the CTEs use them (enrolled, done, finals). */
    private static Object[] reorder(List<Object> enrolled, List<Object> done, List<Object> finals) {
        List<Object> all = new ArrayList<>(enrolled);
        all.addAll(done);
        all.addAll(finals);
        return all.toArray();
    }

    /**
     * Per question of the course's quizzes (module quizzes by folder, the final quiz as ""), from
     * submitted attempts: attempts of a quiz are ranked by score; the upper and lower groups are
     * the first and last ceil(27% of n) of them. The question's text is its newest version's.
     */
    List<QuestionStat> questions(String code, Filter filter) {
        List<Object> args = new ArrayList<>();
        String attempts = """
                SELECT a.id, COALESCE(m.folder, '') AS place,
                       ROW_NUMBER() OVER (PARTITION BY COALESCE(m.folder, '') ORDER BY a.score_percent DESC, a.id) AS rank_down,
                       ROW_NUMBER() OVER (PARTITION BY COALESCE(m.folder, '') ORDER BY a.score_percent ASC, a.id DESC) AS rank_up,
                       COUNT(*) OVER (PARTITION BY COALESCE(m.folder, '')) AS n
                FROM quiz_attempt a
                JOIN quiz z ON z.id = a.quiz_id
                JOIN course_version v ON v.id = z.course_version_id
                JOIN course c ON c.id = v.course_id
                LEFT JOIN course_module m ON m.id = z.module_id
                WHERE c.code = ? AND a.submitted_at IS NOT NULL""" + personIn(filter, "a.person_id", args, code)
                + dates("a.submitted_at", filter, args);
        return jdbc.query("""
                WITH att AS (%s),
                stat AS (
                    SELECT att.place, q.question_key, MAX(q.id) AS newest_id,
                           COUNT(*) AS answered,
                           SUM(aq.correct) AS right_count,
                           SUM(att.rank_down <= CEIL(%s * att.n)) AS upper_n,
                           SUM(aq.correct AND att.rank_down <= CEIL(%s * att.n)) AS upper_right,
                           SUM(att.rank_up <= CEIL(%s * att.n)) AS lower_n,
                           SUM(aq.correct AND att.rank_up <= CEIL(%s * att.n)) AS lower_right
                    FROM att
                    JOIN quiz_attempt_question aq ON aq.attempt_id = att.id AND aq.correct IS NOT NULL
                    JOIN quiz_question q ON q.id = aq.question_id
                    GROUP BY att.place, q.question_key)
                SELECT s.place, s.question_key, q.text, s.answered, s.right_count, s.upper_n, s.upper_right,
                       s.lower_n, s.lower_right
                FROM stat s JOIN quiz_question q ON q.id = s.newest_id
                ORDER BY s.place, s.question_key""".formatted(attempts, GROUP_SHARE, GROUP_SHARE, GROUP_SHARE,
                        GROUP_SHARE),
                (rs, i) -> new QuestionStat(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)),
                args.toArray());
    }

    /** The course code, then (with a unit) a current membership in the unit or below it. */
    private static String personIn(Filter filter, String person, List<Object> args, String code) {
        args.add(code);
        if (filter.unitId() == null) {
            return "";
        }
        args.add(filter.unitId());
        return " " + """
                AND EXISTS (SELECT 1 FROM membership ms JOIN unit_closure uc ON uc.descendant_id = ms.unit_id
                             WHERE ms.person_id = %s AND ms.valid_to IS NULL AND uc.ancestor_id = ?)""".formatted(person).strip();
    }

    private static String dates(String column, Filter filter, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (filter.from() != null) {
            sql.append(" AND ").append(column).append(" >= ?");
            args.add(Date.valueOf(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND ").append(column).append(" < ?");
            args.add(Date.valueOf(filter.to().plusDays(1)));
        }
        return sql.toString();
    }
}
