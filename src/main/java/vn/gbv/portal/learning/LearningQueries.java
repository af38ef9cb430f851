package vn.gbv.portal.learning;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.gbv.portal.learning.CompletionService.CompletionRow;

/**
 * A learner's progress and completions in SQL: where they are in each course, what they have read
 * and passed, and the completions recorded (read only through the view effective_completion).
 */
@Repository
class LearningQueries {

    private final JdbcClient jdbc;

    LearningQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The person of an enabled account, if it has one. */
    Optional<Long> personOfAccount(String username) {
        return jdbc.sql("select person_id from app_user where username = :username and enabled and person_id is not null")
                .param("username", username).query(Long.class).optional();
    }

    /** Progress in one course as the catalogue shows it, in the version the learner works on. */
    record CourseProgress(long courseId, long versionId, boolean started, Instant lastActivity, int stepsTotal,
                          int stepsDone, LocalDate completedOn) {
    }

    /** Where the learner last was in a course. */
    record Place(long versionId, Long lastLessonId, Long lastQuizId) {
    }

    /** The lessons read and quizzes passed in one version. */
    record Done(Set<Long> lessons, Set<Long> quizzes) {
    }

    /** The newest row of a chain of completions of one version: the only one that can be effective. */
    record ChainTail(long id, boolean revoked) {
    }

    /**
     * Every published course's progress for one learner in one statement (no query per course):
     * steps counted in the pinned version, or the current one when not started.
     */
    Map<Long, CourseProgress> progressOfEveryCourse(long person) {
        return jdbc.sql("""
                with v as (
                  select c.id as course_id, coalesce(p.course_version_id, c.current_version_id) as version_id,
                         p.id is not null as started, p.updated_at
                  from course c left join course_progress p on p.course_id = c.id and p.person_id = :person
                  where c.current_version_id is not null)
                select v.course_id, v.version_id, v.started, v.updated_at,
                  (select count(*) from lesson l join course_module m on m.id = l.module_id
                    where m.course_version_id = v.version_id)
                  + (select count(*) from quiz q where q.course_version_id = v.version_id) as steps_total,
                  (select count(*) from lesson_progress lp join lesson l on l.id = lp.lesson_id
                    join course_module m on m.id = l.module_id
                    where lp.person_id = :person and m.course_version_id = v.version_id)
                  + (select count(distinct a.quiz_id) from quiz_attempt a join quiz q on q.id = a.quiz_id
                    where a.person_id = :person and q.course_version_id = v.version_id and a.passed) as steps_done,
                  (select max(e.completed_on) from effective_completion e
                    where e.person_id = :person and e.course_id = v.course_id) as completed_on
                from v
                """).param("person", person)
                .query((rs, i) -> {
                    Timestamp updated = rs.getTimestamp(4);
                    java.sql.Date completed = rs.getDate(7);
                    return new CourseProgress(rs.getLong(1), rs.getLong(2), rs.getBoolean(3),
                            updated == null ? null : updated.toInstant(), rs.getInt(5), rs.getInt(6),
                            completed == null ? null : completed.toLocalDate());
                }).list().stream().collect(Collectors.toMap(CourseProgress::courseId, p -> p));
    }

    Optional<Place> place(long person, long courseId) {
        return jdbc.sql("""
                select course_version_id, last_lesson_id, last_quiz_id from course_progress
                where person_id = :person and course_id = :course""")
                .param("person", person).param("course", courseId)
                .query((rs, i) -> new Place(rs.getLong(1), rs.getObject(2, Long.class), rs.getObject(3, Long.class)))
                .optional();
    }

    /** Starts the learner on a version; a second start of the same course changes nothing. */
    void start(long person, long courseId, long versionId, Instant now) {
        jdbc.sql("""
                insert into course_progress (person_id, course_id, course_version_id, started_at, updated_at)
                values (:person, :course, :version, :now, :now)
                on duplicate key update updated_at = values(updated_at)""")
                .param("person", person).param("course", courseId).param("version", versionId)
                .param("now", Timestamp.from(now)).update();
    }

    void rememberLesson(long person, long courseId, long lessonId, Instant now) {
        jdbc.sql("""
                update course_progress set last_lesson_id = :lesson, last_quiz_id = null, updated_at = :now
                where person_id = :person and course_id = :course""")
                .param("lesson", lessonId).param("now", Timestamp.from(now))
                .param("person", person).param("course", courseId).update();
    }

    void rememberQuiz(long person, long courseId, long quizId, Instant now) {
        jdbc.sql("""
                update course_progress set last_quiz_id = :quiz, updated_at = :now
                where person_id = :person and course_id = :course""")
                .param("quiz", quizId).param("now", Timestamp.from(now))
                .param("person", person).param("course", courseId).update();
    }

    void markLessonRead(long person, long lessonId, Instant now) {
        jdbc.sql("insert ignore into lesson_progress (person_id, lesson_id, completed_at) values (:person, :lesson, :now)")
                .param("person", person).param("lesson", lessonId).param("now", Timestamp.from(now)).update();
    }

    /** Lessons read and quizzes passed in a version, in one statement. */
    Done done(long person, long versionId) {
        Set<Long> lessons = new HashSet<>();
        Set<Long> quizzes = new HashSet<>();
        jdbc.sql("""
                select 'L', lp.lesson_id from lesson_progress lp join lesson l on l.id = lp.lesson_id
                  join course_module m on m.id = l.module_id
                  where lp.person_id = :person and m.course_version_id = :version
                union all
                select distinct 'Q', a.quiz_id from quiz_attempt a join quiz q on q.id = a.quiz_id
                  where a.person_id = :person and q.course_version_id = :version and a.passed""")
                .param("person", person).param("version", versionId)
                .query((rs, i) -> ("L".equals(rs.getString(1)) ? lessons : quizzes).add(rs.getLong(2))).list();
        return new Done(lessons, quizzes);
    }

