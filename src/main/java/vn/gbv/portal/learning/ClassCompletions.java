package vn.gbv.portal.learning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and revokes the completions of in-person classes (source CLASS, with the class id), under
 * the same rules as online ones ({@link CompletionRecorder}): insert-only, at most one effective
 * completion per person, course and version (held by the unique keys of V3), a completion after a
 * revocation supersedes the revoked row. Callers (the classroom service) check who may do it and
 * run it inside their own transaction.
 */
@Component
public class ClassCompletions {

    private final JdbcClient jdbc;
    private final Clock clock;

    ClassCompletions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What recording did for one person. */
    public enum Outcome { RECORDED, ALREADY_COMPLETED }

    /**
     * Records a class completion of a version unless the person already has an effective one of that
     * version (online, or from this or another class): then nothing is inserted and the earlier one stands.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome record(long personId, long courseId, long versionId, long classId, LocalDate completedOn, String recordedBy) {
        Optional<Tail> tail = jdbc.sql("""
                select c.id, exists (select 1 from completion_revocation r where r.completion_id = c.id)
                from completion c
                where c.person_id = :person and c.course_id = :course and c.course_version_id = :version
                  and not exists (select 1 from completion s where s.supersedes_id = c.id)
                for update""")
                .param("person", personId).param("course", courseId).param("version", versionId)
                .query((rs, i) -> new Tail(rs.getLong(1), rs.getBoolean(2))).optional();
        if (tail.isPresent() && !tail.get().revoked()) {
            return Outcome.ALREADY_COMPLETED;
        }
        int inserted = jdbc.sql("""
                insert ignore into completion (person_id, course_id, course_version_id, completed_on, source, class_id,
                  supersedes_id, recorded_at, recorded_by)
                values (:person, :course, :version, :on, 'CLASS', :class, :supersedes, :now, :by)""")
                .param("person", personId).param("course", courseId).param("version", versionId).param("on", completedOn)
                .param("class", classId).param("supersedes", tail.map(Tail::id).orElse(null))
                .param("now", Timestamp.from(clock.instant())).param("by", recordedBy).update();
        return inserted == 1 ? Outcome.RECORDED : Outcome.ALREADY_COMPLETED;
    }

    /** The person's effective completion recorded by this class, if any. */
    public Optional<Long> effectiveFromClass(long personId, long classId) {
        return jdbc.sql("select id from effective_completion where person_id = :person and class_id = :class")
                .param("person", personId).param("class", classId).query(Long.class).optional();
    }

    /** Revokes a completion (a row of its own, with the reason); the completion row stays as it was. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revoke(long completionId, String reason, String revokedBy) {
        jdbc.sql("""
                insert into completion_revocation (completion_id, reason, revoked_at, revoked_by)
                values (:id, :reason, :now, :by)""")
                .param("id", completionId).param("reason", reason).param("now", Timestamp.from(clock.instant()))
                .param("by", revokedBy).update();
    }

    private record Tail(long id, boolean revoked) {
    }
}
