package vn.gbv.portal.classroom;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.gbv.portal.classroom.ClassService.AttendanceRow;
import vn.gbv.portal.classroom.ClassService.Candidate;
import vn.gbv.portal.classroom.ClassService.ClassDetail;
import vn.gbv.portal.classroom.ClassService.ClassSummary;
import vn.gbv.portal.classroom.ClassService.CourseOption;
import vn.gbv.portal.classroom.ClassService.Enrolment;
import vn.gbv.portal.classroom.ClassService.NewSession;
import vn.gbv.portal.classroom.ClassService.Session;
import vn.gbv.portal.classroom.ClassService.TrainerOption;
import vn.gbv.portal.classroom.ClassService.UnitOption;
import vn.gbv.portal.unit.StaffCategory;

/** Classes, sessions, enrolments and attendance in SQL, mapped into the service's records. */
@Repository
class ClassQueries {

    private final JdbcClient jdbc;

    ClassQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- classes ----------------------------------------------------------------------------

    private static final String SUMMARY = """
            select c.id, c.title, cv.title course_title, u.name unit_name,
                   (select min(s.session_date) from class_session s where s.class_id = c.id) first_day,
                   (select max(s.session_date) from class_session s where s.class_id = c.id) last_day,
                   (select count(*) from class_enrolment e where e.class_id = c.id and e.status = 'ENROLLED') enrolled,
                   (select count(*) from class_enrolment e where e.class_id = c.id and e.status = 'WAITING') waiting,
                   c.capacity, c.status
            from training_class c
            join course co on co.id = c.course_id
            left join course_version cv on cv.id = coalesce(c.closed_version_id, co.current_version_id)
            join unit u on u.id = c.unit_id
            """;

