package vn.gbv.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.jdbc.Sql;

/** An open page whose account changed meanwhile goes to the login page at its next click, not to an error. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Sql("/sql/test-accounts.sql")
class StaleSessionIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aClickAfterTheAccountChangedLeadsToTheLoginPage() {
        try (BrowserSession browser = new BrowserSession(port, 1366, 768)) {
            browser.logIn("t-learner", "Learner-pass1");
            assertThat(browser.page.getByText("Xin chào, Nguyễn Thị Học")).isVisible();

            // What disabling, a role change or a password reset elsewhere does to the account
            jdbc.update("update app_user set security_stamp = security_stamp + 1 where username = 't-learner'");

            browser.step("navigate with a stale session", () -> {
                browser.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Học tập của tôi")).click();
                browser.page.waitForURL(Pattern.compile(".*/login.*"));
                assertThat(browser.page.getByLabel("Tên đăng nhập")).isVisible();
            });
        }
    }
}
