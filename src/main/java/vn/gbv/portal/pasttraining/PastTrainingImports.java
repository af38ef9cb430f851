package vn.gbv.portal.pasttraining;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.audit.AuditLog;
import vn.gbv.portal.audit.Changes;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.coverage.ProgrammeSettings;
import vn.gbv.portal.coverage.ProgrammeSettingsService;
import vn.gbv.portal.imports.BatchCounts;
import vn.gbv.portal.imports.BatchStatus;
import vn.gbv.portal.imports.Cells;
import vn.gbv.portal.imports.Cells.Parsed;
import vn.gbv.portal.imports.ImportBatch;
import vn.gbv.portal.imports.ImportBatches;
import vn.gbv.portal.imports.ImportJson;
import vn.gbv.portal.imports.ImportKind;
import vn.gbv.portal.imports.PreviewRow;
import vn.gbv.portal.imports.RowMessage;
import vn.gbv.portal.imports.RowOutcome;
import vn.gbv.portal.imports.TabularFile.SourceRow;
import vn.gbv.portal.imports.Text;
import vn.gbv.portal.pasttraining.PastTrainingQueries.CourseRef;
import vn.gbv.portal.pasttraining.PastTrainingQueries.Existing;
import vn.gbv.portal.pasttraining.PastTrainingQueries.Insert;
import vn.gbv.portal.pasttraining.PastTrainingQueries.PersonRef;
import vn.gbv.portal.pasttraining.PastTrainingQueries.Tail;
import vn.gbv.portal.pasttraining.PastTrainingQueries.Touched;
import vn.gbv.portal.pasttraining.PastTrainingQueries.UnitRef;
import vn.gbv.portal.security.AccessDeniedForScopeException;
import vn.gbv.portal.security.CurrentUser;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.security.UnitScope;

/**
 * Importing past training (issue 18, item 6) on the import core ({@link ImportBatches}): a CSV or
 * XLSX of completions done before the portal is read, a chunk of rows at a time, into a preview
 * kept in the database; nothing is saved until the uploader commits. Each row is
 * <ul>
 *   <li>NEW: it will be recorded;</li>
 *   <li>a duplicate (stored as the core's {@link RowOutcome#UNCHANGED}: nothing to write), when
 *       the person already has an effective completion of the course on that date (any source, read
 *       through {@code effective_completion}), or an earlier row of the file says the same;</li>
 *   <li>an ERROR, with the column and the reason: a malformed cell, an unknown or ambiguous person,
 *       an unknown course, a date in the future or outside the programme's window (training before
 *       the window does not count toward coverage, so it is refused rather than stored), a person
 *       outside the uploader's units, or a second, different record of a course the person already
 *       has from an import or a class (V3 keeps one such chain per person and course).</li>
 * </ul>
 * A commit inserts the new rows' completions (source IMPORT, the batch's id, no course version)
 * in one transaction, with plain INSERTs so that the coverage triggers keep the per-person tables;
 * where and by whom each person was trained goes to {@code past_training}. Undo revokes every
 * completion of the batch (completions are insert-only), unless something newer touched one of
 * them: it was superseded or revoked, or a certificate was issued for it.
 *
 * <p>Unit managers import for the people of their units; administrators for everyone. Trainers
 * do not: past training is a unit's record of its staff, and a trainer has no units (the classes
 * they run record completions when the class closes).
 */
@Service
@PreAuthorize("hasAnyRole('" + Role.Names.ADMIN + "', '" + Role.Names.UNIT_MANAGER + "')")
public class PastTrainingImports {

    static final String NATIONAL_ID = "NATIONAL_ID";
    static final String STAFF_CODE = "STAFF_CODE";
    static final String NAME = "NAME";
    private static final Set<RowOutcome> NEW = EnumSet.of(RowOutcome.NEW);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** What a commit saved. */
    public record CommitResult(int created) {
    }

