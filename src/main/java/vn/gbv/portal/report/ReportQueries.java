package vn.gbv.portal.report;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.gbv.portal.report.ReportContent.Activity;
import vn.gbv.portal.report.ReportContent.Attestation;
import vn.gbv.portal.report.ReportContent.Row;
import vn.gbv.portal.report.ReportContent.Texts;

/**
 * The SQL of reports: periods, drafts, submissions (insert-only; the database refuses updates),
 * returns, the reporting units, the period's training activity (read through
 * {@code effective_completion}) and the consolidation's sums over submitted snapshots.
 */
@Repository
class ReportQueries {

    private final NamedParameterJdbcTemplate jdbc;

    ReportQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- periods ----

    private static final String PERIOD = """
            select id, code, name, kind, starts_on, ends_on, figures_on, units_due_on, consolidation_due_on, version
            from reporting_period""";

    private static ReportingPeriod period(ResultSet rs, int i) throws SQLException {
        return new ReportingPeriod(rs.getLong(1), rs.getString(2), rs.getString(3), ReportingPeriod.Kind.valueOf(rs.getString(4)),
                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getLong(10));
    }

    List<ReportingPeriod> periods() {
        return jdbc.query(PERIOD + " order by starts_on, ends_on, code", ReportQueries::period);
    }

    Optional<ReportingPeriod> periodByCode(String code) {
        return jdbc.query(PERIOD + " where code = :code", Map.of("code", code), ReportQueries::period).stream().findFirst();
    }

    Optional<ReportingPeriod> periodById(long id) {
        return jdbc.query(PERIOD + " where id = :id", Map.of("id", id), ReportQueries::period).stream().findFirst();
    }

    private static MapSqlParameterSource periodParams(ReportingPeriod p) {
        return new MapSqlParameterSource().addValue("code", p.code()).addValue("name", p.name()).addValue("kind", p.kind().name())
                .addValue("starts", p.startsOn()).addValue("ends", p.endsOn()).addValue("figures", p.figuresOn())
                .addValue("due", p.unitsDueOn()).addValue("cdue", p.consolidationDueOn()).addValue("id", p.id())
                .addValue("version", p.version());
    }

