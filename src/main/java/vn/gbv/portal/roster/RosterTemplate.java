package vn.gbv.portal.roster;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.gbv.portal.base.SpreadsheetCells;
import vn.gbv.portal.unit.StaffCategory;

/**
 * The downloadable roster template: the Vietnamese headers and two example rows for a unit of the
 * caller's, as XLSX (fastexcel) or CSV (UTF-8 with BOM, as Excel expects; cells made inert).
 */
final class RosterTemplate {

    private RosterTemplate() {
    }

    static List<List<String>> exampleRows(String unitCode) {
        return List.of(
                List.of("Nguyễn Thị Hoa", "Nữ", "1988", RosterColumns.word(StaffCategory.CONG_CHUC), unitCode,
                        "Công chức Văn hóa - Xã hội", "0912345678", "hoa.nt@example.gov.vn", "Có", "", "CB-001"),
                List.of("Trần Văn Minh", "Nam", "1979", RosterColumns.word(StaffCategory.CONG_TAC_VIEN), unitCode,
                        "Cộng tác viên công tác xã hội", "0987654321", "", "Có", "", ""));
    }

    static void xlsx(String unitCode, OutputStream out) {
        try {
            Workbook workbook = new Workbook(out, "GBV training portal", "1.0");
            Worksheet sheet = workbook.newWorksheet("Danh sách");
            List<String> headers = RosterColumns.FILE.headers();
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(0, c, headers.get(c));
                sheet.style(0, c).bold().fillColor("E8EEF7").set();
                sheet.width(c, c == 0 ? 26 : 16);
            }
            List<List<String>> rows = exampleRows(unitCode);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    // Text cells: a phone or ID stays as typed, never a number that loses its leading 0.
                    sheet.value(r + 1, c, rows.get(r).get(c));
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void csv(String unitCode, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL);
            printer.printRecord(RosterColumns.FILE.headers());
            for (List<String> row : exampleRows(unitCode)) {
                List<String> inert = new ArrayList<>();
                row.forEach(cell -> inert.add(SpreadsheetCells.inert(cell)));
                printer.printRecord(inert);
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
