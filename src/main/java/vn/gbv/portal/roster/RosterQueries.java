package vn.gbv.portal.roster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.gbv.portal.coverage.TrainedCondition;
import vn.gbv.portal.unit.Sex;
import vn.gbv.portal.unit.StaffCategory;

/**
 * The roster's SQL: units and people an import matches against, the writes of a commit and of its
 * undo (set-wise and by id, not through the entities: a 5,000-row file is one transaction of plain
 * statements), the roster list with "trained" from coverage, and attestations.
 */
@Repository
class RosterQueries {

    private final NamedParameterJdbcTemplate jdbc;

    RosterQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- what an import matches against ----

    record UnitRef(long id, String code, String name, boolean open) {
    }

    /** Units by code (upper case), for these codes. */
    Map<String, UnitRef> unitsByCode(Collection<String> codes) {
        Map<String, UnitRef> found = new HashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        jdbc.query("select id, code, name, valid_to is null from unit where code in (:codes)",
                new MapSqlParameterSource("codes", codes), rs -> {
                    UnitRef unit = new UnitRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
                    found.put(unit.code().toUpperCase(Locale.ROOT), unit);
                });
        return found;
    }

    /**
     * A person an import row may be: their record, their current membership (null fields when they
     * have left), and the unit that decides who may see them (current unit, else their last).
     */
    record Candidate(long personId, long version, String fullName, Sex sex, Integer birthYear, String phone,
                     String email, String nationalId, String staffCode, Long membershipId, Long unitId,
                     StaffCategory category, String position, Boolean inTarget, LocalDate validFrom, long scopeUnitId) {
    }

    private static final String CANDIDATES = """
            select p.id, p.version, p.full_name, p.sex, p.birth_year, p.phone, p.email, p.national_id, p.staff_code,
                   m.id, m.unit_id, m.category, m.position, m.in_target, m.valid_from,
                   coalesce(m.unit_id, (select l.unit_id from membership l where l.person_id = p.id
                                        order by l.valid_from desc, l.id desc limit 1)) scope_unit
            from person p
            left join membership m on m.person_id = p.id and m.valid_to is null
            """;