    Map<Long, String> quizTitles(long versionId) {
        return jdbc.sql("select id, title from quiz where course_version_id = :version").param("version", versionId)
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The course the learner was in most recently and has not completed in that version. */
    Optional<String> lastCourseInProgress(long person) {
        return jdbc.sql("""
                select c.code from course_progress p join course c on c.id = p.course_id
                where p.person_id = :person and not exists (select 1 from effective_completion x
                  where x.person_id = p.person_id and x.course_id = p.course_id
                    and x.course_version_id = p.course_version_id)
                order by p.updated_at desc limit 1""")
                .param("person", person).query(String.class).optional();
    }

    Optional<Long> versionOfLesson(long lessonId) {
        return jdbc.sql("select m.course_version_id from lesson l join course_module m on m.id = l.module_id where l.id = :lesson")
                .param("lesson", lessonId).query(Long.class).optional();
    }

    long courseOfVersion(long versionId) {
        return jdbc.sql("select course_id from course_version where id = :version").param("version", versionId)
                .query(Long.class).single();
    }

    // ---- completions --------------------------------------------------------------------------

    Optional<LocalDate> completedOn(long person, long courseId) {
        return jdbc.sql("select max(completed_on) from effective_completion where person_id = :person and course_id = :course")
                .param("person", person).param("course", courseId)
                .query((rs, i) -> Optional.ofNullable(rs.getDate(1)).map(java.sql.Date::toLocalDate)).single();
    }

    /** Steps of a version not done yet: lessons not read and quizzes not passed. */
    int stepsLeft(long person, long versionId) {
        return jdbc.sql("""
                select (select count(*) from lesson l join course_module m on m.id = l.module_id
                         where m.course_version_id = :version and not exists (select 1 from lesson_progress lp
                           where lp.person_id = :person and lp.lesson_id = l.id))
                     + (select count(*) from quiz q where q.course_version_id = :version and not exists
                         (select 1 from quiz_attempt a where a.person_id = :person and a.quiz_id = q.id and a.passed))""")
                .param("person", person).param("version", versionId).query(Integer.class).single();
    }

    /** The tail of the learner's chain of completions of a version (none before a first completion). */
    Optional<ChainTail> chainTail(long person, long courseId, long versionId) {
        return jdbc.sql("""
                select c.id, exists (select 1 from completion_revocation r where r.completion_id = c.id)
                from completion c
                where c.person_id = :person and c.course_id = :course and c.course_version_id = :version
                  and not exists (select 1 from completion s where s.supersedes_id = c.id)""")
                .param("person", person).param("course", courseId).param("version", versionId)
                .query((rs, i) -> new ChainTail(rs.getLong(1), rs.getBoolean(2))).optional();
    }

    /**
     * Inserts an online completion; 0 when another request recorded it first (the unique key
     * uk_completion_chain, or uk_completion_supersedes after a revocation, refused this one).
     */
    int insertOnlineCompletion(long person, long courseId, long versionId, LocalDate on, Integer score, Long supersedes,
                               Instant now, String recordedBy) {
        return jdbc.sql("""
                insert ignore into completion (person_id, course_id, course_version_id, completed_on, score_percent,
                  source, supersedes_id, recorded_at, recorded_by)
                values (:person, :course, :version, :on, :score, 'ONLINE', :supersedes, :now, :by)""")
                .param("person", person).param("course", courseId).param("version", versionId).param("on", on)
                .param("score", score).param("supersedes", supersedes).param("now", Timestamp.from(now))
                .param("by", recordedBy).update();
    }

    /** The best passing score of a quiz, rounded down to a whole percent (completion keeps whole percents). */
    Integer bestScore(long person, long quizId) {
        return jdbc.sql("select floor(max(score_percent)) from quiz_attempt where person_id = :person and quiz_id = :quiz and passed")
                .param("person", person).param("quiz", quizId).query((rs, i) -> rs.getObject(1, Integer.class)).list().getFirst();
    }

    private static final String COMPLETION_ROW = """
            select c.id, c.course_id, coalesce(cv.title, cur.title), coalesce(cv.version_no, 0), c.completed_on,
                   c.score_percent, c.source
            from effective_completion c join course co on co.id = c.course_id
            left join course_version cv on cv.id = c.course_version_id
            left join course_version cur on cur.id = co.current_version_id
            """;

    /** The learner's effective completions, newest first. */
    List<CompletionRow> completions(long person) {
        return jdbc.sql(COMPLETION_ROW + " where c.person_id = :person order by c.completed_on desc, c.id desc")
                .param("person", person).query(LearningQueries::completionRow).list();
    }

    /**
     * The effective completion of one version (after a race, the one another request recorded: the
     * caller reads committed, so this statement sees it).
     */
    Optional<CompletionRow> effectiveCompletion(long person, long versionId) {
        return jdbc.sql(COMPLETION_ROW + " where c.person_id = :person and c.course_version_id = :version")
                .param("person", person).param("version", versionId).query(LearningQueries::completionRow).optional();
    }

    private static CompletionRow completionRow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new CompletionRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getDate(5).toLocalDate(),
                rs.getObject(6, Integer.class), rs.getString(7));
    }
}
