package vn.gbv.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.jdbc.Sql;

/** An administrator reads the change log on a phone: the change is on screen and the page does not scroll sideways. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Sql("/sql/test-accounts.sql")
class AuditOnPhoneIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theChangeLogIsReadableAt390Pixels() {
        String label = "Phường Điện Thoại " + UUID.randomUUID().toString().substring(0, 6);
        jdbc.update("""
                insert into audit_event (actor, action, entity_type, entity_id, entity_label, before_value, after_value)
                values ('t-admin', 'unit.rename', 'unit', '1', ?, 'Tên: Phường Cũ', ?)
                """, label, "Tên: " + label + "; Từ ngày: 01/07/2025");

        try (BrowserSession browser = new BrowserSession(port, 390, 844)) {
            browser.step("log in", () -> {
                browser.logIn("t-admin", "Admin-pass1");
                assertThat(browser.page.getByText("Xin chào, Quản trị Thử nghiệm")).isVisible();
            });
            browser.open("audit");
            browser.step("change log", () -> {
                assertThat(browser.page.locator("h1.view-title")).hasText("Nhật ký thay đổi");
                assertThat(browser.page.getByText("Đổi tên đơn vị · " + label + " · bởi t-admin,",
                        new Page.GetByTextOptions().setExact(false))).isVisible();
                assertThat(browser.page.getByText("Tên: Phường Cũ → Tên: " + label + "; Từ ngày: 01/07/2025"))
                        .isVisible();
                Number overflow = (Number) browser.page.evaluate(
                        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
            });
            browser.screenshot("audit-390");
        }
    }
}
