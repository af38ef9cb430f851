package vn.gbv.portal.roster;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.audit.AuditLog;
import vn.gbv.portal.audit.Changes;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.imports.BatchCounts;
import vn.gbv.portal.imports.BatchStatus;
import vn.gbv.portal.imports.Cells;
import vn.gbv.portal.imports.Cells.Parsed;
import vn.gbv.portal.imports.ImportBatch;
import vn.gbv.portal.imports.ImportBatches;
import vn.gbv.portal.imports.ImportEffect;
import vn.gbv.portal.imports.ImportJson;
import vn.gbv.portal.imports.ImportKind;
import vn.gbv.portal.imports.PreviewRow;
import vn.gbv.portal.imports.RowMessage;
import vn.gbv.portal.imports.RowOutcome;
import vn.gbv.portal.imports.TabularFile;
import vn.gbv.portal.imports.TabularFile.SourceRow;
import vn.gbv.portal.imports.Text;
import vn.gbv.portal.roster.RosterLine.MatchRule;
import vn.gbv.portal.roster.RosterQueries.Candidate;
import vn.gbv.portal.roster.RosterQueries.Missing;
import vn.gbv.portal.roster.RosterQueries.UnitRef;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.security.UnitScope;
import vn.gbv.portal.unit.PersonService;
import vn.gbv.portal.unit.Sex;
import vn.gbv.portal.unit.StaffCategory;

/**
 * Roster import (issue 17, item 2) on the import core ({@link ImportBatches}, {@link TabularFile}):
 * a file is read into a preview kept in the database; each row is new, an update of a matched
 * person (what changes, old → new), unchanged, or an error with its row number, column and reason.
 * A person is matched by national ID, else staff code within the row's unit, else name and birth
 * year within the row's unit; the preview says which rule matched. Every row's unit must be in the
 * caller's scope, and a national ID that belongs to someone outside it is an error (without
 * saying whose).
 *
 * <p>A commit is one transaction: the new people and their membership from the chosen date, the
 * updates (a change of unit, category, position or target flag closes the open membership at the
 * date and opens another, as a transfer does by hand), optionally the people of the file's units
 * missing from the file marked as left on a date; each write is recorded for undo and audited.
 * A row whose person was saved by someone else after the preview refuses the whole commit.
 */
@Service
@PreAuthorize("hasAnyRole('" + Role.Names.ADMIN + "', '" + Role.Names.UNIT_MANAGER + "')")
public class RosterImports {

