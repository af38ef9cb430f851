package vn.gbv.portal.coverage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.gbv.portal.coverage.CoverageQueries.Untrained;

/**
 * The drill-down as an XLSX sheet, written row by row as the query streams (fastexcel), with
 * dates as dates and counts as numbers so that the sheet can be sorted and summed.
 */
final class UntrainedWorkbook {

    /** Words of the sheet in the reader's language, worked out before the download starts. */
    record Labels(String sheetName, List<String> headers, Function<Untrained, String> lacks,
                  Function<Untrained, String> category, Function<Untrained, String> sex, String yes, String no) {
    }

    private UntrainedWorkbook() {
    }

    /** Writes a header row, then one row a person as {@code rows} hands them over. */
    static void write(OutputStream out, Labels labels, LocalDate asOf, Consumer<Consumer<Untrained>> rows) throws IOException {
        Workbook workbook = new Workbook(out, "GBV training portal", "1.0");
        Worksheet sheet = workbook.newWorksheet(labels.sheetName());
        for (int c = 0; c < labels.headers().size(); c++) {
            sheet.value(0, c, labels.headers().get(c));
        }
        sheet.style(0, 0).bold().set();
        sheet.range(0, 0, 0, labels.headers().size() - 1).style().bold().set();
        sheet.freezePane(0, 1);
        int[] row = {1};
        try {
            rows.accept(u -> {
                int r = row[0]++;
                sheet.value(r, 0, u.fullName());
                sheet.value(r, 1, u.unitCode());
                sheet.value(r, 2, u.unitName());
                sheet.value(r, 3, labels.sex().apply(u));
                sheet.value(r, 4, labels.category().apply(u));
                sheet.value(r, 5, labels.lacks().apply(u));
                sheet.value(r, 6, u.startedGroups().isEmpty() ? labels.no() : labels.yes());
                if (u.inUnitSince() != null) {
                    sheet.value(r, 7, u.inUnitSince());
                    sheet.style(r, 7).format("dd/mm/yyyy").set();
                    sheet.value(r, 8, ChronoUnit.DAYS.between(u.inUnitSince(), asOf));
                }
                if (r % 1000 == 0) {
                    try {
                        sheet.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        sheet.width(0, 28);
        sheet.width(2, 30);
        sheet.width(5, 40);
        workbook.finish();
    }
}
