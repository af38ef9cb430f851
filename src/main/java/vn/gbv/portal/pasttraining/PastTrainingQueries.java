package vn.gbv.portal.pasttraining;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the past-training import: what a row is matched against (people, courses, existing
 * completions, read a chunk of rows at a time with IN lists), the commit's inserts (plain INSERTs
 * in JDBC batches, coverage then recomputed once per person) and the undo's revocations.
 */
@Repository
class PastTrainingQueries {

    private final NamedParameterJdbcTemplate jdbc;

    PastTrainingQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- what a row is matched against ----

    record CourseRef(long id, String code) {
    }

    List<CourseRef> coursesByCode(Collection<String> codes) {
        return codes.isEmpty() ? List.of() : jdbc.query("select id, code from course where code in (:codes)",
                new MapSqlParameterSource("codes", codes), (rs, i) -> new CourseRef(rs.getLong(1), rs.getString(2)));
    }

    record UnitRef(long id, String code) {
    }

    List<UnitRef> unitsByCode(Collection<String> codes) {
        return codes.isEmpty() ? List.of() : jdbc.query("select id, code from unit where code in (:codes)",
                new MapSqlParameterSource("codes", codes), (rs, i) -> new UnitRef(rs.getLong(1), rs.getString(2)));
    }

    /**
     * A person a row may name, with the unit that decides who may manage them: their current
     * membership's unit, else their last one's (null for a person who never had a unit).
     */
    record PersonRef(long id, String fullName, Integer birthYear, String nationalId, String staffCode,
                     Long unitId, String unitName) {
    }

    private static final String PEOPLE = """
            select p.id, p.full_name, p.birth_year, p.national_id, p.staff_code, u.id, u.name
            from person p
            left join unit u on u.id = (select m.unit_id from membership m where m.person_id = p.id
                                        order by (m.valid_to is null) desc, m.valid_from desc, m.id desc limit 1)
            """;

    List<PersonRef> peopleByNationalId(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : jdbc.query(PEOPLE + " where p.national_id in (:ids)",
                new MapSqlParameterSource("ids", ids), PastTrainingQueries::person);
    }

    List<PersonRef> peopleByStaffCode(Collection<String> codes) {
        return codes.isEmpty() ? List.of() : jdbc.query(PEOPLE + " where p.staff_code in (:codes)",
                new MapSqlParameterSource("codes", codes), PastTrainingQueries::person);
    }

    /** People with one of these names (the collation ignores case and accents: callers compare exactly). */
    List<PersonRef> peopleByName(Collection<String> names) {
        return names.isEmpty() ? List.of() : jdbc.query(PEOPLE + " where p.full_name in (:names)",
                new MapSqlParameterSource("names", names), PastTrainingQueries::person);
    }

    List<PersonRef> people(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : jdbc.query(PEOPLE + " where p.id in (:ids)",
                new MapSqlParameterSource("ids", ids), PastTrainingQueries::person);
    }

    private static PersonRef person(ResultSet rs, int i) throws SQLException {
        return new PersonRef(rs.getLong(1), rs.getString(2), rs.getObject(3, Integer.class), rs.getString(4),
                rs.getString(5), rs.getObject(6, Long.class), rs.getString(7));
    }

    /** An effective completion (any source) of one of these people and courses. */
    record Existing(long personId, long courseId, LocalDate completedOn, String source) {
    }

