package vn.gbv.portal.pasttraining;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gbv.portal.pasttraining.PastTrainingTestData.HEADER;
import static vn.gbv.portal.pasttraining.PastTrainingTestData.row;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.notification.Notification;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import vn.gbv.portal.imports.ImportBatch;
import vn.gbv.portal.imports.PreviewRow;
import vn.gbv.portal.imports.RowOutcome;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.UnitService;

/**
 * The import page without a browser, as a ward's manager: a file gives the summary line and one
 * grid line per row with the column and the reason, the filter shows only the errors, the commit
 * saves the new rows and the batch appears in the list with an undo that takes it back.
 */
@SpringBootTest
@WithMockUser(username = "pt-view-manager", roles = "UNIT_MANAGER")
class PastTrainingImportViewTest extends SpringBrowserlessTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired UnitService units;

    PastTrainingTestData data;
    String ward;
    String course;
    String nationalId;

    // The account must exist before the browserless UI opens, as the shell reads the signed-in user.
    @BeforeAll
    static void account(@Autowired JdbcTemplate jdbc, @Autowired UnitService units) {
        new PastTrainingTestData(jdbc, units).account("pt-view-manager", Set.of(Role.UNIT_MANAGER));
    }

    @BeforeEach
    void ward() {
        data = new PastTrainingTestData(jdbc, units);
        ward = data.code("PV");
        long unit = data.unit(ward, null);
        course = data.code("KV");
        data.course(course, "knowledge");
        nationalId = data.nationalId(7);
        data.person("Nguyễn Thị Hoa", 1988, nationalId, null, unit);
        data.account("pt-view-manager", Set.of(Role.UNIT_MANAGER), unit);
    }

    private PastTrainingImportView open() {
        UI.getCurrent().navigate("imports/completions");
        return (PastTrainingImportView) getCurrentView();
    }

    private File file() {
        Path path = PastTrainingTestData.xlsx(List.of(HEADER,
                row(nationalId, null, null, null, null, course, "12/05/2026", "Hội trường", "Sở Tư pháp", "80"),
                row(nationalId, null, null, null, null, "KHONG-CO", "ngày mai", null, null, null),
                row(nationalId, null, null, null, null, course, "12/05/2026", null, null, null)));
        return path.toFile();
    }

    @Test
    void aFileGivesThePreviewAndACommitThenAnUndo() {
        PastTrainingImportView view = open();
        assertThat(view.preview.isVisible()).isFalse();
        assertThat(view.upload.getI18n().getAddFiles().getOne()).isEqualTo("Chọn tệp…");

        view.read("tap-huan.xlsx", file());

        assertThat(view.problem.isVisible()).isFalse();
        assertThat(view.preview.isVisible()).isTrue();
        assertThat(view.summary.getText())
                .isEqualTo("tap-huan.xlsx: 1 dòng mới, 1 dòng trùng, 1 dòng lỗi, 0 dòng trống đã bỏ qua.");
        GridTester<Grid<PreviewRow>, PreviewRow> rows = test(view.rows);
        assertThat(rows.size()).isEqualTo(3);
        assertThat(rows.getCellText(0, 1)).isEqualTo("Mới");
        assertThat(rows.getCellText(0, 2)).isEqualTo("Nguyễn Thị Hoa (1988), Đơn vị " + ward + " · " + course
                + " · 12/05/2026 · điểm 80");
        assertThat(rows.getCellText(1, 1)).isEqualTo("Lỗi");
        assertThat(rows.getCellText(1, 3)).isEqualTo("Mã khóa học: Không có khóa học mã «KHONG-CO». · "
                + "Ngày hoàn thành: Không phải ngày hợp lệ: «ngày mai» (dùng dd/MM/yyyy hoặc yyyy-MM-dd).");
        assertThat(rows.getCellText(2, 1)).isEqualTo("Trùng");
        assertThat(rows.getCellText(2, 3)).isEqualTo("Trùng với dòng 2 của tệp.");

        test(view.outcome).selectItem("Lỗi");
        assertThat(test(view.rows).size()).isEqualTo(1);
        assertThat(test(view.rows).getCellText(0, 0)).isEqualTo("3");

        assertThat(view.commit.getText()).isEqualTo("Lưu 1 dòng mới");
        test(view.commit).click();
        assertThat(view.preview.isVisible()).isFalse();
        assertThat(view.done.getText()).isEqualTo("Đã lưu 1 kết quả tập huấn. Độ bao phủ đã được cập nhật.");
        assertThat(jdbc.queryForObject("""
                select count(*) from effective_completion c join person p on p.id = c.person_id
                where p.national_id = ? and c.completed_on = ?""", Integer.class, nationalId, LocalDate.of(2026, 5, 12)))
                .isEqualTo(1);

        ImportBatch committed = view.history.getGenericDataView().getItems().findFirst().orElseThrow();
        assertThat(committed.fileName()).isEqualTo("tap-huan.xlsx");
        GridTester<Grid<ImportBatch>, ImportBatch> history = test(view.history);
        assertThat(history.getCellText(0, 4)).isEqualTo("Đã lưu");
        assertThat(history.getCellText(0, 3)).isEqualTo("1 / 1 / 1");
        Button undo = (Button) history.getCellComponent(0, 5);
        assertThat(undo.getText()).isEqualTo("Hoàn tác");
        undo.click();
        assertThat(view.done.getText()).isEqualTo("Đã hoàn tác 1 kết quả tập huấn của tệp tap-huan.xlsx.");
        assertThat(jdbc.queryForObject("""
                select count(*) from effective_completion c join person p on p.id = c.person_id
                where p.national_id = ?""", Integer.class, nationalId)).isZero();
        assertThat($(Notification.class).all()).isEmpty();
    }

    @Test
    void aFileThatIsNotASpreadsheetIsRefusedWithAMessage() throws Exception {
        PastTrainingImportView view = open();
        File text = java.nio.file.Files.writeString(java.nio.file.Files.createTempFile("x", ".txt"), "hello").toFile();
        view.read("ghi-chu.txt", text);
        assertThat(view.problem.isVisible()).isTrue();
        assertThat(view.problem.getText()).isEqualTo("Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).");
        assertThat(view.preview.isVisible()).isFalse();
    }

}
