package vn.gbv.portal.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.jdbc.Sql;
import vn.gbv.portal.course.CourseResultsQueries.Filter;
import vn.gbv.portal.course.CourseResultsQueries.QuestionStat;
import vn.gbv.portal.course.CourseResultsService.Results;

/**
 * A course's results on known attempts, against figures worked out by hand.
 *
 * <p>Eight learners sit the quiz of module 01-nhan-dien (questions khai-niem, nhieu-dap-an,
 * dung-sai) once; P1-P4 belong to ward A (9002), P5-P8 to ward B (9003):
 * <pre>
 *        khai-niem  nhieu-dap-an  dung-sai   right
 *   P1       1           1           1         3
 *   P2       1           1           0         2
 *   P3       1           0           0         1
 *   P4       1           1           0         2
 *   P5       0           1           0         1
 *   P6       1           0           1         2
 *   P7       0           0           1         1
 *   P8       0           0           1         1   (sat in December 2025)
 * </pre>
 * Attempts in score order (ties by id): P1, P2, P4, P6, P3, P5, P7, P8. Groups of ceil(27% x 8) = 3:
 * upper P1, P2, P4; lower P5, P7, P8.
 * <ul>
 *   <li>khai-niem: 5/8 right; upper 3/3, lower 0/3: D = 1.00</li>
 *   <li>nhieu-dap-an: 4/8; upper 3/3, lower 1/3 (P5): D = 0.67</li>
 *   <li>dung-sai: 4/8; upper 1/3 (P1), lower 2/3 (P7, P8): D = -0.33, needs work: listed first</li>
 * </ul>
 * Enrolled 8; completed P1 and P2 (P3's completion is revoked): 2; in progress 6. The final quiz:
 * P1 100 (passed); P2 0 then 100 (passed); P3 0: sat 3, passed 2, average of attempts 50.
 */
@SpringBootTest
@Sql("/sql/test-accounts.sql")
@WithMockUser(username = "t-trainer", roles = "TRAINER")
class CourseResultsTest {

    @Autowired CourseResultsService results;
    @Autowired CourseImporter importer;
    @Autowired JdbcTemplate jdbc;

    @TempDir Path root;

    String code;
    long courseId;
    long versionId;
    long moduleQuiz;
    long finalQuiz;
    Map<String, Long> questions;

