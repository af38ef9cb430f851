package vn.gbv.portal.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.TestAccounts;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.classroom.ClassService.ClassEdit;
import vn.gbv.portal.classroom.ClassService.EditedSession;
import vn.gbv.portal.classroom.ClassService.EnrolmentStatus;
import vn.gbv.portal.classroom.ClassService.NewSession;
import vn.gbv.portal.classroom.ClassService.Session;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.UnitService;

/**
 * Editing an open class: title, capacity, attendance rule, trainers and sessions change; a session
 * with attendance cannot be removed, capacity cannot go below the people enrolled, a higher
 * capacity takes people from the waiting list, sessions are numbered again in date order and keep
 * their attendance; a closed class cannot be edited. Through the service and through the form.
 */
@SpringBootTest
@Transactional
@WithMockUser(username = "edit-class-trainer", roles = {"TRAINER", "LEARNER"})
class ClassEditTest extends SpringBrowserlessTest {

    static final LocalDate TODAY = LocalDate.now();

    @Autowired JdbcTemplate jdbc;
    @Autowired UnitService units;
    @Autowired ClassService classes;

    ClassTestData data;
    long classId;
    long an;
    long binh;
    long cuc;
    Session first;
    Session second;

    @BeforeAll
    static void account(@Autowired JdbcTemplate jdbc) {
        TestAccounts.account(jdbc, "edit-class-trainer", Set.of(Role.TRAINER, Role.LEARNER));
    }

    @BeforeEach
    void aClassOfTwoPlacesAndTwoSessions() {
        data = new ClassTestData(jdbc, units);
        an = data.person("Nguyễn Thị An", data.ward);
        binh = data.person("Trần Văn Bình", data.ward);
        cuc = data.person("Lê Thị Cúc", data.ward);
        classId = classes.create(new ClassService.NewClass("Lớp sẽ sửa " + data.run, data.knowledge, data.ward, 2, null,
                List.of(new NewSession(TODAY, LocalTime.of(0, 0), LocalTime.of(23, 59), "Hội trường"),
                        new NewSession(TODAY.plusDays(7), LocalTime.of(8, 0), LocalTime.of(11, 0), "Nhà văn hóa")), Set.of()));
        classes.enrol(classId, List.of(an, binh, cuc)); // An and Bình enrolled, Cúc waiting
        first = classes.detail(classId).sessions().get(0);
        second = classes.detail(classId).sessions().get(1);
        classes.setPresent(first.id(), an, true);
    }

