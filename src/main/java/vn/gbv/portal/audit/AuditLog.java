package vn.gbv.portal.audit;

import vn.gbv.portal.base.OpenToAnyCaller;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.security.Role;

/**
 * The audit trail: who changed what, when, with a short before → after. Rows are only ever
 * inserted. Every service that changes units, people, memberships, accounts or courses calls
 * {@link #record} in the transaction of the change, so a change and its trail row are committed
 * (or rolled back) together.
 */
@Service
public class AuditLog {

    /** The actor of changes made with nobody signed in (start-up jobs, demo data). */
    public static final String SYSTEM = "system";
    static final int VALUE_MAX = 2000;
    static final int LABEL_MAX = 255;
    static final int ID_MAX = 80;

    private final AuditQueries queries;
    private final ZoneId zone;

    AuditLog(AuditQueries queries, Clock clock) {
        this.queries = queries;
        this.zone = clock.getZone();
    }

    /** What was changed; stored as its lower-case name. */
    public enum Entity {
        UNIT, PERSON, MEMBERSHIP, ACCOUNT, COURSE, CERTIFICATE, REPORT, REPORTING_PERIOD, CLASS, IMPORT;

        String column() {
            return name().toLowerCase();
        }

        public String translationKey() {
            return "audit.entity." + column();
        }
    }

    /** One row of the trail as the administrator's view shows it. */
    public record AuditRow(long id, Instant occurredAt, String actor, String action, String entityType,
                           String entityId, String entityLabel, String beforeValue, String afterValue) {
    }

    /**
     * Filters of the trail; null means "any". {@code text} matches the actor's user name or the
     * entity's label; the dates are whole days, both included.
     */
    public record AuditFilter(String text, Entity entity, LocalDate from, LocalDate to) {

        public static AuditFilter none() {
            return new AuditFilter(null, null, null, null);
        }
    }

    /**
     * Records one change. Joins the caller's transaction (REQUIRED rather than MANDATORY only so
     * that a failed course import, which has no transaction left to join, is recorded too).
     * Deliberately open: it records what the caller, already checked, is doing.
     *
     * @param action e.g. {@code person.update}; the view translates {@code audit.action.<action>}
     * @param before the changed fields as they were (null for a creation), see {@link Changes}
     * @param after  the changed fields as they are now
     */
    @Transactional(propagation = Propagation.REQUIRED)
    @OpenToAnyCaller("services call it in their own transaction, after their own checks; it records whoever is signed in")
    public void record(String action, Entity entityType, Object entityId, String entityLabel,
                       String before, String after) {
        queries.insert(actor(), action, entityType.column(), fit(entityId == null ? null : entityId.toString(), ID_MAX),
                fit(entityLabel, LABEL_MAX), fit(before, VALUE_MAX), fit(after, VALUE_MAX));
    }

    /** One change for {@link #recordAll}: the arguments of {@link #record}. */
    public record Entry(String action, Entity entityType, Object entityId, String entityLabel, String before,
                        String after) {
    }

    /**
     * Records many changes in one round trip (a batch of statements), as {@link #record} does one:
     * for commits that change thousands of records in a transaction.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    @OpenToAnyCaller("services call it in their own transaction, after their own checks; it records whoever is signed in")
    public void recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String actor = actor();
        queries.insertAll(entries.stream().map(e -> new Object[] {actor, e.action(), e.entityType().column(),
                fit(e.entityId() == null ? null : e.entityId().toString(), ID_MAX), fit(e.entityLabel(), LABEL_MAX),
                fit(e.before(), VALUE_MAX), fit(e.after(), VALUE_MAX)}).toList());
    }

    /** The trail, newest first, a page at a time. */
    @PreAuthorize("hasRole('" + Role.Names.ADMIN + "')")
    @Transactional(readOnly = true)
    public List<AuditRow> search(AuditFilter filter, int offset, int limit) {
        return queries.search(filter, zone, offset, limit);
    }

    @PreAuthorize("hasRole('" + Role.Names.ADMIN + "')")
    @Transactional(readOnly = true)
    public int count(AuditFilter filter) {
        return queries.count(filter, zone);
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
            return SYSTEM;
        }
        return auth.getName();
    }

    static String fit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
