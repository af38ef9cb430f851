package vn.gbv.portal.report;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.audit.AuditLog;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.coverage.CoverageDownloads;
import vn.gbv.portal.coverage.CoverageService;
import vn.gbv.portal.coverage.CoverageService.CoverageReport;
import vn.gbv.portal.coverage.Figures;
import vn.gbv.portal.i18n.PortalI18nProvider;
import vn.gbv.portal.report.Consolidation.Status;
import vn.gbv.portal.report.Consolidation.UnitStatus;
import vn.gbv.portal.report.ReportContent.Activity;
import vn.gbv.portal.report.ReportContent.Row;
import vn.gbv.portal.report.ReportContent.Texts;
import vn.gbv.portal.report.ReportQueries.Submission;
import vn.gbv.portal.report.ReportQueries.UnitRow;
import vn.gbv.portal.security.CurrentUser;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.security.SignedInUser;
import vn.gbv.portal.security.UnitScope;

/**
 * Reports of Part V of the plan. The units that report are the units directly below a unit of
 * type CITY (the city's departments and sectors, communes and wards) at the period's figures date;
 * a unit manager reports for those of them in their scope. A report's figures come from
 * {@link CoverageService} at the period's figures date (which checks the caller's scope itself);
 * every method here checks the scope too, so an edited URL gets a refusal. Submitting freezes
 * the report: its content as JSON, its figures as rows and the PDF bytes as sent; returns and
 * resubmissions add rows, nothing is overwritten.
 */
@Service
@PreAuthorize("hasAnyRole('" + Role.Names.UNIT_MANAGER + "', '" + Role.Names.ADMIN + "')")
public class ReportService implements CoverageDownloads {

    static final Locale VI = PortalI18nProvider.VIETNAMESE;

