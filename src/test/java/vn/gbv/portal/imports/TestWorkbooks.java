package vn.gbv.portal.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** XLSX files for the import tests, written as a user's spreadsheet program would store the cells. */
public final class TestWorkbooks {

    private TestWorkbooks() {
    }

    /**
     * Writes rows into the first sheet of a temporary XLSX file: text as text, numbers as numbers,
     * booleans as booleans; null and other values leave the cell empty. Rows are flushed every
     * thousand, so a 20,000-row file costs little memory.
     */
    public static Path xlsx(String filePrefix, String sheetName, List<? extends List<?>> rows) {
        try {
            Path file = Files.createTempFile(filePrefix, ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                Workbook workbook = new Workbook(out, "test", "1.0");
                Worksheet sheet = workbook.newWorksheet(sheetName);
                for (int r = 0; r < rows.size(); r++) {
                    List<?> row = rows.get(r);
                    for (int c = 0; c < row.size(); c++) {
                        Object cell = row.get(c);
                        if (cell instanceof String text) {
                            sheet.value(r, c, text);
                        } else if (cell instanceof Number number) {
                            sheet.value(r, c, number);
                        } else if (cell instanceof Boolean flag) {
                            sheet.value(r, c, flag);
                        }
                    }
                    if (r % 1000 == 999) {
                        sheet.flush();
                    }
                }
                workbook.finish();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
