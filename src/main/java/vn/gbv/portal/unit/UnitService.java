package vn.gbv.portal.unit;

import vn.gbv.portal.base.OpenToAnyCaller;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.audit.AuditLog;
import vn.gbv.portal.audit.Changes;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.security.UnitScope;

/**
 * The unit tree: what a unit manager sees of it (their scope only) and what an administrator
 * changes in it. Every change keeps history: a parent link, a name or a membership is closed at
 * the date of the change and a new one opened, never rewritten. The closure table of the current
 * tree is rebuilt in the same transaction as every change to the tree's shape.
 *
 * <p>Dates of changes are never in the future: the tree records what has happened, so that the
 * closure (the current tree) and "as of today" agree.
 *
 * <p>Every change is written to the audit trail. Changes to the tree's shape (add, move, close,
 * merge) first take the tree's lock ({@link UnitQueries#lockTree}), so that two administrators'
 * moves are checked one after the other and cannot together form a cycle.
 */
@Service
public class UnitService {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final int NAME_MAX = 255;

    private final UnitRepository units;
    private final UnitParentRepository parents;
    private final UnitNameHistoryRepository formerNames;
    private final MembershipRepository memberships;
    private final UnitQueries queries;
    private final UnitScope scope;
    private final AuditLog audit;
    private final Clock clock;