    private final ReportQueries queries;
    private final CoverageService coverage;
    private final UnitScope scope;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    ReportService(ReportQueries queries, CoverageService coverage, UnitScope scope, CurrentUser currentUser, AuditLog audit,
                  Clock clock) {
        this.queries = queries;
        this.coverage = coverage;
        this.scope = scope;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    public enum Format {
        PDF("pdf", "application/pdf"), XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        CSV("csv", "text/csv; charset=UTF-8");

        final String extension;
        final String mimeType;

        Format(String extension, String mimeType) {
            this.extension = extension;
            this.mimeType = mimeType;
        }
    }

    public record Download(String fileName, String mimeType, byte[] bytes) {
    }

    public record UnitChoice(long id, String code, String name) {
    }

    /** Where a unit's report for a period stands. */
    public enum State { DRAFT, SUBMITTED, RETURNED }

    /** A unit's report for a period: the draft text, the live preview, and every submitted version (newest first). */
    public record UnitReport(ReportingPeriod period, UnitChoice unit, Texts texts, ReportContent preview,
                             List<Submission> versions, State state, boolean overdue) {
    }

    /** The manager's home card: this year's report of their first reporting unit. */
    public record Due(ReportingPeriod period, UnitChoice unit, State state) {
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- periods ----

    @Transactional(readOnly = true)
    public List<ReportingPeriod> periods() {
        return queries.periods();
    }

    /** The period to show first: the earliest whose units' deadline is today or later, else the latest. */
    @Transactional(readOnly = true)
    public Optional<ReportingPeriod> currentPeriod() {
        LocalDate today = today();
        List<ReportingPeriod> all = queries.periods();
        return all.stream().filter(p -> !p.startsOn().isAfter(today) && !p.unitsDueOn().isBefore(today))
                .min(Comparator.comparing(ReportingPeriod::unitsDueOn))
                .or(() -> all.stream().filter(p -> !p.startsOn().isAfter(today)).max(Comparator.comparing(ReportingPeriod::startsOn)));
    }

    @Transactional(readOnly = true)
    public ReportingPeriod period(String code) {
        return periodOf(code);
    }

    /** The form of a period; the code only for a new one. */
    public record PeriodForm(String code, String name, ReportingPeriod.Kind kind, LocalDate startsOn, LocalDate endsOn,
                             LocalDate figuresOn, LocalDate unitsDueOn, LocalDate consolidationDueOn) {
    }

    @PreAuthorize("hasRole('" + Role.Names.ADMIN + "')")
    @Transactional
    public ReportingPeriod addPeriod(PeriodForm form) {
        String code = form.code() == null ? "" : form.code().strip();
        if (!code.matches("[A-Za-z0-9-]{1,32}")) {
            throw RefusedException.onField("code", "report.period.error.code");
        }
        if (queries.periodByCode(code).isPresent()) {
            throw RefusedException.onField("code", "report.period.error.code-taken", code);
        }
        ReportingPeriod p = checked(new ReportingPeriod(0, code, form.name(), form.kind(), form.startsOn(), form.endsOn(),
                form.figuresOn(), form.unitsDueOn(), form.consolidationDueOn(), 0));
        long id = queries.insertPeriod(p);
        audit.record("reporting-period.create", AuditLog.Entity.REPORTING_PERIOD, id, p.name(), null, describe(p));
        return queries.periodById(id).orElseThrow();
    }

    @PreAuthorize("hasRole('" + Role.Names.ADMIN + "')")
    @Transactional
    public ReportingPeriod updatePeriod(long id, long version, PeriodForm form) {
        ReportingPeriod before = queries.periodById(id).orElseThrow(() -> RefusedException.of("report.error.unknown-period", id));
        ReportingPeriod p = checked(new ReportingPeriod(id, before.code(), form.name(), before.kind(), form.startsOn(),
                form.endsOn(), form.figuresOn(), form.unitsDueOn(), form.consolidationDueOn(), version));
        if (!queries.updatePeriod(p)) {
            throw RefusedException.of("report.period.error.changed");
        }
        audit.record("reporting-period.update", AuditLog.Entity.REPORTING_PERIOD, id, p.name(), describe(before), describe(p));
        return queries.periodById(id).orElseThrow();
    }

    private static ReportingPeriod checked(ReportingPeriod p) {
        if (p.name() == null || p.name().isBlank()) {
            throw RefusedException.onField("name", "report.period.error.name");
        }
        if (p.kind() == null) {
            throw RefusedException.onField("kind", "report.period.error.kind");
        }
        String[] fields = {"startsOn", "endsOn", "figuresOn", "unitsDueOn", "consolidationDueOn"};
        LocalDate[] dates = {p.startsOn(), p.endsOn(), p.figuresOn(), p.unitsDueOn(), p.consolidationDueOn()};
        for (int i = 0; i < dates.length; i++) {
            if (dates[i] == null) {
                throw RefusedException.onField(fields[i], "report.period.error.date-required");
            }
        }
        if (p.endsOn().isBefore(p.startsOn())) {
            throw RefusedException.onField("endsOn", "report.period.error.ends-before-start");
        }
        if (p.figuresOn().isBefore(p.startsOn()) || p.figuresOn().isAfter(p.endsOn())) {
            throw RefusedException.onField("figuresOn", "report.period.error.figures-outside");
        }
        if (p.consolidationDueOn().isBefore(p.unitsDueOn())) {
            throw RefusedException.onField("consolidationDueOn", "report.period.error.consolidation-before-units");
        }
        return new ReportingPeriod(p.id(), p.code(), p.name().strip(), p.kind(), p.startsOn(), p.endsOn(), p.figuresOn(),
                p.unitsDueOn(), p.consolidationDueOn(), p.version());
    }

    private static String describe(ReportingPeriod p) {
        return p.name() + ": " + p.startsOn() + "–" + p.endsOn() + ", số liệu " + p.figuresOn() + ", hạn đơn vị " + p.unitsDueOn()
                + ", hạn tổng hợp " + p.consolidationDueOn();
    }

    // ---- which units report ----

    /** The reporting units of the period that the caller may manage. */
    @Transactional(readOnly = true)
    public List<UnitChoice> reportingUnits(String periodCode) {
        ReportingPeriod p = periodOf(periodCode);
        List<UnitRow> all = queries.reportingUnits(p.figuresOn());
        if (!scope.isUnlimited()) {
            java.util.Set<Long> mine = new java.util.HashSet<>(scope.unitIds());
            all = all.stream().filter(u -> mine.contains(u.id())).toList();
        }
        return all.stream().map(ReportService::choice).toList();
    }

    /** The manager's report due now, for the home page. */
    @Transactional(readOnly = true)
    public Optional<Due> due() {
        Optional<ReportingPeriod> period = currentPeriod();
        if (period.isEmpty()) {
            return Optional.empty();
        }
        return reportingUnits(period.get().code()).stream().findFirst().map(u -> {
            List<Submission> versions = queries.submissions(u.id(), period.get().id());
            return new Due(period.get(), u, state(versions));
        });
    }

    // ---- a unit's report ----

    @Transactional(readOnly = true)
    public UnitReport report(String periodCode, String unitCode) {
        ReportingPeriod p = periodOf(periodCode);
        UnitRow unit = reportingUnit(p, unitCode);
        Texts texts = texts(unit, p);
        ReportContent preview = build(p, unit, texts, null, today());
        List<Submission> versions = queries.submissions(unit.id(), p.id());
        State state = state(versions);
        return new UnitReport(p, choice(unit), texts, preview, versions, state,
                state != State.SUBMITTED && p.lateOn(today()));
    }

    @Transactional
    public void saveDraft(String periodCode, String unitCode, Texts texts) {
        ReportingPeriod p = periodOf(periodCode);
        UnitRow unit = reportingUnit(p, unitCode);
        List<Submission> versions = queries.submissions(unit.id(), p.id());
        if (state(versions) == State.SUBMITTED) {
            throw RefusedException.of("report.error.already-submitted", versions.getFirst().versionNo());
        }
        Texts t = new Texts(limit(texts.activities(), "activities"), limit(texts.results(), "results"),
                limit(texts.difficulties(), "difficulties"), limit(texts.proposals(), "proposals"),
                line(texts.signerTitle(), "signerTitle"), line(texts.signerName(), "signerName"));
        queries.saveDraft(unit.id(), p.id(), t, currentUser.require().username());
    }

    private static String limit(String s, String field) {
        String v = s == null ? "" : s.strip();
        if (v.length() > 20_000) {
            throw RefusedException.onField(field, "report.error.text-too-long", 20_000);
        }
        return v;
    }

    private static String line(String s, String field) {
        String v = s == null ? "" : s.strip();
        if (v.length() > 200) {
            throw RefusedException.onField(field, "report.error.text-too-long", 200);
        }
        return v;
    }

    /**
     * Freezes the report as it is now: content, figures and the PDF bytes. Refused while the
     * newest version is submitted and not returned.
     */
    @Transactional
    public Submission submit(String periodCode, String unitCode) {
        ReportingPeriod p = periodOf(periodCode);
        UnitRow unit = reportingUnit(p, unitCode);
        queries.lockUnit(unit.id());
        List<Submission> versions = queries.submissions(unit.id(), p.id());
        if (state(versions) == State.SUBMITTED) {
            throw RefusedException.of("report.error.already-submitted", versions.getFirst().versionNo());
        }
        SignedInUser user = currentUser.require();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        ReportContent content = build(p, unit, texts(unit, p), queries.nextDocNumber(unit.id(), today.getYear()), today);
        byte[] pdf = ReportPdf.render(ReportDocuments.unitReport(content, false));
        boolean late = p.lateOn(today);
        int version = queries.nextVersion(unit.id(), p.id());
        long id = queries.insertSubmission(unit.id(), p.id(), version, content, now, today, user.username(), user.displayName(),
                late, pdf, sha256(pdf));
        audit.record("report.submit", AuditLog.Entity.REPORT, id, unit.name() + " – " + p.name(), null,
                "lần " + version + (late ? ", nộp muộn" : "") + "; " + content.trained() + "/" + content.population());
        return queries.submission(id).orElseThrow();
    }

    /** Sở Nội vụ sends a submitted report back; the unit then submits a new version. */
    @PreAuthorize("hasRole('" + Role.Names.ADMIN + "')")
    @Transactional
    public void returnReport(long submissionId, String reason) {
        Submission s = queries.submission(submissionId).orElseThrow(() -> RefusedException.of("report.error.unknown-submission", submissionId));
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw RefusedException.onField("reason", "report.error.reason-required");
        }
        if (why.length() > 2000) {
            throw RefusedException.onField("reason", "report.error.text-too-long", 2000);
        }
        if (s.returned() != null) {
            throw RefusedException.of("report.error.already-returned");
        }
        if (queries.nextVersion(s.unitId(), s.periodId()) != s.versionNo() + 1) {
            throw RefusedException.of("report.error.not-newest");
        }
        SignedInUser user = currentUser.require();
        queries.insertReturn(submissionId, why, user.username(), user.displayName(), clock.instant());
        audit.record("report.return", AuditLog.Entity.REPORT, submissionId, s.unitName() + " – lần " + s.versionNo(), null, why);
    }

    // ---- downloads ----

    /** The report as it stands now (the draft, marked so), in a format. */
    @Transactional(readOnly = true)
    public Download draft(String periodCode, String unitCode, Format format) {
        ReportingPeriod p = periodOf(periodCode);
        UnitRow unit = reportingUnit(p, unitCode);
        ReportContent c = build(p, unit, texts(unit, p), null, today());
        return file("bao-cao-" + p.code() + "-" + unit.code() + "-du-thao", format, ReportDocuments.unitReport(c, true));
    }

    /** A submitted version: the PDF exactly as sent; XLSX and CSV from its stored content. */
    @Transactional(readOnly = true)
    public Download submitted(long submissionId, Format format) {
        Submission s = queries.submission(submissionId)
                .filter(x -> scope.canManage(x.unitId()))
                .orElseThrow(() -> RefusedException.of("report.error.submission-outside-scope", submissionId));
        ReportingPeriod p = queries.periodById(s.periodId()).orElseThrow();
        String name = "bao-cao-" + p.code() + "-" + s.unitCode() + "-lan-" + s.versionNo();
        if (format == Format.PDF) {
            return new Download(name + ".pdf", Format.PDF.mimeType, queries.pdf(submissionId));
        }
        ReportContent c = ReportContent.fromJson(queries.contentJson(submissionId));
        return file(name, format, ReportDocuments.unitReport(c, false));
    }

    // ---- consolidation ----

    /**
     * The reporting units in the subtree of a unit (the root of the tree, i.e. the city, unless
     * another unit is named) and the sums of their submitted reports.
     */
    @PreAuthorize("hasRole('" + Role.Names.ADMIN + "')")
    @Transactional(readOnly = true)
    public Consolidation consolidation(String periodCode, String rootCode) {
        ReportingPeriod p = periodOf(periodCode);
        UnitRow root = rootCode == null || rootCode.isBlank()
                ? queries.rootsAt(p.figuresOn()).stream().findFirst().orElseThrow(() -> RefusedException.of("report.error.no-units"))
                : queries.unitByCode(rootCode.strip()).orElseThrow(() -> RefusedException.of("report.error.unknown-unit", rootCode.strip()));
        List<UnitRow> units = queries.reportingUnitsUnder(root.id(), p.figuresOn());
        Map<Long, Submission> latest = queries.latestSubmissions(p.id(), units.stream().map(UnitRow::id).toList()).stream()
                .collect(Collectors.toMap(Submission::unitId, Function.identity()));
        List<UnitStatus> statuses = new ArrayList<>();
        List<Long> counted = new ArrayList<>();
        for (UnitRow u : units) {
            Submission s = latest.get(u.id());
            if (s == null) {
                statuses.add(new UnitStatus(u.id(), u.code(), u.name(), Status.MISSING, null, 0, null, false, 0, 0, null));
            } else if (s.returned() != null) {
                statuses.add(new UnitStatus(u.id(), u.code(), u.name(), Status.RETURNED, s.id(), s.versionNo(), s.submittedOn(),
                        s.late(), s.population(), s.trained(), s.returned().reason()));
            } else {
                counted.add(s.id());
                statuses.add(new UnitStatus(u.id(), u.code(), u.name(), Status.SUBMITTED, s.id(), s.versionNo(), s.submittedOn(),
                        s.late(), s.population(), s.trained(), null));
            }
        }
        Figures total = queries.sums(counted, "TOTAL").stream().map(Row::figures).reduce(Figures.NONE, Figures::plus);
        return new Consolidation(p, root.code(), root.name(), place(root.name()), today(), statuses, total,
                queries.sums(counted, "SEX"), queries.sums(counted, "CATEGORY"), activityRows(queries.activitySums(counted)));
    }

    @PreAuthorize("hasRole('" + Role.Names.ADMIN + "')")
    @Transactional(readOnly = true)
    public Download consolidated(String periodCode, String rootCode, Format format) {
        Consolidation k = consolidation(periodCode, rootCode);
        return file("tong-hop-" + k.period().code() + "-" + k.rootCode(), format, ReportDocuments.consolidated(k));
    }

    /** Every version of a unit's report, for the administrator's consolidation screen. */
    @PreAuthorize("hasRole('" + Role.Names.ADMIN + "')")
    @Transactional(readOnly = true)
    public List<Submission> versions(String periodCode, long unitId) {
        return queries.submissions(unitId, periodOf(periodCode).id());
    }

    // ---- the coverage report of any day (the dashboard's downloads) ----

    @Override
    @Transactional(readOnly = true)
    public File coverageOfDay(String unitCode, LocalDate date, CoverageDownloads.Format format) {
        CoverageReport r = coverage.coverageOf(unitCode, date);
        UnitRow unit = queries.unitByCode(r.unit().code()).orElseThrow();
        ReportContent c = content(r, unit, null, null, List.of(), null, Texts.EMPTY, null, date);
        List<Row> byType = r.breakdowns().byUnitType().entrySet().stream()
                .map(e -> new Row(e.getKey().name(), vi(e.getKey().translationKey()), e.getValue().population(), e.getValue().trained()))
                .toList();
        Format f = format == CoverageDownloads.Format.PDF ? Format.PDF : Format.XLSX;
        Download d = file("do-bao-phu-" + unit.code() + "-" + date, f, ReportDocuments.coverageOfDay(c, byType));
        return new File(d.fileName(), d.mimeType(), d.bytes());
    }

    // ---- building a report ----

    private ReportContent build(ReportingPeriod p, UnitRow unit, Texts texts, Integer number, LocalDate dated) {
        CoverageReport r = coverage.coverageOf(unit.code(), p.figuresOn());
        List<Activity> activity = activityRows(queries.activity(unit.id(), p.startsOn(), p.figuresOn()));
        return content(r, unit, p, number, activity, queries.attestation(unit.id(), p.id()).orElse(null), texts,
                governingBody(unit), dated);
    }

    private ReportContent content(CoverageReport r, UnitRow unit, ReportingPeriod p, Integer number, List<Activity> activity,
                                  ReportContent.Attestation attestation, Texts texts, String governingBody, LocalDate dated) {
        CoverageService.Breakdowns b = r.breakdowns();
        List<Row> bySex = b.bySex().entrySet().stream()
                .map(e -> new Row(e.getKey(), vi("people.sex." + e.getKey()), e.getValue().population(), e.getValue().trained())).toList();
        List<Row> byCategory = b.byCategory().entrySet().stream()
                .map(e -> new Row(e.getKey().name(), vi(e.getKey().translationKey()), e.getValue().population(), e.getValue().trained()))
                .toList();
        java.text.Collator collator = java.text.Collator.getInstance(VI);
        List<Row> byChild = new ArrayList<>(b.byChild().stream()
                .sorted(Comparator.comparing(u -> u.unit().name(), collator))
                .map(u -> new Row(u.unit().code(), u.unit().name(), u.figures().population(), u.figures().trained())).toList());
        if (!byChild.isEmpty() && b.directlyInUnit().population() > 0) {
            byChild.add(new Row("", vi("coverage.directly-in-unit"), b.directlyInUnit().population(), b.directlyInUnit().trained()));
        }
        int required = r.rule().requiredGroups().size();
        Map<String, vn.gbv.portal.coverage.ProgrammeSettings.Group> groups = coverage.groups();
        List<Row> byGroups = b.byGroups().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> -(e.getKey().isEmpty() ? 0 : e.getKey().split(",").length))
                        .thenComparing(Map.Entry::getKey))
                .map(e -> new Row(e.getKey().isEmpty() ? "-" : e.getKey(), groupsLabel(e.getKey(), required, groups), e.getValue(), 0))
                .toList();
        LocalDate figuresOn = r.asOf();
        return new ReportContent(unit.code(), unit.name(), unit.type(), governingBody, "BC-" + abbreviation(unit.name()), number,
                placeOf(unit), dated, p == null ? null : p.code(), p == null ? null : p.name(), p == null ? null : p.startsOn(),
                figuresOn, p == null ? null : p.unitsDueOn(), r.figures().population(), r.figures().trained(), r.milestone(),
                r.rule().targetPercent(), figuresOn.getYear(), r.rule().windowTo().getYear(), bySex, byCategory, byChild,
                byGroups, activity, attestation, withDefaults(texts, unit));
    }

    /** Online, in-person class and imported, always all three (zero when none). */
    private static List<Activity> activityRows(List<Activity> found) {
        Map<String, Activity> bySource = new LinkedHashMap<>();
        for (String source : List.of("ONLINE", "CLASS", "IMPORT")) {
            bySource.put(source, new Activity(source, vi("report.source." + source), 0, 0, 0, 0));
        }
        for (Activity a : found) {
            bySource.computeIfPresent(a.source(), (k, v) -> new Activity(k, v.label(), a.completions(), a.people(), a.female(), a.male()));
        }
        return List.copyOf(bySource.values());
    }

    private static String groupsLabel(String key, int required, Map<String, vn.gbv.portal.coverage.ProgrammeSettings.Group> groups) {
        List<String> codes = key.isEmpty() ? List.of() : List.of(key.split(","));
        if (codes.isEmpty()) {
            return vi("coverage.groups.none");
        }
        if (codes.size() == required) {
            return vi("coverage.groups.all");
        }
        return vi("coverage.groups.only", codes.stream().map(c -> {
            String label = vi("coverage.group." + c);
            return !label.startsWith("!") ? label : groups.containsKey(c) ? groups.get(c).nameVi() : c;
        }).collect(Collectors.joining(", ")));
    }

    private Texts texts(UnitRow unit, ReportingPeriod p) {
        return withDefaults(queries.draft(unit.id(), p.id()).orElse(Texts.EMPTY), unit);
    }

    /** A UBND signs "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"; another body its head, unless the draft says otherwise. */
    private static Texts withDefaults(Texts t, UnitRow unit) {
        if (t.signerTitle() != null && !t.signerTitle().isBlank()) {
            return t;
        }
        String title = isPeoplesCommittee(unit) ? "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" : "THỦ TRƯỞNG ĐƠN VỊ";
        return new Texts(t.activities(), t.results(), t.difficulties(), t.proposals(), title, t.signerName());
    }

    private static boolean isPeoplesCommittee(UnitRow unit) {
        return List.of("COMMUNE", "WARD", "CITY").contains(unit.type()) || unit.name().startsWith("UBND");
    }

    /** The body above the issuer (Decree 30), for units that are not a people's committee. */
    private String governingBody(UnitRow unit) {
        if (isPeoplesCommittee(unit) || unit.parentId() == null) {
            return null;
        }
        return queries.unitById(unit.parentId()).map(parent -> isPeoplesCommittee(parent) && !parent.name().startsWith("UBND")
                ? "UBND " + ReportDocuments.lowerFirst(parent.name()) : parent.name()).orElse(null);
    }

    /** "Lộc An" for UBND xã Lộc An; the city's name for units of the city. */
    private String placeOf(UnitRow unit) {
        if (List.of("COMMUNE", "WARD").contains(unit.type())) {
            return place(unit.name());
        }
        return queries.rootsAt(today()).stream().findFirst().map(r -> place(r.name())).orElse(place(unit.name()));
    }

    static String place(String name) {
        String s = name.strip();
        for (String prefix : List.of("UBND ", "Ủy ban nhân dân ", "Thành phố ", "thành phố ", "Tỉnh ", "tỉnh ", "xã ", "Xã ",
                "phường ", "Phường ", "thị trấn ", "Thị trấn ")) {
            if (s.startsWith(prefix)) {
                s = s.substring(prefix.length());
            }
        }
        for (String prefix : List.of("xã ", "phường ", "thị trấn ")) {
            if (s.startsWith(prefix)) {
                s = s.substring(prefix.length());
            }
        }
        return s;
    }

    /** The symbol's abbreviation: UBND for a people's committee, else the initials (Sở Y tế -> SYT). */
    static String abbreviation(String name) {
        String first = name.strip().split("\\s+")[0];
        if (first.length() > 1 && first.equals(first.toUpperCase(VI))) {
            return first;
        }
        String initials = java.util.Arrays.stream(name.strip().split("[\\s–-]+")).filter(w -> !w.isEmpty())
                .map(w -> w.substring(0, 1)).collect(Collectors.joining());
        String plain = java.text.Normalizer.normalize(initials.replace('đ', 'd').replace('Đ', 'D'), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.toUpperCase(Locale.ROOT);
    }

    // ---- rules of access ----

    private ReportingPeriod periodOf(String code) {
        if (code == null || code.isBlank()) {
            throw RefusedException.of("report.error.unknown-period", String.valueOf(code));
        }
        return queries.periodByCode(code.strip()).orElseThrow(() -> RefusedException.of("report.error.unknown-period", code.strip()));
    }

    private UnitRow reportingUnit(ReportingPeriod p, String unitCode) {
        if (unitCode == null || unitCode.isBlank()) {
            throw RefusedException.of("report.error.unknown-unit", String.valueOf(unitCode));
        }
        UnitRow unit = queries.unitByCode(unitCode.strip())
                .orElseThrow(() -> RefusedException.of("report.error.unknown-unit", unitCode.strip()));
        if (!scope.canManage(unit.id())) {
            throw RefusedException.of("report.error.outside-scope", unitCode.strip());
        }
        if (!queries.isReportingUnit(unit.id(), p.figuresOn())) {
            throw RefusedException.of("report.error.not-reporting-unit", unit.name());
        }
        return unit;
    }

    private static State state(List<Submission> versions) {
        if (versions.isEmpty()) {
            return State.DRAFT;
        }
        return versions.getFirst().returned() == null ? State.SUBMITTED : State.RETURNED;
    }

    private static UnitChoice choice(UnitRow u) {
        return new UnitChoice(u.id(), u.code(), u.name());
    }

    private static Download file(String baseName, Format format, OfficialDocument d) {
        byte[] bytes = switch (format) {
            case PDF -> ReportPdf.render(d);
            case XLSX -> ReportSheets.xlsx(d);
            case CSV -> ReportSheets.csv(d);
        };
        return new Download(baseName + "." + format.extension, format.mimeType, bytes);
    }

    static String vi(String key, Object... args) {
        return PortalI18nProvider.translate(VI, key, args);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
