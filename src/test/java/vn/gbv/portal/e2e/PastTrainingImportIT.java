package vn.gbv.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gbv.portal.imports.TestWorkbooks;

/**
 * Xã Lộc An's manager uploads a file of past training on a phone and on a laptop: the preview shows
 * the summary and a line per row with the reason for each error, and the new rows are saved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.demo-data=true", "portal.courses.import-on-start=true"})
class PastTrainingImportIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aManagerImportsPastTrainingOnAPhone() throws Exception {
        journey(390, 844, 0);
    }

    @Test
    void aManagerImportsPastTrainingOnALaptop() throws Exception {
        journey(1366, 768, 2);
    }

    private void journey(int width, int height, int personOffset) throws Exception {
        Path file = file(personOffset);
        try (BrowserSession browser = new BrowserSession(port, width, height)) {
            browser.step("log in", () -> browser.logIn("quanly.locan", "Locan#2026hue"));
            browser.step("open the import page", () -> {
                browser.open("imports/completions");
                assertThat(browser.page.locator("main h2")).hasText("Nhập kết quả tập huấn đã hoàn thành");
                browser.screenshot("past-training-start-" + width);
            });
            browser.step("upload and preview", () -> {
                browser.page.locator("vaadin-upload input[type=file]").setInputFiles(file);
                assertThat(browser.page.locator(".import-summary")).containsText("2 dòng mới, 1 dòng trùng, 2 dòng lỗi");
                browser.waitForVaadin();
                browser.page.locator(".import-summary").scrollIntoViewIfNeeded();
                browser.screenshot("past-training-preview-" + width);
                browser.page.locator("vaadin-grid.import-rows").scrollIntoViewIfNeeded();
                browser.screenshot("past-training-preview-grid-" + width);
            });
            browser.step("commit", () -> {
                browser.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu 2 dòng mới")).click();
                assertThat(browser.page.locator(".import-committed")).containsText("Đã lưu 2 kết quả tập huấn");
                browser.page.locator("vaadin-grid.import-history").scrollIntoViewIfNeeded();
                browser.screenshot("past-training-committed-" + width);
            });
        }
    }

    /** Two people of the demo commune (unique name and birth year in their unit), a duplicate and two errors. */
    private Path file(int offset) throws Exception {
        String course = jdbc.queryForObject("select code from course where current_version_id is not null order by id limit 1",
                String.class);
        List<Map<String, Object>> people = jdbc.queryForList("""
                select p.full_name, p.birth_year, u.code from person p
                join membership m on m.person_id = p.id and m.valid_to is null
                join unit u on u.id = m.unit_id
                where u.code = 'HUE-LOC-AN' and p.birth_year is not null
                  and not exists (select 1 from completion c join course k on k.id = c.course_id
                                  where c.person_id = p.id and k.code = ?)
                  and (select count(*) from person q join membership n on n.person_id = q.id and n.valid_to is null
                       where n.unit_id = u.id and q.full_name = p.full_name and q.birth_year = p.birth_year) = 1
                order by p.id limit 2 offset ?""", course, offset);
        List<Object> header = List.of("Họ và tên", "Năm sinh", "Đơn vị (mã)", "Mã khóa học", "Ngày hoàn thành", "Nơi tập huấn",
                "Người/đơn vị tập huấn", "Điểm");
        Object[][] rows = {
                {people.get(0).get("full_name"), people.get(0).get("birth_year"), "HUE-LOC-AN", course, "12/05/2026",
                        "Hội trường UBND xã Lộc An", "Hội LHPN thành phố Huế", "85"},
                {people.get(1).get("full_name"), people.get(1).get("birth_year"), "HUE-LOC-AN", course, "2026-06-03",
                        "Trạm Y tế xã", "Sở Y tế", ""},
                {people.get(0).get("full_name"), people.get(0).get("birth_year"), "HUE-LOC-AN", course, "12/05/2026",
                        "", "", ""},
                {"Nguyễn Văn Không Có", 1980, "HUE-LOC-AN", course, "12/05/2026", "", "", ""},
                {people.get(1).get("full_name"), people.get(1).get("birth_year"), "HUE-LOC-AN", "KHOA-CU", "15/06/2025",
                        "", "", "120"}};
        List<List<Object>> sheet = new java.util.ArrayList<>();
        sheet.add(header);
        for (Object[] row : rows) {
            // empty strings stay empty cells, as a spreadsheet program stores them
            sheet.add(java.util.Arrays.stream(row)
                    .map(v -> v instanceof Number ? v : v == null || v.toString().isEmpty() ? null : v.toString()).toList());
        }
        return TestWorkbooks.xlsx("qua-trinh-tap-huan-", "Sheet1", sheet);
    }
}
