package vn.gbv.portal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.base.SpreadsheetCells;
import vn.gbv.portal.imports.TabularFile.Column;
import vn.gbv.portal.imports.TabularFile.SourceRow;

/** The import core without a database: reading CSV files as spreadsheets save them, and the cell normalisers. */
class TabularFileTest {

    private static final TabularFile FILE = new TabularFile(List.of(Column.required("name", "Họ và tên"),
            Column.required("phone", "Điện thoại"), Column.optional("code", "Mã cán bộ")));

    @Test
    void csvWithBomSemicolonsTitleRowsAndHeadersInAnyCaseAndAccents() throws Exception {
        Path csv = write("\uFEFFDANH SÁCH;;\r\n\r\nĐIỆN THOẠI ;  ho va  TEN;Khác\r\n0905 111 222;Lê Văn A;x\r\n;;\r\n+84905333444;\"Trần; Thị B\";\r\n;;\r\n",
                StandardCharsets.UTF_8);
        List<SourceRow> rows = new ArrayList<>();

        TabularFile.Result result = FILE.read(csv, "a.CSV", rows::add);

        assertThat(result).isEqualTo(new TabularFile.Result(3, 2, 1));
        assertThat(rows).extracting(SourceRow::number).containsExactly(4, 6);
        assertThat(rows.get(1).get("name")).isEqualTo("Trần; Thị B");
        assertThat(rows.get(1).get("phone")).isEqualTo("+84905333444");
        assertThat(rows.get(0).get("code")).isNull();
    }

    @Test
    void aCsvNotInUtf8AMissingColumnAndAnUnknownFormatAreRefusedAsAWhole() throws Exception {
        Path latin = write("Họ và tên,Điện thoại\r\nLê,1\r\n", Charset.forName("windows-1258"));
        assertThatThrownBy(() -> FILE.read(latin, "x.csv", r -> { }))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("import.file.not-utf8"));
        Path missing = write("Họ và tên,Email\r\nLê,a@b.vn\r\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FILE.read(missing, "x.csv", r -> { }))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.file.missing-columns");
                    assertThat(e.args()).containsExactly("Điện thoại");
                });
        assertThatThrownBy(() -> FILE.read(missing, "x.xls", r -> { }))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("import.file.format"));
        Path notXlsx = write("not a zip", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FILE.read(notXlsx, "x.xlsx", r -> { }))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("import.file.not-xlsx"));
    }

    @Test
    void cellsAreReadAsSpreadsheetsLeaveThem() {
        String cleaned = Text.clean(Normalizer.normalize("  Nguyễn   Thị\u00A0Hoà ", Normalizer.Form.NFD));
        assertThat(cleaned).isEqualTo(Normalizer.normalize("Nguyễn Thị Hoà", Normalizer.Form.NFC));
        assertThat(Normalizer.isNormalized(cleaned, Normalizer.Form.NFC)).isTrue();
        assertThat(Text.fold("ĐƠN VỊ  (Mã)")).isEqualTo("don vi (ma)");
        assertThat(Cells.year("1988.0", 1940, 2010).value()).isEqualTo(1988);
        assertThat(Cells.year(" 1988 ", 1940, 2010).value()).isEqualTo(1988);
        assertThat(Cells.year("88", 1940, 2010).errorKey()).isEqualTo("import.cell.year");
        assertThat(Cells.year("năm 1988", 1940, 2010).errorKey()).isEqualTo("import.cell.year");
        assertThat(Cells.phone("912345678").value()).isEqualTo("0912345678");
        assertThat(Cells.phone("+84 912 345 678").value()).isEqualTo("0912345678");
        assertThat(Cells.phone("84912345678").value()).isEqualTo("0912345678");
        assertThat(Cells.phone("0234.3822.111").value()).isEqualTo("02343822111");
        assertThat(Cells.phone("12ab").isError()).isTrue();
        assertThat(List.of("Có", "có", "x", "X", "1", "TRUE", "yes")).allMatch(v -> Cells.yes(v).value());
        assertThat(List.of("Không", "0", "FALSE")).noneMatch(v -> Cells.yes(v).value());
        assertThat(Cells.yes("có lẽ").isError()).isTrue();
        assertThat(Cells.yes("  ").isEmpty()).isTrue();
        assertThat(List.of("Nữ", "nu", "NU", "nữ", "F")).allMatch(v -> Cells.sex(v).value() == Cells.Sex.F);
        assertThat(List.of("Nam", "nam", "NAM", "M")).allMatch(v -> Cells.sex(v).value() == Cells.Sex.M);
        assertThat(Cells.digits("79088001234", 12).value()).isEqualTo("079088001234");
        assertThat(Cells.digits("079 088 001 234", 12).value()).isEqualTo("079088001234");
        assertThat(Cells.digits("12345", 12).isError()).isTrue();
        assertThat(Cells.email("a@b").isError()).isTrue();
        assertThat(SpreadsheetCells.inert("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(SpreadsheetCells.inert("-5")).isEqualTo("'-5");
        assertThat(SpreadsheetCells.inert("Lê")).isEqualTo("Lê");
    }

    private static Path write(String text, Charset charset) throws Exception {
        Path file = Files.createTempFile("tabular-", ".csv");
        Files.write(file, text.getBytes(charset));
        file.toFile().deleteOnExit();
        return file;
    }
}
