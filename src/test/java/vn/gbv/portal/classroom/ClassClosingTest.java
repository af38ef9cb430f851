package vn.gbv.portal.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.TestAccounts;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.classroom.ClassService.ClosingResult;
import vn.gbv.portal.classroom.ClassService.NewSession;
import vn.gbv.portal.classroom.ClassService.Outcome;
import vn.gbv.portal.coverage.CoverageService;
import vn.gbv.portal.coverage.Figures;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.UnitService;

/**
 * Closing a class records exactly the completions due (attendance rule met, not already completed),
 * in one go, dated the last session; coverage moves by exactly the people it makes trained; a
 * closed class is corrected only by new completion rows or revocations, each audited. Also the
 * waiting list, the planning figure and the scope of who runs a class.
 */
@SpringBootTest
@Transactional
class ClassClosingTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired UnitService units;
    @Autowired ClassService classes;
    @Autowired CoverageService coverage;

    ClassTestData data;
    String admin;
    LocalDate today;

    @BeforeEach
    void world() {
        data = new ClassTestData(jdbc, units);
        admin = "admin-" + data.run;
        TestAccounts.account(jdbc, admin, Set.of(Role.ADMIN));
        today = LocalDate.now();
    }

    private long twoSessionClass(String title, LocalDate first, LocalDate second, int capacity, Integer min) {
        return ClassTestData.as(data.trainer, Role.TRAINER, () -> classes.create(new ClassService.NewClass(title, data.knowledge,
                data.ward, capacity, min, List.of(new NewSession(second, LocalTime.of(13, 30), LocalTime.of(17, 0), "Hội trường UBND"),
                new NewSession(first, LocalTime.of(8, 0), LocalTime.of(11, 30), "Hội trường UBND")), Set.of())));
    }

    private Figures figures() {
        return ClassTestData.as(admin, Role.ADMIN, () -> coverage.figuresOf(data.code("WARD"), today));
    }

    @Test
    void closingRecordsExactlyTheCompletionsDueAndCoverageMovesByThePeopleItTrains() {
        long p1 = data.person("Nguyễn Thị An", data.ward);   // in-depth done, attends both: becomes trained
        long p2 = data.person("Trần Văn Bình", data.ward);   // in-depth done, misses session 2: not met
        long p3 = data.person("Lê Thị Cúc", data.ward);      // already trained online: no new row
        long p4 = data.person("Phạm Văn Dũng", data.ward);   // attends both, but lacks in-depth: completion, not trained
        LocalDate d1 = today.minusDays(10);
        LocalDate d2 = today.minusDays(3);
        for (long p : List.of(p1, p2, p3)) {
            data.online(p, data.inDepth, data.inDepthVersion, LocalDate.of(2026, 3, 2));
        }
        data.online(p3, data.knowledge, data.knowledgeVersion, LocalDate.of(2026, 4, 2));
        long id = twoSessionClass("Lớp kiến thức cơ bản " + data.run, d1, d2, 10, null);
        ClassService.ClassDetail detail = ClassTestData.as(data.trainer, Role.TRAINER, () -> classes.detail(id));
        assertThat(detail.sessions()).extracting(ClassService.Session::date).containsExactly(d1, d2); // ordered by date
        long s1 = detail.sessions().get(0).id();
        long s2 = detail.sessions().get(1).id();

        ClassTestData.as(data.trainer, Role.TRAINER, () -> {
            assertThat(classes.enrol(id, List.of(p1, p2, p3, p4))).isEqualTo(new ClassService.EnrolResult(4, 0, 0, 0));
            for (long p : List.of(p1, p2, p3, p4)) {
                classes.setPresent(s1, p, true);
            }
            for (long p : List.of(p1, p3, p4)) {
                classes.setPresent(s2, p, true);
            }
        });

        Figures before = figures();
        assertThat(before).isEqualTo(new Figures(4, 1));
        // planning: p1 and p2 lack only the knowledge group, which this course gives
        var projection = ClassTestData.as(data.trainer, Role.TRAINER, () -> classes.projection(id)).orElseThrow();
        assertThat(projection.now()).isEqualTo(before);
        assertThat(projection.becomeTrained()).containsExactlyInAnyOrder(p1, p2);
        assertThat(projection.ifAllComplete()).isEqualTo(new Figures(4, 3));
        assertThat(projection.enrolledInPopulation()).isEqualTo(4);

        ClosingResult result = ClassTestData.as(data.trainer, Role.TRAINER, () -> classes.close(id));

        assertThat(result.completedOn()).isEqualTo(d2);
        assertThat(result.recorded()).extracting(Outcome::personId).containsExactlyInAnyOrder(p1, p4);
        assertThat(result.alreadyCompleted()).extracting(Outcome::personId).containsExactly(p3);
        assertThat(result.notMet()).singleElement().satisfies(o -> {
            assertThat(o.personId()).isEqualTo(p2);
            assertThat(o.missed()).containsExactly(2);
        });
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select person_id, source, completed_on, course_version_id from completion where class_id = ? order by person_id", id);
        assertThat(rows).extracting(r -> ((Number) r.get("person_id")).longValue()).containsExactly(p1, p4);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("source")).isEqualTo("CLASS");
            assertThat(r.get("completed_on").toString()).isEqualTo(d2.toString());
            assertThat(((Number) r.get("course_version_id")).longValue()).isEqualTo(data.knowledgeVersion);
        });
        // p1 becomes trained; p4 still lacks in-depth; p3 was trained already
        assertThat(figures()).isEqualTo(new Figures(4, 2));
        assertThat(auditCount(id, "class.close")).isEqualTo(1);

        // closed: no second closing, no enrolment
        ClassTestData.as(data.trainer, Role.TRAINER, () -> {
            assertThatThrownBy(() -> classes.close(id)).isInstanceOf(RefusedException.class).hasMessage("classes.error.closed");
            assertThatThrownBy(() -> classes.enrol(id, List.of(p1))).hasMessage("classes.error.closed");
        });

        // correction after closing: p2 did attend session 2 → a new completion; p1 did not attend session 1 → revoked
        ClassTestData.as(data.trainer, Role.TRAINER, () -> classes.setPresent(s2, p2, true));
        assertThat(jdbc.queryForObject("select count(*) from effective_completion where class_id = ? and person_id = ?",
                Integer.class, id, p2)).isEqualTo(1);
        assertThat(figures()).isEqualTo(new Figures(4, 3));
        ClassTestData.as(data.trainer, Role.TRAINER, () -> classes.setPresent(s1, p1, false));
        assertThat(jdbc.queryForObject("select count(*) from effective_completion where class_id = ? and person_id = ?",
                Integer.class, id, p1)).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from completion c join completion_revocation r on r.completion_id = c.id
                where c.class_id = ? and c.person_id = ?""", Integer.class, id, p1)).isEqualTo(1);
        assertThat(figures()).isEqualTo(new Figures(4, 2));
        // p1 present again: a new row supersedes the revoked one (insert-only: two rows, the first revoked)
        ClassTestData.as(data.trainer, Role.TRAINER, () -> classes.setPresent(s1, p1, true));
        assertThat(jdbc.queryForObject("select count(*) from completion where class_id = ? and person_id = ?", Integer.class, id, p1))
                .isEqualTo(2);
        assertThat(figures()).isEqualTo(new Figures(4, 3));
        assertThat(auditCount(id, "class.attendance-correction")).isEqualTo(3);
        assertThat(auditCount(id, "class.completion-recorded")).isEqualTo(2);
        assertThat(auditCount(id, "class.completion-revoked")).isEqualTo(1);
    }

    @Test
    void aMinimumOfSessionsIsTheRuleWhenSetAndAClassClosesOnlyAfterItsLastSession() {
        long p1 = data.person("Đỗ Thị Én", data.ward);
        long early = twoSessionClass("Lớp tối thiểu " + data.run, today.minusDays(5), today.minusDays(4), 5, 1);
        long later = twoSessionClass("Lớp sắp tới " + data.run, today.minusDays(1), today.plusDays(2), 5, null);
        ClassTestData.as(data.trainer, Role.TRAINER, () -> {
            classes.enrol(early, List.of(p1));
            classes.setPresent(classes.detail(early).sessions().get(1).id(), p1, true);
            assertThat(classes.close(early).recorded()).extracting(Outcome::personId).containsExactly(p1);
            assertThatThrownBy(() -> classes.close(later)).isInstanceOf(RefusedException.class)
                    .hasMessage("classes.error.not-finished");
        });
    }

    @Test
    void pastCapacityPeopleWaitAndTheFirstWaitingTakesAFreedPlace() {
        long a = data.person("Người Một", data.ward);
        long b = data.person("Người Hai", data.ward);
        long c = data.person("Người Ba", data.ward);
        long d = data.person("Người Bốn", data.ward);
        long outsider = data.person("Người Phường Khác", data.otherWard);
        long id = twoSessionClass("Lớp nhỏ " + data.run, today.plusDays(3), today.plusDays(4), 2, null);
        ClassTestData.as(data.trainer, Role.TRAINER, () -> {
            assertThat(classes.enrol(id, List.of(a, b, c, d, outsider))).isEqualTo(new ClassService.EnrolResult(2, 2, 0, 1));
            assertThat(classes.enrol(id, List.of(a))).isEqualTo(new ClassService.EnrolResult(0, 0, 1, 0));
            assertThat(classes.remove(id, a)).contains("Người Ba");
            assertThat(classes.enrolments(id)).extracting(ClassService.Enrolment::personId, ClassService.Enrolment::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(c, ClassService.EnrolmentStatus.ENROLLED),
                            org.assertj.core.groups.Tuple.tuple(b, ClassService.EnrolmentStatus.ENROLLED),
                            org.assertj.core.groups.Tuple.tuple(d, ClassService.EnrolmentStatus.WAITING));
            // removing someone waiting frees no place
            assertThat(classes.remove(id, d)).isEmpty();
        });
        assertThat(auditCount(id, "class.promote")).isEqualTo(1);
    }

    @Test
    void onlyItsTrainersManagersOfItsUnitAndAdministratorsRunAClass() {
        long id = twoSessionClass("Lớp phạm vi " + data.run, today.plusDays(3), today.plusDays(4), 5, null);
        String otherTrainer = "trainer2-" + data.run;
        TestAccounts.account(jdbc, otherTrainer, Set.of(Role.TRAINER));
        String wardManager = "mgr-" + data.run;
        TestAccounts.account(jdbc, wardManager, Set.of(Role.UNIT_MANAGER), data.ward);
        String otherManager = "mgr2-" + data.run;
        TestAccounts.account(jdbc, otherManager, Set.of(Role.UNIT_MANAGER), data.otherWard);

        ClassTestData.as(otherTrainer, Role.TRAINER, () -> assertThatThrownBy(() -> classes.detail(id))
                .isInstanceOf(RefusedException.class).hasMessage("classes.error.not-yours"));
        ClassTestData.as(otherManager, Role.UNIT_MANAGER, () -> {
            assertThatThrownBy(() -> classes.detail(id)).hasMessage("classes.error.not-yours");
            assertThat(classes.myClasses()).extracting(ClassService.ClassSummary::id).doesNotContain(id);
            // and cannot organise one for a unit outside their scope
            assertThatThrownBy(() -> classes.create(new ClassService.NewClass("X", data.knowledge, data.ward, 5, null,
                    List.of(new NewSession(today, LocalTime.of(8, 0), LocalTime.of(9, 0), "P")), Set.of())))
                    .hasMessage("classes.error.unit-outside-scope");
        });
        ClassTestData.as(wardManager, Role.UNIT_MANAGER, () -> {
            assertThat(classes.detail(id).title()).isEqualTo("Lớp phạm vi " + data.run);
            assertThat(classes.myClasses()).extracting(ClassService.ClassSummary::id).contains(id);
        });
        ClassTestData.as(admin, Role.ADMIN, () -> assertThat(classes.detail(id).id()).isEqualTo(id));
    }

    @Test
    void aFormWithoutPlaceOrWithEndBeforeStartIsRefusedNamingTheSession() {
        ClassTestData.as(data.trainer, Role.TRAINER, () -> {
            assertThatThrownBy(() -> classes.create(new ClassService.NewClass("Lớp lỗi", data.knowledge, data.ward, 5, null,
                    List.of(new NewSession(today, LocalTime.of(8, 0), LocalTime.of(9, 0), "Phòng 1"),
                            new NewSession(today, LocalTime.of(10, 0), LocalTime.of(9, 0), "Phòng 1")), Set.of())))
                    .isInstanceOfSatisfying(RefusedException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("classes.error.session-times");
                        assertThat(e.args()).containsExactly(2);
                    });
            assertThatThrownBy(() -> classes.create(new ClassService.NewClass("Lớp lỗi", data.knowledge, data.ward, 5, 3,
                    List.of(new NewSession(today, LocalTime.of(8, 0), LocalTime.of(9, 0), "Phòng 1")), Set.of())))
                    .hasMessage("classes.error.min-sessions");
        });
    }

    private int auditCount(long classId, String action) {
        return jdbc.queryForObject("select count(*) from audit_event where entity_type = 'class' and entity_id = ? and action = ?",
                Integer.class, String.valueOf(classId), action);
    }
}