    private final ImportBatches batches;
    private final PastTrainingQueries queries;
    private final ProgrammeSettingsService settings;
    private final UnitScope scope;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    PastTrainingImports(ImportBatches batches, PastTrainingQueries queries, ProgrammeSettingsService settings,
                        UnitScope scope, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.batches = batches;
        this.queries = queries;
        this.settings = settings;
        this.scope = scope;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Reads the file into a new batch's preview; no completion is saved. Problems with the file as
     * a whole (format, header, a required column missing) are refused before any row is kept.
     */
    @Transactional
    public ImportBatch preview(Path file, String fileName) {
        vn.gbv.portal.imports.TabularFile.Format.of(fileName);
        long batchId = batches.open(ImportKind.COMPLETIONS, fileName, null);
        ImportBatches.PreviewWriter writer = batches.writer(batchId);
        LocalDate today = LocalDate.now(clock);
        Preview preview = new Preview(writer, today, settings.inForce(today).orElse(null));
        List<SourceRow> chunk = new ArrayList<>(ImportBatches.CHUNK);
        var read = PastTrainingColumns.FILE.read(file, fileName, row -> {
            chunk.add(row);
            if (chunk.size() >= ImportBatches.CHUNK) {
                preview.process(chunk);
                chunk.clear();
            }
        });
        preview.process(chunk);
        writer.finish(read.emptyRowsSkipped());
        return batches.batch(batchId);
    }

    /** A past-training batch of the caller (any, for an administrator); another's is refused as out of scope. */
    @Transactional(readOnly = true)
    public ImportBatch batch(long batchId) {
        ImportBatch batch = batches.batch(batchId);
        if (batch.kind() != ImportKind.COMPLETIONS) {
            throw new AccessDeniedForScopeException("batch " + batchId + " is not a completion import");
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
        return batches.openPreview(ImportKind.COMPLETIONS);
    }

    /** The caller's batches, newest first (everyone's for an administrator). */
    @Transactional(readOnly = true)
    public List<ImportBatch> recent(int limit) {
        return batches.recent(ImportKind.COMPLETIONS, limit);
    }

    @Transactional
    public void discard(long batchId) {
        ImportBatch batch = batch(batchId);
        batches.discard(batchId);
        audit.record("import.discard", AuditLog.Entity.IMPORT, batchId, batch.fileName(), null, null);
    }

    /**
     * Records the preview's new rows as completions in one transaction. Refused as a whole (nothing
     * saved) when a row's person is no longer in the caller's units, or when a record of the same
     * person and course was written or revoked since the preview (upload the file again).
     */
    @Transactional
    public CommitResult commit(long batchId) {
        ImportBatch batch = batch(batchId);
        batches.markCommitted(batchId);
        String user = currentUser.require().username();
        Instant now = clock.instant();
        Map<Long, Boolean> manageable = new HashMap<>();
        int total = batches.rowCount(batchId, NEW);
        int created = 0;
        for (int offset = 0; offset < total; offset += ImportBatches.CHUNK) {
            List<Insert> inserts = batches.rows(batchId, NEW, offset, ImportBatches.CHUNK).stream()
                    .map(r -> new Insert(r.rowNo(), ImportJson.read(r.payload(), PastTrainingLine.class))).toList();
            Set<Long> people = new HashSet<>();
            Set<Long> courses = new HashSet<>();
            inserts.forEach(i -> {
                people.add(i.line().personId());
                courses.add(i.line().courseId());
            });
            Map<Long, PersonRef> refs = new HashMap<>();
            queries.people(people).forEach(p -> refs.put(p.id(), p));
            Map<String, Tail> tails = new HashMap<>();
            queries.versionlessTails(people, courses).forEach(t -> tails.put(key(t.personId(), t.courseId()), t));
            for (Insert insert : inserts) {
                PersonRef person = refs.get(insert.line().personId());
                if (person == null || !manages(manageable, person.unitId())) {
                    throw RefusedException.of("past-training.error.commit-scope", insert.rowNo());
                }
                Tail tail = tails.get(key(insert.line().personId(), insert.line().courseId()));
                Long supersedes = insert.line().supersedesId();
                boolean same = tail == null ? supersedes == null : tail.revoked() && supersedes != null && tail.id() == supersedes;
                if (!same) {
                    throw RefusedException.of("past-training.error.commit-stale", insert.rowNo());
                }
            }
            try {
                queries.insert(batchId, inserts, user, now);
            } catch (DataIntegrityViolationException e) {
                throw RefusedException.of("past-training.error.commit-stale", inserts.getFirst().rowNo());
            }
            created += inserts.size();
        }
        BatchCounts c = batch.counts();
        audit.record("import.commit", AuditLog.Entity.IMPORT, batchId, batch.fileName(), null,
                Changes.of().field("audit.field.past-training-counts", null,
                        created + " / " + c.unchanged() + " / " + c.errors()).after());
        return new CommitResult(created);
    }

    /**
     * Takes a committed batch back in one transaction: each of its completions gets a revocation
     * ("Hoàn tác lô nhập …"), so coverage drops back by exactly that batch. Refused, naming the first
     * such row, when one of them was superseded or revoked since, or a certificate was issued for it
     * (or, since the commit, a programme certificate for its person); refused as out of scope when a
     * person of the batch is no longer in the caller's units.
     */
    @Transactional
    public int undo(long batchId) {
        ImportBatch batch = batch(batchId);
        if (batch.status() != BatchStatus.COMMITTED) {
            throw RefusedException.of("import.error.status-moved");
        }
        if (!scope.isUnlimited()) {
            for (Long unitId : queries.batchUnits(batchId)) {
                if (unitId == null || !scope.canManage(unitId)) {
                    throw RefusedException.of("past-training.error.undo-scope");
                }
            }
        }
        Optional<Touched> touched = queries.firstTouched(batchId, batch.committedAt());
        if (touched.isPresent()) {
            String key = switch (touched.get().why()) {
                case "superseded" -> "past-training.error.undo-touched.superseded";
                case "revoked" -> "past-training.error.undo-touched.revoked";
                case "certificate" -> "past-training.error.undo-touched.certificate";
                default -> "past-training.error.undo-touched.programme-certificate";
            };
            throw RefusedException.of(key, touched.get().rowNo());
        }
        String reason = "Hoàn tác lô nhập #" + batchId + " (" + batch.fileName() + ")";
        int revoked = queries.revokeBatch(batchId, reason.length() > 1000 ? reason.substring(0, 1000) : reason,
                currentUser.require().username());
        batches.markUndone(batchId);
        audit.record("import.undo", AuditLog.Entity.IMPORT, batchId, batch.fileName(), null,
                Changes.of().field("audit.field.past-training-revoked", null, revoked).after());
        return revoked;
    }

    /** A course code of the catalogue for the template's example rows (a made-up one when there is none). */
    @Transactional(readOnly = true)
    public String exampleCourseCode() {
        return queries.anyCourseCode().orElse("MA-KHOA-HOC");
    }

    private boolean manages(Map<Long, Boolean> cache, Long unitId) {
        if (scope.isUnlimited()) {
            return true;
        }
        return unitId != null && cache.computeIfAbsent(unitId, scope::canManage);
    }

    private static String key(long personId, long courseId) {
        return personId + "|" + courseId;
    }

    private static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    // ---- preview ----

    /** A row once its cells are read: the values, or its errors (each with its column). */
    private record Parsing(int rowNo, String nationalId, String staffCode, String name, Integer birthYear,
                           String unitCode, CourseRef course, String courseText, LocalDate date, Integer score,
                           String place, String trainer, List<RowMessage> errors) {
    }

    /** A row once its person is found: the line to keep, and its errors if any. */
    private record Resolved(int rowNo, PastTrainingLine line, List<RowMessage> errors, PreviewRow decided) {
    }

    /** One file being read: the course and unit codes seen, and the earlier rows (for duplicates within the file). */
    private final class Preview {

        private final ImportBatches.PreviewWriter writer;
        private final LocalDate today;
        private final ProgrammeSettings programme;
        private final Map<String, Optional<CourseRef>> courses = new HashMap<>();
        private final Map<String, Optional<UnitRef>> units = new HashMap<>();
        private final Map<Long, Boolean> manageable = new HashMap<>();
        /** person|course → the first row with it and its date (epoch day). */
        private final Map<String, long[]> seen = new HashMap<>();

        Preview(ImportBatches.PreviewWriter writer, LocalDate today, ProgrammeSettings programme) {
            this.writer = writer;
            this.today = today;
            this.programme = programme;
        }

        void process(List<SourceRow> chunk) {
            if (chunk.isEmpty()) {
                return;
            }
            lookUpCodes(chunk);
            List<Parsing> parsed = chunk.stream().map(this::parse).toList();
            Set<String> nationalIds = new HashSet<>();
            Set<String> staffCodes = new HashSet<>();
            Set<String> names = new HashSet<>();
            for (Parsing p : parsed) {
                if (p.nationalId() != null) {
                    nationalIds.add(p.nationalId());
                } else if (p.staffCode() != null) {
                    staffCodes.add(p.staffCode());
                } else if (p.name() != null) {
                    names.add(p.name());
                }
            }
            Map<String, PersonRef> byNationalId = new HashMap<>();
            queries.peopleByNationalId(nationalIds).forEach(p -> byNationalId.put(p.nationalId(), p));
            Map<String, List<PersonRef>> byStaffCode = new HashMap<>();
            queries.peopleByStaffCode(staffCodes).forEach(p ->
                    byStaffCode.computeIfAbsent(lower(p.staffCode()), k -> new ArrayList<>()).add(p));
            Map<String, List<PersonRef>> byName = new HashMap<>();
            queries.peopleByName(names).forEach(p ->
                    byName.computeIfAbsent(lower(p.fullName()), k -> new ArrayList<>()).add(p));

            List<Resolved> resolved = new ArrayList<>(parsed.size());
            Set<Long> people = new HashSet<>();
            Set<Long> courseIds = new HashSet<>();
            for (Parsing p : parsed) {
                Resolved r = resolve(p, byNationalId, byStaffCode, byName);
                resolved.add(r);
                if (r.decided() == null) {
                    people.add(r.line().personId());
                    courseIds.add(r.line().courseId());
                }
            }
            Map<String, List<Existing>> existing = new HashMap<>();
            queries.effective(people, courseIds).forEach(e ->
                    existing.computeIfAbsent(key(e.personId(), e.courseId()), k -> new ArrayList<>()).add(e));
            Map<String, Tail> tails = new HashMap<>();
            queries.versionlessTails(people, courseIds).forEach(t -> tails.put(key(t.personId(), t.courseId()), t));
            for (Resolved r : resolved) {
                writer.add(r.decided() != null ? r.decided() : decide(r, existing, tails));
            }
        }

        private void lookUpCodes(List<SourceRow> chunk) {
            Set<String> courseCodes = new HashSet<>();
            Set<String> unitCodes = new HashSet<>();
            for (SourceRow row : chunk) {
                Optional.ofNullable(Text.clean(row.get(PastTrainingColumns.COURSE))).map(PastTrainingImports::upper)
                        .filter(c -> !courses.containsKey(c)).ifPresent(courseCodes::add);
                Optional.ofNullable(Text.clean(row.get(PastTrainingColumns.UNIT))).map(PastTrainingImports::upper)
                        .filter(c -> !units.containsKey(c)).ifPresent(unitCodes::add);
            }
            Map<String, CourseRef> foundCourses = new HashMap<>();
            queries.coursesByCode(courseCodes).forEach(c -> foundCourses.put(upper(c.code()), c));
            courseCodes.forEach(c -> courses.put(c, Optional.ofNullable(foundCourses.get(c))));
            Map<String, UnitRef> foundUnits = new HashMap<>();
            queries.unitsByCode(unitCodes).forEach(u -> foundUnits.put(upper(u.code()), u));
            unitCodes.forEach(c -> units.put(c, Optional.ofNullable(foundUnits.get(c))));
        }

        private Parsing parse(SourceRow row) {
            List<RowMessage> errors = new ArrayList<>();
            String nationalId = check(errors, PastTrainingColumns.NATIONAL_ID, row,
                    Cells.digits(row.get(PastTrainingColumns.NATIONAL_ID), 12));
            String staffCode = check(errors, PastTrainingColumns.STAFF_CODE, row,
                    Cells.text(row.get(PastTrainingColumns.STAFF_CODE), 40));
            String name = check(errors, PastTrainingColumns.NAME, row, Cells.text(row.get(PastTrainingColumns.NAME), 200));
            Integer birthYear = check(errors, PastTrainingColumns.BIRTH_YEAR, row,
                    Cells.year(row.get(PastTrainingColumns.BIRTH_YEAR), 1900, today.getYear()));
            String unitCode = check(errors, PastTrainingColumns.UNIT, row, Cells.text(row.get(PastTrainingColumns.UNIT), 80));
            String courseText = required(errors, PastTrainingColumns.COURSE, row,
                    Cells.text(row.get(PastTrainingColumns.COURSE), 80));
            CourseRef course = null;
            if (courseText != null) {
                course = courses.get(upper(courseText)).orElse(null);
                if (course == null) {
                    errors.add(RowMessage.of(PastTrainingColumns.header(PastTrainingColumns.COURSE),
                            "past-training.error.unknown-course", courseText));
                }
            }
            LocalDate date = required(errors, PastTrainingColumns.DATE, row, PastTrainingColumns.date(row.get(PastTrainingColumns.DATE)));
            if (date != null) {
                String header = PastTrainingColumns.header(PastTrainingColumns.DATE);
                if (date.isAfter(today)) {
                    errors.add(RowMessage.of(header, "past-training.error.future", day(date)));
                } else if (programme != null && !programme.inWindow(date)) {
                    errors.add(RowMessage.of(header, "past-training.error.outside-window", day(date),
                            day(programme.windowFrom()), day(programme.windowTo())));
                }
            }
            Integer score = check(errors, PastTrainingColumns.SCORE, row, PastTrainingColumns.score(row.get(PastTrainingColumns.SCORE)));
            String place = check(errors, PastTrainingColumns.PLACE, row, Cells.text(row.get(PastTrainingColumns.PLACE), 255));
            String trainer = check(errors, PastTrainingColumns.TRAINER, row, Cells.text(row.get(PastTrainingColumns.TRAINER), 255));
            return new Parsing(row.number(), nationalId, staffCode, name, birthYear, unitCode, course, courseText, date,
                    score, place, trainer, errors);
        }

        /** Finds the row's person; a row with any error is decided here (ERROR), a good one waits for the database check. */
        private Resolved resolve(Parsing p, Map<String, PersonRef> byNationalId, Map<String, List<PersonRef>> byStaffCode,
                                 Map<String, List<PersonRef>> byName) {
            List<RowMessage> errors = new ArrayList<>(p.errors());
            PersonRef person = null;
            String matchedBy = null;
            String column = null;
            if (p.nationalId() != null) {
                column = PastTrainingColumns.header(PastTrainingColumns.NATIONAL_ID);
                person = byNationalId.get(p.nationalId());
                matchedBy = NATIONAL_ID;
                if (person == null) {
                    errors.add(RowMessage.of(column, "past-training.error.unknown-national-id", p.nationalId()));
                }
            } else if (p.staffCode() != null) {
                column = PastTrainingColumns.header(PastTrainingColumns.STAFF_CODE);
                matchedBy = STAFF_CODE;
                List<PersonRef> found = byStaffCode.getOrDefault(lower(p.staffCode()), List.of());
                UnitRef unit = unit(p, errors);
                if (p.unitCode() == null || unit != null) {
                    if (unit != null) {
                        found = found.stream().filter(c -> unit.id() == (c.unitId() == null ? -1 : c.unitId())).toList();
                    }
                    List<PersonRef> inScope = found.stream().filter(c -> manages(c.unitId())).toList();
                    if (found.isEmpty()) {
                        errors.add(RowMessage.of(column, "past-training.error.unknown-staff-code", p.staffCode()));
                    } else if (inScope.size() > 1) {
                        errors.add(RowMessage.of(column, "past-training.error.ambiguous-staff-code", p.staffCode(),
                                inScope.size()));
                    } else {
                        person = inScope.isEmpty() ? found.getFirst() : inScope.getFirst();
                    }
                }
            } else if (p.name() != null && p.birthYear() != null && p.unitCode() != null) {
                column = PastTrainingColumns.header(PastTrainingColumns.NAME);
                matchedBy = NAME;
                UnitRef unit = unit(p, errors);
                if (unit != null) {
                    List<PersonRef> found = byName.getOrDefault(lower(p.name()), List.of()).stream()
                            .filter(c -> p.birthYear().equals(c.birthYear()) && c.unitId() != null && c.unitId() == unit.id())
                            .toList();
                    if (found.isEmpty()) {
                        errors.add(RowMessage.of(column, "past-training.error.unknown-person", p.name(), p.birthYear(),
                                p.unitCode()));
                    } else if (found.size() > 1) {
                        errors.add(RowMessage.of(column, "past-training.error.ambiguous-person", p.name(), found.size()));
                    } else {
                        person = found.getFirst();
                    }
                }
            } else if (!hasPersonError(p.errors())) {
                errors.add(RowMessage.of(null, "past-training.error.person-required"));
            }
            if (person != null && !manages(person.unitId())) {
                errors.add(RowMessage.of(column, "past-training.error.outside-scope"));
                person = null;
            }
            String typed = person != null ? person.fullName()
                    : p.name() != null ? p.name() : p.nationalId() != null ? p.nationalId() : p.staffCode();
            PastTrainingLine line = new PastTrainingLine(person == null ? null : person.id(), typed,
                    person == null ? p.birthYear() : person.birthYear(), person == null ? p.unitCode() : person.unitName(),
                    person == null ? null : matchedBy, p.course() == null ? null : p.course().id(),
                    p.course() == null ? p.courseText() : p.course().code(), p.date(), p.score(), p.place(), p.trainer(), null);
            if (!errors.isEmpty()) {
                return new Resolved(p.rowNo(), line, errors,
                        new PreviewRow(p.rowNo(), RowOutcome.ERROR, null, ImportJson.write(line), errors));
            }
            String key = key(person.id(), p.course().id());
            long[] earlier = seen.get(key);
            if (earlier != null) {
                PreviewRow decided = earlier[1] == p.date().toEpochDay()
                        ? new PreviewRow(p.rowNo(), RowOutcome.UNCHANGED, person.id(), ImportJson.write(line),
                                List.of(RowMessage.of(null, "past-training.duplicate.row", earlier[0])))
                        : new PreviewRow(p.rowNo(), RowOutcome.ERROR, person.id(), ImportJson.write(line),
                                List.of(RowMessage.of(PastTrainingColumns.header(PastTrainingColumns.DATE),
                                        "past-training.error.twice-in-file", earlier[0],
                                        day(LocalDate.ofEpochDay(earlier[1])))));
                return new Resolved(p.rowNo(), line, List.of(), decided);
            }
            seen.put(key, new long[] {p.rowNo(), p.date().toEpochDay()});
            return new Resolved(p.rowNo(), line, List.of(), null);
        }

        /** NEW, a duplicate of an effective completion, or an error when another record of the course holds its place. */
        private PreviewRow decide(Resolved r, Map<String, List<Existing>> existing, Map<String, Tail> tails) {
            PastTrainingLine line = r.line();
            String key = key(line.personId(), line.courseId());
            for (Existing e : existing.getOrDefault(key, List.of())) {
                if (e.completedOn().equals(line.completedOn())) {
                    return new PreviewRow(r.rowNo(), RowOutcome.UNCHANGED, line.personId(), ImportJson.write(line),
                            List.of(RowMessage.of(null, "past-training.duplicate." + e.source(), day(e.completedOn()))));
                }
            }
            Tail tail = tails.get(key);
            if (tail != null && !tail.revoked()) {
                return new PreviewRow(r.rowNo(), RowOutcome.ERROR, line.personId(), ImportJson.write(line),
                        List.of(RowMessage.of(PastTrainingColumns.header(PastTrainingColumns.DATE),
                                "past-training.error.already-recorded", day(tail.completedOn()))));
            }
            PastTrainingLine kept = tail == null ? line : new PastTrainingLine(line.personId(), line.person(),
                    line.birthYear(), line.unit(), line.matchedBy(), line.courseId(), line.courseCode(), line.completedOn(),
                    line.score(), line.place(), line.trainer(), tail.id());
            return new PreviewRow(r.rowNo(), RowOutcome.NEW, line.personId(), ImportJson.write(kept),
                    List.of(RowMessage.of(null, "past-training.matched." + line.matchedBy())));
        }

        private UnitRef unit(Parsing p, List<RowMessage> errors) {
            if (p.unitCode() == null) {
                return null;
            }
            UnitRef unit = units.get(upper(p.unitCode())).orElse(null);
            if (unit == null) {
                errors.add(RowMessage.of(PastTrainingColumns.header(PastTrainingColumns.UNIT),
                        "past-training.error.unknown-unit", p.unitCode()));
            }
            return unit;
        }

        private boolean manages(Long unitId) {
            return PastTrainingImports.this.manages(manageable, unitId);
        }

        private boolean hasPersonError(List<RowMessage> errors) {
            Set<String> personColumns = Set.of(PastTrainingColumns.header(PastTrainingColumns.NATIONAL_ID),
                    PastTrainingColumns.header(PastTrainingColumns.STAFF_CODE),
                    PastTrainingColumns.header(PastTrainingColumns.NAME),
                    PastTrainingColumns.header(PastTrainingColumns.BIRTH_YEAR),
                    PastTrainingColumns.header(PastTrainingColumns.UNIT));
            return errors.stream().anyMatch(e -> personColumns.contains(e.column()));
        }
    }

    private static <T> T check(List<RowMessage> errors, String key, SourceRow row, Parsed<T> parsed) {
        if (parsed.isError()) {
            String raw = Text.clean(row.get(key));
            errors.add(RowMessage.of(PastTrainingColumns.header(key), parsed.errorKey(), raw == null ? "" : raw));
        }
        return parsed.value();
    }

    private static <T> T required(List<RowMessage> errors, String key, SourceRow row, Parsed<T> parsed) {
        T value = check(errors, key, row, parsed);
        if (parsed.isEmpty()) {
            errors.add(RowMessage.of(PastTrainingColumns.header(key), "past-training.error.required"));
        }
        return value;
    }

    private static String upper(String code) {
        return code.toUpperCase(Locale.ROOT);
    }

    private static String lower(String text) {
        return Text.clean(text).toLowerCase(Locale.ROOT);
    }
}