    long insertPeriod(ReportingPeriod p) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                insert into reporting_period (code, name, kind, starts_on, ends_on, figures_on, units_due_on, consolidation_due_on)
                values (:code, :name, :kind, :starts, :ends, :figures, :due, :cdue)""", periodParams(p), key, new String[] {"id"});
        return key.getKey().longValue();
    }

    /** False when someone else changed the period since it was read. */
    boolean updatePeriod(ReportingPeriod p) {
        return jdbc.update("""
                update reporting_period set name = :name, starts_on = :starts, ends_on = :ends, figures_on = :figures,
                  units_due_on = :due, consolidation_due_on = :cdue, version = version + 1
                where id = :id and version = :version""", periodParams(p)) == 1;
    }

    // ---- units ----

    record UnitRow(long id, String code, String name, String type, Long parentId) {
    }

    Optional<UnitRow> unitByCode(String code) {
        return jdbc.query("""
                select u.id, u.code, u.name, u.type,
                       (select p.parent_id from unit_parent p where p.unit_id = u.id and p.valid_to is null limit 1)
                from unit u where u.code = :code""", Map.of("code", code),
                (rs, i) -> new UnitRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5, Long.class))).stream().findFirst();
    }

    Optional<UnitRow> unitById(long id) {
        return jdbc.query("select code from unit where id = :id", Map.of("id", id), (rs, i) -> rs.getString(1))
                .stream().findFirst().flatMap(this::unitByCode);
    }

    /** The root units of the tree at a date (no parent then). */
    List<UnitRow> rootsAt(LocalDate d) {
        return jdbc.query("""
                select u.id, u.code, u.name, u.type, null from unit u
                where u.valid_from <= :d and (u.valid_to is null or u.valid_to > :d)
                  and not exists (select 1 from unit_parent p where p.unit_id = u.id and p.valid_from <= :d
                                  and (p.valid_to is null or p.valid_to > :d))
                order by u.name""", Map.of("d", d), (rs, i) -> new UnitRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), null));
    }

    private static final String REPORTING = """
            select u.id, u.code, u.name, u.type, pc.ancestor_id
            from unit_closure_dated pc
            join unit p on p.id = pc.ancestor_id and p.type = 'CITY'
            join unit u on u.id = pc.descendant_id
            where pc.depth = 1 and pc.valid_from <= :d and pc.valid_to > :d""";

    private static UnitRow unitRow(ResultSet rs, int i) throws SQLException {
        return new UnitRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
    }

    /** Every reporting unit at a date: the units directly below a city (its departments, communes and wards). */
    List<UnitRow> reportingUnits(LocalDate d) {
        return jdbc.query(REPORTING + " order by u.name, u.code", Map.of("d", d), ReportQueries::unitRow);
    }

    /** The reporting units at a date in the subtree of a unit. */
    List<UnitRow> reportingUnitsUnder(long rootId, LocalDate d) {
        return jdbc.query(REPORTING + """
                 and exists (select 1 from unit_closure_dated cd where cd.ancestor_id = :root and cd.descendant_id = u.id
                             and cd.valid_from <= :d and cd.valid_to > :d)
                order by u.name, u.code""", Map.of("d", d, "root", rootId), ReportQueries::unitRow);
    }

    boolean isReportingUnit(long unitId, LocalDate d) {
        return !jdbc.query(REPORTING + " and u.id = :u", Map.of("d", d, "u", unitId), ReportQueries::unitRow).isEmpty();
    }

    // ---- drafts ----

    Optional<Texts> draft(long unitId, long periodId) {
        return jdbc.query("""
                select activities, results, difficulties, proposals, signer_title, signer_name
                from report_draft where unit_id = :u and period_id = :p""", Map.of("u", unitId, "p", periodId),
                (rs, i) -> new Texts(nz(rs.getString(1)), nz(rs.getString(2)), nz(rs.getString(3)), nz(rs.getString(4)),
                        nz(rs.getString(5)), nz(rs.getString(6)))).stream().findFirst();
    }

    void saveDraft(long unitId, long periodId, Texts t, String username) {
        jdbc.update("""
                insert into report_draft (unit_id, period_id, activities, results, difficulties, proposals, signer_title,
                                          signer_name, updated_by)
                values (:u, :p, :a, :r, :d, :pr, :st, :sn, :by)
                on duplicate key update activities = values(activities), results = values(results),
                  difficulties = values(difficulties), proposals = values(proposals), signer_title = values(signer_title),
                  signer_name = values(signer_name), updated_by = values(updated_by), updated_at = current_timestamp(3),
                  version = version + 1""",
                new MapSqlParameterSource("u", unitId).addValue("p", periodId).addValue("a", t.activities())
                        .addValue("r", t.results()).addValue("d", t.difficulties()).addValue("pr", t.proposals())
                        .addValue("st", t.signerTitle()).addValue("sn", t.signerName()).addValue("by", username));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // ---- attestation (kept by the rosters feature; read only here) ----

    Optional<Attestation> attestation(long unitId, long periodId) {
        return jdbc.query("""
                select as_of, population, attested_name, attested_at from roster_attestation
                where unit_id = :u and period_id = :p order by attested_at desc, id desc limit 1""",
                Map.of("u", unitId, "p", periodId),
                (rs, i) -> new Attestation(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4).toLocalDateTime().toLocalDate())).stream().findFirst();
    }

    // ---- activity ----

    /**
     * Effective completions from :from to :d of the people who belong to the unit or below it at
     * :d, by source. In-person classes held (a count of the class table by unit and date, issue 15)
     * will be one more query of the same shape, added beside this one.
     */
    List<Activity> activity(long rootId, LocalDate from, LocalDate d) {
        return jdbc.query("""
                select c.source, count(*), count(distinct c.person_id),
                       count(distinct case when p.sex = 'F' then c.person_id end),
                       count(distinct case when p.sex = 'M' then c.person_id end)
                from (select distinct m.person_id from unit_closure_dated cd
                      straight_join membership m on m.unit_id = cd.descendant_id
                        and m.valid_from <= :d and (m.valid_to is null or m.valid_to > :d)
                      where cd.ancestor_id = :root and cd.valid_from <= :d and cd.valid_to > :d) pp
                straight_join effective_completion c on c.person_id = pp.person_id and c.completed_on between :from and :d
                straight_join person p on p.id = c.person_id
                group by c.source""", Map.of("root", rootId, "from", from, "d", d),
                (rs, i) -> new Activity(rs.getString(1), rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
    }

    // ---- submissions ----

    record Submission(long id, long unitId, long periodId, int versionNo, int docNumber, String unitCode, String unitName,
                      long population, long trained, Instant submittedAt, LocalDate submittedOn, String submittedBy,
                      String submittedName, boolean late, String pdfSha256, Returned returned) {
    }

    record Returned(String reason, String returnedName, Instant returnedAt) {
    }

    private static final String SUBMISSION = """
            select s.id, s.unit_id, s.period_id, s.version_no, s.doc_number, s.unit_code, s.unit_name, s.population, s.trained,
                   s.submitted_at, s.submitted_on, s.submitted_by, s.submitted_name, s.late, s.pdf_sha256,
                   r.reason, r.returned_name, r.returned_at
            from report_submission s left join report_return r on r.submission_id = s.id""";

    private static Submission submission(ResultSet rs, int i) throws SQLException {
        Timestamp returnedAt = rs.getTimestamp(18);
        return new Submission(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getInt(5), rs.getString(6),
                rs.getString(7), rs.getLong(8), rs.getLong(9), rs.getTimestamp(10).toInstant(), rs.getObject(11, LocalDate.class),
                rs.getString(12), rs.getString(13), rs.getBoolean(14), rs.getString(15),
                returnedAt == null ? null : new Returned(rs.getString(16), rs.getString(17), returnedAt.toInstant()));
    }

    /** Every version of a unit's report for a period, newest first. */
    List<Submission> submissions(long unitId, long periodId) {
        return jdbc.query(SUBMISSION + " where s.unit_id = :u and s.period_id = :p order by s.version_no desc",
                Map.of("u", unitId, "p", periodId), ReportQueries::submission);
    }

    Optional<Submission> submission(long id) {
        return jdbc.query(SUBMISSION + " where s.id = :id", Map.of("id", id), ReportQueries::submission).stream().findFirst();
    }

    /** The newest version of each unit's report for the period, for the given units. */
    List<Submission> latestSubmissions(long periodId, Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(SUBMISSION + " " + """
                 where s.period_id = :p and s.unit_id in (:units)
                   and s.version_no = (select max(s2.version_no) from report_submission s2
                                       where s2.unit_id = s.unit_id and s2.period_id = s.period_id)""",
                new MapSqlParameterSource("p", periodId).addValue("units", unitIds), ReportQueries::submission);
    }

    int nextVersion(long unitId, long periodId) {
        Integer max = jdbc.queryForObject("select max(version_no) from report_submission where unit_id = :u and period_id = :p",
                Map.of("u", unitId, "p", periodId), Integer.class);
        return max == null ? 1 : max + 1;
    }

    /** The unit's reports of the calendar year so far + 1: the number of "Số: n/BC-...". */
    int nextDocNumber(long unitId, int year) {
        Integer n = jdbc.queryForObject("""
                select count(*) from report_submission where unit_id = :u and year(submitted_on) = :y""",
                Map.of("u", unitId, "y", year), Integer.class);
        return (n == null ? 0 : n) + 1;
    }

    /** Serialises submissions of one unit and period (the unit row is locked for the transaction). */
    void lockUnit(long unitId) {
        jdbc.queryForList("select id from unit where id = :u for update", Map.of("u", unitId), Long.class);
    }

    long insertSubmission(long unitId, long periodId, int versionNo, ReportContent c, Instant at, LocalDate on,
                          String username, String displayName, boolean late, byte[] pdf, String sha256) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                insert into report_submission (unit_id, period_id, version_no, doc_number, unit_code, unit_name, figures_on,
                  population, trained, submitted_at, submitted_on, submitted_by, submitted_name, late, content_json, pdf, pdf_sha256)
                values (:u, :p, :v, :n, :code, :name, :figures, :pop, :trained, :at, :on, :by, :byName, :late, :json, :pdf, :sha)""",
                new MapSqlParameterSource("u", unitId).addValue("p", periodId).addValue("v", versionNo).addValue("n", c.number())
                        .addValue("code", c.unitCode()).addValue("name", c.unitName()).addValue("figures", c.figuresOn())
                        .addValue("pop", c.population()).addValue("trained", c.trained()).addValue("at", Timestamp.from(at))
                        .addValue("on", on).addValue("by", username).addValue("byName", displayName).addValue("late", late)
                        .addValue("json", c.toJson()).addValue("pdf", pdf).addValue("sha", sha256),
                key, new String[] {"id"});
        long id = key.getKey().longValue();
        List<MapSqlParameterSource> rows = new ArrayList<>();
        rows.add(figure(id, "TOTAL", "TOTAL", 0, c.unitName(), c.population(), c.trained()));
        addRows(rows, id, "SEX", c.bySex());
        addRows(rows, id, "CATEGORY", c.byCategory());
        addRows(rows, id, "CHILD", c.byChild());
        addRows(rows, id, "GROUPS", c.byGroups());
        jdbc.batchUpdate("""
                insert into report_figure (submission_id, section, row_key, ordinal, label, population, trained)
                values (:s, :section, :key, :ord, :label, :pop, :trained)""", rows.toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("""
                insert into report_activity (submission_id, source, completions, people, female, male)
                values (:s, :source, :completions, :people, :female, :male)""", c.activity().stream()
                .map(a -> new MapSqlParameterSource("s", id).addValue("source", a.source()).addValue("completions", a.completions())
                        .addValue("people", a.people()).addValue("female", a.female()).addValue("male", a.male()))
                .toArray(MapSqlParameterSource[]::new));
        return id;
    }

    private static void addRows(List<MapSqlParameterSource> rows, long id, String section, List<Row> list) {
        for (int i = 0; i < list.size(); i++) {
            Row r = list.get(i);
            rows.add(figure(id, section, r.key(), i, r.label(), r.population(), r.trained()));
        }
    }

    private static MapSqlParameterSource figure(long id, String section, String key, int ordinal, String label, long pop, long trained) {
        return new MapSqlParameterSource("s", id).addValue("section", section).addValue("key", key).addValue("ord", ordinal)
                .addValue("label", label).addValue("pop", pop).addValue("trained", trained);
    }

    String contentJson(long submissionId) {
        return jdbc.queryForObject("select content_json from report_submission where id = :id", Map.of("id", submissionId), String.class);
    }

    byte[] pdf(long submissionId) {
        return jdbc.queryForObject("select pdf from report_submission where id = :id", Map.of("id", submissionId), byte[].class);
    }

    void insertReturn(long submissionId, String reason, String username, String displayName, Instant at) {
        jdbc.update("""
                insert into report_return (submission_id, reason, returned_by, returned_name, returned_at)
                values (:s, :reason, :by, :name, :at)""", new MapSqlParameterSource("s", submissionId).addValue("reason", reason)
                .addValue("by", username).addValue("name", displayName).addValue("at", Timestamp.from(at)));
    }

    // ---- consolidation: sums over the given submitted snapshots ----

    /** Sums of a section's rows over the submissions, in the order of their first appearance. */
    List<Row> sums(Collection<Long> submissionIds, String section) {
        if (submissionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select row_key, min(label), sum(population), sum(trained) from report_figure
                where submission_id in (:ids) and section = :section
                group by row_key order by min(ordinal), row_key""",
                new MapSqlParameterSource("ids", submissionIds).addValue("section", section),
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
    }

    List<Activity> activitySums(Collection<Long> submissionIds) {
        if (submissionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select source, sum(completions), sum(people), sum(female), sum(male) from report_activity
                where submission_id in (:ids) group by source order by source""",
                new MapSqlParameterSource("ids", submissionIds),
                (rs, i) -> new Activity(rs.getString(1), rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
    }

    static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
