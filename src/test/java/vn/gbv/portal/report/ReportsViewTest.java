package vn.gbv.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
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
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.UnitService;

/** /reports, /reports/consolidation and /reports/periods without a browser, as commune A's manager and as an administrator. */
@SpringBootTest
@Transactional
@WithMockUser(username = "report-view-mgr", roles = {"UNIT_MANAGER"})
class ReportsViewTest extends SpringBrowserlessTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired UnitService units;
    @Autowired ReportService reports;
    ReportTestData d;

    // The accounts must exist before the browserless UI opens, as the shell reads the signed-in user.
    @BeforeAll
    static void accounts(@Autowired JdbcTemplate jdbc) {
        TestAccounts.account(jdbc, "report-view-mgr", Set.of(Role.UNIT_MANAGER));
        TestAccounts.account(jdbc, "report-view-admin", Set.of(Role.ADMIN));
    }

    @BeforeEach
    void city() {
        d = new ReportTestData(jdbc, units);
        jdbc.update("insert into manager_scope (user_id, unit_id) select id, ? from app_user where username = 'report-view-mgr'", d.a);
    }

    private <T extends Component> T open(String location, Class<T> view) {
        com.vaadin.flow.component.UI.getCurrent().navigate(location);
        return view.cast(getCurrentView());
    }

    @Test
    void theManagerSeesTheirReportWithDownloadsSavesTheTextAndSubmits() {
        ReportsView view = open("reports", ReportsView.class);

        assertThat(view.problem.isVisible()).isFalse();
        assertThat(find(H2.class).from(view).all()).extracting(H2::getText).contains("UBND xã Lộc Thử " + d.run);
        assertThat(view.status.getText()).contains("Chưa nộp", "30/11/2026");
        assertThat(links(view)).contains("report-draft-pdf", "report-draft-xlsx", "report-draft-csv");
        assertThat(view.content.getElement().getOuterHTML()).contains("Bảng 1. Kết quả tập huấn chung", "Số đối tượng cần tập huấn (người)");

        view.activities.setValue("Tập huấn trực tuyến cho cộng tác viên.");
        view.signerName.setValue("Nguyễn Văn An");
        test(view.save).click();
        assertThat(jdbc.queryForObject("select signer_name from report_draft where unit_id = ?", String.class, d.a))
                .isEqualTo("Nguyễn Văn An");

        view.submitNow();
        assertThat(view.problem.isVisible()).isFalse();
        assertThat(view.status.getText()).contains("Đã nộp lần 1");
        assertThat(view.submit.isEnabled()).isFalse();
        assertThat(find(Span.class).from(view).all()).extracting(Span::getText).anyMatch(t -> t.startsWith("Lần 1: nộp lúc"));
        assertThat(links(view)).contains("report-version-1-pdf");
    }

    @Test
    void anotherUnitsReportByUrlGetsAMessageAndNoFigures() {
        for (String location : List.of("reports/2026/" + d.code(d.b), "reports/1999/" + d.code(d.a), "reports/2026/KHONG-CO")) {
            ReportsView view = open(location, ReportsView.class);
            assertThat(view.problem.isVisible()).as(location).isTrue();
            assertThat(links(view)).as(location).isEmpty();
            assertThat(view.content.getElement().getOuterHTML()).as(location).doesNotContain("Bảng 1");
        }
        ReportsView other = open("reports/2026/" + d.code(d.b), ReportsView.class);
        assertThat(other.problem.getText()).contains("không thuộc phạm vi bạn quản lý");
    }

    @Test
    void theHomePageLinksToThisYearsReportWithItsDeadline() {
        open("reports", ReportsView.class); // the home page of the UI's start was built before the scope was given
        Component home = open("", Component.class);
        assertThat(find(Anchor.class).from(home).all()).extracting(Anchor::getHref)
                .contains("reports/2026/" + d.code(d.a));
        assertThat(home.getElement().getOuterHTML()).contains("hạn nộp 30/11/2026");
    }

    @Test
    @WithMockUser(username = "report-view-admin", roles = "ADMIN")
    void theAdministratorSeesWhoSubmittedAndKeepsPeriods() {
        ReportTestData.as(d.manager, Role.UNIT_MANAGER);
        reports.submit("2026", d.code(d.a));
        ReportTestData.as("report-view-admin", Role.ADMIN);

        ConsolidationView view = open("reports/consolidation/2026", ConsolidationView.class);
        assertThat(view.problem.isVisible()).isFalse();
        assertThat(links(view)).contains("consolidated-pdf", "consolidated-xlsx", "consolidated-csv");
        assertThat(view.content.getElement().getOuterHTML()).contains("Các đơn vị đã nộp báo cáo", "Các đơn vị chưa nộp báo cáo");

        ReportPeriodsView periods = open("reports/periods", ReportPeriodsView.class);
        int before = periods.grid.getGenericDataView().getItems().toList().size();
        periods.code.setValue("H1-" + d.run);
        periods.name.setValue("Báo cáo 6 tháng đầu năm 2027");
        periods.startsOn.setValue(java.time.LocalDate.of(2027, 1, 1));
        periods.endsOn.setValue(java.time.LocalDate.of(2027, 6, 30));
        periods.figuresOn.setValue(java.time.LocalDate.of(2027, 7, 5));
        periods.unitsDueOn.setValue(java.time.LocalDate.of(2027, 5, 15));
        periods.consolidationDueOn.setValue(java.time.LocalDate.of(2027, 5, 20));
        test(periods.save).click();
        assertThat(periods.problem.getText()).contains("Ngày lấy số liệu", "phải nằm trong kỳ");
        periods.figuresOn.setValue(java.time.LocalDate.of(2027, 5, 10));
        test(periods.save).click();
        assertThat(periods.problem.isVisible()).isFalse();
        assertThat(periods.grid.getGenericDataView().getItems().toList()).hasSize(before + 1);
    }

    private List<String> links(Component view) {
        return find(Anchor.class).from(view).all().stream().flatMap(a -> a.getClassNames().stream()).toList();
    }
}
