package vn.gbv.portal.pasttraining;

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

/**
 * The downloadable past-training template: the Vietnamese headers and three example rows, one per
 * way of naming a person, as XLSX (fastexcel; dates as text dd/MM/yyyy, which the import reads as
 * well as real Excel dates) or CSV (UTF-8 with BOM, as Excel expects; cells made inert).
 */
final class PastTrainingTemplate {

    private PastTrainingTemplate() {
    }

    static List<List<String>> exampleRows(String unitCode, String courseCode) {
        return List.of(
                List.of("012345678901", "", "", "", "", courseCode, "15/03/2026", "Hội trường UBND xã",
                        "Hội Liên hiệp Phụ nữ thành phố", "85"),
                List.of("", "CB-001", "", "", unitCode, courseCode, "2026-04-20", "Trạm Y tế xã", "ThS. Nguyễn Thị Lan", ""),
                List.of("", "", "Trần Văn Minh", "1979", unitCode, courseCode, "05/05/2026", "Nhà văn hóa thôn 3",
                        "Sở Tư pháp", "90"));
    }

    static void xlsx(String unitCode, String courseCode, OutputStream out) {
        try {
            Workbook workbook = new Workbook(out, "GBV training portal", "1.0");
            Worksheet sheet = workbook.newWorksheet("Tập huấn đã hoàn thành");
            List<String> headers = PastTrainingColumns.FILE.headers();
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(0, c, headers.get(c));
                sheet.style(0, c).bold().fillColor("E8EEF7").set();
                sheet.width(c, c == 2 || c == 7 || c == 8 ? 26 : 18);
            }
            List<List<String>> rows = exampleRows(unitCode, courseCode);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        // Text cells: an ID stays as typed, never a number that loses its leading 0.
                        sheet.value(r + 1, c, rows.get(r).get(c));
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void csv(String unitCode, String courseCode, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL);
            printer.printRecord(PastTrainingColumns.FILE.headers());
            for (List<String> row : exampleRows(unitCode, courseCode)) {
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
