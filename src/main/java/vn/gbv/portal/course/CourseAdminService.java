package vn.gbv.portal.course;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What trainers and administrators see of courses: versions, counts and the last import's problems. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'TRAINER')")
class CourseAdminService {

    /** A published course with its current version; the group names are joined, null when it counts for none. */
    record CourseRow(String code, String title, String topic, String groupNamesVi,
                     String groupNamesEn, int versionNo, String label, Instant publishedAt, int lessonCount,
                     int questionCount, String owner, String takenOverBy) {

        /** The portal owns the course: import-on-start skips its folder. */
        boolean portalOwned() {
            return "PORTAL".equals(owner);
        }
    }

    record ImportRun(long id, String startedBy, Instant startedAt, Instant finishedAt, int problemCount,
                     int rowCount) {
    }

    /** A row of an import run: a problem (ERROR), an item-writing WARNING or a NOTICE (folder skipped). */
    record ImportRow(String kind, CourseProblem problem) {
    }

    private final JdbcTemplate jdbc;

    CourseAdminService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<CourseRow> courses(int offset, int limit) {
        return jdbc.query("""
                SELECT c.code, v.title, v.topic,
                       (SELECT GROUP_CONCAT(g.name_vi ORDER BY g.code SEPARATOR '; ') FROM course_group cg
                         JOIN programme_group g ON g.code = cg.group_code WHERE cg.course_id = c.id),
                       (SELECT GROUP_CONCAT(g.name_en ORDER BY g.code SEPARATOR '; ') FROM course_group cg
                         JOIN programme_group g ON g.code = cg.group_code WHERE cg.course_id = c.id),
                       v.version_no, v.label,
                       v.published_at,
                       (SELECT COUNT(*) FROM lesson l JOIN course_module m ON m.id = l.module_id
                         WHERE m.course_version_id = v.id) AS lesson_count,
                       (SELECT COUNT(*) FROM quiz_question q JOIN quiz z ON z.id = q.quiz_id
                         WHERE z.course_version_id = v.id) AS question_count,
                       c.owner, c.taken_over_by
                FROM course c
                JOIN course_version v ON v.id = c.current_version_id
                ORDER BY v.title, c.code
                LIMIT ? OFFSET ?""",
                (rs, i) -> new CourseRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant(), rs.getInt(9), rs.getInt(10), rs.getString(11),
                        rs.getString(12)),
                limit, offset);
    }

    public int courseCount() {
        return Objects.requireNonNull(jdbc.queryForObject(
                "SELECT COUNT(*) FROM course WHERE current_version_id IS NOT NULL", Integer.class));
    }

    /** The last import that finished. */
    public Optional<ImportRun> lastRun() {
        return jdbc.query("""
                SELECT r.id, r.started_by, r.started_at, r.finished_at,
                       (SELECT COUNT(*) FROM course_import_problem p WHERE p.run_id = r.id AND p.kind = 'ERROR'),
                       (SELECT COUNT(*) FROM course_import_problem p WHERE p.run_id = r.id)
                FROM course_import_run r WHERE r.finished_at IS NOT NULL
                ORDER BY r.finished_at DESC, r.id DESC LIMIT 1""",
                (rs, i) -> new ImportRun(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), rs.getInt(5), rs.getInt(6)))
                .stream().findFirst();
    }

    /** Problems first, then notices and warnings, each in the order found. */
    public List<ImportRow> problems(long runId, int offset, int limit) {
        return jdbc.query("""
                SELECT kind, course_folder, file, line, message FROM course_import_problem
                WHERE run_id = ? ORDER BY FIELD(kind, 'ERROR', 'NOTICE', 'WARNING'), id LIMIT ? OFFSET ?""",
                (rs, i) -> new ImportRow(rs.getString(1), new CourseProblem(rs.getString(2), rs.getString(3),
                        rs.getObject(4, Integer.class), rs.getString(5))),
                runId, limit, offset);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
