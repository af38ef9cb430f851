package vn.gbv.portal.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import java.time.LocalTime;
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
import vn.gbv.portal.classroom.ClassService.NewSession;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.UnitService;

/** The class list, the class page (planning, enrolling, closing) and the attendance page, without a browser, as a trainer. */
@SpringBootTest
@Transactional
@WithMockUser(username = "view-class-trainer", roles = {"TRAINER", "LEARNER"})
class ClassViewTest extends SpringBrowserlessTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired UnitService units;
    @Autowired ClassService classes;

    ClassTestData data;
    long classId;
    long session;
    long an;
    long binh;
    long cuc;

    @BeforeAll
    static void account(@Autowired JdbcTemplate jdbc) {
        TestAccounts.account(jdbc, "view-class-trainer", Set.of(Role.TRAINER, Role.LEARNER));
    }

    @BeforeEach
    void aClassToday() {
        data = new ClassTestData(jdbc, units);
        an = data.person("Nguyễn Thị An", data.ward);
        binh = data.person("Trần Văn Bình", data.ward);
        cuc = data.person("Lê Thị Cúc", data.ward);
        data.online(an, data.inDepth, data.inDepthVersion, LocalDate.of(2026, 2, 1));
        data.online(binh, data.inDepth, data.inDepthVersion, LocalDate.of(2026, 2, 1));
        classId = classes.create(new ClassService.NewClass("Lớp thử giao diện " + data.run, data.knowledge, data.ward, 10, null,
                List.of(new NewSession(LocalDate.now(), LocalTime.of(0, 0), LocalTime.of(23, 59), "Hội trường")), Set.of()));
        session = classes.detail(classId).sessions().getFirst().id();
    }

    @Test
    void theTrainerSeesTheClassEnrolsFromTheRosterAndSeesWhatCoverageWouldBecome() {
        UI.getCurrent().navigate("classes");
        ClassesView list = (ClassesView) getCurrentView();
        assertThat(test(list.grid).size()).isGreaterThanOrEqualTo(1);
        assertThat(list.grid.getGenericDataView().getItems()).anySatisfy(c -> assertThat(c.id()).isEqualTo(classId));

        UI.getCurrent().navigate("classes/" + classId);
        ClassView view = (ClassView) getCurrentView();
        assertThat(view.problem.isVisible()).isFalse();
        assertThat(view.projection.getText()).contains("0% → 0%");
        var picks = test(view.picks);
        assertThat(picks.size()).isEqualTo(3);
        view.picks.select(view.picks.getGenericDataView().getItems().filter(p -> p.personId() == an).findFirst().orElseThrow());
        view.picks.select(view.picks.getGenericDataView().getItems().filter(p -> p.personId() == binh).findFirst().orElseThrow());
        test(view.enrol).click();

        assertThat(view.message.getText()).isEqualTo("Đã ghi danh 2 người; 0 người vào danh sách chờ vì lớp đã đủ chỗ.");
        assertThat(test(view.enrolled).size()).isEqualTo(2);
        // both lack only the knowledge group, which this course gives: 0 of 3 → 2 of 3
        assertThat(view.projection.getText()).startsWith("Độ bao phủ của Phường Thử " + data.run + ": 0% → 66,7%");
        assertThat(test(view.picks).size()).isEqualTo(1);

        // the not-yet-trained list says what each still lacks
        test(view.mode).selectItem("Người chưa được tập huấn (và còn thiếu gì)");
        assertThat(view.picks.getGenericDataView().getItems().toList()).singleElement().satisfies(p -> {
            assertThat(p.fullName()).isEqualTo("Lê Thị Cúc");
            assertThat(p.detail()).contains("khóa kiến thức").contains("khóa chuyên sâu");
        });
    }

    @Test
    void attendanceIsATapPerPersonWithTheSessionsQrCodeAndClosingListsWhoDidNotMeetTheRule() {
        classes.enrol(classId, List.of(an, binh));
        UI.getCurrent().navigate("classes/" + classId + "/sessions/" + session);
        AttendanceView view = (AttendanceView) getCurrentView();
        assertThat(view.count.getText()).isEqualTo("Có mặt: 0/2");
        assertThat(view.ticks).hasSize(2);
        assertThat($(Html.class).from(view.qr).all()).singleElement()
                .satisfies(h -> assertThat(h.getInnerHtml()).contains("<path"));
        assertThat(view.qrLink.getHref()).contains("/checkin/" + session + ".");

        var rowAn = view.rows.stream().filter(r -> String.valueOf(an).equals(r.getElement().getAttribute("data-person")))
                .findFirst().orElseThrow();
        assertThat(rowAn.getElement().getAttribute("aria-checked")).isEqualTo("false");
        com.vaadin.flow.component.ComponentUtil.fireEvent(rowAn, new com.vaadin.flow.component.ClickEvent<>(rowAn));
        assertThat(view.count.getText()).isEqualTo("Có mặt: 1/2");
        assertThat(view.rows).filteredOn(r -> String.valueOf(an).equals(r.getElement().getAttribute("data-person")))
                .singleElement().satisfies(r -> assertThat(r.getElement().getAttribute("aria-checked")).isEqualTo("true"));
        assertThat(classes.attendance(classId)).filteredOn(r -> r.personId() == an).singleElement()
                .satisfies(r -> assertThat(r.attended()).containsExactly(1));

        UI.getCurrent().navigate("classes/" + classId);
        ClassView page = (ClassView) getCurrentView();
        page.closeNow();
        assertThat($(Paragraph.class).from(page.closing).all()).extracting(Paragraph::getText).anySatisfy(t ->
                assertThat(t).startsWith("Đã ghi nhận 1 người hoàn thành").contains("1 người chưa đạt điều kiện"));
        assertThat(page.closing.getElement().getTextRecursively()).contains("Trần Văn Bình: vắng buổi 1");
        assertThat(jdbc.queryForObject("select count(*) from completion where class_id = ?", Integer.class, classId)).isEqualTo(1);
    }

    @Test
    void anotherTrainersClassShowsAMessageAndNothingElse() {
        long theirs = ClassTestData.as(data.trainer, Role.TRAINER, () -> classes.create(new ClassService.NewClass("Lớp của người khác",
                data.knowledge, data.ward, 5, null,
                List.of(new NewSession(LocalDate.now(), LocalTime.of(8, 0), LocalTime.of(9, 0), "P")), Set.of())));
        UI.getCurrent().navigate("classes/" + theirs);
        ClassView view = (ClassView) getCurrentView();
        assertThat(view.problem.getText()).contains("không do bạn phụ trách");
        assertThat(view.content.isVisible()).isFalse();
    }

    @Test
    void aNewClassIsMadeFromTheFormWithTheUnitFromTheLinkAndABadSessionIsNamed() {
        UI.getCurrent().navigate("classes/new", com.vaadin.flow.router.QueryParameters.of("unit", data.code("WARD")));
        ClassFormView form = (ClassFormView) getCurrentView();
        assertThat(form.unit.getValue().id()).isEqualTo(data.ward);
        test(form.title).setValue("Lớp mở từ biểu mẫu " + data.run);
        form.course.setValue(form.course.getListDataView().getItems().filter(c -> c.id() == data.knowledge).findFirst().orElseThrow());
        ClassFormView.SessionRow row = form.sessions.getFirst();
        test(row.date).setValue(LocalDate.now().plusDays(5));
        test(row.to).setValue(LocalTime.of(7, 0));
        test(form.save).click();
        assertThat(form.problem.getText()).isEqualTo("Buổi 1: giờ kết thúc phải sau giờ bắt đầu.");

        test(row.to).setValue(LocalTime.of(11, 0));
        test(row.place).setValue("Nhà văn hóa tổ dân phố 3");
        test(form.save).click();
        ClassView page = (ClassView) getCurrentView();
        assertThat(page.getPageTitle()).isEqualTo("Lớp mở từ biểu mẫu " + data.run);
        assertThat(jdbc.queryForObject("select count(*) from class_trainer t join app_user a on a.id = t.user_id"
                + " join training_class c on c.id = t.class_id where a.username = 'view-class-trainer' and c.title = ?",
                Integer.class, "Lớp mở từ biểu mẫu " + data.run)).isEqualTo(1);
    }
}
