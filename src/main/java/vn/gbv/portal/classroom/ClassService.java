package vn.gbv.portal.classroom;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.audit.AuditLog;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.classroom.ClassQueries.ClassRow;
import vn.gbv.portal.classroom.ClassQueries.SessionRef;
import vn.gbv.portal.coverage.ClassPlanning;
import vn.gbv.portal.learning.ClassCompletions;
import vn.gbv.portal.security.CurrentUser;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.security.SignedInUser;
import vn.gbv.portal.security.UnitScope;
import vn.gbv.portal.unit.StaffCategory;

/**
 * In-person classes (lớp tập huấn trực tiếp): creating them, enrolling people from the organising
 * unit's roster (with a waiting list past capacity), attendance per session, and closing, which
 * records completions for those who met the class's attendance rule.
 * <p>
 * Who runs a class: administrators any; its trainers; unit managers those of units in their scope.
 * A trainer may organise a class for any unit (trainers serve the whole city); a unit manager only
 * for a unit of their scope. Every method that takes a class or session id checks this itself, so
 * an edited URL gets a refusal, never someone else's class. The roster of a class is the
 * organising unit and everything below it.
 */
@Service
@PreAuthorize("hasAnyRole('" + Role.Names.TRAINER + "','" + Role.Names.UNIT_MANAGER + "','" + Role.Names.ADMIN + "')")
public class ClassService {

    static final int MAX_CANDIDATES = 200;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ClassQueries queries;
    private final CurrentUser currentUser;
    private final UnitScope scope;
    private final ClassCompletions completions;
    private final ClassPlanning planning;
    private final AuditLog audit;
    private final AttendanceSheetPdf sheetPdf;
    private final Clock clock;

    ClassService(ClassQueries queries, CurrentUser currentUser, UnitScope scope, ClassCompletions completions,
                 ClassPlanning planning, AuditLog audit, AttendanceSheetPdf sheetPdf, Clock clock) {
        this.queries = queries;
        this.currentUser = currentUser;
        this.scope = scope;
        this.completions = completions;
        this.planning = planning;
        this.audit = audit;
        this.sheetPdf = sheetPdf;
        this.clock = clock;
    }

    public enum Status { OPEN, CLOSED }

    public enum EnrolmentStatus { ENROLLED, WAITING }

    public record ClassSummary(long id, String title, String courseTitle, String unitName, LocalDate firstDay,
                               LocalDate lastDay, int enrolled, int waiting, int capacity, Status status) {
    }

    public record Session(long id, int seq, LocalDate date, LocalTime startsAt, LocalTime endsAt, String place) {
    }

    public record TrainerOption(long id, String name) {
    }

    public record UnitOption(long id, String code, String name) {
    }

    public record CourseOption(long id, String code, String title) {
    }

    public record ClassDetail(long id, String title, long courseId, String courseCode, String courseTitle, long unitId,
                              String unitCode, String unitName, int capacity, Integer minSessions, Status status,
                              List<Session> sessions, List<TrainerOption> trainers) {

        /** Sessions a person must attend: the class's minimum, or every session by default. */
        public int required() {
            return minSessions == null ? sessions.size() : Math.min(minSessions, sessions.size());
        }

        public Optional<LocalDate> lastDay() {
            return sessions.stream().map(Session::date).max(Comparator.naturalOrder());
        }

        public boolean closed() {
            return status == Status.CLOSED;
        }
    }

    public record NewSession(LocalDate date, LocalTime startsAt, LocalTime endsAt, String place) {
    }

    /** What the form asks for; null minSessions = every session. */
    public record NewClass(String title, Long courseId, Long unitId, Integer capacity, Integer minSessions,
                           List<NewSession> sessions, Set<Long> trainerIds) {
    }

    /** A session of the edit form: its id when it exists already, null for a new one. */
    public record EditedSession(Long id, NewSession session) {
    }

    /** What the edit form of an open class asks for (the course and the organising unit stay). */
    public record ClassEdit(String title, Integer capacity, Integer minSessions, List<EditedSession> sessions,
                            Set<Long> trainerIds) {
    }

    public record Candidate(long personId, String fullName, Integer birthYear, String unitName, StaffCategory category,
                            EnrolmentStatus enrolment) {
    }

