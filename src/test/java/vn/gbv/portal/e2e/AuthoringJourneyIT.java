package vn.gbv.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.jdbc.Sql;
import vn.gbv.portal.ShippedCourses;
import vn.gbv.portal.course.CourseImportService;

/**
 * A trainer on a 1366×768 laptop starts a course in the portal, writes a lesson with its preview
 * and publishes it; then fixes the lesson from a 390×844 phone and compares the two versions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Sql("/sql/test-accounts.sql")
class AuthoringJourneyIT {

    @LocalServerPort int port;
    @Autowired CourseImportService importer;

    @BeforeEach
    void shippedCourses() {
        ShippedCourses.importAsAdministrator(importer);
    }

    @Test
    void aTrainerWritesPublishesAndFixesALessonFromAPhone() {
        String code = "hanh-trinh-" + UUID.randomUUID().toString().substring(0, 6);
        try (BrowserSession laptop = new BrowserSession(port, 1366, 768)) {
            laptop.step("list", () -> {
                laptop.logIn("t-trainer", "Trainer-pass1");
                laptop.open("authoring");
                assertThat(laptop.page.getByText("Soạn khóa học").first()).isVisible();
                assertThat(laptop.page.locator("vaadin-grid").getByText("Thư mục courses/").first()).isVisible();
                laptop.screenshot("authoring-list-1366");
            });
            laptop.step("folder course read-only", () -> {
                laptop.open("authoring/edit/gbv-co-ban");
                assertThat(laptop.page.locator("#read-only-banner")).containsText("courses/gbv-co-ban");
                laptop.screenshot("authoring-folder-course-1366");
            });
            laptop.step("new course", () -> {
                laptop.open("authoring");
                laptop.page.locator("#new-course").click();
                laptop.page.locator("#new-code input").fill(code);
                laptop.page.locator("#new-title input").fill("Kỹ năng lắng nghe");
                laptop.page.locator("#create-course").click();
                laptop.page.waitForURL(url -> url.contains("authoring/edit/" + code));
                laptop.waitForVaadin();
                assertThat(laptop.page.locator("#card-title input")).hasValue("Kỹ năng lắng nghe");
                laptop.screenshot("authoring-card-1366");
            });
            laptop.step("lesson with preview", () -> {
                laptop.page.locator("[data-path='01-hoc-phan/01-bai-hoc.md']").click();
                laptop.waitForVaadin();
                Locator markdown = laptop.page.locator("#lesson-markdown textarea");
                markdown.fill("""
                        # Lắng nghe tích cực

                        Khi người bị bạo lực chia sẻ, hãy:

                        - **tin** lời họ kể;
                        - không phán xét;
                        - hỏi họ cần gì.

                        | Nên | Không nên |
                        | --- | --- |
                        | Ghi nhận cảm xúc | Hỏi “tại sao không bỏ đi?” |
                        """);
                assertThat(laptop.page.locator("#lesson-preview strong")).hasText("tin");
                assertThat(laptop.page.locator("#save-status")).containsText("Đã lưu lúc");
                laptop.screenshot("authoring-lesson-1366");
            });
            laptop.step("quiz", () -> {
                laptop.page.locator("[data-path='01-hoc-phan/quiz.yaml']").click();
                laptop.waitForVaadin();
                assertThat(laptop.page.locator("#quiz-questions")).isVisible();
                laptop.screenshot("authoring-quiz-1366");
            });
            laptop.step("publish", () -> {
                laptop.page.locator("#publish").click();
                laptop.waitForVaadin();
                assertThat(laptop.page.locator("#editor-report")).containsText("Đã phát hành phiên bản 1");
            });
        }
        try (BrowserSession phone = new BrowserSession(port, 390, 844)) {
            phone.step("fix a lesson on a phone", () -> {
                phone.logIn("t-trainer", "Trainer-pass1");
                phone.open("authoring/edit/" + code);
                phone.page.locator("[data-path='01-hoc-phan/01-bai-hoc.md']").click();
                phone.waitForVaadin();
                Locator markdown = phone.page.locator("#lesson-markdown textarea");
                markdown.fill(markdown.inputValue().replace("hỏi họ cần gì", "hỏi họ cần được hỗ trợ gì"));
                assertThat(phone.page.locator("#lesson-preview")).containsText("cần được hỗ trợ gì");
                assertThat(phone.page.locator("#save-status")).containsText("Đã lưu lúc");
                phone.screenshot("authoring-lesson-390");
                phone.page.locator("#publish").scrollIntoViewIfNeeded();
                phone.page.locator("#publish").click();
                phone.waitForVaadin();
                assertThat(phone.page.locator("#editor-report")).containsText("Đã phát hành phiên bản 2");
            });
            phone.step("versions and diff", () -> {
                phone.open("authoring/versions/" + code);
                assertThat(phone.page.locator(".diff-added").first()).containsText("+ - hỏi họ cần được hỗ trợ gì.");
                assertThat(phone.page.locator(".diff-removed").first()).containsText("- - hỏi họ cần gì.");
                phone.page.locator("#diff").scrollIntoViewIfNeeded();
                phone.screenshot("authoring-diff-390");
            });
            phone.step("results", () -> {
                phone.open("authoring/results/" + code);
                assertThat(phone.page.getByText("Đã ghi danh")).isVisible();
                phone.screenshot("authoring-results-390");
            });
        }
        try (BrowserSession laptop = new BrowserSession(port, 1366, 768)) {
            laptop.step("results on a laptop", () -> {
                laptop.logIn("t-trainer", "Trainer-pass1");
                laptop.open("authoring/results/gbv-co-ban");
                assertThat(laptop.page.locator("h2")).hasText("Kết quả khóa học gbv-co-ban");
                assertThat(laptop.page.locator("#results-summary")).isVisible();
                laptop.screenshot("authoring-results-1366");
                laptop.open("authoring/versions/" + code);
                laptop.screenshot("authoring-versions-1366");
            });
        }
    }
}
