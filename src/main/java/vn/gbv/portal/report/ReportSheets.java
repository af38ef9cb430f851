package vn.gbv.portal.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.gbv.portal.base.SpreadsheetCells;

/**
 * The XLSX and CSV forms of an {@link OfficialDocument}: a first sheet with the heading and the
 * text, then one sheet per numbered table (numbers as numbers, percentages as numbers with one
 * decimal); the CSV is UTF-8 with a BOM and holds the same blocks one after another. Every text
 * cell goes through {@link SpreadsheetCells#inert(String)}.
 */
final class ReportSheets {

    private ReportSheets() {
    }

    static byte[] xlsx(OfficialDocument d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            Workbook wb = new Workbook(out, "GBV training portal", "1.0");
            Worksheet info = wb.newWorksheet("Thông tin");
            int r = 0;
            for (List<String> line : heading(d)) {
                for (int c = 0; c < line.size(); c++) {
                    text(info, r, c, line.get(c));
                }
                r++;
            }
            info.width(0, 28);
            info.width(1, 90);
            Set<String> names = new HashSet<>();
            for (OfficialDocument.Table t : d.tables()) {
                Worksheet ws = wb.newWorksheet(sheetName(t, names));
                text(ws, 0, 0, t.title());
                ws.style(0, 0).bold().set();
                for (int c = 0; c < t.headers().size(); c++) {
                    text(ws, 1, c, t.headers().get(c));
                    ws.style(1, c).bold().set();
                    ws.width(c, c == 0 ? 8 : Math.max(14, t.widths()[c] * 1.4));
                }
                for (int i = 0; i < t.rows().size(); i++) {
                    List<Object> row = t.rows().get(i);
                    for (int c = 0; c < row.size(); c++) {
                        Object v = row.get(c);
                        if (v instanceof BigDecimal b) {
                            ws.value(i + 2, c, b);
                            ws.style(i + 2, c).format("0.0").set();
                        } else if (v instanceof Number n) {
                            ws.value(i + 2, c, n.longValue());
                        } else if (v != null) {
                            text(ws, i + 2, c, v.toString());
                        }
                    }
                }
                ws.freezePane(0, 2);
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] csv(OfficialDocument d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            w.write('\uFEFF');
            for (List<String> line : heading(d)) {
                csv.printRecord(line.stream().map(SpreadsheetCells::inert).toList());
            }
            for (OfficialDocument.Table t : d.tables()) {
                csv.println();
                csv.printRecord(SpreadsheetCells.inert(t.title()));
                csv.printRecord(t.headers().stream().map(SpreadsheetCells::inert).toList());
                for (List<Object> row : t.rows()) {
                    List<Object> cells = new ArrayList<>();
                    for (Object v : row) {
                        cells.add(v instanceof BigDecimal b ? b.toPlainString() : v instanceof Number n ? n.toString()
                                : SpreadsheetCells.inert(v == null ? "" : v.toString()));
                    }
                    csv.printRecord(cells);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The heading elements and the text blocks as label/value lines. */
    private static List<List<String>> heading(OfficialDocument d) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("Cơ quan ban hành", d.issuingBody()));
        if (d.official()) {
            lines.add(List.of("Số, ký hiệu", (d.number() == null ? "" : d.number()) + "/" + d.symbol()));
            lines.add(List.of("Địa danh, ngày", d.place() + ", " + ReportPdf.longDate(d.dated())));
        }
        lines.add(List.of("Loại văn bản", d.type()));
        lines.add(List.of("Trích yếu", d.summary()));
        if (d.draftMark() != null) {
            lines.add(List.of("Ghi chú", d.draftMark()));
        }
        String section = "";
        for (OfficialDocument.Block b : d.body()) {
            if (b instanceof OfficialDocument.Heading h) {
                section = h.text();
            } else if (b instanceof OfficialDocument.Text t && !t.text().isBlank()) {
                lines.add(List.of(section, t.text()));
            }
        }
        if (d.official()) {
            lines.add(List.of("Nơi nhận", String.join("; ", d.recipients())));
            lines.add(List.of("Chức vụ người ký", d.signerTitle() == null ? "" : d.signerTitle().replace('\n', ' ')));
            lines.add(List.of("Người ký", d.signerName() == null ? "" : d.signerName()));
        }
        return lines;
    }

    private static void text(Worksheet ws, int r, int c, String value) {
        ws.value(r, c, SpreadsheetCells.inert(value));
    }

    /** Excel's sheet names: at most 31 characters, none of []:*?/\ and unique. */
    private static String sheetName(OfficialDocument.Table t, Set<String> used) {
        String base = ("Bảng " + t.number() + " " + t.sheetName()).replaceAll("[\\[\\]:*?/\\\\]", " ");
        String name = base.length() > 31 ? base.substring(0, 31).strip() : base;
        int i = 2;
        while (!used.add(name)) {
            name = name.substring(0, Math.min(name.length(), 28)) + " " + i++;
        }
        return name;
    }
}
