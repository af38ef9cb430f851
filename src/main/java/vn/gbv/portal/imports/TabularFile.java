package vn.gbv.portal.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import vn.gbv.portal.base.RefusedException;

/**
 * Reads the first sheet of an XLSX (fastexcel-reader) or a CSV (Commons CSV) one row at a time,
 * never the whole file into objects: a 5,000-row roster costs the memory of one row.
 *
 * <p>The header is the first non-empty row. Columns are found by header, in any order, ignoring
 * case, accents and extra spaces ({@link Text#fold}); columns the import does not know are
 * ignored; a required column that is missing, or a column given twice, refuses the file with a
 * message that names it. A CSV may be saved by Excel: UTF-8 with or without a byte-order mark,
 * separated by commas or semicolons (whichever the header line has more of). Cells are handed on
 * as text exactly as stored, never evaluated: a numeric cell as its plain digits ("912345678",
 * "1988"), a text cell that starts with "=" as that text.
 *
 * <p>Empty rows are skipped; those between data rows are counted (a summary says "skipped empty
 * rows"), trailing ones are not, as spreadsheets often carry formatted empty rows at the end.
 */
public final class TabularFile {

    /**
     * A column the import reads: its key in {@link SourceRow#get}, its header in the template, other
     * headers accepted for it, and whether the file must have it.
     */
    public record Column(String key, String header, boolean required, List<String> aliases) {

        public static Column required(String key, String header, String... aliases) {
            return new Column(key, header, true, List.of(aliases));
        }

        public static Column optional(String key, String header, String... aliases) {
            return new Column(key, header, false, List.of(aliases));
        }
    }

    /** One data row: its number as the spreadsheet shows it (1 = first row), and its cells by column key. */
    public record SourceRow(int number, Map<String, String> cells) {

        /** The cell of that column as stored, or null when empty or when the file has no such column. */
        public String get(String key) {
            return cells.get(key);
        }
    }

    /** What reading found besides the data rows: the header's row number and the empty rows skipped. */
    public record Result(int headerRow, int dataRows, int emptyRowsSkipped) {
    }

    public enum Format {
        XLSX, CSV;

        /** By the file name's ending; an unknown ending refuses the file. */
        public static Format of(String fileName) {
            String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            if (name.endsWith(".xlsx")) {
                return XLSX;
            }
            if (name.endsWith(".csv")) {
                return CSV;
            }
            throw RefusedException.onField("file", "import.file.format");
        }
    }

    /** Rows above the header that are not a header (titles, a unit's name, a date) and are passed over. */
    private static final int MAX_TITLE_ROWS = 8;

    private final List<Column> columns;
    private final Map<String, Column> byHeader = new HashMap<>();

    public TabularFile(List<Column> columns) {
        this.columns = List.copyOf(columns);
        for (Column column : columns) {
            byHeader.put(Text.fold(column.header()), column);
            column.aliases().forEach(alias -> byHeader.put(Text.fold(alias), column));
        }
    }

    /** The template's header line, in order. */
    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    /**
     * Reads the file, handing each non-empty data row to {@code rows} as it is read. Problems with
     * the file as a whole (not a spreadsheet, no header, a required column missing) are thrown as
     * {@link RefusedException} on field "file" before any row is handed on.
     */
    public Result read(Path file, String fileName, Consumer<SourceRow> rows) {
        try {
            return switch (Format.of(fileName)) {
                case XLSX -> readXlsx(file, rows);
                case CSV -> readCsv(file, rows);
            };
        } catch (IOException e) {
            throw RefusedException.onField("file", "import.file.unreadable");
        }
    }