    public record Enrolment(long personId, String fullName, Integer birthYear, String unitName, StaffCategory category,
                            EnrolmentStatus status, long order) {
    }

    public record AttendanceRow(long personId, String fullName, Integer birthYear, String unitName, Set<Integer> attended) {
    }

    public record EnrolResult(int enrolled, int waiting, int alreadyThere, int notOnRoster) {
    }

    /** One person at closing: the sessions they missed (by number). */
    public record Outcome(long personId, String fullName, Set<Integer> missed) {
    }

    public record ClosingResult(LocalDate completedOn, List<Outcome> recorded, List<Outcome> alreadyCompleted,
                                List<Outcome> notMet) {
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- classes ----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<ClassSummary> myClasses() {
        SignedInUser user = currentUser.require();
        return queries.classes(user.isAdmin(), user.id(), user.has(Role.UNIT_MANAGER));
    }

    @Transactional(readOnly = true)
    public ClassDetail detail(long classId) {
        return queries.detail(runnable(classId, false));
    }

    @Transactional(readOnly = true)
    public List<CourseOption> courses() {
        return queries.publishedCourses();
    }

    @Transactional(readOnly = true)
    public List<TrainerOption> trainers() {
        return queries.trainerAccounts();
    }

    /** Units the caller may organise a class for: all for trainers and administrators, else their scope. */
    @Transactional(readOnly = true)
    public List<UnitOption> organisingUnits(String text, int limit) {
        SignedInUser user = currentUser.require();
        boolean any = user.isAdmin() || user.has(Role.TRAINER);
        return queries.units(any ? null : scope.rootUnitIds(), text, limit);
    }

    /** A unit by code, if the caller may organise a class for it (the link from the coverage drill-down). */
    @Transactional(readOnly = true)
    public Optional<UnitOption> organisingUnit(String code) {
        return queries.unitByCode(code == null ? "" : code.strip()).filter(u -> mayOrganise(u.id()));
    }

    @Transactional
    public long create(NewClass form) {
        SignedInUser user = currentUser.require();
        String title = checkedTitle(form.title());
        if (form.courseId() == null || !queries.isPublishedCourse(form.courseId())) {
            throw RefusedException.onField("course", "classes.error.course-required");
        }
        if (form.unitId() == null) {
            throw RefusedException.onField("unit", "classes.error.unit-required");
        }
        if (!mayOrganise(form.unitId())) {
            throw RefusedException.onField("unit", "classes.error.unit-outside-scope");
        }
        checkCapacity(form.capacity());
        List<NewSession> sessions = form.sessions() == null ? List.of() : form.sessions();
        checkSessions(sessions, form.minSessions());
        Set<Long> trainerIds = checkedTrainers(form.trainerIds(), user);
        long id = queries.insertClass(title, form.courseId(), form.unitId(), form.capacity(), form.minSessions(), user.username());
        List<NewSession> ordered = sessions.stream()
                .sorted(Comparator.comparing(NewSession::date).thenComparing(NewSession::startsAt)).toList();
        for (int i = 0; i < ordered.size(); i++) {
            NewSession s = ordered.get(i);
            queries.insertSession(id, i + 1, new NewSession(s.date(), s.startsAt(), s.endsAt(), s.place().strip()));
        }
        trainerIds.forEach(t -> queries.insertTrainer(id, t));
        audit.record("class.create", AuditLog.Entity.CLASS, id, title, null,
                "course=" + form.courseId() + ", unit=" + form.unitId() + ", capacity=" + form.capacity()
                        + ", sessions=" + ordered.size() + ", minSessions=" + (form.minSessions() == null ? "all" : form.minSessions()));
        return id;
    }

    /**
     * Changes an open class: title, capacity, attendance rule, trainers and sessions (the course and
     * the organising unit stay: people were enrolled for them). A session that has attendance cannot
     * be removed, capacity cannot go below the people enrolled, and a higher capacity takes people
     * from the waiting list in their order. Sessions are numbered again in date order.
     */
    @Transactional
    public void update(long classId, ClassEdit form) {
        SignedInUser user = currentUser.require();
        ClassRow c = runnable(classId, true);
        requireOpen(c);
        String title = checkedTitle(form.title());
        checkCapacity(form.capacity());
        int enrolledNow = queries.countEnrolled(classId);
        if (form.capacity() < enrolledNow) {
            throw RefusedException.onField("capacity", "classes.error.capacity-below-enrolled", enrolledNow);
        }
        List<EditedSession> edited = form.sessions() == null ? List.of() : form.sessions();
        checkSessions(edited.stream().map(EditedSession::session).toList(), form.minSessions());
        Set<Long> trainerIds = checkedTrainers(form.trainerIds(), user);
        List<Session> existing = queries.sessions(classId);
        Set<Long> existingIds = existing.stream().map(Session::id).collect(Collectors.toSet());
        Set<Long> kept = new HashSet<>();
        for (EditedSession e : edited) {
            if (e.id() != null && (!existingIds.contains(e.id()) || !kept.add(e.id()))) {
                throw RefusedException.of("classes.error.unknown-session", String.valueOf(e.id()));
            }
        }
        for (Session s : existing) {
            if (!kept.contains(s.id()) && queries.hasAttendance(s.id())) {
                throw RefusedException.onField("sessions", "classes.error.session-has-attendance", s.seq(),
                        DAY.format(s.date()));
            }
        }
        existing.stream().filter(s -> !kept.contains(s.id())).forEach(s -> queries.deleteSession(s.id()));
        int next = existing.size();
        for (EditedSession e : edited) {
            NewSession s = e.session();
            NewSession clean = new NewSession(s.date(), s.startsAt(), s.endsAt(), s.place().strip());
            if (e.id() == null) {
                queries.insertSession(classId, 100_000 + ++next, clean);
            } else {
                queries.updateSession(e.id(), clean);
            }
        }
        queries.renumberSessions(classId);
        queries.replaceTrainers(classId, trainerIds);
        queries.updateClass(classId, title, form.capacity(), form.minSessions());
        audit.record("class.update", AuditLog.Entity.CLASS, classId, title,
                "title=" + c.title() + ", capacity=" + c.capacity() + ", sessions=" + existing.size()
                        + ", minSessions=" + (c.minSessions() == null ? "all" : c.minSessions()),
                "title=" + title + ", capacity=" + form.capacity() + ", sessions=" + edited.size()
                        + ", minSessions=" + (form.minSessions() == null ? "all" : form.minSessions()));
        for (int free = form.capacity() - enrolledNow; free > 0; free--) {
            Optional<Long> waiting = queries.firstWaiting(classId);
            if (waiting.isEmpty()) {
                break;
            }
            queries.promote(classId, waiting.get());
            String name = queries.personName(waiting.get());
            audit.record("class.promote", AuditLog.Entity.CLASS, classId, title, name + " (WAITING)", name + " (ENROLLED)");
        }
    }

    private static String checkedTitle(String text) {
        String title = text == null ? "" : text.strip();
        if (title.isEmpty()) {
            throw RefusedException.onField("title", "classes.error.title-required");
        }
        if (title.length() > 300) {
            throw RefusedException.onField("title", "classes.error.title-too-long", 300);
        }
        return title;
    }

    private static void checkCapacity(Integer capacity) {
        if (capacity == null || capacity < 1 || capacity > 1000) {
            throw RefusedException.onField("capacity", "classes.error.capacity", 1000);
        }
    }

    /** Each session complete (date, times in order, a place), at least one, and the attendance rule within them. */
    private static void checkSessions(List<NewSession> sessions, Integer minSessions) {
        if (sessions.isEmpty()) {
            throw RefusedException.onField("sessions", "classes.error.no-session");
        }
        for (int i = 0; i < sessions.size(); i++) {
            NewSession s = sessions.get(i);
            if (s.date() == null || s.startsAt() == null || s.endsAt() == null) {
                throw RefusedException.onField("sessions", "classes.error.session-incomplete", i + 1);
            }
            if (!s.endsAt().isAfter(s.startsAt())) {
                throw RefusedException.onField("sessions", "classes.error.session-times", i + 1);
            }
            if (s.place() == null || s.place().isBlank()) {
                throw RefusedException.onField("sessions", "classes.error.session-place", i + 1);
            }
        }
        if (minSessions != null && (minSessions < 1 || minSessions > sessions.size())) {
            throw RefusedException.onField("minSessions", "classes.error.min-sessions", sessions.size());
        }
    }

    /** The chosen trainers, with the signed-in trainer among them, every one a trainer account. */
    private Set<Long> checkedTrainers(Set<Long> chosen, SignedInUser user) {
        Set<Long> trainerIds = new LinkedHashSet<>(chosen == null ? Set.of() : chosen);
        if (user.has(Role.TRAINER)) {
            trainerIds.add(user.id());
        }
        Set<Long> knownTrainers = queries.trainerAccounts().stream().map(TrainerOption::id).collect(Collectors.toSet());
        if (trainerIds.isEmpty() || !knownTrainers.containsAll(trainerIds)) {
            throw RefusedException.onField("trainers", "classes.error.trainer-required");
        }
        return trainerIds;
    }

    // ---- enrolment --------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Enrolment> enrolments(long classId) {
        runnable(classId, false);
        return queries.enrolments(classId);
    }