    static final String PERSON_CREATED = "PERSON_CREATED";
    static final String PERSON_UPDATED = "PERSON_UPDATED";
    static final String MEMBERSHIP_OPENED = "MEMBERSHIP_OPENED";
    static final String MEMBERSHIP_CLOSED = "MEMBERSHIP_CLOSED";
    private static final Set<String> EFFECT_KINDS = Set.of(MEMBERSHIP_OPENED, MEMBERSHIP_CLOSED, PERSON_UPDATED, PERSON_CREATED);
    private static final Set<RowOutcome> WRITTEN = EnumSet.of(RowOutcome.NEW, RowOutcome.UPDATE);
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** What the upload chose (the date changes take effect) and what reading learned (the file's units). */
    record Options(LocalDate effectiveOn, List<Long> unitIds) {
    }

    record UpdatedData(RosterLine before, long versionAfter) {
    }

    record ClosedData(LocalDate on) {
    }

    /** What a commit did. */
    public record CommitResult(int created, int updated, int left) {
    }

    /** A person of the file's units that the file does not name: marked as left if the commit asks. */
    public record MissingPerson(long personId, String fullName, String unitName, LocalDate since) {
    }

    /** A person a committed batch created: for learner accounts. */
    public record CreatedPerson(long personId, String fullName) {
    }

    private final ImportBatches batches;
    private final RosterQueries queries;
    private final UnitScope scope;
    private final AuditLog audit;
    private final Clock clock;

    RosterImports(ImportBatches batches, RosterQueries queries, UnitScope scope, AuditLog audit, Clock clock) {
        this.batches = batches;
        this.queries = queries;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Reads the file into a new batch's preview; nothing of the roster is saved. Problems with the
     * file as a whole (format, header, required columns) are refused before any row is kept.
     */
    @Transactional
    public ImportBatch preview(Path file, String fileName, LocalDate effectiveOn) {
        LocalDate today = LocalDate.now(clock);
        if (effectiveOn == null) {
            throw RefusedException.onField("date", "people.error.date-required");
        }
        if (effectiveOn.isAfter(today)) {
            throw RefusedException.onField("date", "people.error.future-date");
        }
        TabularFile.Format.of(fileName);
        long batchId = batches.open(ImportKind.ROSTER, fileName, null);
        ImportBatches.PreviewWriter writer = batches.writer(batchId);
        Preview preview = new Preview(writer, effectiveOn);
        List<SourceRow> chunk = new ArrayList<>(ImportBatches.CHUNK);
        TabularFile.Result read = RosterColumns.FILE.read(file, fileName, row -> {
            chunk.add(row);
            if (chunk.size() >= ImportBatches.CHUNK) {
                preview.process(chunk);
                chunk.clear();
            }
        });
        preview.process(chunk);
        writer.finish(read.emptyRowsSkipped());
        batches.setOptions(batchId, ImportJson.write(new Options(effectiveOn, List.copyOf(preview.unitIds))));
        return batches.batch(batchId);
    }

    /** A roster batch of the caller (any for an administrator); another's is refused as out of scope. */
    @Transactional(readOnly = true)
    public ImportBatch batch(long batchId) {
        ImportBatch batch = batches.batch(batchId);
        if (batch.kind() != ImportKind.ROSTER) {
            throw new vn.gbv.portal.security.AccessDeniedForScopeException("batch " + batchId + " is not a roster");
        }
        return batch;
    }

    @Transactional(readOnly = true)
    public List<PreviewRow> rows(long batchId, Set<RowOutcome> outcomes, int offset, int limit) {
        batch(batchId);
        return batches.rows(batchId, outcomes, offset, limit);
    }

    @Transactional(readOnly = true)
    public int rowCount(long batchId, Set<RowOutcome> outcomes) {
        batch(batchId);
        return batches.rowCount(batchId, outcomes);
    }

    /** The caller's preview not yet committed or discarded, to pick up where a lost session left it. */
    @Transactional(readOnly = true)
    public Optional<ImportBatch> openPreview() {
        return batches.openPreview(ImportKind.ROSTER);
    }

    @Transactional(readOnly = true)
    public List<ImportBatch> recent(int limit) {
        return batches.recent(ImportKind.ROSTER, limit);
    }

    /** People with an open membership in the file's units whom no row matched. */
    @Transactional(readOnly = true)
    public List<MissingPerson> missing(long batchId) {
        batch(batchId);
        Options options = options(batchId);
        return queries.missing(options.unitIds(), batchId).stream()
                .filter(m -> scope.canManage(m.unitId()))
                .map(m -> new MissingPerson(m.personId(), m.fullName(), m.unitName(), m.validFrom())).toList();
    }

    @Transactional
    public void discard(long batchId) {
        ImportBatch batch = batch(batchId);
        batches.discard(batchId);
        audit.record("import.discard", AuditLog.Entity.IMPORT, batchId, batch.fileName(), null, null);
    }

    /**
     * Saves the preview's new and updated rows in one transaction; with {@code leaveMissingOn}, the
     * people of the file's units missing from the file leave on that date. Refused as a whole (nothing
     * saved) when a row's person changed since the preview, or a unit is no longer in the caller's scope.
     */
    @Transactional
    public CommitResult commit(long batchId, LocalDate leaveMissingOn) {
        ImportBatch batch = batch(batchId);
        Options options = options(batchId);
        LocalDate today = LocalDate.now(clock);
        if (leaveMissingOn != null && leaveMissingOn.isAfter(today)) {
            throw RefusedException.onField("leaveDate", "people.error.future-date");
        }
        // Read before the new people exist: they are in the units but, being new, matched no one.
        List<Missing> leaving = leaveMissingOn == null ? List.of() : queries.missing(options.unitIds(), batchId);
        batches.markCommitted(batchId);
        Commit commit = new Commit(batchId, options.effectiveOn());
        int total = batches.rowCount(batchId, WRITTEN);
        for (int offset = 0; offset < total; offset += ImportBatches.CHUNK) {
            commit.chunk(batches.rows(batchId, WRITTEN, offset, ImportBatches.CHUNK));
        }
        int left = leaving.isEmpty() ? 0 : commit.leave(leaving, leaveMissingOn);
        audit.record("import.commit", AuditLog.Entity.IMPORT, batchId, batch.fileName(), null,
                Changes.of().field("audit.field.import-counts", null,
                        commit.created + " / " + commit.updated + " / " + left).after());
        return new CommitResult(commit.created, commit.updated, left);
    }

    /**
     * Takes a committed batch back in one transaction, a kind of write at a time over all its rows
     * (which, rows being different people, is the newest-first order per person): memberships
     * opened are deleted, those closed reopened, updated people get their details back, new people
     * are deleted. Refused as a whole, naming the row (the newest such write), when anything newer
     * touched one of them (an edit, a transfer, a completion, an account).
     */
    @Transactional
    public void undo(long batchId) {
        ImportBatch batch = batch(batchId);
        if (batch.status() != BatchStatus.COMMITTED) {
            throw RefusedException.of("import.error.status-moved");
        }
        Map<String, List<ImportEffect>> byKind = new HashMap<>();
        for (ImportEffect effect : batches.effectsNewestFirst(batchId)) {
            if (!EFFECT_KINDS.contains(effect.kind())) {
                throw new IllegalStateException("unknown roster effect " + effect.kind());
            }
            byKind.computeIfAbsent(effect.kind(), k -> new ArrayList<>()).add(effect);
        }
        List<ImportEffect> opened = byKind.getOrDefault(MEMBERSHIP_OPENED, List.of());
        Set<Long> deletable = queries.deletableOpened(targets(opened));
        requireUntouched(opened, e -> deletable.contains(e.targetId()));
        queries.deleteMemberships(targets(opened));

        List<ImportEffect> closed = byKind.getOrDefault(MEMBERSHIP_CLOSED, List.of());
        Map<Long, LocalDate> endsNow = queries.validTo(targets(closed));
        Set<Long> reopenedSince = queries.closedWithOpenSibling(targets(closed));
        requireUntouched(closed, e -> !reopenedSince.contains(e.targetId())
                && Objects.equals(endsNow.get(e.targetId()), ImportJson.read(e.data(), ClosedData.class).on()));
        queries.reopenMemberships(targets(closed));

        List<ImportEffect> updatedPeople = byKind.getOrDefault(PERSON_UPDATED, List.of());
        boolean[] restored = updatedPeople.isEmpty() ? new boolean[0] : queries.updatePeople(updatedPeople.stream().map(e -> {
            UpdatedData data = ImportJson.read(e.data(), UpdatedData.class);
            return new RosterQueries.PersonUpdate(e.targetId(), data.versionAfter(), data.before());
        }).toList());
        for (int i = 0; i < restored.length; i++) {
            if (!restored[i]) {
                throw touched(updatedPeople.get(i));
            }
        }

        List<ImportEffect> createdPeople = byKind.getOrDefault(PERSON_CREATED, List.of());
        Set<Long> referenced = queries.referencedPeople(targets(createdPeople));
        requireUntouched(createdPeople, e -> !referenced.contains(e.targetId()));
        queries.deletePeople(targets(createdPeople));

        batches.markUndone(batchId);
        audit.record("import.undo", AuditLog.Entity.IMPORT, batchId, batch.fileName(), null, null);
    }

    private static List<Long> targets(List<ImportEffect> effects) {
        return effects.stream().map(ImportEffect::targetId).toList();
    }

    /** Effects newest first: the first one that cannot be taken back refuses the undo. */
    private static void requireUntouched(List<ImportEffect> effects, java.util.function.Predicate<ImportEffect> untouched) {
        for (ImportEffect effect : effects) {
            if (!untouched.test(effect)) {
                throw touched(effect);
            }
        }
    }

    private static RefusedException touched(ImportEffect effect) {
        return effect.rowNo() == null ? RefusedException.of("roster.import.error.undo-touched-missing")
                : RefusedException.of("roster.import.error.undo-touched", effect.rowNo());
    }

    /** The people a committed batch created (for learner accounts), in row order. */
    @Transactional(readOnly = true)
    public List<CreatedPerson> createdPeople(long batchId) {
        ImportBatch batch = batch(batchId);
        if (batch.status() != BatchStatus.COMMITTED) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(batches.effectsNewestFirst(batchId).stream()
                .filter(e -> PERSON_CREATED.equals(e.kind())).map(ImportEffect::targetId).toList());
        java.util.Collections.reverse(ids);
        Map<Long, Candidate> found = queries.candidates(ids);
        return ids.stream().map(found::get)
                .filter(c -> c != null && c.membershipId() != null && scope.canManage(c.unitId()))
                .map(c -> new CreatedPerson(c.personId(), c.fullName())).toList();
    }

    private Options options(long batchId) {
        Options options = ImportJson.read(batches.batch(batchId).options(), Options.class);
        return options == null ? new Options(LocalDate.now(clock), List.of()) : options;
    }

    // ---- preview ----

    /** One file being read: what earlier rows said (for "the same person twice") and the units seen. */
    private final class Preview {

        private final ImportBatches.PreviewWriter writer;
        private final LocalDate effectiveOn;
        private final Map<String, UnitRef> units = new HashMap<>();
        private final Map<Long, Boolean> manageable = new HashMap<>();
        private final Map<String, Integer> keys = new HashMap<>();
        private final Map<Long, Integer> people = new HashMap<>();
        private final Set<Long> unitIds = new TreeSet<>();

        Preview(ImportBatches.PreviewWriter writer, LocalDate effectiveOn) {
            this.writer = writer;
            this.effectiveOn = effectiveOn;
        }

        boolean manages(long unitId) {
            return manageable.computeIfAbsent(unitId, scope::canManage);
        }

        void process(List<SourceRow> chunk) {
            if (chunk.isEmpty()) {
                return;
            }
            Set<String> codes = new HashSet<>();
            chunk.forEach(r -> Optional.ofNullable(Text.clean(r.get(RosterColumns.UNIT)))
                    .map(c -> c.toUpperCase(Locale.ROOT)).filter(c -> !units.containsKey(c)).ifPresent(codes::add));
            Map<String, UnitRef> found = queries.unitsByCode(codes);
            codes.forEach(c -> units.put(c, found.get(c)));

            List<Parsing> parsed = chunk.stream().map(this::parse).toList();
            Set<String> nationalIds = new HashSet<>();
            Set<String> staffCodes = new HashSet<>();
            Set<String> names = new HashSet<>();
            Set<Long> rowUnits = new HashSet<>();
            for (Parsing p : parsed) {
                if (p.line != null) {
                    Optional.ofNullable(p.line.nationalId()).ifPresent(nationalIds::add);
                    Optional.ofNullable(p.line.staffCode()).ifPresent(staffCodes::add);
                    names.add(p.line.fullName());
                    rowUnits.add(p.line.unitId());
                }
            }
            Map<String, Candidate> byNationalId = new HashMap<>();
            queries.byNationalIds(nationalIds).forEach(c -> byNationalId.put(c.nationalId(), c));
            Map<String, List<Candidate>> byStaffCode = new HashMap<>();
            queries.byStaffCodes(staffCodes, rowUnits).forEach(c ->
                    byStaffCode.computeIfAbsent(c.unitId() + "|" + c.staffCode().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(c));
            Map<String, List<Candidate>> byName = new HashMap<>();
            queries.byNames(names, rowUnits).forEach(c ->
                    byName.computeIfAbsent(c.unitId() + "|" + lower(c.fullName()), k -> new ArrayList<>()).add(c));
            Map<Long, String> unitNames = new HashMap<>(queries.unitNames(rowUnits));
            for (Parsing p : parsed) {
                writer.add(p.line == null ? error(p) : decide(p, byNationalId, byStaffCode, byName, unitNames));
            }
        }

        private PreviewRow error(Parsing p) {
            return new PreviewRow(p.rowNo, RowOutcome.ERROR, null, null, p.messages);
        }

        /** The row's cells as values, or its errors (every one of them, each with its column). */
        private Parsing parse(SourceRow row) {
            List<RowMessage> errors = new ArrayList<>();
            String name = check(errors, RosterColumns.NAME, row, Cells.text(row.get(RosterColumns.NAME), 200));
            if (name == null && !hasError(errors, RosterColumns.NAME)) {
                errors.add(RowMessage.of(RosterColumns.header(RosterColumns.NAME), "roster.import.error.name-required"));
            }
            Cells.Sex sex = required(errors, RosterColumns.SEX, row, Cells.sex(row.get(RosterColumns.SEX)));
            Integer year = check(errors, RosterColumns.BIRTH_YEAR, row, Cells.year(row.get(RosterColumns.BIRTH_YEAR),
                    PersonService.BIRTH_YEAR_MIN, PersonService.BIRTH_YEAR_MAX));
            StaffCategory category = required(errors, RosterColumns.CATEGORY, row,
                    Cells.oneOf(row.get(RosterColumns.CATEGORY), RosterColumns.CATEGORIES, "roster.import.error.category"));
            UnitRef unit = unit(errors, row);
            String position = check(errors, RosterColumns.POSITION, row, Cells.text(row.get(RosterColumns.POSITION), 200));
            String phone = check(errors, RosterColumns.PHONE, row, Cells.phone(row.get(RosterColumns.PHONE)));
            String email = check(errors, RosterColumns.EMAIL, row, Cells.email(row.get(RosterColumns.EMAIL)));
            Boolean socialWork = check(errors, RosterColumns.SOCIAL_WORK, row, Cells.yes(row.get(RosterColumns.SOCIAL_WORK)));
            String nationalId = check(errors, RosterColumns.NATIONAL_ID, row, Cells.digits(row.get(RosterColumns.NATIONAL_ID), 12));
            String staffCode = check(errors, RosterColumns.STAFF_CODE, row, Cells.text(row.get(RosterColumns.STAFF_CODE), 40));
            if (!errors.isEmpty()) {
                return new Parsing(row.number(), null, errors);
            }
            return new Parsing(row.number(), new RosterLine(name, sex == Cells.Sex.F ? Sex.F : Sex.M, year, category,
                    unit.id(), unit.code(), position, phone, email, Boolean.TRUE.equals(socialWork), nationalId, staffCode,
                    null, null, null, null), List.of());
        }

        private UnitRef unit(List<RowMessage> errors, SourceRow row) {
            String header = RosterColumns.header(RosterColumns.UNIT);
            String code = Text.clean(row.get(RosterColumns.UNIT));
            if (code == null) {
                errors.add(RowMessage.of(header, "roster.import.error.unit-required"));
                return null;
            }
            UnitRef unit = units.get(code.toUpperCase(Locale.ROOT));
            if (unit == null) {
                errors.add(RowMessage.of(header, "roster.import.error.unit-unknown", code));
            } else if (!manages(unit.id())) {
                errors.add(RowMessage.of(header, "roster.import.error.unit-outside-scope", code));
            } else if (!unit.open()) {
                errors.add(RowMessage.of(header, "roster.import.error.unit-closed", code));
            } else {
                return unit;
            }
            return null;
        }

        private PreviewRow decide(Parsing p, Map<String, Candidate> byNationalId, Map<String, List<Candidate>> byStaffCode,
                                  Map<String, List<Candidate>> byName, Map<Long, String> unitNames) {
            RosterLine line = p.line;
            List<String> rowKeys = new ArrayList<>();
            if (line.nationalId() != null) {
                rowKeys.add("id|" + line.nationalId());
            }
            if (line.staffCode() != null) {
                rowKeys.add("code|" + line.unitId() + "|" + line.staffCode().toLowerCase(Locale.ROOT));
            }
            if (line.nationalId() == null && line.birthYear() != null) {
                rowKeys.add("name|" + line.unitId() + "|" + lower(line.fullName()) + "|" + line.birthYear());
            }
            for (String key : rowKeys) {
                Integer first = keys.get(key);
                if (first != null) {
                    return rowError(p, null, "roster.import.error.duplicate", first);
                }
            }
            rowKeys.forEach(k -> keys.put(k, p.rowNo));

            Candidate match = null;
            MatchRule rule = null;
            if (line.nationalId() != null && byNationalId.containsKey(line.nationalId())) {
                match = byNationalId.get(line.nationalId());
                rule = MatchRule.NATIONAL_ID;
                if (!manages(match.scopeUnitId())) {
                    return rowError(p, RosterColumns.header(RosterColumns.NATIONAL_ID),
                            "roster.import.error.national-id-elsewhere");
                }
            }
            if (match == null && line.staffCode() != null) {
                List<Candidate> found = byStaffCode.getOrDefault(
                        line.unitId() + "|" + line.staffCode().toLowerCase(Locale.ROOT), List.of());
                if (found.size() > 1) {
                    return rowError(p, RosterColumns.header(RosterColumns.STAFF_CODE),
                            "roster.import.error.ambiguous-staff-code", found.size());
                }
                if (found.size() == 1) {
                    match = found.getFirst();
                    rule = MatchRule.STAFF_CODE;
                }
            }
            if (match == null && line.birthYear() != null) {
                List<Candidate> found = byName.getOrDefault(line.unitId() + "|" + lower(line.fullName()), List.of())
                        .stream().filter(c -> line.birthYear().equals(c.birthYear())).toList();
                if (found.size() > 1) {
                    return rowError(p, RosterColumns.header(RosterColumns.NAME), "roster.import.error.ambiguous-name",
                            found.size());
                }
                if (found.size() == 1) {
                    match = found.getFirst();
                    rule = MatchRule.NAME_AND_BIRTH_YEAR;
                }
            }
            if (match != null && rule != MatchRule.NATIONAL_ID && line.nationalId() != null
                    && match.nationalId() != null && !match.nationalId().equals(line.nationalId())) {
                return rowError(p, RosterColumns.header(RosterColumns.NATIONAL_ID),
                        "roster.import.error.conflicting-ids", rule == MatchRule.STAFF_CODE
                                ? RosterColumns.header(RosterColumns.STAFF_CODE) : RosterColumns.header(RosterColumns.NAME));
            }
            unitIds.add(line.unitId());
            if (match == null) {
                return new PreviewRow(p.rowNo, RowOutcome.NEW, null, ImportJson.write(line), List.of());
            }
            Integer earlier = people.putIfAbsent(match.personId(), p.rowNo);
            if (earlier != null) {
                return rowError(p, null, "roster.import.error.same-person", earlier);
            }
            return update(p.rowNo, line, match, rule, unitNames);
        }

        /** A matched row: what changes (empty optional cells keep what is recorded). */
        private PreviewRow update(int rowNo, RosterLine line, Candidate c, MatchRule rule, Map<Long, String> unitNames) {
            RosterLine merged = new RosterLine(line.fullName(), line.sex(), line.birthYear() != null ? line.birthYear() : c.birthYear(),
                    line.category(), line.unitId(), line.unitCode(),
                    line.position() != null || !Objects.equals(line.unitId(), c.unitId()) ? line.position() : c.position(),
                    line.phone() != null ? line.phone() : c.phone(), line.email() != null ? line.email() : c.email(),
                    line.inTarget(), line.nationalId() != null ? line.nationalId() : c.nationalId(),
                    line.staffCode() != null ? line.staffCode() : c.staffCode(),
                    rule, c.personId(), c.version(), c.membershipId());
            List<RowMessage> messages = new ArrayList<>();
            messages.add(RowMessage.of(null, rule.translationKey()));
            change(messages, RosterColumns.NAME, c.fullName(), merged.fullName());
            change(messages, RosterColumns.SEX, sexWord(c.sex()), sexWord(merged.sex()));
            change(messages, RosterColumns.BIRTH_YEAR, c.birthYear(), merged.birthYear());
            change(messages, RosterColumns.PHONE, c.phone(), merged.phone());
            change(messages, RosterColumns.EMAIL, c.email(), merged.email());
            change(messages, RosterColumns.NATIONAL_ID, c.nationalId(), merged.nationalId());
            change(messages, RosterColumns.STAFF_CODE, c.staffCode(), merged.staffCode());
            int detailChanges = messages.size();
            if (c.membershipId() == null) {
                messages.add(RowMessage.of(RosterColumns.header(RosterColumns.UNIT), "roster.import.change-rejoin",
                        unitNames.get(merged.unitId())));
            } else {
                if (!Objects.equals(c.unitId(), merged.unitId())) {
                    String from = unitNames.computeIfAbsent(c.unitId(),
                            id -> queries.unitNames(List.of(id)).getOrDefault(id, "#" + id));
                    change(messages, RosterColumns.UNIT, from, unitNames.get(merged.unitId()));
                }
                change(messages, RosterColumns.CATEGORY, c.category() == null ? null : RosterColumns.word(c.category()),
                        RosterColumns.word(merged.category()));
                change(messages, RosterColumns.POSITION, c.position(), merged.position());
                change(messages, RosterColumns.SOCIAL_WORK, yesNo(c.inTarget()), yesNo(merged.inTarget()));
            }
            boolean membershipChanges = messages.size() > detailChanges;
            if (membershipChanges && c.validFrom() != null && !effectiveOn.isAfter(c.validFrom())) {
                return new PreviewRow(rowNo, RowOutcome.ERROR, c.personId(), null, List.of(RowMessage.of(null,
                        "roster.import.error.date-too-early", DAY.format(c.validFrom()))));
            }
            RowOutcome outcome = messages.size() == 1 ? RowOutcome.UNCHANGED : RowOutcome.UPDATE;
            return new PreviewRow(rowNo, outcome, c.personId(), ImportJson.write(merged), messages);
        }

        private PreviewRow rowError(Parsing p, String column, String key, Object... args) {
            return new PreviewRow(p.rowNo, RowOutcome.ERROR, null, null, List.of(RowMessage.of(column, key, args)));
        }
    }

    private record Parsing(int rowNo, RosterLine line, List<RowMessage> messages) {
    }

    private static <T> T check(List<RowMessage> errors, String key, SourceRow row, Parsed<T> parsed) {
        if (parsed.isError()) {
            String raw = Text.clean(row.get(key));
            errors.add(RowMessage.of(RosterColumns.header(key), parsed.errorKey(), raw == null ? "" : raw));
        }
        return parsed.value();
    }

    private static <T> T required(List<RowMessage> errors, String key, SourceRow row, Parsed<T> parsed) {
        T value = check(errors, key, row, parsed);
        if (parsed.isEmpty()) {
            errors.add(RowMessage.of(RosterColumns.header(key), "roster.import.error.required"));
        }
        return value;
    }

    private static boolean hasError(List<RowMessage> errors, String key) {
        return errors.stream().anyMatch(e -> RosterColumns.header(key).equals(e.column()));
    }

    private static void change(List<RowMessage> messages, String key, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            messages.add(RowMessage.of(RosterColumns.header(key), "roster.import.change",
                    before == null ? "—" : before, after == null ? "—" : after));
        }
    }

    private static String lower(String name) {
        return Text.clean(name).toLowerCase(Locale.ROOT);
    }

    private static String sexWord(Sex sex) {
        return sex == null ? null : sex == Sex.F ? "Nữ" : "Nam";
    }

    private static String yesNo(Boolean value) {
        return value == null ? null : value ? "Có" : "Không";
    }

    // ---- commit ----

    /**
     * One commit's writes, a chunk of preview rows at a time: the chunk's people are read in one
     * query, checked against what the preview saw, then written as one batch per kind of statement
     * (new people, updated people, memberships closed, memberships opened, audit rows, effects for
     * undo). A 5,000-row file is then some sixty round trips, not 25,000.
     */
    private final class Commit {

        private final long batchId;
        private final LocalDate effectiveOn;
        private final Map<Long, Boolean> manageable = new HashMap<>();
        private final Map<Long, String> unitNames = new HashMap<>();
        private int seq;
        int created;
        int updated;

        Commit(long batchId, LocalDate effectiveOn) {
            this.batchId = batchId;
            this.effectiveOn = effectiveOn;
        }

        /** A row of the chunk and what it will write, once the ids are known. */
        private static final class Planned {
            final PreviewRow row;
            final RosterLine line;
            final Candidate now;
            final boolean details;
            final boolean terms;
            long personId;
            long openedId;

            Planned(PreviewRow row, RosterLine line, Candidate now, boolean details, boolean terms) {
                this.row = row;
                this.line = line;
                this.now = now;
                this.details = details;
                this.terms = terms;
            }

            boolean isNew() {
                return now == null;
            }

            boolean closes() {
                return now != null && terms && now.membershipId() != null;
            }
        }

        void chunk(List<PreviewRow> rows) {
            List<RosterLine> lines = rows.stream().map(r -> ImportJson.read(r.payload(), RosterLine.class)).toList();
            Map<Long, Candidate> current = queries.candidates(lines.stream().map(RosterLine::personId)
                    .filter(Objects::nonNull).toList());
            List<Planned> plan = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                plan.add(plan(rows.get(i), lines.get(i), current));
            }
            write(plan);
            List<ImportEffect> effects = new ArrayList<>();
            List<AuditLog.Entry> trail = new ArrayList<>();
            for (Planned p : plan) {
                record(p, effects, trail);
            }
            batches.addEffects(batchId, effects);
            audit.recordAll(trail);
        }

        private Planned plan(PreviewRow row, RosterLine line, Map<Long, Candidate> current) {
            requireManageable(line.unitId());
            if (row.outcome() == RowOutcome.NEW) {
                created++;
                return new Planned(row, line, null, false, false);
            }
            Candidate now = current.get(line.personId());
            if (now == null || now.version() != line.personVersion() || !Objects.equals(now.membershipId(), line.membershipId())) {
                throw stale(row);
            }
            requireManageable(now.scopeUnitId());
            boolean details = !Objects.equals(now.fullName(), line.fullName()) || now.sex() != line.sex()
                    || !Objects.equals(now.birthYear(), line.birthYear()) || !Objects.equals(now.phone(), line.phone())
                    || !Objects.equals(now.email(), line.email()) || !Objects.equals(now.nationalId(), line.nationalId())
                    || !Objects.equals(now.staffCode(), line.staffCode());
            boolean terms = now.membershipId() == null || !Objects.equals(now.unitId(), line.unitId())
                    || now.category() != line.category() || !Objects.equals(now.position(), line.position())
                    || !Objects.equals(now.inTarget(), line.inTarget());
            updated++;
            Planned planned = new Planned(row, line, now, details, terms);
            planned.personId = now.personId();
            return planned;
        }

        /** The chunk's statements, one batch per kind; a row whose record moved since the preview refuses all. */
        private void write(List<Planned> plan) {
            List<Planned> fresh = plan.stream().filter(Planned::isNew).toList();
            List<Long> ids = guarded(fresh, () -> queries.insertPeople(fresh.stream().map(p -> p.line).toList()));
            for (int i = 0; i < fresh.size(); i++) {
                fresh.get(i).personId = ids.get(i);
            }
            List<Planned> changed = plan.stream().filter(p -> p.details).toList();
            requireAll(changed, guarded(changed, () -> queries.updatePeople(changed.stream()
                    .map(p -> new RosterQueries.PersonUpdate(p.personId, p.now.version(), p.line)).toList())));
            List<Planned> closing = plan.stream().filter(Planned::closes).toList();
            requireAll(closing, guarded(closing, () -> queries.closeMemberships(closing.stream()
                    .map(p -> p.now.membershipId()).toList(), effectiveOn)));
            List<Planned> opening = plan.stream().filter(p -> p.isNew() || p.terms).toList();
            List<Long> opened = guarded(opening, () -> queries.insertMemberships(opening.stream()
                    .map(p -> new RosterQueries.Opening(p.personId, p.line)).toList(), effectiveOn));
            for (int i = 0; i < opening.size(); i++) {
                opening.get(i).openedId = opened.get(i);
            }
        }

        /** The row's effects for undo, in the order undo must take them back, and its audit rows. */
        private void record(Planned p, List<ImportEffect> effects, List<AuditLog.Entry> trail) {
            int rowNo = p.row.rowNo();
            RosterLine line = p.line;
            if (p.isNew()) {
                effects.add(effect(rowNo, PERSON_CREATED, p.personId, null));
                effects.add(effect(rowNo, MEMBERSHIP_OPENED, p.openedId, null));
                trail.add(new AuditLog.Entry("person.create", AuditLog.Entity.PERSON, p.personId, line.fullName(), null,
                        Changes.of().field("audit.field.unit", null, unitName(line.unitId()))
                                .field("audit.field.valid-from", null, effectiveOn)
                                .field("audit.field.import-batch", null, batchId).after()));
                return;
            }
            Candidate now = p.now;
            if (p.details) {
                effects.add(effect(rowNo, PERSON_UPDATED, now.personId(),
                        ImportJson.write(new UpdatedData(RosterLine.detailsOf(now), now.version() + 1))));
                trail.add(new AuditLog.Entry("person.update", AuditLog.Entity.PERSON, now.personId(), line.fullName(),
                        Changes.of().field("audit.field.full-name", now.fullName(), line.fullName())
                                .field("audit.field.birth-year", now.birthYear(), line.birthYear())
                                .field("audit.field.phone", now.phone(), line.phone())
                                .field("audit.field.email", now.email(), line.email()).before(),
                        Changes.of().field("audit.field.full-name", now.fullName(), line.fullName())
                                .field("audit.field.birth-year", now.birthYear(), line.birthYear())
                                .field("audit.field.phone", now.phone(), line.phone())
                                .field("audit.field.email", now.email(), line.email())
                                .field("audit.field.import-batch", null, batchId).after()));
            }
            if (p.terms) {
                if (p.closes()) {
                    effects.add(effect(rowNo, MEMBERSHIP_CLOSED, now.membershipId(),
                            ImportJson.write(new ClosedData(effectiveOn))));
                }
                effects.add(effect(rowNo, MEMBERSHIP_OPENED, p.openedId, null));
                boolean transfer = !Objects.equals(now.unitId(), line.unitId());
                String unitBefore = now.unitId() == null ? null : unitName(now.unitId());
                trail.add(new AuditLog.Entry(transfer ? "membership.transfer" : "membership.change",
                        AuditLog.Entity.MEMBERSHIP, now.personId(), line.fullName(),
                        Changes.of().field("audit.field.unit", unitBefore, unitName(line.unitId())).before(),
                        Changes.of().field("audit.field.unit", unitBefore, unitName(line.unitId()))
                                .field("audit.field.valid-from", null, effectiveOn)
                                .field("audit.field.import-batch", null, batchId).after()));
            }
        }

        /** The people of the file's units missing from it leave on a date: one batch, refused as a whole. */
        int leave(List<Missing> leaving, LocalDate on) {
            for (Missing missing : leaving) {
                requireManageable(missing.unitId());
                if (!on.isAfter(missing.validFrom())) {
                    throw RefusedException.of("roster.import.error.leave-too-early", missing.fullName(),
                            DAY.format(missing.validFrom()));
                }
            }
            boolean[] closed = queries.closeMemberships(leaving.stream().map(Missing::membershipId).toList(), on);
            List<ImportEffect> effects = new ArrayList<>();
            List<AuditLog.Entry> trail = new ArrayList<>();
            for (int i = 0; i < leaving.size(); i++) {
                Missing missing = leaving.get(i);
                if (!closed[i]) {
                    throw RefusedException.of("roster.import.error.leave-stale", missing.fullName());
                }
                effects.add(effect(null, MEMBERSHIP_CLOSED, missing.membershipId(), ImportJson.write(new ClosedData(on))));
                trail.add(new AuditLog.Entry("membership.leave", AuditLog.Entity.MEMBERSHIP, missing.personId(),
                        missing.fullName(), Changes.of().field("audit.field.unit", null, missing.unitName()).after(),
                        Changes.of().field("audit.field.valid-to", null, on)
                                .field("audit.field.import-batch", null, batchId).after()));
            }
            batches.addEffects(batchId, effects);
            audit.recordAll(trail);
            return leaving.size();
        }

        private ImportEffect effect(Integer rowNo, String kind, long targetId, String data) {
            return new ImportEffect(++seq, rowNo, kind, targetId, data);
        }

        /** Runs a batch for these rows; a broken constraint is refused naming the row (the batch's first when the driver cannot say). */
        private <T> T guarded(List<Planned> rows, Supplier<T> batch) {
            try {
                return batch.get();
            } catch (DataIntegrityViolationException e) {
                int failed = failedIndex(e);
                throw RefusedException.of("roster.import.error.commit-row",
                        rows.get(failed < rows.size() ? failed : 0).row.rowNo());
            }
        }

        private void requireAll(List<Planned> rows, boolean[] saved) {
            for (int i = 0; i < saved.length; i++) {
                if (!saved[i]) {
                    throw stale(rows.get(i).row);
                }
            }
        }

        private void requireManageable(long unitId) {
            if (!manageable.computeIfAbsent(unitId, scope::canManage)) {
                throw RefusedException.of("roster.import.error.commit-scope");
            }
        }

        private String unitName(long unitId) {
            return unitNames.computeIfAbsent(unitId, id -> queries.unitNames(List.of(id)).getOrDefault(id, "#" + id));
        }

        private RefusedException stale(PreviewRow row) {
            return RefusedException.of("roster.import.error.stale", row.rowNo());
        }
    }

    /** The index of the first failed statement of a batch, from the driver's counts (0 when it does not say). */
    private static int failedIndex(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.BatchUpdateException b && b.getUpdateCounts() != null) {
                int[] counts = b.getUpdateCounts();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == java.sql.Statement.EXECUTE_FAILED) {
                        return i;
                    }
                }
                return counts.length;
            }
        }
        return 0;
    }

}
