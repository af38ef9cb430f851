package vn.gbv.portal.course;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The images of course versions, kept in the database so that every node serves them. */
@Service
class CourseAssets {

    record Asset(String contentType, byte[] bytes) {
    }

    private final JdbcTemplate jdbc;

    CourseAssets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An image of a trainer's draft (the editor's preview), by the draft's id. */
    Optional<Asset> findInDraft(long draftId, String path) {
        if (!CourseFolderParser.isImage(path)) {
            return Optional.empty();
        }
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        return jdbc.query("""
                SELECT bytes FROM course_draft_file WHERE draft_id = ? AND path = ?""",
                (rs, i) -> new Asset(CourseFolderParser.IMAGE_TYPES.get(extension), rs.getBytes(1)), draftId, path)
                .stream().findFirst();
    }

    /** {@code path} is relative to the course folder, as written by the importer. */
    Optional<Asset> find(long versionId, String path) {
        // Binary comparison: the column's collation would also match a path in other letter case.
        return jdbc.query("""
                SELECT content_type, bytes FROM course_asset
                WHERE course_version_id = ? AND path = ? COLLATE utf8mb4_bin""",
                (rs, i) -> new Asset(rs.getString(1), rs.getBytes(2)), versionId, path).stream().findFirst();
    }
}