    /**
     * The classes a caller runs: all (administrators), or those they train, or those of units in
     * their scope (through the closure of the current tree). Newest first.
     */
    List<ClassSummary> classes(boolean all, long userId, boolean manager) {
        return jdbc.sql(SUMMARY + """
                where :all
                   or exists (select 1 from class_trainer t where t.class_id = c.id and t.user_id = :user)
                   or (:manager and exists (select 1 from manager_scope ms join unit_closure uc on uc.ancestor_id = ms.unit_id
                        where ms.user_id = :user and uc.descendant_id = c.unit_id))
                order by c.status = 'CLOSED', last_day desc, c.id desc""")
                .param("all", all).param("user", userId).param("manager", manager)
                .query((rs, i) -> new ClassSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getInt(7), rs.getInt(8),
                        rs.getInt(9), ClassService.Status.valueOf(rs.getString(10))))
                .list();
    }

    record ClassRow(long id, String title, long courseId, String courseCode, String courseTitle, Long currentVersionId,
                    long unitId, String unitCode, String unitName, int capacity, Integer minSessions,
                    ClassService.Status status, Long closedVersionId) {
    }

    Optional<ClassRow> classRow(long classId, boolean forUpdate) {
        return jdbc.sql("""
                select c.id, c.title, c.course_id, co.code, cv.title, co.current_version_id, c.unit_id, u.code, u.name,
                       c.capacity, c.min_sessions, c.status, c.closed_version_id
                from training_class c
                join course co on co.id = c.course_id
                left join course_version cv on cv.id = coalesce(c.closed_version_id, co.current_version_id)
                join unit u on u.id = c.unit_id
                where c.id = :id""" + (forUpdate ? " for update" : ""))
                .param("id", classId)
                .query((rs, i) -> new ClassRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, Long.class), rs.getLong(7), rs.getString(8), rs.getString(9),
                        rs.getInt(10), rs.getObject(11, Integer.class), ClassService.Status.valueOf(rs.getString(12)),
                        rs.getObject(13, Long.class)))
                .optional();
    }

    ClassDetail detail(ClassRow c) {
        return new ClassDetail(c.id(), c.title(), c.courseId(), c.courseCode(), c.courseTitle(), c.unitId(), c.unitCode(),
                c.unitName(), c.capacity(), c.minSessions(), c.status(), sessions(c.id()), trainers(c.id()));
    }

    List<Session> sessions(long classId) {
        return jdbc.sql("""
                select id, seq, session_date, starts_at, ends_at, place from class_session where class_id = :id order by seq""")
                .param("id", classId)
                .query((rs, i) -> new Session(rs.getLong(1), rs.getInt(2), rs.getObject(3, LocalDate.class),
                        rs.getTime(4).toLocalTime(), rs.getTime(5).toLocalTime(), rs.getString(6)))
                .list();
    }

    List<TrainerOption> trainers(long classId) {
        return jdbc.sql("""
                select a.id, a.display_name from class_trainer t join app_user a on a.id = t.user_id
                where t.class_id = :id order by a.display_name""").param("id", classId)
                .query((rs, i) -> new TrainerOption(rs.getLong(1), rs.getString(2))).list();
    }

    boolean isTrainerOf(long classId, long userId) {
        return jdbc.sql("select count(*) from class_trainer where class_id = :c and user_id = :u")
                .param("c", classId).param("u", userId).query(Integer.class).single() > 0;
    }

    long insertClass(String title, long courseId, long unitId, int capacity, Integer minSessions, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into training_class (title, course_id, unit_id, capacity, min_sessions, created_by)
                values (:title, :course, :unit, :capacity, :min, :by)""")
                .param("title", title).param("course", courseId).param("unit", unitId).param("capacity", capacity)
                .param("min", minSessions).param("by", by).update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertSession(long classId, int seq, NewSession s) {
        jdbc.sql("""
                insert into class_session (class_id, seq, session_date, starts_at, ends_at, place)
                values (:c, :seq, :d, :from, :to, :place)""")
                .param("c", classId).param("seq", seq).param("d", Date.valueOf(s.date()))
                .param("from", Time.valueOf(s.startsAt())).param("to", Time.valueOf(s.endsAt())).param("place", s.place())
                .update();
    }

    // ---- editing an open class ----

    void updateClass(long classId, String title, int capacity, Integer minSessions) {
        jdbc.sql("update training_class set title = :title, capacity = :capacity, min_sessions = :min where id = :id")
                .param("title", title).param("capacity", capacity).param("min", minSessions).param("id", classId).update();
    }

    void updateSession(long sessionId, NewSession s) {
        jdbc.sql("update class_session set session_date = :d, starts_at = :from, ends_at = :to, place = :place where id = :id")
                .param("d", Date.valueOf(s.date())).param("from", Time.valueOf(s.startsAt())).param("to", Time.valueOf(s.endsAt()))
                .param("place", s.place()).param("id", sessionId).update();
    }

    boolean hasAttendance(long sessionId) {
        return jdbc.sql("select count(*) from class_attendance where session_id = :s").param("s", sessionId)
                .query(Integer.class).single() > 0;
    }

    void deleteSession(long sessionId) {
        jdbc.sql("delete from class_session where id = :id").param("id", sessionId).update();
    }

    /** Numbers the class's sessions 1, 2, … in date and time order (through free numbers, the pair being unique). */
    void renumberSessions(long classId) {
        jdbc.sql("update class_session set seq = seq + 100000 where class_id = :c").param("c", classId).update();
        List<Long> ordered = jdbc.sql("select id from class_session where class_id = :c order by session_date, starts_at, id")
                .param("c", classId).query(Long.class).list();
        for (int i = 0; i < ordered.size(); i++) {
            jdbc.sql("update class_session set seq = :seq where id = :id").param("seq", i + 1).param("id", ordered.get(i)).update();
        }
    }

    void replaceTrainers(long classId, java.util.Collection<Long> userIds) {
        jdbc.sql("delete from class_trainer where class_id = :c").param("c", classId).update();
        userIds.forEach(u -> insertTrainer(classId, u));
    }

    void insertTrainer(long classId, long userId) {
        jdbc.sql("insert ignore into class_trainer (class_id, user_id) values (:c, :u)").param("c", classId).param("u", userId).update();
    }

    void markClosed(long classId, long versionId, Instant at, String by) {
        jdbc.sql("""
                update training_class set status = 'CLOSED', closed_version_id = :v, closed_at = :at, closed_by = :by
                where id = :id and status = 'OPEN'""")
                .param("v", versionId).param("at", Timestamp.from(at)).param("by", by).param("id", classId).update();
    }

    // ---- choices ----------------------------------------------------------------------------

    List<CourseOption> publishedCourses() {
        return jdbc.sql("""
                select c.id, c.code, v.title from course c join course_version v on v.id = c.current_version_id
                order by v.title""").query((rs, i) -> new CourseOption(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    boolean isPublishedCourse(long courseId) {
        return jdbc.sql("select count(*) from course where id = :id and current_version_id is not null")
                .param("id", courseId).query(Integer.class).single() > 0;
    }

    List<TrainerOption> trainerAccounts() {
        return jdbc.sql("""
                select a.id, a.display_name from app_user a join user_role r on r.user_id = a.id and r.role = 'TRAINER'
                where a.enabled order by a.display_name""").query((rs, i) -> new TrainerOption(rs.getLong(1), rs.getString(2))).list();
    }

    /** Current units, optionally only those below the given roots, whose name or code contains the text. */
    List<UnitOption> units(List<Long> roots, String text, int limit) {
        String below = roots == null ? "" : roots.isEmpty() ? " and false" : """
                 and exists (select 1 from unit_closure uc where uc.descendant_id = u.id and uc.ancestor_id in (:roots))""";
        var spec = jdbc.sql("""
                select u.id, u.code, u.name from unit u where u.valid_to is null
                  and (:text is null or u.name like concat('%', :text, '%') or u.code like concat('%', :text, '%'))""" + below
                + " order by u.name limit :limit")
                .param("text", text == null || text.isBlank() ? null : text.strip()).param("limit", limit);
        if (roots != null && !roots.isEmpty()) {
            spec = spec.param("roots", roots);
        }
        return spec.query((rs, i) -> new UnitOption(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    Optional<UnitOption> unitByCode(String code) {
        return jdbc.sql("select id, code, name from unit where code = :code and valid_to is null").param("code", code)
                .query((rs, i) -> new UnitOption(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** Units of the organising unit's subtree (itself first), for the "by unit" filter. */
    List<UnitOption> subtree(long unitId) {
        return jdbc.sql("""
                select u.id, u.code, u.name from unit_closure uc join unit u on u.id = uc.descendant_id
                where uc.ancestor_id = :unit and u.valid_to is null order by uc.depth, u.name""").param("unit", unitId)
                .query((rs, i) -> new UnitOption(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    // ---- roster and enrolment ---------------------------------------------------------------

    /**
     * People in the organising unit's subtree today (open membership), filtered by part of the name,
     * a unit of the subtree and a staff category, with their enrolment in this class if any.
     */
    List<Candidate> candidates(long classId, long rootUnitId, String name, Long unitId, StaffCategory category, int limit) {
        return jdbc.sql("""
                select p.id, p.full_name, p.birth_year, u.name, m.category, e.status
                from unit_closure uc
                join membership m on m.unit_id = uc.descendant_id and m.valid_to is null
                join person p on p.id = m.person_id
                join unit u on u.id = m.unit_id
                left join class_enrolment e on e.class_id = :class and e.person_id = p.id
                where uc.ancestor_id = :root
                  and (:unit is null or m.unit_id = :unit)
                  and (:category is null or m.category = :category)
                  and (:name is null or p.full_name like concat('%', :name, '%'))
                order by u.name, p.full_name, p.id limit :limit""")
                .param("class", classId).param("root", rootUnitId).param("unit", unitId)
                .param("category", category == null ? null : category.name())
                .param("name", name == null || name.isBlank() ? null : name.strip()).param("limit", limit)
                .query((rs, i) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getObject(3, Integer.class), rs.getString(4),
                        StaffCategory.valueOf(rs.getString(5)), rs.getString(6) == null ? null
                        : ClassService.EnrolmentStatus.valueOf(rs.getString(6))))
                .list();
    }

    /** Of these people, those with an open membership in the organising unit's subtree. */
    Set<Long> onRoster(long rootUnitId, Collection<Long> people) {
        if (people.isEmpty()) {
            return Set.of();
        }
        return new TreeSet<>(jdbc.sql("""
                select distinct m.person_id from membership m join unit_closure uc on uc.descendant_id = m.unit_id
                where uc.ancestor_id = :root and m.valid_to is null and m.person_id in (:people)""")
                .param("root", rootUnitId).param("people", people).query(Long.class).list());
    }

    List<Enrolment> enrolments(long classId) {
        return jdbc.sql("""
                select p.id, p.full_name, p.birth_year, u.name, m.category, e.status, e.id
                from class_enrolment e
                join person p on p.id = e.person_id
                left join membership m on m.person_id = p.id and m.valid_to is null
                left join unit u on u.id = m.unit_id
                where e.class_id = :class
                order by e.status, case when e.status = 'WAITING' then e.id end, p.full_name, p.id""")
                .param("class", classId)
                .query((rs, i) -> new Enrolment(rs.getLong(1), rs.getString(2), rs.getObject(3, Integer.class), rs.getString(4),
                        rs.getString(5) == null ? null : StaffCategory.valueOf(rs.getString(5)),
                        ClassService.EnrolmentStatus.valueOf(rs.getString(6)), rs.getLong(7)))
                .list();
    }

    List<Long> enrolledIds(long classId) {
        return jdbc.sql("select person_id from class_enrolment where class_id = :c and status = 'ENROLLED' order by person_id")
                .param("c", classId).query(Long.class).list();
    }

    int countEnrolled(long classId) {
        return jdbc.sql("select count(*) from class_enrolment where class_id = :c and status = 'ENROLLED'")
                .param("c", classId).query(Integer.class).single();
    }

    Optional<ClassService.EnrolmentStatus> enrolmentOf(long classId, long personId) {
        return jdbc.sql("select status from class_enrolment where class_id = :c and person_id = :p")
                .param("c", classId).param("p", personId)
                .query((rs, i) -> ClassService.EnrolmentStatus.valueOf(rs.getString(1))).optional();
    }

    /** Inserts an enrolment; false when the person was already enrolled or waiting. */
    boolean insertEnrolment(long classId, long personId, ClassService.EnrolmentStatus status, String by) {
        return jdbc.sql("""
                insert ignore into class_enrolment (class_id, person_id, status, enrolled_by) values (:c, :p, :s, :by)""")
                .param("c", classId).param("p", personId).param("s", status.name()).param("by", by).update() == 1;
    }

    void deleteEnrolment(long classId, long personId) {
        jdbc.sql("""
                delete a from class_attendance a join class_session s on s.id = a.session_id
                where s.class_id = :c and a.person_id = :p""").param("c", classId).param("p", personId).update();
        jdbc.sql("delete from class_enrolment where class_id = :c and person_id = :p").param("c", classId).param("p", personId).update();
    }

    /** The first on the waiting list (in the order they were put on it). */
    Optional<Long> firstWaiting(long classId) {
        return jdbc.sql("select person_id from class_enrolment where class_id = :c and status = 'WAITING' order by id limit 1")
                .param("c", classId).query(Long.class).optional();
    }

    void promote(long classId, long personId) {
        jdbc.sql("update class_enrolment set status = 'ENROLLED' where class_id = :c and person_id = :p")
                .param("c", classId).param("p", personId).update();
    }

    String personName(long personId) {
        return jdbc.sql("select full_name from person where id = :p").param("p", personId).query(String.class).optional().orElse("#" + personId);
    }

    // ---- attendance -------------------------------------------------------------------------

    record SessionRef(long id, long classId, int seq, LocalDate date) {
    }

    Optional<SessionRef> session(long sessionId) {
        return jdbc.sql("select id, class_id, seq, session_date from class_session where id = :id").param("id", sessionId)
                .query((rs, i) -> new SessionRef(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getObject(4, LocalDate.class)))
                .optional();
    }

    /** Marks present; false when already present (a second tick or check-in changes nothing). */
    boolean insertAttendance(long sessionId, long personId, String how, Instant at, String by) {
        return jdbc.sql("""
                insert ignore into class_attendance (session_id, person_id, how, recorded_at, recorded_by)
                values (:s, :p, :how, :at, :by)""")
                .param("s", sessionId).param("p", personId).param("how", how).param("at", Timestamp.from(at)).param("by", by)
                .update() == 1;
    }

    boolean deleteAttendance(long sessionId, long personId) {
        return jdbc.sql("delete from class_attendance where session_id = :s and person_id = :p")
                .param("s", sessionId).param("p", personId).update() == 1;
    }

    /** Every enrolled person with the sessions they attended (one statement for the whole class). */
    List<AttendanceRow> attendance(long classId) {
        Map<Long, Set<Integer>> attended = new HashMap<>();
        jdbc.sql("""
                select a.person_id, s.seq, a.how from class_attendance a join class_session s on s.id = a.session_id
                where s.class_id = :c""").param("c", classId)
                .query((rs, i) -> {
                    attended.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getInt(2));
                    return null;
                }).list();
        List<AttendanceRow> rows = new ArrayList<>();
        for (Enrolment e : enrolments(classId)) {
            if (e.status() == ClassService.EnrolmentStatus.ENROLLED) {
                rows.add(new AttendanceRow(e.personId(), e.fullName(), e.birthYear(), e.unitName(),
                        Set.copyOf(attended.getOrDefault(e.personId(), Set.of()))));
            }
        }
        return rows;
    }

    /** Sessions attended by one person in one class. */
    Set<Integer> attendedBy(long classId, long personId) {
        return new TreeSet<>(jdbc.sql("""
                select s.seq from class_attendance a join class_session s on s.id = a.session_id
                where s.class_id = :c and a.person_id = :p""").param("c", classId).param("p", personId).query(Integer.class).list());
    }

    /** Who checked in by QR at a session (the rest were ticked). */
    Set<Long> checkedInByQr(long sessionId) {
        return new TreeSet<>(jdbc.sql("select person_id from class_attendance where session_id = :s and how = 'QR'")
                .param("s", sessionId).query(Long.class).list());
    }

    // ---- settings ---------------------------------------------------------------------------

    /** The committed value, whatever this transaction read before (a locking read). */
    Optional<String> settingCommitted(String name) {
        return jdbc.sql("select value from app_setting where name = :n lock in share mode").param("n", name)
                .query(String.class).optional();
    }

    /** Stores a setting unless one is there (another node may have stored it first). */
    void insertSettingIfAbsent(String name, String value) {
        jdbc.sql("insert ignore into app_setting (name, value) values (:n, :v)").param("n", name).param("v", value).update();
    }

    Optional<Long> personOfAccount(String username) {
        return jdbc.sql("select person_id from app_user where username = :u and enabled and person_id is not null")
                .param("u", username).query(Long.class).optional();
    }
}
