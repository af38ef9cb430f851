package vn.gbv.portal.course;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.audit.AuditLog;
import vn.gbv.portal.audit.Changes;
import vn.gbv.portal.course.CourseDraft.LessonDraft;
import vn.gbv.portal.course.CourseDraft.ModuleDraft;
import vn.gbv.portal.course.CourseDraft.OptionDraft;
import vn.gbv.portal.course.CourseDraft.QuestionDraft;
import vn.gbv.portal.course.CourseDraft.QuizDraft;

/**
 * Writes a checked course folder as the course's next version and makes it the current one, in
 * one transaction: a learner sees the old version or the new one, never half of it. Earlier
 * versions are kept, because completions name the version they were earned on.
 */
@Component
class CourseVersionWriter {

    private final JdbcTemplate jdbc;
    private final LessonSanitizer lessons;
    private final AuditLog audit;

    CourseVersionWriter(JdbcTemplate jdbc, LessonSanitizer lessons, AuditLog audit) {
        this.jdbc = jdbc;
        this.lessons = lessons;
        this.audit = audit;
    }

    /** Where a version came from: a folder of courses/ (the importer) or a trainer's draft in the portal. */
    enum Source {
        FOLDER, PORTAL
    }

    /**
     * Returns the new version's number. A version published from the portal makes the portal the
     * course's owner: import-on-start then leaves the course alone.
     */
    @Transactional
    public int publish(CourseDraft draft, Source source, String publishedBy) {
        long courseId = lockedCourseId(draft.card().code());
        int versionNo = Objects.requireNonNull(jdbc.queryForObject(
                "SELECT COALESCE(MAX(version_no), 0) + 1 FROM course_version WHERE course_id = ?",
                Integer.class, courseId));
        var card = draft.card();
        long versionId = insert("""
                INSERT INTO course_version (course_id, version_no, label, content_hash, title, summary, topic,
                    audience, estimated_minutes, source, source_path, published_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                courseId, versionNo, card.label(), draft.contentHash(), card.title(), card.summary(), card.topic(),
                card.audience(), card.estimatedMinutes(), source.name(), draft.folder(), publishedBy);
        // The version's files as a courses/ folder: an export is these bytes, hence the same hash.
        jdbc.batchUpdate("INSERT INTO course_version_file (course_version_id, path, bytes) VALUES (?, ?, ?)",
                new ArrayList<>(draft.files().entrySet()), 20, (ps, file) -> {
                    ps.setLong(1, versionId);
                    ps.setString(2, file.getKey());
                    ps.setBytes(3, file.getValue());
                });
        if (source == Source.PORTAL) {
            jdbc.update("UPDATE course SET owner = 'PORTAL' WHERE id = ?", courseId);
        }
        // The groups belong to the course (every version and imported records count for them).
        jdbc.update("DELETE FROM course_group WHERE course_id = ?", courseId);
        jdbc.batchUpdate("INSERT INTO course_group (course_id, group_code) VALUES (?, ?)", card.groupCodes(), 10,
                (ps, group) -> {
                    ps.setLong(1, courseId);
                    ps.setString(2, group);
                });

        int lessonPosition = 0;
        List<ModuleDraft> modules = draft.modules();
        for (int m = 0; m < modules.size(); m++) {
            ModuleDraft module = modules.get(m);
            long moduleId = insert("""
                    INSERT INTO course_module (course_version_id, position, folder, title, summary)
                    VALUES (?, ?, ?, ?, ?)""", versionId, m + 1, module.folder(), module.title(), module.summary());
            for (LessonDraft lesson : module.lessons()) {
                lessonPosition++;
                jdbc.update("""
                        INSERT INTO lesson (module_id, position, file_name, title, markdown, html)
                        VALUES (?, ?, ?, ?, ?, ?)""", moduleId, lessonPosition, lesson.fileName(), lesson.title(),
                        lesson.markdown(), lessons.toHtml(lesson.markdown(), module.folder(), versionId));
            }
            if (module.quiz() != null) {
                insertQuiz(versionId, moduleId, module.quiz());
            }
        }
        if (draft.finalQuiz() != null) {
            insertQuiz(versionId, null, draft.finalQuiz());
        }
        jdbc.batchUpdate("INSERT INTO course_asset (course_version_id, path, content_type, bytes) VALUES (?, ?, ?, ?)",
                draft.assets(), 20, (ps, asset) -> {
                    ps.setLong(1, versionId);
                    ps.setString(2, asset.path());
                    ps.setString(3, asset.contentType());
                    ps.setBytes(4, asset.bytes());
                });
        jdbc.update("UPDATE course SET current_version_id = ? WHERE id = ?", versionId, courseId);
        Changes changes = Changes.of().field("audit.field.folder", null, draft.folder());
        if (source == Source.PORTAL) {
            changes.field("audit.field.source", null, "PORTAL");
        }
        audit.record("course.publish", AuditLog.Entity.COURSE, courseId, card.code(), null,
                changes.field("audit.field.version", null, versionNo)
                        .field("audit.field.title", null, card.title()).after());
        return versionNo;
    }

    /** The course's id, its row locked so that two writers cannot take the same version number. */
    private long lockedCourseId(String code) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM course WHERE code = ? FOR UPDATE", Long.class, code);
        return ids.isEmpty() ? insert("INSERT INTO course (code) VALUES (?)", code) : ids.getFirst();
    }

    private void insertQuiz(long versionId, Long moduleId, QuizDraft quiz) {
        long quizId = insert("""
                INSERT INTO quiz (course_version_id, module_id, title, pass_percent, draw_count, max_attempts)
                VALUES (?, ?, ?, ?, ?, ?)""", versionId, moduleId, quiz.title(), quiz.passPercent(),
                quiz.drawCount(), quiz.maxAttempts());
        List<QuestionDraft> questions = quiz.questions();
        for (int q = 0; q < questions.size(); q++) {
            QuestionDraft question = questions.get(q);
            long questionId = insert("""
                    INSERT INTO quiz_question (quiz_id, question_key, position, type, text, explanation)
                    VALUES (?, ?, ?, ?, ?, ?)""", quizId, question.key(), q + 1, question.type().name(),
                    question.text(), question.explanation());
            List<Object[]> options = new ArrayList<>();
            for (int o = 0; o < question.options().size(); o++) {
                OptionDraft option = question.options().get(o);
                options.add(new Object[] {questionId, o + 1, option.text(), option.correct()});
            }
            jdbc.batchUpdate("INSERT INTO quiz_option (question_id, position, text, correct) VALUES (?, ?, ?, ?)",
                    options);
        }
    }

    private long insert(String sql, Object... args) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            new ArgumentPreparedStatementSetter(args).setValues(statement);
            return statement;
        }, key);
        return Objects.requireNonNull(key.getKey()).longValue();
    }
}
