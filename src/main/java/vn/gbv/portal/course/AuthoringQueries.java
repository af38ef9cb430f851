package vn.gbv.portal.course;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** Data access of course authoring: drafts as files, course ownership, versions and their files. */
@Component
class AuthoringQueries {

    /** A course as the authoring list shows it; {@code draftId} null when nobody is editing it. */
    record AuthoringRow(String code, String title, String owner, String takenOverBy, Integer versionNo,
                        Instant publishedAt, Long draftId, String draftUpdatedBy, Instant draftUpdatedAt) {

        boolean portalOwned() {
            return "PORTAL".equals(owner);
        }
    }

    /** A course row with its current version. */
    record CourseInfo(long id, String code, String owner, String takenOverBy, Long currentVersionId,
                      String folder, String contentHash) {

        boolean portalOwned() {
            return "PORTAL".equals(owner);
        }
    }

    record DraftRow(long id, String code, Long baseVersionId, long lockVersion, String updatedBy, Instant updatedAt) {
    }

    /** One published version, for the history. */
    record VersionRow(long id, int versionNo, String label, String title, String source, Instant publishedAt,
                      String publishedBy, String contentHash) {
    }

    /** A lesson or a question of a version, as text for the diff. */
    record Item(String place, String text) {
    }

    private final JdbcTemplate jdbc;

    AuthoringQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every course and every draft of a course not yet published, by title. */
    List<AuthoringRow> courses() {
        return jdbc.query("""
                SELECT c.code, v.title, c.owner, c.taken_over_by, v.version_no, v.published_at,
                       d.id, d.updated_by, d.updated_at
                FROM course c
                JOIN course_version v ON v.id = c.current_version_id
                LEFT JOIN course_draft d ON d.course_code = c.code
                UNION ALL
                SELECT d.course_code, NULL, 'PORTAL', NULL, NULL, NULL, d.id, d.updated_by, d.updated_at
                FROM course_draft d
                WHERE NOT EXISTS (SELECT 1 FROM course c WHERE c.code = d.course_code AND c.current_version_id IS NOT NULL)
                ORDER BY 2, 1""",
                (rs, i) -> new AuthoringRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, Integer.class), instant(rs.getTimestamp(6)), rs.getObject(7, Long.class),
                        rs.getString(8), instant(rs.getTimestamp(9))));
    }

    Optional<CourseInfo> course(String code) {
        return jdbc.query("""
                SELECT c.id, c.code, c.owner, c.taken_over_by, c.current_version_id, v.source_path, v.content_hash
                FROM course c LEFT JOIN course_version v ON v.id = c.current_version_id
                WHERE c.code = ?""",
                (rs, i) -> new CourseInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, Long.class), rs.getString(6), rs.getString(7)), code).stream().findFirst();
    }

    /** Locks the course row: two trainers cannot take over (or publish) at once. */
    Optional<CourseInfo> lockCourse(String code) {
        jdbc.queryForList("SELECT id FROM course WHERE code = ? FOR UPDATE", Long.class, code);
        return course(code);
    }

    void takeOver(long courseId, String by, Instant at) {
        jdbc.update("UPDATE course SET owner = 'PORTAL', taken_over_by = ?, taken_over_at = ? WHERE id = ?",
                by, Timestamp.from(at), courseId);
    }

    Optional<DraftRow> draft(String code) {
        return jdbc.query("""
                SELECT id, course_code, base_version_id, lock_version, updated_by, updated_at
                FROM course_draft WHERE course_code = ?""",
                (rs, i) -> new DraftRow(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class), rs.getLong(4),
                        rs.getString(5), instant(rs.getTimestamp(6))), code).stream().findFirst();
    }

    Optional<DraftRow> draft(long id) {
        return jdbc.query("""
                SELECT id, course_code, base_version_id, lock_version, updated_by, updated_at
                FROM course_draft WHERE id = ?""",
                (rs, i) -> new DraftRow(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class), rs.getLong(4),
                        rs.getString(5), instant(rs.getTimestamp(6))), id).stream().findFirst();
    }

    long createDraft(String code, Long baseVersionId, String by, Map<String, byte[]> files) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO course_draft (course_code, base_version_id, created_by, updated_by)
                    VALUES (?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            statement.setString(1, code);
            statement.setObject(2, baseVersionId);
            statement.setString(3, by);
            statement.setString(4, by);
            return statement;
        }, key);
        long id = Objects.requireNonNull(key.getKey()).longValue();
        jdbc.batchUpdate("INSERT INTO course_draft_file (draft_id, path, bytes) VALUES (?, ?, ?)",
                new ArrayList<>(files.entrySet()), 50, (ps, file) -> {
                    ps.setLong(1, id);
                    ps.setString(2, file.getKey());
                    ps.setBytes(3, file.getValue());
                });
        return id;
    }

    SortedMap<String, byte[]> draftFiles(long draftId) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        jdbc.query("SELECT path, bytes FROM course_draft_file WHERE draft_id = ?",
                rs -> {
                    files.put(rs.getString(1), rs.getBytes(2));
                }, draftId);
        return files;
    }

    Optional<byte[]> draftFile(long draftId, String path) {
        return jdbc.query("SELECT bytes FROM course_draft_file WHERE draft_id = ? AND path = ?",
                (rs, i) -> rs.getBytes(1), draftId, path).stream().findFirst();
    }

    /**
     * Moves the draft's optimistic lock on: true when the draft still had {@code expectedLock}
     * (nobody saved in between), false when another save came first.
     */
    boolean bumpLock(long draftId, long expectedLock, String by, Instant at) {
        return jdbc.update("""
                UPDATE course_draft SET lock_version = lock_version + 1, updated_by = ?, updated_at = ?
                WHERE id = ? AND lock_version = ?""", by, Timestamp.from(at), draftId, expectedLock) == 1;
    }

    void putFile(long draftId, String path, byte[] bytes) {
        jdbc.update("""
                INSERT INTO course_draft_file (draft_id, path, bytes) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE bytes = VALUES(bytes)""", draftId, path, bytes);
    }

    void removeFile(long draftId, String path) {
        jdbc.update("DELETE FROM course_draft_file WHERE draft_id = ? AND path = ?", draftId, path);
    }

    void deleteDraft(long draftId) {
        jdbc.update("DELETE FROM course_draft WHERE id = ?", draftId);
    }

    SortedMap<String, byte[]> versionFiles(long versionId) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        jdbc.query("SELECT path, bytes FROM course_version_file WHERE course_version_id = ?",
                rs -> {
                    files.put(rs.getString(1), rs.getBytes(2));
                }, versionId);
        return files;
    }

    List<VersionRow> versions(String code) {
        return jdbc.query("""
                SELECT v.id, v.version_no, v.label, v.title, v.source, v.published_at, v.published_by, v.content_hash
                FROM course_version v JOIN course c ON c.id = v.course_id
                WHERE c.code = ? ORDER BY v.version_no DESC""",
                (rs, i) -> new VersionRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs.getTimestamp(6)), rs.getString(7), rs.getString(8)), code);
    }

    Optional<VersionRow> version(String code, int versionNo) {
        return versions(code).stream().filter(v -> v.versionNo() == versionNo).findFirst();
    }

    /** The lessons of a version, in course order: place = module folder / file name. */
    List<Item> lessons(long versionId) {
        return jdbc.query("""
                SELECT CONCAT(m.folder, '/', l.file_name), l.markdown
                FROM lesson l JOIN course_module m ON m.id = l.module_id
                WHERE m.course_version_id = ? ORDER BY l.position""",
                (rs, i) -> new Item(rs.getString(1), rs.getString(2)), versionId);
    }

    /**
     * The questions of a version as text, one per question in course order: place = quiz and
     * question id; text = the question, its options ([x] right, [ ] wrong) and explanation.
     */
    List<Item> questions(long versionId) {
        Map<Long, List<String>> options = new java.util.HashMap<>();
        jdbc.query("""
                SELECT o.question_id, o.correct, o.text FROM quiz_option o
                JOIN quiz_question q ON q.id = o.question_id JOIN quiz z ON z.id = q.quiz_id
                WHERE z.course_version_id = ? ORDER BY o.question_id, o.position""",
                rs -> {
                    options.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add((rs.getBoolean(2) ? "[x] " : "[ ] ") + rs.getString(3));
                }, versionId);
        return jdbc.query("""
                SELECT q.id, COALESCE(m.folder, '-'), q.question_key, q.text, q.explanation
                FROM quiz_question q JOIN quiz z ON z.id = q.quiz_id
                LEFT JOIN course_module m ON m.id = z.module_id
                WHERE z.course_version_id = ?
                ORDER BY m.position IS NULL, m.position, q.position""",
                (rs, i) -> {
                    List<String> lines = new ArrayList<>();
                    lines.add(rs.getString(4));
                    lines.addAll(options.getOrDefault(rs.getLong(1), List.of()));
                    lines.add(rs.getString(5));
                    return new Item(rs.getString(2) + " · " + rs.getString(3), String.join("\n", lines));
                }, versionId);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
