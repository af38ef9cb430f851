package vn.gbv.portal.course;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gbv.portal.base.OpenToAnyCaller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue read straight from the course tables into the records of {@link CourseCatalog}. */
@Service
@Transactional(readOnly = true)
class JdbcCourseCatalog implements CourseCatalog {

    private static final String OPEN = "published course content, read-only: pages that show it are for signed-in "
            + "users only, and the learning services check the learner before they call it";

    private static final String CARD = """
            SELECT c.id AS course_id, c.code, v.id AS version_id, v.version_no, v.label, v.title, v.summary,
                   v.topic, (SELECT GROUP_CONCAT(g.group_code ORDER BY g.group_code) FROM course_group g WHERE g.course_id = c.id) AS group_codes, v.audience, v.estimated_minutes,
                   (SELECT COUNT(*) FROM lesson l JOIN course_module m ON m.id = l.module_id
                     WHERE m.course_version_id = v.id) AS lesson_count
            FROM course c JOIN course_version v ON v.id = c.current_version_id
            """;

    private final JdbcTemplate jdbc;
    private final LessonSanitizer sanitizer;

    JdbcCourseCatalog(JdbcTemplate jdbc, LessonSanitizer sanitizer) {
        this.jdbc = jdbc;
        this.sanitizer = sanitizer;
    }

    @Override
    @OpenToAnyCaller(OPEN)
    public List<CourseCard> published() {
        return jdbc.query(CARD + " ORDER BY v.title, c.code", JdbcCourseCatalog::card);
    }

    @Override
    @OpenToAnyCaller(OPEN)
    public Optional<CourseCard> card(String courseCode) {
        return jdbc.query(CARD + " WHERE c.code = ?", JdbcCourseCatalog::card, courseCode).stream().findFirst();
    }

    @Override
    @OpenToAnyCaller(OPEN)
    public Optional<CourseOutline> outline(long courseVersionId) {
        record Head(long courseId, String code, int versionNo, String label, String title, String summary,
                    String topic, List<String> groupCodes, int estimatedMinutes) {
        }
        Optional<Head> head = jdbc.query("""
                SELECT c.id, c.code, v.version_no, v.label, v.title, v.summary, v.topic,
                       (SELECT GROUP_CONCAT(g.group_code ORDER BY g.group_code) FROM course_group g WHERE g.course_id = c.id),
                       v.estimated_minutes
                FROM course_version v JOIN course c ON c.id = v.course_id WHERE v.id = ?""",
                (rs, i) -> new Head(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), codes(rs.getString(8)), rs.getInt(9)),
                courseVersionId).stream().findFirst();
        if (head.isEmpty()) {
            return Optional.empty();
        }

        Map<Long, List<LessonRef>> lessonsByModule = new LinkedHashMap<>();
        jdbc.query("""
                SELECT l.module_id, l.id, l.position, l.title
                FROM lesson l JOIN course_module m ON m.id = l.module_id
                WHERE m.course_version_id = ? ORDER BY l.position""", rs -> {
            lessonsByModule.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new LessonRef(rs.getLong(2), rs.getInt(3), rs.getString(4)));
        }, courseVersionId);
        Map<Long, Long> quizByModule = new LinkedHashMap<>();
        List<Long> finalQuiz = new ArrayList<>();
        jdbc.query("SELECT id, module_id FROM quiz WHERE course_version_id = ? ORDER BY id", rs -> {
            long moduleId = rs.getLong(2);
            if (rs.wasNull()) {
                finalQuiz.add(rs.getLong(1));
            } else {
                quizByModule.put(moduleId, rs.getLong(1));
            }
        }, courseVersionId);
        List<ModuleOutline> modules = jdbc.query("""
                SELECT id, position, title, summary FROM course_module
                WHERE course_version_id = ? ORDER BY position""",
                (rs, i) -> new ModuleOutline(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        List.copyOf(lessonsByModule.getOrDefault(rs.getLong(1), List.of())),
                        quizByModule.get(rs.getLong(1))),
                courseVersionId);

        Head h = head.get();
        return Optional.of(new CourseOutline(h.courseId(), h.code(), courseVersionId, h.versionNo(), h.label(),
                h.title(), h.summary(), h.topic(), h.groupCodes(), h.estimatedMinutes(), modules,
                finalQuiz.isEmpty() ? null : finalQuiz.getFirst()));
    }

    @Override
    @OpenToAnyCaller(OPEN)
    public Optional<LessonContent> lesson(long lessonId) {
        return jdbc.query("""
                SELECT l.id, m.course_version_id, l.module_id, l.title, l.html
                FROM lesson l JOIN course_module m ON m.id = l.module_id WHERE l.id = ?""",
                (rs, i) -> new LessonContent(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        // Cleaned again on the way out: whatever reached the table, only safe HTML is shown.
                        sanitizer.clean(rs.getString(5), rs.getLong(2))),
                lessonId).stream().findFirst();
    }

    @Override
    @OpenToAnyCaller(OPEN)
    public Optional<QuizDefinition> quiz(long quizId) {
        record Head(long courseVersionId, Long moduleId, String title, int passPercent, int drawCount,
                    int maxAttempts) {
        }
        Optional<Head> head = jdbc.query("""
                SELECT course_version_id, module_id, title, pass_percent, draw_count, max_attempts
                FROM quiz WHERE id = ?""",
                (rs, i) -> new Head(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6)),
                quizId).stream().findFirst();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, List<OptionDefinition>> optionsByQuestion = new LinkedHashMap<>();
        jdbc.query("""
                SELECT o.question_id, o.id, o.text, o.correct
                FROM quiz_option o JOIN quiz_question q ON q.id = o.question_id
                WHERE q.quiz_id = ? ORDER BY q.position, o.position""", rs -> {
            optionsByQuestion.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new OptionDefinition(rs.getLong(2), rs.getString(3), rs.getBoolean(4)));
        }, quizId);
        List<QuestionDefinition> questions = jdbc.query("""
                SELECT id, question_key, type, text, explanation FROM quiz_question
                WHERE quiz_id = ? ORDER BY position""",
                (rs, i) -> new QuestionDefinition(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), List.copyOf(optionsByQuestion.getOrDefault(rs.getLong(1), List.of()))),
                quizId);
        Head h = head.get();
        return Optional.of(new QuizDefinition(quizId, h.courseVersionId(), h.moduleId(), h.title(), h.passPercent(),
                h.drawCount(), h.maxAttempts(), questions));
    }

    @Override
    @OpenToAnyCaller(OPEN)
    public List<ProgrammeGroup> groups() {
        return jdbc.query("SELECT code, name_vi, name_en FROM programme_group ORDER BY code",
                (rs, i) -> new ProgrammeGroup(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    private static CourseCard card(ResultSet rs, int row) throws SQLException {
        return new CourseCard(rs.getLong("course_id"), rs.getString("code"), rs.getLong("version_id"),
                rs.getInt("version_no"), rs.getString("label"), rs.getString("title"), rs.getString("summary"),
                rs.getString("topic"), codes(rs.getString("group_codes")), rs.getString("audience"),
                rs.getInt("estimated_minutes"), rs.getInt("lesson_count"));
    }

    /** GROUP_CONCAT of group codes into a list; none when NULL. */
    private static List<String> codes(String concatenated) {
        return concatenated == null ? List.of() : List.of(concatenated.split(","));
    }
}
