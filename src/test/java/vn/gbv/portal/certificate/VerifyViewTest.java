package vn.gbv.portal.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gbv.portal.certificate.CertificateFixture.ANH_WARD_A;
import static vn.gbv.portal.certificate.CertificateFixture.KNOWLEDGE_COURSE;
import static vn.gbv.portal.certificate.CertificateFixture.as;
import static vn.gbv.portal.certificate.CertificateFixture.complete;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.jdbc.Sql;
import vn.gbv.portal.certificate.CertificateService.RevocationReason;

/** The public verification page, as an anonymous visitor sees it. */
@SpringBootTest
@Sql("/sql/test-accounts.sql")
class VerifyViewTest extends SpringBrowserlessTest {

    @Autowired CertificateService certificates;
    @Autowired JdbcTemplate jdbc;

    private long certificateId;
    private String code;

    @BeforeEach
    void aCertificateOfDangThiNgocAnh() {
        CertificateFixture.load(jdbc);
        jdbc.update("delete from certificate_verify_rate");
        long completion = complete(jdbc, ANH_WARD_A, KNOWLEDGE_COURSE, LocalDate.of(2026, 4, 2));
        certificateId = as("t-admin", "ADMIN", () -> certificates.issueForCompletion(completion));
        code = jdbc.queryForObject("select verification_code from certificate where id = ?", String.class, certificateId);
    }

    private String shownText() {
        return $(VerifyView.class).single().getElement().getTextRecursively();
    }

    @Test
    void aValidCodeShowsTheCourseAndTheMaskedNameNeverTheFullName() {
        UI.getCurrent().navigate("verify/" + code);
        VerifyView view = $(VerifyView.class).single();
        assertThat(view.result.getElement().getAttribute("data-status")).isEqualTo("valid");
        assertThat(shownText()).contains("Giấy chứng nhận hợp lệ", "Đặng T. N. Á.",
                "Khóa thử nghiệm về bạo lực trên cơ sở giới", "02/04/2026", "SỞ NỘI VỤ")
                .doesNotContain("Đặng Thị Ngọc Ánh").doesNotContain("Thị Ngọc");
    }

    @Test
    void aRevokedCertificateSaysSoWithTheDateAndAGeneralReason() {
        as("t-admin", "ADMIN", () -> certificates.revoke(certificateId, RevocationReason.ISSUED_IN_ERROR,
                "nhầm với Đặng Thị Ngọc Anh ở phường B"));
        UI.getCurrent().navigate("verify/" + code);
        assertThat($(VerifyView.class).single().result.getElement().getAttribute("data-status")).isEqualTo("revoked");
        assertThat(shownText()).contains("Giấy chứng nhận đã bị thu hồi", "lý do: cấp nhầm")
                .doesNotContain("phường B").doesNotContain("Đặng Thị Ngọc Ánh");
    }

    @Test
    void anUnknownCodeSaysSoPlainly() {
        UI.getCurrent().navigate("verify/" + certificates.newCode());
        assertThat($(VerifyView.class).single().result.getElement().getAttribute("data-status")).isEqualTo("unknown");
        assertThat(shownText()).contains("Không tìm thấy giấy chứng nhận");
    }

    @Test
    void theFormTakesACodeTypedByHand() {
        UI.getCurrent().navigate("verify");
        VerifyView view = $(VerifyView.class).single();
        assertThat(view.result.isVisible()).isFalse();
        test(view.code).setValue(code.toLowerCase().substring(0, 13) + " " + code.toLowerCase().substring(13));
        test(view.check).click();
        VerifyView after = $(VerifyView.class).single();
        assertThat(after.result.getElement().getAttribute("data-status")).isEqualTo("valid");
    }
}
