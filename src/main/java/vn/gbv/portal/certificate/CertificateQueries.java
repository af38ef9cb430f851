package vn.gbv.portal.certificate;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import vn.gbv.portal.certificate.CertificateService.BulkRequest;
import vn.gbv.portal.certificate.CertificateService.CourseOption;
import vn.gbv.portal.certificate.CertificateService.UnitOption;

/**
 * The SQL of certificates. Completions are read only through {@code effective_completion}; a
 * certificate row keeps what was printed, so rendering again reads the row alone.
 */
@Repository
class CertificateQueries {

    /** A certificate row: what is printed and its state. */
    record Row(long id, String kind, String serial, String code, long personId, Long completionId, Long courseId,
               String holderName, String title, Integer minutes, LocalDate earnedOn, String earnedHow, LocalDate issuedOn,
               String issuer, String signerTitle, Timestamp revokedAt, String revokedReason, Long replacedById) {
    }

    /** An effective completion with what its certificate prints. */
    record Completed(long completionId, long personId, long courseId, String fullName, String title, Integer minutes,
                     LocalDate completedOn, String source) {
    }

    /** One certificate of a bulk download, with the unit the holder belongs to today. */
    record BulkRow(Row certificate, String unitName) {
    }

    private static final String ROW = """
            select ct.id, ct.kind, ct.serial, ct.verification_code, ct.person_id, ct.completion_id, ct.course_id,
                   ct.holder_name, ct.title, ct.minutes, ct.earned_on, ct.earned_how, ct.issued_on, ct.issuer,
                   ct.signer_title, ct.revoked_at, ct.revoked_reason, ct.replaced_by_id
            """;

    private static final String COMPLETED = """
            select c.id, c.person_id, c.course_id, p.full_name, coalesce(v.title, cv.title) as title,
                   coalesce(v.estimated_minutes, cv.estimated_minutes) as minutes, c.completed_on, c.source
            from effective_completion c
            join person p on p.id = c.person_id
            join course co on co.id = c.course_id
            left join course_version v on v.id = c.course_version_id
            left join course_version cv on cv.id = co.current_version_id
            """;

    /**
     * Effective completions of people whose membership valid on the day is in the unit or below it,
     * completed in the period, of the chosen courses (all when none is chosen).
     */
    private static final String SELECTION = """
            from effective_completion c
            join membership m on m.person_id = c.person_id
                 and m.valid_from <= ? and (m.valid_to is null or m.valid_to > ?)
            join unit_closure uc on uc.descendant_id = m.unit_id and uc.ancestor_id = ?
            join unit u on u.id = m.unit_id
            where c.completed_on between ? and ?
            """;

    private final JdbcTemplate jdbc;
    /** Streams large result sets (the driver fetches rows in batches instead of all at once). */
    private final JdbcTemplate streaming;