    List<Existing> effective(Collection<Long> people, Collection<Long> courses) {
        return people.isEmpty() || courses.isEmpty() ? List.of() : jdbc.query("""
                select person_id, course_id, completed_on, source from effective_completion
                where person_id in (:people) and course_id in (:courses)""",
                new MapSqlParameterSource("people", people).addValue("courses", courses),
                (rs, i) -> new Existing(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4)));
    }

    /**
     * The tail of each chain of records without a version (imported or from a class) of these people
     * and courses: V3 allows one such chain per person and course, and only its tail can be effective.
     */
    record Tail(long id, long personId, long courseId, LocalDate completedOn, boolean revoked) {
    }

    List<Tail> versionlessTails(Collection<Long> people, Collection<Long> courses) {
        return people.isEmpty() || courses.isEmpty() ? List.of() : jdbc.query("""
                select c.id, c.person_id, c.course_id, c.completed_on,
                       exists (select 1 from completion_revocation r where r.completion_id = c.id)
                from completion c
                where c.person_id in (:people) and c.course_id in (:courses) and c.course_version_id is null
                  and not exists (select 1 from completion s where s.supersedes_id = c.id)""",
                new MapSqlParameterSource("people", people).addValue("courses", courses),
                (rs, i) -> new Tail(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, LocalDate.class),
                        rs.getBoolean(5)));
    }

    // ---- commit ----

    record Insert(int rowNo, PastTrainingLine line) {
    }

    /**
     * Inserts the completions of a chunk of rows, then their place and trainer. Plain INSERTs in a
     * JDBC batch, then coverage recomputed once per person of the chunk. A batch gives a person at
     * most one record per course, so (batch, person, course) finds each inserted row again.
     */
    void insert(long batchId, List<Insert> rows, String user, Instant now) {
        List<Long> people = rows.stream().map(r -> r.line().personId()).distinct().toList();
        coverageOncePerPerson(people, () -> insertCompletions(batchId, rows, user, now));
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        jdbc.query("""
                select id, person_id, course_id from completion
                where import_batch_id = :batch and person_id in (:people)""",
                new MapSqlParameterSource("batch", batchId)
                        .addValue("people", people),
                (org.springframework.jdbc.core.RowCallbackHandler) rs ->
                        ids.put(rs.getLong(2) + "|" + rs.getLong(3), rs.getLong(1)));
        jdbc.batchUpdate("""
                insert into past_training (completion_id, batch_id, row_no, place, trainer)
                values (:id, :batch, :row, :place, :trainer)""",
                rows.stream().map(r -> new MapSqlParameterSource("batch", batchId).addValue("row", r.rowNo())
                        .addValue("place", r.line().place()).addValue("trainer", r.line().trainer())
                        .addValue("id", ids.get(r.line().personId() + "|" + r.line().courseId())))
                        .toArray(SqlParameterSource[]::new));
    }

    private void insertCompletions(long batchId, List<Insert> rows, String user, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.batchUpdate("""
                insert into completion (person_id, course_id, course_version_id, completed_on, score_percent, source,
                                        import_batch_id, supersedes_id, recorded_at, recorded_by)
                values (:person, :course, null, :on, :score, 'IMPORT', :batch, :supersedes, :at, :by)""",
                rows.stream().map(r -> new MapSqlParameterSource("person", r.line().personId())
                        .addValue("course", r.line().courseId()).addValue("on", r.line().completedOn())
                        .addValue("score", r.line().score()).addValue("batch", batchId)
                        .addValue("supersedes", r.line().supersedesId()).addValue("at", at).addValue("by", user))
                        .toArray(SqlParameterSource[]::new));
    }

    /**
     * Many completions (or revocations) of few people: the per-row coverage triggers (V4_1) would
     * recompute a person once per row, ten times for ten courses. With {@code @coverage_bulk_load}
     * set on this connection they stand aside, and each person is recomputed once afterwards, in the
     * same transaction (the caller's), which also keeps the population rows (V8) through their
     * triggers. The variable is cleared in {@code finally}: a pooled connection left with it set
     * would silently stop coverage from following later writes.
     */
    private void coverageOncePerPerson(List<Long> people, Runnable writes) {
        JdbcTemplate plain = jdbc.getJdbcTemplate();
        plain.execute("set @coverage_bulk_load = 1");
        try {
            writes.run();
        } finally {
            plain.execute("set @coverage_bulk_load = null");
        }
        for (Long person : people) {
            plain.update("call coverage_recompute_person(?)", person);
        }
    }

    // ---- undo ----

    /** Why a batch cannot be undone: the first of its rows whose completion something newer touched. */
    record Touched(int rowNo, String why) {
    }

    Optional<Touched> firstTouched(long batchId, Instant committedAt) {
        return jdbc.query("""
                select row_no, why from (
                  select pt.row_no,
                         case when exists (select 1 from completion s where s.supersedes_id = c.id) then 'superseded'
                              when exists (select 1 from completion_revocation r where r.completion_id = c.id) then 'revoked'
                              when exists (select 1 from certificate k where k.completion_id = c.id and k.revoked_at is null)
                                then 'certificate'
                              when exists (select 1 from certificate k where k.kind = 'PROGRAMME' and k.person_id = c.person_id
                                           and k.revoked_at is null and k.issued_at >= :committed) then 'programme-certificate'
                         end why
                  from completion c join past_training pt on pt.completion_id = c.id
                  where c.import_batch_id = :batch) t
                where why is not null order by row_no limit 1""",
                new MapSqlParameterSource("batch", batchId).addValue("committed", Timestamp.from(committedAt)),
                (rs, i) -> new Touched(rs.getInt(1), rs.getString(2))).stream().findFirst();
    }

    /** Revokes every completion of the batch not revoked yet, then recomputes coverage once per person. */
    int revokeBatch(long batchId, String reason, String user) {
        MapSqlParameterSource params = new MapSqlParameterSource("batch", batchId);
        List<Long> people = jdbc.queryForList("select distinct person_id from completion where import_batch_id = :batch",
                params, Long.class);
        int[] revoked = new int[1];
        coverageOncePerPerson(people, () -> revoked[0] = revokeAll(batchId, reason, user));
        return revoked[0];
    }

    private int revokeAll(long batchId, String reason, String user) {
        return jdbc.update("""
                insert into completion_revocation (completion_id, reason, revoked_by)
                select c.id, :reason, :user from completion c
                where c.import_batch_id = :batch
                  and not exists (select 1 from completion_revocation r where r.completion_id = c.id)""",
                new MapSqlParameterSource("batch", batchId).addValue("reason", reason).addValue("user", user));
    }

    /** How many completions of the batch are effective now (the list of batches shows it). */
    int effectiveCount(long batchId) {
        Integer n = jdbc.queryForObject("select count(*) from effective_completion where import_batch_id = :batch",
                new MapSqlParameterSource("batch", batchId), Integer.class);
        return n == null ? 0 : n;
    }

    /** The unit (current, else last) of each person of the batch: undo asks whether the caller still manages them. */
    List<Long> batchUnits(long batchId) {
        return jdbc.query("""
                select distinct (select m.unit_id from membership m where m.person_id = c.person_id
                                 order by (m.valid_to is null) desc, m.valid_from desc, m.id desc limit 1)
                from completion c where c.import_batch_id = :batch""",
                new MapSqlParameterSource("batch", batchId), (rs, i) -> rs.getObject(1, Long.class));
    }

    Optional<String> anyCourseCode() {
        return jdbc.query("select code from course where current_version_id is not null order by id limit 1",
                new MapSqlParameterSource(), (rs, i) -> rs.getString(1)).stream().findFirst();
    }
}
