package vn.gbv.portal.report;

import java.time.LocalDate;
import java.util.List;

/**
 * A document laid out as an administrative document of Decree 30/2020/NĐ-CP, independent of the
 * format: the heading elements, a body of headings, paragraphs and numbered tables, the
 * recipients and the signature. The PDF, XLSX and CSV writers all read this one model, so the
 * three formats always hold the same figures.
 *
 * @param official false for a working paper (the coverage report of any day): no national
 *                 title, number, recipients or signature
 */
record OfficialDocument(boolean official, String governingBody, String issuingBody, String symbol, Integer number,
                        String place, LocalDate dated, String type, String summary, List<Block> body,
                        List<String> recipients, String signerTitle, String signerName, String draftMark) {

    sealed interface Block permits Heading, Text, Table {
    }

    /** A section heading, e.g. "I. KẾT QUẢ TẬP HUẤN". */
    record Heading(String text) implements Block {
    }

    /** A paragraph; {@code italic} for notes. */
    record Text(String text, boolean italic) implements Block {

        Text(String text) {
            this(text, false);
        }
    }

    /**
     * A numbered table. A cell is a String (text), a Long (a count) or a java.math.BigDecimal (a
     * percentage); {@code widths} are relative column widths; the last row is bold when
     * {@code totalRow}.
     */
    record Table(int number, String caption, String sheetName, List<String> headers, float[] widths,
                 List<List<Object>> rows, boolean totalRow) implements Block {

        String title() {
            return "Bảng " + number + ". " + caption;
        }
    }

    List<Table> tables() {
        return body.stream().filter(Table.class::isInstance).map(Table.class::cast).toList();
    }
}