    CertificateQueries(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(500);
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                (Long) rs.getObject(6, Long.class), (Long) rs.getObject(7, Long.class), rs.getString(8), rs.getString(9),
                (Integer) rs.getObject(10, Integer.class), rs.getDate(11).toLocalDate(), rs.getString(12),
                rs.getDate(13).toLocalDate(), rs.getString(14), rs.getString(15), rs.getTimestamp(16), rs.getString(17),
                (Long) rs.getObject(18, Long.class));
    }

    private static Completed completed(ResultSet rs, int i) throws SQLException {
        return new Completed(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                (Integer) rs.getObject(6, Integer.class), rs.getDate(7).toLocalDate(), rs.getString(8));
    }

    Optional<Row> byId(long id) {
        return jdbc.query(ROW + " from certificate ct where ct.id = ?", (rs, i) -> row(rs), id).stream().findFirst();
    }

    Optional<Row> byCode(String code) {
        return jdbc.query(ROW + " from certificate ct where ct.verification_code = ?", (rs, i) -> row(rs), code)
                .stream().findFirst();
    }

    Optional<Row> bySerial(String serial) {
        return jdbc.query(ROW + " from certificate ct where ct.serial = ?", (rs, i) -> row(rs), serial).stream().findFirst();
    }

    Optional<Long> ruleOf(long id) {
        return jdbc.query("select rule_id from certificate where id = ?", (rs, i) -> (Long) rs.getObject(1, Long.class), id)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    Optional<String> serialOf(long id) {
        return jdbc.queryForList("select serial from certificate where id = ?", String.class, id).stream().findFirst();
    }

    /** The person's live certificates; course certificates only while their completion is effective. */
    List<Row> liveOf(long personId) {
        return jdbc.query(ROW + """
                from certificate ct
                where ct.person_id = ? and ct.revoked_at is null
                  and (ct.kind = 'PROGRAMME' or exists (select 1 from effective_completion c where c.id = ct.completion_id))
                order by ct.kind desc, ct.earned_on desc, ct.id desc
                """, (rs, i) -> row(rs), personId);
    }

    /**
     * When the completion a course certificate stands for is no longer effective (revoked or
     * corrected by a later record): since when. Empty while it stands.
     */
    Optional<Timestamp> completionWithdrawnAt(long completionId) {
        List<Timestamp> found = jdbc.query("""
                select coalesce((select r.revoked_at from completion_revocation r where r.completion_id = c.id),
                                (select s.recorded_at from completion s where s.supersedes_id = c.id))
                from completion c
                where c.id = ? and not exists (select 1 from effective_completion e where e.id = c.id)
                """, (rs, i) -> rs.getTimestamp(1), completionId);
        return found.stream().findFirst();
    }

    /** Locks the completion row, so that two requests issuing for it one after the other. */
    void lockCompletion(long completionId) {
        jdbc.query("select id from completion where id = ? for update", rs -> null, completionId);
    }

    void lockCompletions(Collection<Long> completionIds) {
        jdbc.query("select id from completion where id in (" + marks(completionIds.size()) + ") for update",
                rs -> null, completionIds.toArray());
    }

    void lockPerson(long personId) {
        jdbc.query("select id from person where id = ? for update", rs -> null, personId);
    }

    Optional<Long> liveForCompletion(long completionId) {
        return jdbc.queryForList("select id from certificate where live_completion_id = ?", Long.class, completionId)
                .stream().findFirst();
    }

    Optional<Long> liveProgramme(long personId, long ruleId) {
        return jdbc.queryForList("select id from certificate where live_programme_person_id = ? and rule_id = ?",
                Long.class, personId, ruleId).stream().findFirst();
    }

    Optional<Completed> effectiveCompletion(long completionId) {
        return jdbc.query(COMPLETED + " where c.id = ?", CertificateQueries::completed, completionId).stream().findFirst();
    }

    /** Effective completions of the person without a live certificate. */
    List<Completed> withoutCertificateOf(long personId) {
        return jdbc.query(COMPLETED + """
                where c.person_id = ?
                  and not exists (select 1 from certificate x where x.live_completion_id = c.id)
                """, CertificateQueries::completed, personId);
    }

    /** Among these completions, the effective ones without a live certificate. */
    List<Completed> withoutCertificate(Collection<Long> completionIds) {
        return jdbc.query(COMPLETED + " where c.id in (" + marks(completionIds.size()) + """
                ) and not exists (select 1 from certificate x where x.live_completion_id = c.id)
                order by c.id
                """, CertificateQueries::completed, completionIds.toArray());
    }

    /** Up to limit completions of a bulk selection that have no live certificate yet. */
    List<Long> selectionWithoutCertificate(BulkRequest request, LocalDate today, int limit) {
        List<Object> args = selectionArgs(request, today);
        args.add(limit);
        return jdbc.queryForList("select c.id " + SELECTION + courseFilter(request) + """
                 and not exists (select 1 from certificate x where x.live_completion_id = c.id)
                order by c.id limit ?
                """, Long.class, args.toArray());
    }

    int countSelection(BulkRequest request, LocalDate today) {
        Integer n = jdbc.queryForObject("select count(*) " + SELECTION + courseFilter(request), Integer.class,
                selectionArgs(request, today).toArray());
        return n == null ? 0 : n;
    }

    /** The live certificates of a bulk selection, streamed in a stable order (unit, name, course). */
    void streamSelection(BulkRequest request, LocalDate today, Consumer<BulkRow> each) {
        streaming.query(ROW + ", u.name " + SELECTION.replace("where c.completed_on",
                        "join certificate ct on ct.live_completion_id = c.id\n where c.completed_on")
                        + courseFilter(request) + " order by u.name, u.id, ct.holder_name, ct.title, ct.id",
                (RowCallbackHandler) rs -> each.accept(new BulkRow(row(rs), rs.getString(19))),
                selectionArgs(request, today).toArray());
    }

    private static String courseFilter(BulkRequest request) {
        return request.courseIds().isEmpty() ? ""
                : " and c.course_id in (" + marks(request.courseIds().size()) + ")";
    }

    private static List<Object> selectionArgs(BulkRequest request, LocalDate today) {
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(today), Date.valueOf(today), request.unitId(),
                Date.valueOf(request.from()), Date.valueOf(request.to())));
        args.addAll(request.courseIds().stream().sorted().toList());
        return args;
    }

    /**
     * Reserves count serial numbers of the year: the row's write lock is held until the transaction
     * ends, so concurrent issuers on any node wait for each other and never share a number.
     * Returns the first number reserved.
     */
    int reserveSerials(int year, int count) {
        jdbc.update("""
                insert into certificate_serial_counter (year, last_number) values (?, ?)
                on duplicate key update last_number = last_number + ?
                """, year, count, count);
        Integer last = jdbc.queryForObject("select last_number from certificate_serial_counter where year = ?",
                Integer.class, year);
        return last - count + 1;
    }

    record NewCertificate(String kind, String serial, String code, long personId, Long completionId, Long courseId,
                          Long ruleId, String holderName, String title, Integer minutes, LocalDate earnedOn,
                          String earnedHow, LocalDate issuedOn, String issuer, String signerTitle, String issuedBy) {
    }

    private static final String INSERT = """
            insert into certificate (kind, serial, verification_code, person_id, completion_id, course_id, rule_id,
                holder_name, title, minutes, earned_on, earned_how, issued_on, issuer, signer_title, issued_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static Object[] values(NewCertificate c) {
        return new Object[] {c.kind(), c.serial(), c.code(), c.personId(), c.completionId(), c.courseId(), c.ruleId(),
                c.holderName(), c.title(), c.minutes(), Date.valueOf(c.earnedOn()), c.earnedHow(),
                Date.valueOf(c.issuedOn()), c.issuer(), c.signerTitle(), c.issuedBy()};
    }

    long insert(NewCertificate c) {
        jdbc.update(INSERT, values(c));
        return jdbc.queryForObject("select id from certificate where serial = ?", Long.class, c.serial());
    }

    void insertAll(List<NewCertificate> certificates) {
        jdbc.batchUpdate(INSERT, certificates.stream().map(CertificateQueries::values).toList());
    }

    /** Marks a live certificate revoked; false when it was not live. */
    boolean revoke(long id, String reason, String note, String by, Timestamp at) {
        return jdbc.update("""
                update certificate set revoked_at = ?, revoked_by = ?, revoked_reason = ?, revoked_note = ?
                where id = ? and revoked_at is null
                """, at, by, reason, note, id) == 1;
    }

    void setReplacedBy(long id, long replacedById) {
        jdbc.update("update certificate set replaced_by_id = ? where id = ?", replacedById, id);
    }

    void lockCertificate(long id) {
        jdbc.query("select id from certificate where id = ? for update", rs -> null, id);
    }

    /** The programme rule in force on the day, as TrainedRule chooses it: id and name. */
    record RuleInForce(long id, String name, LocalDate windowFrom, LocalDate windowTo) {
    }

    RuleInForce ruleInForce(LocalDate day) {
        return jdbc.query("""
                select id, name, window_from, window_to from programme_rule
                order by (valid_from <= ? and (valid_to is null or valid_to > ?)) desc, valid_from limit 1
                """, (rs, i) -> new RuleInForce(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                rs.getDate(4).toLocalDate()), Date.valueOf(day), Date.valueOf(day)).getFirst();
    }

    /**
     * The day the person met the rule: for each required group the first effective completion in
     * the window that counts for it; the rule was met on the latest of those days.
     */
    Optional<LocalDate> ruleMetOn(long personId, RuleInForce rule, LocalDate until) {
        LocalDate end = until.isBefore(rule.windowTo()) ? until : rule.windowTo();
        Date met = jdbc.queryForObject("""
                select max(first_on) from (
                    select min(c.completed_on) as first_on
                    from effective_completion c
                    join course_group cg on cg.course_id = c.course_id
                    join programme_rule_group rg on rg.group_code = cg.group_code and rg.rule_id = ?
                    where c.person_id = ? and c.completed_on between ? and ?
                    group by cg.group_code) g
                """, Date.class, rule.id(), personId, Date.valueOf(rule.windowFrom()), Date.valueOf(end));
        return Optional.ofNullable(met).map(Date::toLocalDate);
    }

    String fullName(long personId) {
        return jdbc.queryForObject("select full_name from person where id = ?", String.class, personId);
    }

    List<UnitOption> units(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select id, name from unit where id in (" + marks(ids.size()) + ") and valid_to is null order by name",
                (rs, i) -> new UnitOption(rs.getLong(1), rs.getString(2)), ids.toArray());
    }

    List<CourseOption> courses() {
        return jdbc.query("""
                select c.id, v.title from course c join course_version v on v.id = c.current_version_id order by v.title
                """, (rs, i) -> new CourseOption(rs.getLong(1), rs.getString(2)));
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }
}
