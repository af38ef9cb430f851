package vn.gbv.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.jdbc.Sql;
import vn.gbv.portal.certificate.CertificateFixture;
import vn.gbv.portal.certificate.PrintedQrCodes;

/**
 * On a 390×844 phone: the learner downloads their certificate from "Học tập của tôi"; someone
 * without an account scans its QR code and the verification page says it is genuine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Sql("/sql/test-accounts.sql")
class CertificateJourneyIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void aCompletedCourse() {
        CertificateFixture.load(jdbc);
        jdbc.update("delete from certificate_verify_rate");
        CertificateFixture.complete(jdbc, CertificateFixture.LEARNER, CertificateFixture.KNOWLEDGE_COURSE,
                LocalDate.of(2026, 5, 12));
    }

    @Test
    void learnerDownloadsACertificateAndAnyoneVerifiesIt() throws Exception {
        byte[] pdf;
        try (BrowserSession browser = new BrowserSession(port, 390, 844)) {
            browser.logIn("t-learner", "Learner-pass1");
            browser.open("my-learning");
            Locator download = browser.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName("Tải giấy chứng nhận Khóa thử nghiệm về bạo lực trên cơ sở giới (PDF)"));
            download.scrollIntoViewIfNeeded();
            browser.screenshot("my-certificates-390");
            Download file = browser.page.waitForDownload(download::click);
            assertThat(file.suggestedFilename()).matches("giay-chung-nhan-\\d{4}-\\d{6}\\.pdf");
            pdf = Files.readAllBytes(file.path());
        }
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");

        String url = PrintedQrCodes.read(pdf);
        assertThat(url).matches("http://localhost:8080/verify/[A-Z2-7]{26}");
        String code = url.substring(url.lastIndexOf('/') + 1);

        // a stranger's phone: no cookies, no login (the QR names the configured public address;
        // the test server listens on another port)
        try (BrowserSession stranger = new BrowserSession(port, 390, 844)) {
            stranger.open("verify/" + code);
            assertThat(stranger.page.getByText("Giấy chứng nhận hợp lệ")).isVisible();
            assertThat(stranger.page.getByText("Nguyễn T. H.")).isVisible();
            assertThat(stranger.page.locator("body")).not().containsText("Nguyễn Thị Học");
            assertThat(stranger.page.locator("body")).containsText("Khóa thử nghiệm về bạo lực trên cơ sở giới");
            stranger.screenshot("verify-valid-390");
            assertThat(stranger.page.url()).doesNotContain("/login");
        }
    }

    @Test
    void aManagerDownloadsTheWardsZipWithItsIndex() throws Exception {
        CertificateFixture.complete(jdbc, CertificateFixture.ANH_WARD_A, CertificateFixture.KNOWLEDGE_COURSE,
                LocalDate.of(2026, 6, 1));
        CertificateFixture.complete(jdbc, CertificateFixture.VIET_WARD_B, CertificateFixture.KNOWLEDGE_COURSE,
                LocalDate.of(2026, 6, 1));
        try (BrowserSession browser = new BrowserSession(port, 1280, 900)) {
            browser.logIn("t-manager", "Manager-pass1");
            browser.open("certificates");
            assertThat(browser.page.getByText("Số giấy chứng nhận: 2")).isVisible();
            Download file = browser.page.waitForDownload(() -> browser.page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Tải tệp ZIP")).click());
            java.util.List<String> names = new java.util.ArrayList<>();
            try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(file.path()))) {
                for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    names.add(e.getName());
                }
            }
            assertThat(names).containsExactlyInAnyOrder("danh-sach.xlsx",
                    "Phường A/Nguyễn Thị Học - Khóa thử nghiệm về bạo lực trên cơ sở giới.pdf",
                    "Phường A/Đặng Thị Ngọc Ánh - Khóa thử nghiệm về bạo lực trên cơ sở giới.pdf");
            assertThat(browser.page.getByText("Đã tạo xong 2 giấy chứng nhận.")).isVisible();
            browser.screenshot("certificates-bulk-1280");
        }
    }
}