    /** Units of the organising unit's subtree, for the "by unit" filter. */
    @Transactional(readOnly = true)
    public List<UnitOption> rosterUnits(long classId) {
        return queries.subtree(runnable(classId, false).unitId());
    }

    /** People of the roster, by part of the name, unit and category (at most {@value #MAX_CANDIDATES}). */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(long classId, String name, Long unitId, StaffCategory category) {
        ClassRow c = runnable(classId, false);
        return queries.candidates(classId, c.unitId(), name, unitId, category, MAX_CANDIDATES);
    }

    /**
     * Enrols people of the roster in the order given: while places are left they are enrolled, then
     * they go on the waiting list. The class row is locked, so two enrolments at once cannot both
     * take the last place.
     */
    @Transactional
    public EnrolResult enrol(long classId, List<Long> people) {
        ClassRow c = runnable(classId, true);
        requireOpen(c);
        Set<Long> roster = queries.onRoster(c.unitId(), people);
        int free = c.capacity() - queries.countEnrolled(classId);
        int enrolled = 0;
        int waiting = 0;
        int already = 0;
        List<String> names = new ArrayList<>();
        for (Long person : new LinkedHashSet<>(people)) {
            if (!roster.contains(person)) {
                continue;
            }
            EnrolmentStatus status = free > 0 ? EnrolmentStatus.ENROLLED : EnrolmentStatus.WAITING;
            if (queries.insertEnrolment(classId, person, status, currentUser.require().username())) {
                if (status == EnrolmentStatus.ENROLLED) {
                    free--;
                    enrolled++;
                } else {
                    waiting++;
                }
                names.add(queries.personName(person) + (status == EnrolmentStatus.WAITING ? " (chờ)" : ""));
            } else {
                already++;
            }
        }
        int notOnRoster = (int) people.stream().distinct().filter(p -> !roster.contains(p)).count();
        if (enrolled + waiting > 0) {
            audit.record("class.enrol", AuditLog.Entity.CLASS, classId, c.title(), null, String.join(", ", names));
        }
        return new EnrolResult(enrolled, waiting, already, notOnRoster);
    }

