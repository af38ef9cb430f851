package vn.gbv.portal.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gbv.portal.certificate.CertificateFixture.ANH_WARD_A;
import static vn.gbv.portal.certificate.CertificateFixture.KNOWLEDGE_COURSE;
import static vn.gbv.portal.certificate.CertificateFixture.VIET_WARD_B;
import static vn.gbv.portal.certificate.CertificateFixture.as;
import static vn.gbv.portal.certificate.CertificateFixture.complete;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.jdbc.Sql;
import vn.gbv.portal.certificate.CertificateService.RevocationReason;
import vn.gbv.portal.certificate.CertificateService.UnitOption;

/** The managers' certificates page: their units only; administrators revoke from it. */
@SpringBootTest
@Sql("/sql/test-accounts.sql")
class CertificatesViewTest extends SpringBrowserlessTest {

    @Autowired CertificateService certificates;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void completions() {
        CertificateFixture.load(jdbc);
        complete(jdbc, ANH_WARD_A, KNOWLEDGE_COURSE, LocalDate.of(2026, 4, 2));
        complete(jdbc, VIET_WARD_B, KNOWLEDGE_COURSE, LocalDate.of(2026, 4, 2));
    }

    @Test
    @WithMockUser(username = "t-manager", roles = "UNIT_MANAGER")
    void aManagerPicksAmongTheirUnitsOnlyAndSeesHowManyCertificatesTheZipWillHold() {
        CertificatesView view = navigate(CertificatesView.class);
        assertThat(view.unit.getListDataView().getItems().map(UnitOption::name)).containsExactly("Phường A");
        assertThat(view.unit.getValue().name()).isEqualTo("Phường A");
        test(view.from).setValue(LocalDate.of(2026, 1, 1));
        test(view.to).setValue(LocalDate.of(2026, 12, 31));
        assertThat(view.count.getText()).isEqualTo("Số giấy chứng nhận: 1");
        assertThat(view.download.isEnabled()).isTrue();
        assertThat($(Button.class).all()).noneMatch(b -> "Tìm".equals(b.getText()));
    }

    @Test
    @WithMockUser(username = "t-admin", roles = "ADMIN")
    void anAdministratorFindsACertificateBySerialAndRevokesIt() {
        long completion = jdbc.queryForObject("select max(id) from completion where person_id = ?", Long.class, ANH_WARD_A);
        long id = as("t-admin", "ADMIN", () -> certificates.issueForCompletion(completion));
        String serial = jdbc.queryForObject("select serial from certificate where id = ?", String.class, id);

        CertificatesView view = navigate(CertificatesView.class);
        test(view.serial).setValue(serial);
        test(view.find).click();
        assertThat(view.found.getElement().getTextRecursively()).contains("Đặng Thị Ngọc Ánh", "Đang có hiệu lực.");
        @SuppressWarnings("unchecked")
        Select<RevocationReason> reason = $(Select.class, view.found).single();
        test(reason).selectItem("cấp nhầm");
        Button revoke = $(Button.class, view.found).all().stream().filter(b -> b.getText().equals("Thu hồi")).findFirst()
                .orElseThrow();
        test(revoke).click();
        assertThat(view.found.getElement().getTextRecursively()).contains("Đã thu hồi (cấp nhầm).");
        assertThat(jdbc.queryForObject("select revoked_reason from certificate where id = ?", String.class, id))
                .isEqualTo("ISSUED_IN_ERROR");
    }
}
