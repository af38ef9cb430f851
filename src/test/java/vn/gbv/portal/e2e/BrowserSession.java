package vn.gbv.portal.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real headless Chromium (Debian's, not a downloaded one) driven by Playwright.
 * Screenshots go to target/screenshots for a person to look at.
 */
final class BrowserSession implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;
    private final BrowserContext context;
    final Page page;
    private final String baseUrl;

    BrowserSession(int port, int width, int height) {
        this.baseUrl = "http://localhost:" + port + "/";
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("portal.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale("vi-VN"));
        // Generous waits: CI runs on two cores, with a dev-mode server
        context.setDefaultTimeout(60_000);
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        page = context.newPage();
    }

    void open(String path) {
        page.navigate(baseUrl + path);
        waitForVaadin();
    }

    /**
     * Logs in through the form. On a loaded CI machine the login form can render again after the
     * fields were filled (seen once: both fields empty, the browser's required-field check holding
     * the submit), so a submit that leaves the browser on the login page, or brings it back there,
     * is tried once more; a second failure fails the test.
     */
    void logIn(String username, String password) {
        open("login");
        for (int attempt = 1; ; attempt++) {
            page.getByLabel("Tên đăng nhập").fill(username);
            page.getByLabel("Mật khẩu").fill(password);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
            try {
                page.waitForURL(url -> !url.contains("/login"),
                        new Page.WaitForURLOptions().setTimeout(attempt == 1 ? 20_000 : 60_000));
                waitForVaadin();
                // The first request of a cold server has once been sent back to the login page
                // after the redirect that follows a successful login.
                if (!page.url().contains("/login") || attempt == 2) {
                    break;
                }
            } catch (com.microsoft.playwright.TimeoutError stillOnLogin) {
                if (attempt == 2) {
                    throw stillOnLogin;
                }
                waitForVaadin();
            }
        }
        waitForVaadin();
    }

    /** Waits until Vaadin has no request in flight. */
    void waitForVaadin() {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
    }

    /** Runs a part of a journey; on failure keeps a screenshot and says where the browser was. */
    void step(String name, Runnable part) {
        try {
            part.run();
        } catch (RuntimeException | AssertionError e) {
            screenshot("failure-" + name);
            throw new AssertionError(name + " failed at " + page.url() + ": " + page.locator("body").innerText()
                    .lines().limit(12).toList(), e);
        }
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(false));
    }

    @Override
    public void close() {
        context.close();
        browser.close();
        playwright.close();
    }
}
