package vn.gbv.portal.roster;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.audit.AuditLog;
import vn.gbv.portal.audit.Changes;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.security.CurrentUser;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.security.SignedInUser;
import vn.gbv.portal.security.UnitScope;

/**
 * The annual attestation (issue 17, item 4): once a reporting period a manager confirms "this
 * roster is the unit's target population as of <date>". Rows are only inserted (V7,
 * roster_attestation); the newest for a unit and period counts. A roster whose people or
 * memberships changed after the attestation (person.changed_at, membership.changed_at, V10) says so.
 * Reports read {@link #latest(long, long)}.
 */
@Service
@PreAuthorize("hasAnyRole('" + Role.Names.ADMIN + "', '" + Role.Names.UNIT_MANAGER + "')")
public class RosterAttestations {

    /**
     * An attestation: unit, period, the date it speaks of, the target population counted then, who
     * attested (username and name as it was) and when, the note, and whether the roster of the unit
     * (and below) changed after it.
     */
    public record Attestation(long id, long unitId, long periodId, String periodCode, LocalDate asOf, int population,
                              String attestedBy, String attestedName, Instant attestedAt, String note,
                              boolean changedSince) {
    }

    /** A reporting period, as the roster page names it. */
    public record Period(long id, String code, String name, LocalDate startsOn, LocalDate endsOn) {
    }

    private final RosterQueries queries;
    private final UnitScope scope;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    RosterAttestations(RosterQueries queries, UnitScope scope, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.queries = queries;
        this.scope = scope;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** The reporting period today falls in (an annual one first), if any. */
    @Transactional(readOnly = true)
    public Optional<Period> currentPeriod() {
        return queries.periodContaining(LocalDate.now(clock))
                .map(p -> new Period(p.id(), p.code(), p.name(), p.startsOn(), p.endsOn()));
    }

    /** The newest attestation of a unit for a period; for reports and the roster page. */
    @Transactional(readOnly = true)
    public Optional<Attestation> latest(long unitId, long periodId) {
        scope.requireManageable(unitId);
        return queries.latestAttestation(unitId, periodId);
    }

    /** The longest note an attestation keeps (roster_attestation.note). */
    public static final int NOTE_MAX = 1000;

    /** The manager confirms the roster of the unit (and below) for the current period, as of a date in it. */
    @Transactional
    public Attestation attest(long unitId, LocalDate asOf, String note) {
        scope.requireManageable(unitId);
        RosterQueries.Period period = queries.periodContaining(LocalDate.now(clock))
                .orElseThrow(() -> RefusedException.of("roster.attest.error.no-period"));
        if (asOf == null) {
            throw RefusedException.onField("asOf", "people.error.date-required");
        }
        if (asOf.isAfter(LocalDate.now(clock)) || asOf.isBefore(period.startsOn()) || asOf.isAfter(period.endsOn())) {
            throw RefusedException.onField("asOf", "roster.attest.error.date", period.startsOn().toString(),
                    period.endsOn().toString());
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > NOTE_MAX) {
            throw RefusedException.onField("note", "roster.attest.error.note-too-long");
        }
        SignedInUser user = currentUser.require();
        int population = queries.population(unitId, asOf);
        queries.insertAttestation(unitId, period.id(), asOf, population, user.username(), user.displayName(), text);
        audit.record("roster.attest", AuditLog.Entity.UNIT, unitId, queries.unitNames(java.util.List.of(unitId)).get(unitId),
                null, Changes.of().field("audit.field.attested-as-of", null, asOf)
                        .field("audit.field.population", null, population).after());
        return queries.latestAttestation(unitId, period.id()).orElseThrow();
    }
}