    private Result readXlsx(Path file, Consumer<SourceRow> rows) throws IOException {
        Walk walk = new Walk(rows);
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
             Stream<Row> stream = firstSheet(workbook).openStream()) {
            stream.forEach(row -> {
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(text(row.getCell(i)));
                }
                walk.row(row.getRowNum(), cells);
            });
        } catch (ExcelReaderException | IllegalStateException | UncheckedIOException e) {
            throw RefusedException.onField("file", "import.file.not-xlsx");
        } catch (IOException e) {
            if (e.getClass().getName().contains("Zip") || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("zip")) {
                throw RefusedException.onField("file", "import.file.not-xlsx");
            }
            throw e;
        }
        return walk.result();
    }

    private static Sheet firstSheet(ReadableWorkbook workbook) {
        return workbook.getFirstSheet();
    }

    /** A cell as stored: numbers as plain digits (no "E10", no ".0" for whole numbers), booleans as TRUE/FALSE. */
    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        String raw = cell.getRawValue();
        return switch (cell.getType()) {
            case NUMBER -> raw == null ? null : plain(raw);
            case BOOLEAN -> "1".equals(raw) || "true".equalsIgnoreCase(raw) ? "TRUE" : "FALSE";
            case EMPTY -> null;
            case STRING, FORMULA, ERROR -> cell.getText();
        };
    }

    private static String plain(String number) {
        try {
            return new BigDecimal(number).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return number;
        }
    }

    private Result readCsv(Path file, Consumer<SourceRow> rows) throws IOException {
        Walk walk = new Walk(rows);
        char delimiter = delimiter(file);
        CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(delimiter).get();
        try (Reader reader = utf8(Files.newInputStream(file)); CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord record : parser) {
                walk.row((int) record.getRecordNumber(), record.toList());
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw RefusedException.onField("file", "import.file.not-utf8");
            }
            throw RefusedException.onField("file", "import.file.unreadable");
        } catch (CharacterCodingException e) {
            throw RefusedException.onField("file", "import.file.not-utf8");
        }
        return walk.result();
    }

    /** Comma or semicolon, whichever the first non-empty line has more of (Excel in a Vietnamese locale saves ";"). */
    private static char delimiter(Path file) throws IOException {
        try (BufferedReader reader = new BufferedReader(utf8(Files.newInputStream(file)))) {
            String line;
            do {
                line = reader.readLine();
            } while (line != null && line.isBlank());
            if (line == null) {
                return ',';
            }
            long commas = line.chars().filter(c -> c == ',').count();
            long semicolons = line.chars().filter(c -> c == ';').count();
            return semicolons > commas ? ';' : ',';
        } catch (CharacterCodingException e) {
            throw RefusedException.onField("file", "import.file.not-utf8");
        }
    }

    /** UTF-8, strictly (a file in another encoding is refused rather than read as mojibake), without its BOM. */
    private static Reader utf8(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 3);
        byte[] head = in.readNBytes(3);
        boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (!bom && head.length > 0) {
            in.unread(head);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** Header first, then data rows; counts the empty rows between data rows. */
    private final class Walk {

        private final Consumer<SourceRow> rows;
        private Column[] byIndex;
        private int headerRow;
        private int dataRows;
        private int skipped;
        private int pendingEmpty;
        private int titleRows;

        Walk(Consumer<SourceRow> rows) {
            this.rows = rows;
        }

        void row(int number, List<String> cells) {
            boolean empty = cells.stream().allMatch(c -> c == null || Text.clean(c) == null);
            if (byIndex == null) {
                if (!empty) {
                    header(number, cells);
                }
                return;
            }
            if (empty) {
                pendingEmpty++;
                return;
            }
            skipped += pendingEmpty;
            pendingEmpty = 0;
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(cells.size(), byIndex.length); i++) {
                if (byIndex[i] != null && cells.get(i) != null) {
                    values.put(byIndex[i].key(), cells.get(i));
                }
            }
            dataRows++;
            rows.accept(new SourceRow(number, values));
        }

        private void header(int number, List<String> cells) {
            Column[] found = new Column[cells.size()];
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                Column column = byHeader.get(Text.fold(cells.get(i)));
                if (column == null) {
                    continue;
                }
                if (seen.putIfAbsent(column.key(), i) != null) {
                    throw RefusedException.onField("file", "import.file.column-twice", column.header());
                }
                found[i] = column;
            }
            if (seen.isEmpty() && ++titleRows <= MAX_TITLE_ROWS) {
                return; // a title above the table ("DANH SÁCH CÁN BỘ ..."), as official lists have
            }
            List<String> missing = columns.stream().filter(Column::required)
                    .filter(c -> !seen.containsKey(c.key())).map(Column::header).toList();
            if (missing.size() == columns.stream().filter(Column::required).count()) {
                throw RefusedException.onField("file", "import.file.no-header", number, String.join(", ", missing));
            }
            if (!missing.isEmpty()) {
                throw RefusedException.onField("file", "import.file.missing-columns", String.join(", ", missing));
            }
            byIndex = found;
            headerRow = number;
        }

        Result result() {
            if (byIndex == null) {
                throw RefusedException.onField("file", "import.file.empty");
            }
            return new Result(headerRow, dataRows, skipped);
        }
    }
}