    /** Removes a person (and their attendance); the first on the waiting list takes a freed place. */
    @Transactional
    public Optional<String> remove(long classId, long personId) {
        ClassRow c = runnable(classId, true);
        requireOpen(c);
        EnrolmentStatus was = queries.enrolmentOf(classId, personId)
                .orElseThrow(() -> RefusedException.of("classes.error.not-enrolled"));
        String name = queries.personName(personId);
        queries.deleteEnrolment(classId, personId);
        audit.record("class.unenrol", AuditLog.Entity.CLASS, classId, c.title(), name + " (" + was + ")", null);
        if (was == EnrolmentStatus.ENROLLED && queries.countEnrolled(classId) < c.capacity()) {
            Optional<Long> next = queries.firstWaiting(classId);
            next.ifPresent(p -> {
                queries.promote(classId, p);
                audit.record("class.promote", AuditLog.Entity.CLASS, classId, c.title(), queries.personName(p) + " (WAITING)",
                        queries.personName(p) + " (ENROLLED)");
            });
            return next.map(queries::personName);
        }
        return Optional.empty();
    }

    // ---- planning against the gap -----------------------------------------------------------

    /** The organising unit's coverage today and if every enrolled person completed the course. */
    @Transactional(readOnly = true)
    public Optional<ClassPlanning.Projection> projection(long classId) {
        ClassRow c = runnable(classId, false);
        return planning.projection(c.unitId(), today(), c.courseId(), queries.enrolledIds(classId));
    }

