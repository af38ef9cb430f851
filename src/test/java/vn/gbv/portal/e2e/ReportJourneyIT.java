package vn.gbv.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Lộc An's manager, on 29 November, goes from the home page to this year's report and downloads
 * its PDF: two clicks. The file is a PDF naming xã Lộc An.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.demo-data=true", "portal.courses.import-on-start=true"})
class ReportJourneyIT {

    @LocalServerPort
    int port;

    @Test
    void aManagerDownloadsTheUnitsReportOnALaptop() throws Exception {
        journey(1366, 768);
    }

    @Test
    void aManagerDownloadsTheUnitsReportOnAPhone() throws Exception {
        journey(390, 844);
    }

    private void journey(int width, int height) throws Exception {
        try (BrowserSession browser = new BrowserSession(port, width, height)) {
            browser.step("log in", () -> browser.logIn("quanly.locan", "Locan#2026hue"));
            browser.step("home card", () -> {
                assertThat(browser.page.locator(".report-card")).containsText("hạn nộp 30/11/2026");
                browser.screenshot("report-home-" + width);
                browser.page.locator(".report-card .card-action").click();
                browser.page.waitForURL(url -> url.contains("/reports/2026/HUE-LOC-AN"));
                browser.waitForVaadin();
                assertThat(browser.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("UBND xã Lộc An"))).isVisible();
                browser.screenshot("report-unit-" + width);
            });
            Download download = browser.page.waitForDownload(() -> browser.page.locator("a.report-draft-pdf").click());
            byte[] pdf = Files.readAllBytes(download.path());
            if (pdf.length < 5 || !new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
                throw new AssertionError("not a PDF: " + download.suggestedFilename());
            }
            try (PDDocument document = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(document);
                if (!text.contains("xã Lộc An") || !text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) {
                    throw new AssertionError("the PDF does not name xã Lộc An: " + text.substring(0, Math.min(400, text.length())));
                }
            }
            browser.step("someone else's report by URL", () -> {
                browser.open("reports/2026/HUE-PHONG-DINH");
                assertThat(browser.page.getByText("không thuộc phạm vi bạn quản lý", new Page.GetByTextOptions().setExact(false)))
                        .isVisible();
                assertThat(browser.page.locator("a.report-draft-pdf")).hasCount(0);
            });
            browser.step("preview and versions", () -> {
                browser.open("reports");
                browser.page.locator(".report-preview").scrollIntoViewIfNeeded();
                browser.screenshot("report-preview-" + width);
            });
        }
    }
}
