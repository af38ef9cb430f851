package vn.gbv.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.gbv.portal.imports.TestWorkbooks;

/**
 * The ward manager of the demo city uploads a roster XLSX on a laptop (1366×768), sees the preview
 * summary and the rows, saves it and undoes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.demo-data=true", "portal.courses.import-on-start=false"})
class RosterImportIT {

    @LocalServerPort
    int port;

    @Test
    void aManagerUploadsARosterAndSeesThePreviewSummary() throws IOException {
        Path file = roster();
        try (BrowserSession browser = new BrowserSession(port, 1366, 768)) {
            browser.step("log in", () -> browser.logIn("quanly.phongdinh", "Phongdinh#2026"));
            browser.step("open the import", () -> {
                browser.open("rosters/import");
                assertThat(browser.page.locator("h1.view-title")).hasText("Nhập danh sách cán bộ");
                assertThat(browser.page.getByText("Tải mẫu Excel (.xlsx)")).isVisible();
            });
            browser.step("upload", () -> {
                browser.page.locator("vaadin-upload input[type=file]").setInputFiles(file);
                assertThat(browser.page.locator(".import-summary"))
                        .hasText(Pattern.compile("2 mới, 0 cập nhật, 0 không đổi, 1 lỗi, 0 dòng trống bỏ qua"));
                assertThat(browser.page.locator("vaadin-grid.import-rows")).containsText("Không có đơn vị mã «KHONG-CO»");
                browser.screenshot("roster-import-preview-1366");
            });
            browser.step("commit", () -> {
                browser.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu vào danh sách")).click();
                assertThat(browser.page.locator(".import-committed")).hasText(Pattern.compile("Đã lưu: 2 người mới"));
                browser.screenshot("roster-import-committed-1366");
            });
            browser.step("undo", () -> {
                // the first: the one under the result (the list of recent imports below has another)
                browser.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hoàn tác lần nhập này")).first().click();
                assertThat(browser.page.getByText("Đã hoàn tác lần nhập")).isVisible();
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Path roster() throws IOException {
        List<List<String>> rows = List.of(
                List.of("Họ và tên", "Giới tính", "Năm sinh", "Đối tượng", "Đơn vị (mã)", "Chức vụ", "Điện thoại", "Email",
                        "Làm công tác xã hội"),
                List.of("Trương Thị Ngọc Ánh", "Nữ", "1992", "CTV", "HUE-PHONG-DINH", "Cộng tác viên", "0914222333", "", "Có"),
                List.of("Đặng Văn Khải", "Nam", "1987", "Công chức", "HUE-PHONG-DINH", "Văn hóa - Xã hội", "", "", "x"),
                List.of("Lê Thị Sai", "Nữ", "1990", "CTV", "KHONG-CO", "", "", "", "Có"));
        return TestWorkbooks.xlsx("danh-sach-phong-dinh-", "Danh sách", rows);
    }
}
