package vn.gbv.portal.demo;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gbv.portal.base.AppSettings;

/**
 * Demo attempts at the final quiz of the knowledge course (gbv-co-ban), so that the trainers'
 * results page (/authoring/results/gbv-co-ban) has figures to show: 300 learners of the demo city
 * with an ability each, questions of varied difficulty, and one question answered at random
 * (it tells nobody apart: the page lists it first, as needing work). Added once, to a demo
 * database without attempts, after the shipped courses were imported at start-up.
 */
@Component
class DemoQuizAttempts {

    private static final Logger log = LoggerFactory.getLogger(DemoQuizAttempts.class);
    private static final String COURSE = "gbv-co-ban";
    private static final int LEARNERS = 300;

    private final JdbcTemplate jdbc;
    private final AppSettings settings;
    private final TransactionTemplate transaction;

    DemoQuizAttempts(JdbcTemplate jdbc, AppSettings settings, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void addAttempts() {
        if (!settings.isDemoData()
                || jdbc.queryForObject("SELECT COUNT(*) FROM quiz_attempt", Integer.class) > 0) {
            return;
        }
        List<Map<String, Object>> quiz = jdbc.queryForList("""
                SELECT z.id, z.draw_count, z.pass_percent, c.id AS course_id, v.id AS version_id
                FROM course c JOIN course_version v ON v.id = c.current_version_id
                JOIN quiz z ON z.course_version_id = v.id AND z.module_id IS NULL WHERE c.code = ?""", COURSE);
        if (quiz.isEmpty()) {
            return;
        }
        long quizId = ((Number) quiz.getFirst().get("id")).longValue();
        int draw = ((Number) quiz.getFirst().get("draw_count")).intValue();
        int pass = ((Number) quiz.getFirst().get("pass_percent")).intValue();
        long courseId = ((Number) quiz.getFirst().get("course_id")).longValue();
        long versionId = ((Number) quiz.getFirst().get("version_id")).longValue();
        List<Long> questions = jdbc.queryForList("SELECT id FROM quiz_question WHERE quiz_id = ? ORDER BY position",
                Long.class, quizId);
        Map<Long, List<long[]>> options = new HashMap<>();
        jdbc.query("""
                SELECT o.question_id, o.id, o.correct FROM quiz_option o JOIN quiz_question q ON q.id = o.question_id
                WHERE q.quiz_id = ? ORDER BY o.question_id, o.position""", rs -> {
            options.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new long[] {rs.getLong(2), rs.getBoolean(3) ? 1 : 0});
        }, quizId);
        List<Long> people = jdbc.queryForList("""
                SELECT m.person_id FROM membership m WHERE m.valid_to IS NULL AND m.in_target
                ORDER BY m.person_id""", Long.class);
        Random random = new Random(19);
        Collections.shuffle(people, random);
        Map<Long, Double> difficulty = new HashMap<>();
        questions.forEach(q -> difficulty.put(q, random.nextGaussian() * 0.9 - 0.6));
        long atRandom = questions.getLast();
        int added = transaction.execute(status -> {
            int n = 0;
            for (long person : people.subList(0, Math.min(LEARNERS, people.size()))) {
                double ability = random.nextGaussian();
                LocalDateTime at = LocalDate.of(2026, 1, 10).plusDays(random.nextInt(300)).atTime(9 + random.nextInt(9), 0);
                List<Long> drawn = new ArrayList<>(questions);
                Collections.shuffle(drawn, random);
                drawn = drawn.subList(0, Math.min(draw, drawn.size()));
                boolean[] right = new boolean[drawn.size()];
                int correct = 0;
                for (int i = 0; i < drawn.size(); i++) {
                    long q = drawn.get(i);
                    double p = q == atRandom ? 0.5 : 1 / (1 + Math.exp(-1.7 * (ability - difficulty.get(q))));
                    right[i] = random.nextDouble() < p;
                    correct += right[i] ? 1 : 0;
                }
                double score = 100.0 * correct / drawn.size();
                long attempt = attempt(person, quizId, at, drawn.size(), correct, score, score >= pass);
                for (int i = 0; i < drawn.size(); i++) {
                    long q = drawn.get(i);
                    List<long[]> opts = options.get(q);
                    String order = String.join(",", opts.stream().map(o -> String.valueOf(o[0])).toList());
                    jdbc.update("""
                            INSERT INTO quiz_attempt_question (attempt_id, question_id, position, option_order, correct)
                            VALUES (?, ?, ?, ?, ?)""", attempt, q, i + 1, order, right[i]);
                    for (long[] o : opts) {
                        boolean choose = right[i] ? o[1] == 1 : o == firstWrong(opts);
                        if (choose) {
                            jdbc.update("INSERT INTO quiz_answer (attempt_id, question_id, option_id) VALUES (?, ?, ?)",
                                    attempt, q, o[0]);
                        }
                    }
                }
                jdbc.update("""
                        INSERT IGNORE INTO course_progress (person_id, course_id, course_version_id, last_quiz_id, started_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)""", person, courseId, versionId, quizId,
                        Timestamp.valueOf(at.minusDays(3)), Timestamp.valueOf(at));
                n++;
            }
            return n;
        });
        log.info("Demo attempts at the final quiz of {} added: {}", COURSE, added);
    }

    private static long[] firstWrong(List<long[]> options) {
        return options.stream().filter(o -> o[1] == 0).findFirst().orElse(options.getFirst());
    }

    private long attempt(long person, long quizId, LocalDateTime at, int questions, int correct, double score,
                         boolean passed) {
        var key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("""
                    INSERT INTO quiz_attempt (person_id, quiz_id, attempt_no, started_at, submitted_at, question_count,
                        correct_count, score_percent, passed) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)""",
                    java.sql.Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, person);
            ps.setLong(2, quizId);
            ps.setTimestamp(3, Timestamp.valueOf(at.minusMinutes(12)));
            ps.setTimestamp(4, Timestamp.valueOf(at));
            ps.setInt(5, questions);
            ps.setInt(6, correct);
            ps.setBigDecimal(7, java.math.BigDecimal.valueOf(score).setScale(3, java.math.RoundingMode.HALF_UP));
            ps.setBoolean(8, passed);
            return ps;
        }, key);
        return key.getKey().longValue();
    }
}
