package vn.gbv.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The ward manager of the demo city opens the coverage dashboard on a phone and on a laptop and
 * finds their figures, the status in words and the trend chart drawn.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.demo-data=true", "portal.courses.import-on-start=true"})
class CoverageDashboardIT {

    @LocalServerPort
    int port;

    @Test
    void aManagerSeesTheirCoverageOnAPhone() {
        dashboard(390, 844);
    }

    @Test
    void aManagerSeesTheirCoverageOnALaptop() {
        dashboard(1366, 768);
    }

    private void dashboard(int width, int height) {
        try (BrowserSession browser = new BrowserSession(port, width, height)) {
            browser.step("log in", () -> browser.logIn("quanly.locan", "Locan#2026hue"));
            browser.step("home headline", () -> {
                assertThat(browser.page.locator(".coverage-card h3")).hasText("Độ bao phủ tập huấn");
                browser.screenshot("coverage-home-" + width);
            });
            browser.step("dashboard", () -> {
                browser.open("coverage");
                assertThat(browser.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("UBND xã Lộc An"))).isVisible();
                Locator chart = browser.page.locator(".coverage-chart svg");
                assertThat(chart).isVisible();
                assertThat(chart.locator("path").first()).isAttached();
                double chartWidth = chart.boundingBox().width;
                if (chartWidth < 300 || chartWidth > width) {
                    throw new AssertionError("chart is " + chartWidth + " px wide in a " + width + " px window");
                }
                assertThat(browser.page.locator(".coverage-figure .coverage-status")).hasText(java.util.regex.Pattern.compile("Đạt mốc|Chậm"));
                browser.screenshot("coverage-dashboard-" + width);
                chart.scrollIntoViewIfNeeded();
                browser.screenshot("coverage-chart-" + width);
                browser.page.locator(".coverage-breakdowns").scrollIntoViewIfNeeded();
                browser.screenshot("coverage-breakdowns-" + width);
            });
            browser.step("someone else's unit by URL", () -> {
                browser.open("coverage/HUE-PHONG-DINH");
                assertThat(browser.page.getByText("không thuộc phạm vi bạn quản lý", new Page.GetByTextOptions().setExact(false))).isVisible();
                assertThat(browser.page.locator(".coverage-chart")).hasCount(0);
            });
            browser.step("why behind", () -> {
                browser.open("coverage/HUE-LOC-AN/behind");
                assertThat(browser.page.locator("vaadin-grid.why-behind-grid")).isVisible();
                browser.screenshot("coverage-behind-" + width);
            });
        }
    }
}