    @BeforeEach
    void knownAttempts() {
        code = TestCourses.uniqueCode("ket-qua");
        TestCourses.validCourse(root, "khoa", code);
        importer.importAll(root, "test");
        courseId = jdbc.queryForObject("SELECT id FROM course WHERE code = ?", Long.class, code);
        versionId = jdbc.queryForObject("SELECT current_version_id FROM course WHERE id = ?", Long.class, courseId);
        moduleQuiz = jdbc.queryForObject("SELECT id FROM quiz WHERE course_version_id = ? AND module_id IS NOT NULL",
                Long.class, versionId);
        finalQuiz = jdbc.queryForObject("SELECT id FROM quiz WHERE course_version_id = ? AND module_id IS NULL",
                Long.class, versionId);
        questions = Map.of(
                "khai-niem", questionId("khai-niem"),
                "nhieu-dap-an", questionId("nhieu-dap-an"),
                "dung-sai", questionId("dung-sai"));

        int[][] right = {{1, 1, 1}, {1, 1, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}, {1, 0, 1}, {0, 0, 1}, {0, 0, 1}};
        List<Long> people = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            long person = person("Người học " + (p + 1), p < 4 ? 9002 : 9003);
            people.add(person);
            jdbc.update("""
                    INSERT INTO course_progress (person_id, course_id, course_version_id, started_at, updated_at)
                    VALUES (?, ?, ?, '2026-03-01 08:00:00', '2026-03-01 08:00:00')""", person, courseId, versionId);
            LocalDateTime at = p == 7 ? LocalDateTime.of(2025, 12, 1, 9, 0) : LocalDateTime.of(2026, 3, 10, 9, 0);
            attempt(person, moduleQuiz, 1, at, List.of("khai-niem", "nhieu-dap-an", "dung-sai"), right[p]);
        }
        attempt(people.get(0), finalQuiz, 1, LocalDateTime.of(2026, 3, 11, 9, 0), List.of(), new int[] {}, 100, true);
        attempt(people.get(1), finalQuiz, 1, LocalDateTime.of(2026, 3, 11, 9, 0), List.of(), new int[] {}, 0, false);
        attempt(people.get(1), finalQuiz, 2, LocalDateTime.of(2026, 3, 12, 9, 0), List.of(), new int[] {}, 100, true);
        attempt(people.get(2), finalQuiz, 1, LocalDateTime.of(2026, 3, 11, 9, 0), List.of(), new int[] {}, 0, false);
        completion(people.get(0));
        completion(people.get(1));
        long revoked = completion(people.get(2));
        jdbc.update("INSERT INTO completion_revocation (completion_id, reason, revoked_by) VALUES (?, 'nhầm', 'test')",
                revoked);
    }

    @Test
    void perQuestionFiguresEqualTheHandValuesAndTheWeakestQuestionComesFirst() {
        Results r = results.results(code, Filter.all());

        assertThat(r.questions()).extracting(QuestionStat::key)
                .containsExactly("dung-sai", "nhieu-dap-an", "khai-niem");
        QuestionStat trueFalse = r.questions().get(0);
        assertThat(trueFalse.quiz()).isEqualTo("01-nhan-dien");
        assertThat(List.of(trueFalse.answered(), trueFalse.right(), trueFalse.upperCount(), trueFalse.upperRight(),
                trueFalse.lowerCount(), trueFalse.lowerRight())).containsExactly(8, 4, 3, 1, 3, 2);
        assertThat(trueFalse.discrimination()).isCloseTo(-1.0 / 3, within(1e-9));
        assertThat(CourseResultsService.needsWork(trueFalse)).isTrue();

        QuestionStat multiple = r.questions().get(1);
        assertThat(multiple.shareRight()).isEqualTo(0.5);
        assertThat(multiple.discrimination()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(CourseResultsService.needsWork(multiple)).isFalse();

        QuestionStat single = r.questions().get(2);
        assertThat(single.shareRight()).isEqualTo(5.0 / 8);
        assertThat(single.discrimination()).isEqualTo(1.0);
    }

    @Test
    void courseFiguresEqualTheHandValues() {
        var s = results.results(code, Filter.all()).summary();

        assertThat(List.of(s.enrolled(), s.inProgress(), s.completed(), s.sat(), s.passed()))
                .containsExactly(8, 6, 2, 3, 2);
        assertThat(s.passRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(s.averageScore()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void filtersByUnitAndPeriod() {
        // ward A: P1-P4; groups of ceil(27% x 4) = 2: upper P1, P2, lower P4, P3; all four right on khai-niem
        Results wardA = results.results(code, new Filter(9002L, null, null));
        assertThat(List.of(wardA.summary().enrolled(), wardA.summary().completed(), wardA.summary().inProgress()))
                .containsExactly(4, 2, 2);
        QuestionStat single = wardA.questions().stream().filter(q -> q.key().equals("khai-niem")).findFirst().orElseThrow();
        assertThat(List.of(single.answered(), single.right(), single.upperRight(), single.lowerRight()))
                .containsExactly(4, 4, 2, 2);
        assertThat(single.discrimination()).isEqualTo(0.0);
        // the city holds both wards
        assertThat(results.results(code, new Filter(9001L, null, null)).summary().enrolled()).isEqualTo(8);
        // 2026: P8's attempt of December 2025 is left out
        Results year = results.results(code, new Filter(null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        assertThat(year.questions()).allMatch(q -> q.answered() == 7);

        assertThatThrownBy(() -> results.results(code, new Filter(-5L, null, null)))
                .hasMessage("authoring.results.no-unit");
        assertThatThrownBy(() -> results.results(code,
                new Filter(null, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1))))
                .hasMessage("authoring.results.bad-period");
    }

    private long questionId(String key) {
        return jdbc.queryForObject("SELECT id FROM quiz_question WHERE quiz_id = ? AND question_key = ?", Long.class,
                moduleQuiz, key);
    }

    private long person(String name, long unitId) {
        var key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO person (full_name, sex, birth_year) VALUES (?, 'F', 1990)",
                    java.sql.Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, name);
            return ps;
        }, key);
        long id = key.getKey().longValue();
        jdbc.update("""
                INSERT INTO membership (person_id, unit_id, category, position, in_target, valid_from)
                VALUES (?, ?, 'CONG_TAC_VIEN', 'Cộng tác viên', TRUE, '2025-07-01')""", id, unitId);
        return id;
    }

    private void attempt(long person, long quiz, int no, LocalDateTime at, List<String> keys, int[] right) {
        int correct = 0;
        for (int r : right) {
            correct += r;
        }
        double score = 100.0 * correct / keys.size();
        attempt(person, quiz, no, at, keys, right, score, score >= 50);
    }

    private void attempt(long person, long quiz, int no, LocalDateTime at, List<String> keys, int[] right, double score,
                         boolean passed) {
        var key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("""
                    INSERT INTO quiz_attempt (person_id, quiz_id, attempt_no, started_at, submitted_at, question_count,
                        correct_count, score_percent, passed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    java.sql.Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, person);
            ps.setLong(2, quiz);
            ps.setInt(3, no);
            ps.setTimestamp(4, Timestamp.valueOf(at.minusMinutes(10)));
            ps.setTimestamp(5, Timestamp.valueOf(at));
            ps.setInt(6, Math.max(keys.size(), 1));
            ps.setInt(7, 0);
            ps.setBigDecimal(8, java.math.BigDecimal.valueOf(score).setScale(3, java.math.RoundingMode.HALF_UP));
            ps.setBoolean(9, passed);
            return ps;
        }, key);
        long attemptId = key.getKey().longValue();
        for (int i = 0; i < keys.size(); i++) {
            jdbc.update("""
                    INSERT INTO quiz_attempt_question (attempt_id, question_id, position, option_order, correct)
                    VALUES (?, ?, ?, '', ?)""", attemptId, questions.get(keys.get(i)), i + 1, right[i] == 1);
        }
    }

    private long completion(long person) {
        jdbc.update("""
                INSERT INTO completion (person_id, course_id, course_version_id, completed_on, score_percent, source, recorded_by)
                VALUES (?, ?, ?, '2026-03-12', 100, 'ONLINE', 'test')""", person, courseId, versionId);
        return jdbc.queryForObject("SELECT MAX(id) FROM completion WHERE person_id = ?", Long.class, person);
    }
}