    @Test
    void aSessionWithAttendanceCannotBeRemovedAndNothingChanges() {
        ClassEdit edit = edit("Lớp đã sửa", 2, List.of(kept(second)));

        assertThatThrownBy(() -> classes.update(classId, edit)).isInstanceOfSatisfying(RefusedException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("classes.error.session-has-attendance");
            assertThat(e.args()).containsExactly(1, DateTimeFormatter.ofPattern("dd/MM/yyyy").format(TODAY));
        });
        assertThat(classes.detail(classId).sessions()).containsExactly(first, second);
        assertThat(classes.detail(classId).title()).startsWith("Lớp sẽ sửa");
    }

    @Test
    void capacityCannotGoBelowThePeopleEnrolled() {
        assertThatThrownBy(() -> classes.update(classId, edit("Lớp đã sửa", 1, List.of(kept(first), kept(second)))))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("classes.error.capacity-below-enrolled");
                    assertThat(e.args()).containsExactly(2);
                });
        assertThat(classes.detail(classId).capacity()).isEqualTo(2);
    }

    @Test
    void editingChangesTheClassRenumbersSessionsKeepsAttendanceAndFillsFreedPlaces() {
        NewSession earlier = new NewSession(TODAY.minusDays(1), LocalTime.of(13, 30), LocalTime.of(16, 0), "Trạm Y tế");
        NewSession firstMoved = new NewSession(first.date(), first.startsAt(), first.endsAt(), "  Hội trường UBND  ");

        classes.update(classId, new ClassEdit("  Lớp đã sửa  ", 3, 1,
                List.of(new EditedSession(first.id(), firstMoved), new EditedSession(null, earlier)), Set.of()));

        ClassService.ClassDetail after = classes.detail(classId);
        assertThat(after.title()).isEqualTo("Lớp đã sửa");
        assertThat(after.capacity()).isEqualTo(3);
        assertThat(after.minSessions()).isEqualTo(1);
        assertThat(after.sessions()).extracting(Session::seq, Session::date, Session::place).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, TODAY.minusDays(1), "Trạm Y tế"),
                org.assertj.core.groups.Tuple.tuple(2, TODAY, "Hội trường UBND"));
        assertThat(after.sessions().get(1).id()).isEqualTo(first.id());
        assertThat(classes.attendance(classId)).filteredOn(r -> r.personId() == an)
                .singleElement().satisfies(r -> assertThat(r.attended()).containsExactly(2));
        assertThat(classes.enrolments(classId)).extracting(ClassService.Enrolment::status)
                .containsOnly(EnrolmentStatus.ENROLLED).hasSize(3);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'class.update' and entity_id = ?",
                Integer.class, String.valueOf(classId))).isEqualTo(1);
        assertThat(after.trainers()).extracting(ClassService.TrainerOption::name).isNotEmpty();
    }

    @Test
    void theFormShowsTheClassAndSavesTheChange() {
        UI.getCurrent().navigate("classes/" + classId + "/edit");
        ClassFormView form = (ClassFormView) getCurrentView();
        assertThat(form.problem.isVisible()).isFalse();
        assertThat(form.heading.getText()).isEqualTo("Sửa thông tin lớp tập huấn");
        assertThat(form.title.getValue()).startsWith("Lớp sẽ sửa");
        assertThat(form.course.isReadOnly()).isTrue();
        assertThat(form.unit.isReadOnly()).isTrue();
        assertThat(form.sessions).hasSize(2);

        test(form.title).setValue("Lớp tập huấn kiến thức, khóa 2");
        form.sessions.get(1).place.setValue("Nhà văn hóa thôn 3");
        test(form.save).click();

        assertThat(getCurrentView()).isInstanceOf(ClassView.class);
        ClassService.ClassDetail after = classes.detail(classId);
        assertThat(after.title()).isEqualTo("Lớp tập huấn kiến thức, khóa 2");
        assertThat(after.sessions()).extracting(Session::id).containsExactly(first.id(), second.id());
        assertThat(after.sessions().get(1).place()).isEqualTo("Nhà văn hóa thôn 3");
    }

    @Test
    void aClosedClassCannotBeEdited() {
        long past = classes.create(new ClassService.NewClass("Lớp đã xong " + data.run, data.knowledge, data.ward, 5, null,
                List.of(new NewSession(TODAY.minusDays(3), LocalTime.of(8, 0), LocalTime.of(11, 0), "Hội trường")), Set.of()));
        classes.close(past);
        Session only = classes.detail(past).sessions().getFirst();

        assertThatThrownBy(() -> classes.update(past, edit("Đổi tên", 5, List.of(kept(only)))))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("classes.error.closed"));
        UI.getCurrent().navigate("classes/" + past + "/edit");
        ClassFormView form = (ClassFormView) getCurrentView();
        assertThat(form.problem.isVisible()).isTrue();
        assertThat(form.problem.getText()).isEqualTo(form.getTranslation("classes.error.closed"));
        assertThat(form.editing).isNull();
    }

    private static EditedSession kept(Session s) {
        return new EditedSession(s.id(), new NewSession(s.date(), s.startsAt(), s.endsAt(), s.place()));
    }

    private static ClassEdit edit(String title, int capacity, List<EditedSession> sessions) {
        return new ClassEdit(title, capacity, null, sessions, Set.of());
    }
}