    /** Who of the organising unit's target population is not trained today, and what they lack. */
    @Transactional(readOnly = true)
    public List<ClassPlanning.Lacking> notYetTrained(long classId, String name, int offset, int limit) {
        ClassRow c = runnable(classId, false);
        return planning.lacking(c.unitId(), today(), name, offset, limit);
    }

    @Transactional(readOnly = true)
    public int notYetTrainedCount(long classId, String name) {
        ClassRow c = runnable(classId, false);
        return planning.lackingCount(c.unitId(), today(), name);
    }

    // ---- attendance -------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<AttendanceRow> attendance(long classId) {
        runnable(classId, false);
        return queries.attendance(classId);
    }

    @Transactional(readOnly = true)
    public Set<Long> checkedInByQr(long sessionId) {
        SessionRef s = session(sessionId);
        runnable(s.classId(), false);
        return queries.checkedInByQr(sessionId);
    }

    /**
     * Ticks or unticks a person at a session. On a closed class this is a correction: the person's
     * completion from this class is recorded or revoked (insert-only, audited) to match.
     */
    @Transactional
    public void setPresent(long sessionId, long personId, boolean present) {
        SessionRef s = session(sessionId);
        ClassRow c = runnable(s.classId(), true);
        if (queries.enrolmentOf(c.id(), personId).orElse(null) != EnrolmentStatus.ENROLLED) {
            throw RefusedException.of("classes.error.not-enrolled");
        }
        String by = currentUser.require().username();
        boolean changed = present ? queries.insertAttendance(sessionId, personId, "TICK", clock.instant(), by)
                : queries.deleteAttendance(sessionId, personId);
        if (!changed) {
            return;
        }
        String who = queries.personName(personId);
        audit.record(c.status() == Status.CLOSED ? "class.attendance-correction" : "class.attendance", AuditLog.Entity.CLASS,
                c.id(), c.title(), who + ", buổi " + s.seq() + ": " + (present ? "vắng" : "có mặt"),
                who + ", buổi " + s.seq() + ": " + (present ? "có mặt" : "vắng"));
        if (c.status() == Status.CLOSED) {
            reconcile(queries.detail(c), c.closedVersionId(), personId, who, by);
        }
    }

    /** After a correction on a closed class: the completion follows the attendance rule. */
    private void reconcile(ClassDetail c, long versionId, long personId, String who, String by) {
        boolean meets = queries.attendedBy(c.id(), personId).size() >= c.required();
        Optional<Long> existing = completions.effectiveFromClass(personId, c.id());
        if (meets && existing.isEmpty()) {
            if (completions.record(personId, c.courseId(), versionId, c.id(), c.lastDay().orElseThrow(), by)
                    == ClassCompletions.Outcome.RECORDED) {
                audit.record("class.completion-recorded", AuditLog.Entity.CLASS, c.id(), c.title(), null, who);
            }
        } else if (!meets && existing.isPresent()) {
            completions.revoke(existing.get(), "Sửa điểm danh sau khi kết thúc lớp \"" + c.title() + "\"", by);
            audit.record("class.completion-revoked", AuditLog.Entity.CLASS, c.id(), c.title(), who, null);
        }
    }

    // ---- closing ----------------------------------------------------------------------------

    /** Who would get a completion if the class were closed now, and who not and why. */
    @Transactional(readOnly = true)
    public ClosingResult closingPreview(long classId) {
        ClassDetail c = queries.detail(runnable(classId, false));
        List<Outcome> met = new ArrayList<>();
        List<Outcome> notMet = new ArrayList<>();
        split(c, met, notMet);
        return new ClosingResult(c.lastDay().orElse(null), met, List.of(), notMet);
    }

    /**
     * Closes the class: in one transaction, a completion (source CLASS, dated the last session) for
     * every enrolled person who met the attendance rule, unless they already have an effective
     * completion of that course version; the others are listed with the sessions they missed.
     */
    @Transactional
    public ClosingResult close(long classId) {
        ClassRow row = runnable(classId, true);
        requireOpen(row);
        ClassDetail c = queries.detail(row);
        LocalDate last = c.lastDay().orElseThrow(() -> RefusedException.of("classes.error.no-session"));
        if (last.isAfter(today())) {
            throw RefusedException.of("classes.error.not-finished", last);
        }
        if (row.currentVersionId() == null) {
            throw RefusedException.of("classes.error.course-unpublished");
        }
        List<Outcome> met = new ArrayList<>();
        List<Outcome> notMet = new ArrayList<>();
        split(c, met, notMet);
        String by = currentUser.require().username();
        List<Outcome> recorded = new ArrayList<>();
        List<Outcome> already = new ArrayList<>();
        for (Outcome o : met) {
            var outcome = completions.record(o.personId(), c.courseId(), row.currentVersionId(), c.id(), last, by);
            (outcome == ClassCompletions.Outcome.RECORDED ? recorded : already).add(o);
        }
        queries.markClosed(c.id(), row.currentVersionId(), clock.instant(), by);
        audit.record("class.close", AuditLog.Entity.CLASS, c.id(), c.title(), "OPEN",
                "CLOSED: " + recorded.size() + " hoàn thành, " + already.size() + " đã hoàn thành trước, "
                        + notMet.size() + " chưa đạt (" + notMet.stream().map(Outcome::fullName).collect(Collectors.joining(", ")) + ")");
        return new ClosingResult(last, recorded, already, notMet);
    }

    private void split(ClassDetail c, List<Outcome> met, List<Outcome> notMet) {
        Set<Integer> all = c.sessions().stream().map(Session::seq).collect(Collectors.toCollection(TreeSet::new));
        for (AttendanceRow a : queries.attendance(c.id())) {
            Set<Integer> missed = new TreeSet<>(all);
            missed.removeAll(a.attended());
            Outcome o = new Outcome(a.personId(), a.fullName(), missed);
            (a.attended().size() >= c.required() ? met : notMet).add(o);
        }
    }

    // ---- documents --------------------------------------------------------------------------

    /** The attendance sheet (danh sách điểm danh) as a PDF, with a signature column per session. */
    @Transactional(readOnly = true)
    public void attendanceSheet(long classId, OutputStream out) throws IOException {
        ClassDetail c = queries.detail(runnable(classId, false));
        sheetPdf.write(c, queries.enrolments(classId).stream().filter(e -> e.status() == EnrolmentStatus.ENROLLED).toList(), out);
    }

    /** The invitation list as XLSX: the enrolled, then the waiting list. */
    @Transactional(readOnly = true)
    public void invitationList(long classId, OutputStream out) throws IOException {
        ClassDetail c = queries.detail(runnable(classId, false));
        InvitationWorkbook.write(c, queries.enrolments(classId), out);
    }

    // ---- access -----------------------------------------------------------------------------

    private SessionRef session(long sessionId) {
        return queries.session(sessionId).orElseThrow(() -> RefusedException.of("classes.error.unknown-session", String.valueOf(sessionId)));
    }

    private ClassRow runnable(long classId, boolean forUpdate) {
        ClassRow c = queries.classRow(classId, forUpdate)
                .orElseThrow(() -> RefusedException.of("classes.error.unknown-class", String.valueOf(classId)));
        SignedInUser user = currentUser.require();
        boolean may = user.isAdmin() || queries.isTrainerOf(classId, user.id())
                || (user.has(Role.UNIT_MANAGER) && scope.canManage(c.unitId()));
        if (!may) {
            throw RefusedException.of("classes.error.not-yours", String.valueOf(classId));
        }
        return c;
    }

    private boolean mayOrganise(long unitId) {
        SignedInUser user = currentUser.require();
        return user.isAdmin() || user.has(Role.TRAINER) || (user.has(Role.UNIT_MANAGER) && scope.canManage(unitId));
    }

    private static void requireOpen(ClassRow c) {
        if (c.status() == Status.CLOSED) {
            throw RefusedException.of("classes.error.closed");
        }
    }

    static List<Integer> numbers(int n) {
        return IntStream.rangeClosed(1, n).boxed().toList();
    }
}