    UnitService(UnitRepository units, UnitParentRepository parents, UnitNameHistoryRepository formerNames,
                MembershipRepository memberships, UnitQueries queries, UnitScope scope, AuditLog audit, Clock clock) {
        this.units = units;
        this.parents = parents;
        this.formerNames = formerNames;
        this.memberships = memberships;
        this.queries = queries;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** A unit of the current tree; parentId is its current parent, childCount its open children. */
    public record UnitNode(long id, String code, String name, UnitType type, LocalDate validFrom,
                           LocalDate validTo, Long parentId, int childCount) {

        public boolean hasChildren() {
            return childCount > 0;
        }

        public boolean isOpen() {
            return validTo == null;
        }
    }

    /** A new unit; without a parent it is a root of the tree (the city, for instance). */
    public record NewUnit(Long parentId, String code, String name, UnitType type, LocalDate validFrom) {
    }

    /** A unit as it was on a date: its name then, its parent then, its depth below the roots asked for. */
    public record UnitAtDate(long id, String code, String name, UnitType type, Long parentId, int depth) {
    }

    /** A name a unit had over [validFrom, validTo). */
    public record FormerName(String name, LocalDate validFrom, LocalDate validTo) {
    }

    // ---- reading the tree: the caller's scope only ----

    /** The top of the caller's scope: the tree's roots for administrators, their own units for a manager. */
    @PreAuthorize("hasAnyRole('ADMIN','UNIT_MANAGER')")
    @Transactional(readOnly = true)
    public List<UnitNode> roots() {
        return queries.topmost(scope.rootUnitIds());
    }

    @PreAuthorize("hasAnyRole('ADMIN','UNIT_MANAGER')")
    @Transactional(readOnly = true)
    public List<UnitNode> children(long parentId, int offset, int limit) {
        scope.requireManageable(parentId);
        return queries.children(parentId, offset, limit);
    }

    @PreAuthorize("hasAnyRole('ADMIN','UNIT_MANAGER')")
    @Transactional(readOnly = true)
    public int childCount(long parentId) {
        scope.requireManageable(parentId);
        return queries.childCount(parentId);
    }

    @PreAuthorize("hasAnyRole('ADMIN','UNIT_MANAGER')")
    @Transactional(readOnly = true)
    public UnitNode unit(long unitId) {
        scope.requireManageable(unitId);
        return queries.node(unitId).orElseThrow();
    }

    /** Open units in the caller's scope whose name or code contains the text (blank: all of them). */
    @PreAuthorize("hasAnyRole('ADMIN','UNIT_MANAGER')")
    @Transactional(readOnly = true)
    public List<UnitNode> search(String text, int offset, int limit) {
        return queries.search(text, scope.rootUnitIds(), offset, limit);
    }

    /**
     * The tree as it was on a date (names, parents and units valid then), below the top of the
     * caller's scope; ordered by depth, then name.
     */
    @PreAuthorize("hasAnyRole('ADMIN','UNIT_MANAGER')")
    @Transactional(readOnly = true)
    public List<UnitAtDate> treeAsOf(LocalDate date) {
        return queries.treeAsOf(date, scope.isUnlimited() ? null : scope.rootUnitIds());
    }

    @PreAuthorize("hasAnyRole('ADMIN','UNIT_MANAGER')")
    @Transactional(readOnly = true)
    public List<FormerName> formerNames(long unitId) {
        scope.requireManageable(unitId);
        return queries.formerNames(unitId);
    }

    // ---- changing the tree: administrators ----

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long addUnit(NewUnit request) {
        lockTree();
        LocalDate from = requireDate(request.validFrom());
        String code = request.code() == null ? "" : request.code().trim();
        if (code.isEmpty()) {
            throw refusedOn("code", "unit.error.code-required");
        }
        if (!CODE.matcher(code).matches()) {
            throw refusedOn("code", "unit.error.code-format");
        }
        if (units.existsByCode(code)) {
            throw refusedOn("code", "unit.error.code-taken");
        }
        String name = requireName(request.name());
        if (request.type() == null) {
            throw refusedOn("type", "unit.error.type-required");
        }
        Unit parent = request.parentId() == null ? null : openUnit(request.parentId());
        if (parent != null && from.isBefore(parent.getValidFrom())) {
            throw refusedOn("other", "unit.error.before-parent");
        }
        Unit unit = units.save(new Unit(code, name, request.type(), from));
        if (parent != null) {
            parents.save(new UnitParent(unit.getId(), parent.getId(), from));
        }
        rebuildClosure();
        Changes changes = Changes.of().field("audit.field.code", null, code).field("audit.field.name", null, name)
                .translatedField("audit.field.type", null, request.type().translationKey())
                .field("audit.field.parent", null, parent == null ? null : parent.getName())
                .field("audit.field.valid-from", null, from);
        audit.record("unit.create", AuditLog.Entity.UNIT, unit.getId(), name, null, changes.after());
        return unit.getId();
    }

    /** The old name is kept in the name history over the time it was in use. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void rename(long unitId, String newName, LocalDate from) {
        requireDate(from);
        String name = requireName(newName);
        Unit unit = openUnit(unitId);
        if (name.equals(unit.getName())) {
            throw refusedOn("name", "unit.error.same-name");
        }
        LocalDate inUseSince = formerNames.findTopByUnitIdOrderByValidToDesc(unitId)
                .map(UnitNameHistory::getValidTo).orElse(unit.getValidFrom());
        requireAfter(inUseSince, from);
        formerNames.save(new UnitNameHistory(unitId, unit.getName(), inUseSince, from));
        Changes changes = Changes.of().field("audit.field.name", unit.getName(), name);
        audit.record("unit.rename", AuditLog.Entity.UNIT, unitId, name,
                changes.before(), changes.after() + "; " + fromText(from));
        unit.rename(name);
    }

    /** Moves a unit, with everything below it, under another parent from a date. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void move(long unitId, long newParentId, LocalDate from) {
        lockTree();
        requireDate(from);
        Unit unit = openUnit(unitId);
        Unit parent = openUnit(newParentId);
        if (queries.isInSubtree(unitId, newParentId)) {
            throw refusedOn("other", "unit.error.move-into-own-subtree");
        }
        Optional<UnitParent> current = parents.findByUnitIdAndValidToIsNull(unitId);
        if (current.isPresent() && current.get().getParentId() == newParentId) {
            throw refusedOn("other", "unit.error.same-parent");
        }
        requireOnOrAfter(unit.getValidFrom(), from);
        if (from.isBefore(parent.getValidFrom())) {
            throw refusedOn("other", "unit.error.before-parent");
        }
        current.ifPresent(link -> {
            requireAfter(link.getValidFrom(), from);
            link.close(from);
        });
        parents.save(new UnitParent(unitId, newParentId, from));
        rebuildClosure();
        String oldParent = current.map(link -> units.findById(link.getParentId()).orElseThrow().getName()).orElse(null);
        Changes changes = Changes.of().field("audit.field.parent", oldParent, parent.getName());
        audit.record("unit.move", AuditLog.Entity.UNIT, unitId, unit.getName(),
                changes.before(), changes.after() + "; " + fromText(from));
    }

    /** Closes a unit that has nothing left in it: no open children and no current members. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void close(long unitId, LocalDate on) {
        lockTree();
        requireDate(on);
        Unit unit = openUnit(unitId);
        if (!parents.findByParentIdAndValidToIsNull(unitId).isEmpty()) {
            throw refused("unit.error.close-has-children");
        }
        if (memberships.countByUnitIdAndValidToIsNull(unitId) > 0) {
            throw refused("unit.error.close-has-members");
        }
        requireAfter(unit.getValidFrom(), on);
        Optional<UnitParent> link = parents.findByUnitIdAndValidToIsNull(unitId);
        link.ifPresent(l -> requireAfter(l.getValidFrom(), on));
        link.ifPresent(l -> l.close(on));
        unit.close(on, null);
        rebuildClosure();
        audit.record("unit.close", AuditLog.Entity.UNIT, unitId, unit.getName(), null,
                Changes.of().field("audit.field.valid-to", null, on).after());
    }

    /**
     * Merges a unit into its successor from a date (communes were merged in 2025): the unit is
     * closed with the successor recorded, its current members are moved (their rows closed at the
     * date and identical rows opened in the successor) and its open children move under the successor.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void merge(long unitId, long successorId, LocalDate from) {
        lockTree();
        requireDate(from);
        if (unitId == successorId) {
            throw refusedOn("other", "unit.error.merge-into-itself");
        }
        Unit unit = openUnit(unitId);
        Unit successor = openUnit(successorId);
        if (queries.isInSubtree(unitId, successorId)) {
            throw refusedOn("other", "unit.error.merge-into-own-subtree");
        }
        requireAfter(unit.getValidFrom(), from);
        if (from.isBefore(successor.getValidFrom())) {
            throw refusedOn("other", "unit.error.before-parent");
        }
        Optional<UnitParent> ownLink = parents.findByUnitIdAndValidToIsNull(unitId);
        List<UnitParent> childLinks = parents.findByParentIdAndValidToIsNull(unitId);
        ownLink.ifPresent(l -> requireAfter(l.getValidFrom(), from));
        childLinks.forEach(l -> requireAfter(l.getValidFrom(), from));
        if (memberships.existsByUnitIdAndValidToIsNullAndValidFromGreaterThanEqual(unitId, from)) {
            throw refusedOn("date", "unit.error.date-too-early");
        }

        for (UnitParent link : childLinks) {
            link.close(from);
            parents.save(new UnitParent(link.getUnitId(), successorId, from));
        }
        ownLink.ifPresent(l -> l.close(from));
        unit.close(from, successorId);
        List<Long> members = memberships.currentIds(unitId);
        memberships.closeCurrent(unitId, from);
        int moved = members.isEmpty() ? 0 : memberships.copyTo(members, successorId, from);
        rebuildClosure();
        audit.record("unit.merge", AuditLog.Entity.UNIT, unitId, unit.getName(), null,
                Changes.of().field("audit.field.successor", null, successor.getName())
                        .field("audit.field.valid-to", null, from)
                        .field("audit.field.members-moved", null, moved)
                        .field("audit.field.children-moved", null, childLinks.size()).after());
    }

    /**
     * Rebuilds the closure of the current tree from the open parent links of open units. Runs in
     * the caller's transaction, so that readers never see a tree change without its closure.
     * Needs no role: it only recomputes derived data, and the demo-data loader calls it at start-up.
     */
    @Transactional
    @OpenToAnyCaller("recomputes derived data only; the demo-data loader calls it at start-up")
    public void rebuildClosure() {
        parents.deleteClosure();
        parents.insertClosure();
        parents.deleteDatedClosure();
        parents.insertDatedClosure();
    }

    // ---- rules ----

    private void lockTree() {
        try {
            queries.lockTree();
        } catch (PessimisticLockingFailureException busy) {
            throw refused("unit.error.tree-busy");
        }
    }

    private static String fromText(LocalDate from) {
        return Changes.of().field("audit.field.valid-from", null, from).after();
    }

    private Unit openUnit(long unitId) {
        Unit unit = units.findById(unitId).orElseThrow();
        if (!unit.isOpen()) {
            throw refused("unit.error.closed");
        }
        return unit;
    }

    private LocalDate requireDate(LocalDate date) {
        if (date == null) {
            throw refusedOn("date", "unit.error.date-required");
        }
        if (date.isAfter(LocalDate.now(clock))) {
            throw refusedOn("date", "unit.error.future-date");
        }
        return date;
    }

    private static String requireName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw refusedOn("name", "unit.error.name-required");
        }
        if (trimmed.length() > NAME_MAX) {
            throw refusedOn("name", "unit.error.name-too-long");
        }
        return trimmed;
    }

    /** A record closed at the date must have begun before it: [start, date) may not be empty. */
    private static void requireAfter(LocalDate start, LocalDate date) {
        if (!date.isAfter(start)) {
            throw refusedOn("date", "unit.error.date-too-early");
        }
    }

    private static void requireOnOrAfter(LocalDate start, LocalDate date) {
        if (date.isBefore(start)) {
            throw refusedOn("date", "unit.error.date-too-early");
        }
    }

    private static RefusedException refused(String key) {
        return RefusedException.of(key);
    }

    /** A refusal about one field of the tree dialog: code, name, type, other (parent or successor) or date. */
    private static RefusedException refusedOn(String field, String key) {
        return RefusedException.onField(field, key);
    }
}
