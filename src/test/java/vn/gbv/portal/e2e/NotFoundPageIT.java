package vn.gbv.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.jdbc.Sql;

/**
 * A signed-in user who opens an address that does not exist (a typo, an old bookmark) gets the
 * portal's own page inside the layout with a 404, not an empty 403 that the browser downloads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Sql("/sql/test-accounts.sql")
class NotFoundPageIT {

    @LocalServerPort
    int port;

    @Test
    void aMistypedAddressShowsTheNotFoundPageInsideTheLayout() {
        try (BrowserSession browser = new BrowserSession(port, 390, 844)) {
            browser.logIn("t-learner", "Learner-pass1");

            Response response = browser.page.navigate("http://localhost:" + port + "/khoa-hoc-cu/khong-co");
            browser.waitForVaadin();
            browser.screenshot("not-found-390");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.headerValue("content-type")).startsWith("text/html");
            assertThat(browser.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Không tìm thấy trang")))
                    .isVisible();
            // inside the layout: the menu of a signed-in user is there
            assertThat(browser.page.getByText("Nguyễn Thị Học").first()).isAttached();
        }
    }
}