    List<Candidate> byNationalIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of()
                : jdbc.query(CANDIDATES + " where p.national_id in (:ids)", new MapSqlParameterSource("ids", ids),
                        RosterQueries::candidate);
    }

    /** People of these units (current membership) with one of these staff codes. */
    List<Candidate> byStaffCodes(Collection<String> codes, Collection<Long> unitIds) {
        return codes.isEmpty() || unitIds.isEmpty() ? List.of()
                : jdbc.query(CANDIDATES + " where p.staff_code in (:codes) and m.unit_id in (:units)",
                        new MapSqlParameterSource("codes", codes).addValue("units", unitIds), RosterQueries::candidate);
    }

    /** People of these units (current membership) named one of these names (the collation ignores case and accents; callers compare exactly). */
    List<Candidate> byNames(Collection<String> names, Collection<Long> unitIds) {
        return names.isEmpty() || unitIds.isEmpty() ? List.of()
                : jdbc.query(CANDIDATES + " where p.full_name in (:names) and m.unit_id in (:units)",
                        new MapSqlParameterSource("names", names).addValue("units", unitIds), RosterQueries::candidate);
    }

    private static Candidate candidate(ResultSet rs, int i) throws SQLException {
        String category = rs.getString(12);
        return new Candidate(rs.getLong(1), rs.getLong(2), rs.getString(3), Sex.valueOf(rs.getString(4).strip()),
                rs.getObject(5, Integer.class), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getObject(10, Long.class), rs.getObject(11, Long.class),
                category == null ? null : StaffCategory.valueOf(category), rs.getString(13),
                rs.getObject(14, Boolean.class), rs.getObject(15, LocalDate.class), rs.getLong(16));
    }

    /** These people, as {@link #byNationalIds} reads them, by id (one query per 1,000 ids). */
    Map<Long, Candidate> candidates(List<Long> personIds) {
        Map<Long, Candidate> found = new HashMap<>();
        for (List<Long> chunk : chunks(personIds)) {
            jdbc.query(CANDIDATES + " where p.id in (:ids)", new MapSqlParameterSource("ids", chunk),
                    RosterQueries::candidate).forEach(c -> found.put(c.personId(), c));
        }
        return found;
    }

    // ---- the writes of a commit (a chunk of rows at a time, each as one batch) and of its undo ----

    /** New people, as the lines say; their ids in the lines' order. */
    List<Long> insertPeople(List<RosterLine> lines) {
        return insertReturningIds("""
                insert into person (full_name, sex, birth_year, phone, email, national_id, staff_code)
                values (:name, :sex, :year, :phone, :email, :nid, :code)""",
                lines.stream().map(RosterQueries::details).toList());
    }

    /** A matched person's new details, from the version read at preview. */
    record PersonUpdate(long personId, long version, RosterLine line) {
    }

    /** Per update, whether it was saved (false: someone saved that person since the version read). */
    boolean[] updatePeople(List<PersonUpdate> updates) {
        return saved(jdbc.batchUpdate("""
                update person set full_name = :name, sex = :sex, birth_year = :year, phone = :phone, email = :email,
                       national_id = :nid, staff_code = :code, version = version + 1
                where id = :id and version = :version""",
                updates.stream().map(u -> details(u.line()).addValue("id", u.personId()).addValue("version", u.version()))
                        .toArray(SqlParameterSource[]::new)));
    }

    private static MapSqlParameterSource details(RosterLine line) {
        return new MapSqlParameterSource("name", line.fullName()).addValue("sex", line.sex().name())
                .addValue("year", line.birthYear()).addValue("phone", line.phone()).addValue("email", line.email())
                .addValue("nid", line.nationalId()).addValue("code", line.staffCode());
    }

    /** A membership to open: the person, and the line giving its unit, category, position and target flag. */
    record Opening(long personId, RosterLine line) {
    }

    /** Memberships from a date; their ids in the openings' order. */
    List<Long> insertMemberships(List<Opening> openings, LocalDate from) {
        return insertReturningIds("""
                insert into membership (person_id, unit_id, category, position, in_target, valid_from)
                values (:person, :unit, :category, :position, :target, :from)""",
                openings.stream().map(o -> new MapSqlParameterSource("person", o.personId())
                        .addValue("unit", o.line().unitId()).addValue("category", o.line().category().name())
                        .addValue("position", o.line().position()).addValue("target", o.line().inTarget())
                        .addValue("from", from)).toList());
    }

    /** Closes open rows at a date; per row, false when it was no longer open. */
    boolean[] closeMemberships(List<Long> membershipIds, LocalDate on) {
        return saved(jdbc.batchUpdate("update membership set valid_to = :on where id = :id and valid_to is null",
                membershipIds.stream().map(id -> new MapSqlParameterSource("id", id).addValue("on", on))
                        .toArray(SqlParameterSource[]::new)));
    }

    private List<Long> insertReturningIds(String sql, List<MapSqlParameterSource> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new), keys, new String[] {"id"});
        List<Map<String, Object>> generated = keys.getKeyList();
        if (generated.size() != rows.size()) {
            throw new IllegalStateException("expected " + rows.size() + " generated ids, the driver gave " + generated.size());
        }
        return generated.stream().map(k -> ((Number) k.values().iterator().next()).longValue()).toList();
    }

    private static boolean[] saved(int[] counts) {
        boolean[] saved = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("the driver did not say how many rows a batched statement changed");
            }
            saved[i] = counts[i] == 1;
        }
        return saved;
    }

    // ---- undo, a kind of write at a time over all of a batch's rows (ids in chunks) ----

    private static final int IN_CHUNK = 1000;

    /** Of these opened rows, those undo may delete: still open and the newest of their person (locked). */
    java.util.Set<Long> deletableOpened(List<Long> membershipIds) {
        return idsWhere("""
                select m.id from membership m where m.id in (:ids) and m.valid_to is null
                and not exists (select 1 from membership n where n.person_id = m.person_id and n.id > m.id)
                for update""", membershipIds);
    }

    /** Of these closed rows, those whose person has an open row again (undo may not reopen them). */
    java.util.Set<Long> closedWithOpenSibling(List<Long> membershipIds) {
        return idsWhere("""
                select m.id from membership m where m.id in (:ids)
                and exists (select 1 from membership o where o.person_id = m.person_id and o.valid_to is null)""",
                membershipIds);
    }

    /** When each of these rows ends now (locked); a missing id is a deleted row. */
    Map<Long, LocalDate> validTo(List<Long> membershipIds) {
        Map<Long, LocalDate> found = new HashMap<>();
        for (List<Long> chunk : chunks(membershipIds)) {
            jdbc.query("select id, valid_to from membership where id in (:ids) for update",
                    new MapSqlParameterSource("ids", chunk),
                    rs -> {
                        found.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
                    });
        }
        return found;
    }

    /** Of these people, those something refers to (a membership, an account, a completion, progress): undo may not delete them. */
    java.util.Set<Long> referencedPeople(List<Long> personIds) {
        return idsWhere("""
                select p.id from person p where p.id in (:ids)
                and (exists (select 1 from membership m where m.person_id = p.id)
                  or exists (select 1 from app_user a where a.person_id = p.id)
                  or exists (select 1 from completion c where c.person_id = p.id)
                  or exists (select 1 from course_progress g where g.person_id = p.id))""", personIds);
    }

    void deleteMemberships(List<Long> membershipIds) {
        for (List<Long> chunk : chunks(membershipIds)) {
            jdbc.update("delete from membership where id in (:ids)", new MapSqlParameterSource("ids", chunk));
        }
    }

    void reopenMemberships(List<Long> membershipIds) {
        for (List<Long> chunk : chunks(membershipIds)) {
            jdbc.update("update membership set valid_to = null where id in (:ids)", new MapSqlParameterSource("ids", chunk));
        }
    }

    void deletePeople(List<Long> personIds) {
        for (List<Long> chunk : chunks(personIds)) {
            jdbc.update("delete from person where id in (:ids)", new MapSqlParameterSource("ids", chunk));
        }
    }

    private java.util.Set<Long> idsWhere(String sql, List<Long> ids) {
        java.util.Set<Long> found = new java.util.HashSet<>();
        for (List<Long> chunk : chunks(ids)) {
            found.addAll(jdbc.queryForList(sql, new MapSqlParameterSource("ids", chunk), Long.class));
        }
        return found;
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new java.util.ArrayList<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + IN_CHUNK)));
        }
        return chunks;
    }

    /** People with an open row in these units whom none of the batch's rows matched (candidates for "left"). */
    record Missing(long personId, String fullName, long membershipId, long unitId, String unitName, LocalDate validFrom) {
    }

    List<Missing> missing(Collection<Long> unitIds, long batchId) {
        return unitIds.isEmpty() ? List.of() : jdbc.query("""
                select p.id, p.full_name, m.id, m.unit_id, u.name, m.valid_from
                from membership m join person p on p.id = m.person_id join unit u on u.id = m.unit_id
                where m.valid_to is null and m.unit_id in (:units)
                  and not exists (select 1 from import_row r where r.batch_id = :batch and r.target_id = m.person_id)
                order by u.name, p.full_name, p.id""",
                new MapSqlParameterSource("units", unitIds).addValue("batch", batchId),
                (rs, i) -> new Missing(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class)));
    }

    Map<Long, String> unitNames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("select id, name from unit where id in (:ids)", new MapSqlParameterSource("ids", ids),
                    rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return names;
    }

    // ---- the roster list ----

    private static final String ROSTER = """
            from unit_closure c
            join membership m on m.unit_id = c.descendant_id
                 and m.valid_from <= :today and (m.valid_to is null or m.valid_to > :today)
            join person p on p.id = m.person_id
            join unit u on u.id = m.unit_id
            where c.ancestor_id = :unit
              and p.full_name like :name
              and (:category is null or m.category = :category)
              and (:sex is null or p.sex = :sex)
              and (:inTarget is null or m.in_target = :inTarget)
              and (:trained is null or $TRAINED = :trained)
            """;

    List<RosterService.RosterRow> roster(long unitId, RosterService.RosterFilter filter, LocalDate today,
                                         TrainedCondition trained, int offset, int limit) {
        String sql = """
                select p.id, p.full_name, p.sex, p.birth_year, m.category, m.unit_id, u.name, m.position, m.in_target,
                       m.valid_from, right(p.national_id, 4), p.staff_code, $TRAINED trained
                """ + ROSTER + " order by p.full_name, p.id limit :limit offset :offset";
        return jdbc.query(sql.replace("$TRAINED", trained.sql("p.id")),
                params(unitId, filter, today, trained).addValue("limit", limit).addValue("offset", offset),
                (rs, i) -> new RosterService.RosterRow(rs.getLong(1), rs.getString(2), Sex.valueOf(rs.getString(3).strip()),
                        rs.getObject(4, Integer.class), StaffCategory.valueOf(rs.getString(5)), rs.getLong(6),
                        rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getObject(10, LocalDate.class),
                        rs.getString(11), rs.getString(12), rs.getBoolean(13)));
    }

    int rosterCount(long unitId, RosterService.RosterFilter filter, LocalDate today, TrainedCondition trained) {
        return jdbc.queryForObject(("select count(*) " + ROSTER).replace("$TRAINED", trained.sql("p.id")),
                params(unitId, filter, today, trained), Integer.class);
    }

    private static MapSqlParameterSource params(long unitId, RosterService.RosterFilter filter, LocalDate today,
                                                TrainedCondition trained) {
        String name = filter.name() == null || filter.name().isBlank() ? "%"
                : "%" + filter.name().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return new MapSqlParameterSource(trained.params()).addValue("unit", unitId).addValue("today", today)
                .addValue("name", name)
                .addValue("category", filter.category() == null ? null : filter.category().name())
                .addValue("sex", filter.sex() == null ? null : filter.sex().name())
                .addValue("inTarget", filter.inTarget()).addValue("trained", filter.trained());
    }

    // ---- attestations ----

    record Period(long id, String code, String name, LocalDate startsOn, LocalDate endsOn, LocalDate figuresOn) {
    }

    /** The period that contains the date, an annual one before a six-month one. */
    Optional<Period> periodContaining(LocalDate date) {
        return jdbc.query("""
                select id, code, name, starts_on, ends_on, figures_on from reporting_period
                where starts_on <= :d and ends_on >= :d order by (kind = 'ANNUAL') desc, starts_on desc limit 1""",
                new MapSqlParameterSource("d", date), RosterQueries::period).stream().findFirst();
    }

    Optional<Period> period(long id) {
        return jdbc.query("select id, code, name, starts_on, ends_on, figures_on from reporting_period where id = :id",
                new MapSqlParameterSource("id", id), RosterQueries::period).stream().findFirst();
    }

    private static Period period(ResultSet rs, int i) throws SQLException {
        return new Period(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class));
    }

    /** The target population of a unit and all below it at a date (membership valid then, in_target). */
    int population(long unitId, LocalDate asOf) {
        return jdbc.queryForObject("""
                select count(distinct m.person_id) from unit_closure c
                join membership m on m.unit_id = c.descendant_id and m.in_target
                 and m.valid_from <= :d and (m.valid_to is null or m.valid_to > :d)
                where c.ancestor_id = :unit""", new MapSqlParameterSource("unit", unitId).addValue("d", asOf),
                Integer.class);
    }

    void insertAttestation(long unitId, long periodId, LocalDate asOf, int population, String username,
                           String displayName, String note) {
        jdbc.update("""
                insert into roster_attestation (unit_id, period_id, as_of, population, attested_by, attested_name, note)
                values (:unit, :period, :asOf, :population, :user, :name, :note)""",
                new MapSqlParameterSource("unit", unitId).addValue("period", periodId).addValue("asOf", asOf)
                        .addValue("population", population).addValue("user", username).addValue("name", displayName)
                        .addValue("note", note));
    }

    /** The newest attestation of a unit for a period, and whether its roster changed after it. */
    Optional<RosterAttestations.Attestation> latestAttestation(long unitId, long periodId) {
        return jdbc.query("""
                select a.id, a.unit_id, a.period_id, rp.code, a.as_of, a.population, a.attested_by, a.attested_name,
                       a.attested_at, a.note,
                       exists (select 1 from unit_closure c join membership m on m.unit_id = c.descendant_id
                               where c.ancestor_id = a.unit_id and (m.changed_at > a.attested_at or m.created_at > a.attested_at))
                    or exists (select 1 from unit_closure c join membership m on m.unit_id = c.descendant_id and m.valid_to is null
                               join person p on p.id = m.person_id
                               where c.ancestor_id = a.unit_id and p.changed_at > a.attested_at) changed
                from roster_attestation a join reporting_period rp on rp.id = a.period_id
                where a.unit_id = :unit and a.period_id = :period
                order by a.attested_at desc, a.id desc limit 1""",
                new MapSqlParameterSource("unit", unitId).addValue("period", periodId),
                (rs, i) -> new RosterAttestations.Attestation(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getInt(6), rs.getString(7), rs.getString(8),
                        instant(rs.getTimestamp(9)), rs.getString(10), rs.getBoolean(11)))
                .stream().findFirst();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
