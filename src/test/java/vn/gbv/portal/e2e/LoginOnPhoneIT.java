package vn.gbv.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gbv.portal.TestLearners;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.jdbc.Sql;

/** A learner logs in on a phone-sized window and lands on their home page, in Vietnamese. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Sql("/sql/test-accounts.sql")
class LoginOnPhoneIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    /** A learner who has not started a course: the home page invites them to the catalogue. */
    @BeforeEach
    void learnerWithoutProgress() {
        TestLearners.forgetProgress(jdbc, TestLearners.LEARNER_PERSON_ID);
    }

    @Test
    void learnerLogsInOnAPhoneAndSeesTheirHomePage() {
        try (BrowserSession browser = new BrowserSession(port, 390, 844)) {
            browser.open("");
            assertThat(browser.page.getByLabel("Tên đăng nhập")).isVisible();
            browser.screenshot("login-390");

            browser.logIn("t-learner", "Learner-pass1");

            assertThat(browser.page.getByText("Xin chào, Nguyễn Thị Học")).isVisible();
            assertThat(browser.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Xem danh mục khóa học"))).isVisible();
            browser.screenshot("learner-home-390");
        }
    }

    @Test
    void wrongPasswordShowsAMessageInVietnamese() {
        try (BrowserSession browser = new BrowserSession(port, 390, 844)) {
            browser.open("login");
            browser.page.getByLabel("Tên đăng nhập").fill("t-learner");
            browser.page.getByLabel("Mật khẩu").fill("not-the-password");
            browser.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
            assertThat(browser.page.getByText("Tên đăng nhập hoặc mật khẩu không đúng", new Page.GetByTextOptions().setExact(false))).isVisible();
        }
    }
}
