package vn.gbv.portal.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.Utilities;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Writes an {@link OfficialDocument} as a PDF in the form of Decree 30/2020/NĐ-CP: A4 portrait,
 * margins 20 mm top and bottom, 30 mm left, 15 mm right; the issuing body top left and the
 * national title and motto top right; number and symbol; place and date in italics; "BÁO CÁO"
 * and its summary; numbered tables whose header row repeats on every page they run onto; "Nơi
 * nhận" bottom left and the signer's title and name bottom right; page numbers from page 2,
 * centred in the top margin. The font is Liberation Serif 2 (SIL OFL 1.1, shipped with its
 * licence in /fonts), metric-compatible with Times New Roman, which the decree names. The font
 * files are read and parsed once and shared by every document.
 */
final class ReportPdf {

    private static final float MM = 72f / 25.4f;
    private static final Locale VI = Locale.forLanguageTag("vi");

    private record Faces(BaseFont regular, BaseFont bold, BaseFont italic) {
    }

    private static final class Shipped {
        static final Faces FACES = new Faces(font("LiberationSerif-Regular.ttf"), font("LiberationSerif-Bold.ttf"),
                font("LiberationSerif-Italic.ttf"));

        private static BaseFont font(String name) {
            try (InputStream in = ReportPdf.class.getResourceAsStream("/fonts/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("font /fonts/" + name + " is missing from the class path");
                }
                return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private ReportPdf() {
    }

    static byte[] render(OfficialDocument d) {
        Faces f = Shipped.FACES;
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(PageSize.A4, 30 * MM, 15 * MM, 20 * MM, 20 * MM);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setCompressionLevel(6);
        writer.setPageEvent(new PageNumbers(f.regular()));
        document.addTitle(d.type() + " – " + d.summary());
        document.addCreator("Cổng tập huấn phòng, chống bạo lực trên cơ sở giới");
        // A fixed creation date: the same content gives the same bytes.
        document.open();
        heading(document, d, f);
        for (OfficialDocument.Block block : d.body()) {
            switch (block) {
                case OfficialDocument.Heading h -> {
                    Paragraph p = new Paragraph(h.text(), new Font(f.bold(), 13));
                    p.setSpacingBefore(8);
                    p.setSpacingAfter(4);
                    document.add(p);
                }
                case OfficialDocument.Text t -> {
                    for (String line : t.text().split("\n", -1)) {
                        Paragraph p = new Paragraph(16, line, new Font(t.italic() ? f.italic() : f.regular(), 13));
                        p.setAlignment(Element.ALIGN_JUSTIFIED);
                        p.setFirstLineIndent(1 * 72f / 2.54f);
                        p.setSpacingAfter(4);
                        document.add(p);
                    }
                }
                case OfficialDocument.Table t -> document.add(table(t, f));
            }
        }
        if (d.official()) {
            signature(document, d, f);
        }
        document.close();
        return out.toByteArray();
    }

    private static void heading(Document document, OfficialDocument d, Faces f) {
        if (d.draftMark() != null) {
            Paragraph mark = new Paragraph(d.draftMark(), new Font(f.italic(), 11));
            mark.setAlignment(Element.ALIGN_RIGHT);
            document.add(mark);
        }
        if (!d.official()) {
            Paragraph body = new Paragraph(d.issuingBody().toUpperCase(VI), new Font(f.bold(), 13));
            document.add(body);
            Paragraph title = new Paragraph(d.type(), new Font(f.bold(), 14));
            title.setAlignment(Element.ALIGN_CENTER);
            title.setSpacingBefore(12);
            document.add(title);
            Paragraph summary = new Paragraph(d.summary(), new Font(f.bold(), 13));
            summary.setAlignment(Element.ALIGN_CENTER);
            summary.setSpacingAfter(10);
            document.add(summary);
            return;
        }
        PdfPTable head = new PdfPTable(new float[] {40, 60});
        head.setWidthPercentage(108);
        head.setSplitLate(false);
        PdfPCell left = plain();
        if (d.governingBody() != null && !d.governingBody().isBlank()) {
            left.addElement(centred(d.governingBody().toUpperCase(VI), new Font(f.regular(), 12.5f), 0));
        }
        left.addElement(centred(d.issuingBody().toUpperCase(VI), new Font(f.bold(), 12.5f), 0));
        left.addElement(rule(0.35f));
        String number = d.number() == null ? "      " : String.valueOf(d.number());
        left.addElement(centred("Số: " + number + "/" + d.symbol(), new Font(f.regular(), 13), 6));
        PdfPCell right = plain();
        right.addElement(centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", new Font(f.bold(), 12.5f), 0));
        Paragraph motto = new Paragraph();
        motto.setAlignment(Element.ALIGN_CENTER);
        Chunk mottoText = new Chunk("Độc lập - Tự do - Hạnh phúc", new Font(f.bold(), 13.5f));
        mottoText.setUnderline(0.6f, -2.5f);
        motto.add(mottoText);
        right.addElement(motto);
        right.addElement(centred(d.place() + ", " + longDate(d.dated()), new Font(f.italic(), 13.5f), 14));
        head.addCell(left);
        head.addCell(right);
        document.add(head);

        Paragraph type = new Paragraph(d.type(), new Font(f.bold(), 14));
        type.setAlignment(Element.ALIGN_CENTER);
        type.setSpacingBefore(16);
        document.add(type);
        Paragraph summary = new Paragraph(17, d.summary(), new Font(f.bold(), 14));
        summary.setAlignment(Element.ALIGN_CENTER);
        document.add(summary);
        Paragraph line = rule(0.25f);
        line.setSpacingAfter(10);
        document.add(line);
    }

    /** "ngày 29 tháng 11 năm 2026"; days and months below 10 with a leading zero only for 1 and 2 (Decree 30). */
    static String longDate(java.time.LocalDate date) {
        String day = date.getDayOfMonth() < 10 ? "0" + date.getDayOfMonth() : String.valueOf(date.getDayOfMonth());
        String month = date.getMonthValue() < 3 ? "0" + date.getMonthValue() : String.valueOf(date.getMonthValue());
        return "ngày " + day + " tháng " + month + " năm " + date.getYear();
    }

    private static PdfPTable table(OfficialDocument.Table t, Faces f) {
        PdfPTable table = new PdfPTable(t.widths());
        table.setWidthPercentage(100);
        table.setHeaderRows(2);
        table.setSpacingBefore(4);
        table.setSpacingAfter(8);
        PdfPCell caption = new PdfPCell(new Phrase(t.title(), new Font(f.bold(), 12)));
        caption.setColspan(t.headers().size());
        caption.setBorder(Rectangle.NO_BORDER);
        caption.setPaddingBottom(5);
        table.addCell(caption);
        for (String h : t.headers()) {
            PdfPCell cell = new PdfPCell(new Phrase(h, new Font(f.bold(), 11.5f)));
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
            cell.setPadding(4);
            table.addCell(cell);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            boolean bold = t.totalRow() && r == t.rows().size() - 1;
            for (Object v : t.rows().get(r)) {
                PdfPCell cell = new PdfPCell(new Phrase(text(v), new Font(bold ? f.bold() : f.regular(), 12)));
                cell.setHorizontalAlignment(v instanceof String ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
                cell.setPadding(4);
                table.addCell(cell);
            }
        }
        return table;
    }

    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal b) {
            NumberFormat nf = NumberFormat.getNumberInstance(VI);
            nf.setMinimumFractionDigits(1);
            nf.setMaximumFractionDigits(1);
            return nf.format(b);
        }
        if (v instanceof Number n) {
            return NumberFormat.getIntegerInstance(VI).format(n.longValue());
        }
        return v.toString();
    }

    private static void signature(Document document, OfficialDocument d, Faces f) {
        PdfPTable sign = new PdfPTable(new float[] {50, 50});
        sign.setWidthPercentage(100);
        sign.setSpacingBefore(14);
        sign.setKeepTogether(true);
        PdfPCell left = plain();
        Paragraph to = new Paragraph("Nơi nhận:", new Font(f.bold(), 12));
        Font small = new Font(f.regular(), 11);
        left.addElement(to);
        for (String r : d.recipients()) {
            left.addElement(new Paragraph(13, "- " + r, small));
        }
        PdfPCell right = plain();
        for (String line : (d.signerTitle() == null ? "" : d.signerTitle()).split("\n")) {
            right.addElement(centred(line.toUpperCase(VI), new Font(f.bold(), 13), 0));
        }
        Paragraph space = new Paragraph(" ", new Font(f.regular(), 13));
        space.setSpacingBefore(48);
        right.addElement(space);
        right.addElement(centred(d.signerName() == null ? "" : d.signerName(), new Font(f.bold(), 13), 0));
        sign.addCell(left);
        sign.addCell(right);
        document.add(sign);
    }

    private static PdfPCell plain() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    private static Paragraph centred(String text, Font font, float spacingBefore) {
        Paragraph p = new Paragraph(font.getSize() * 1.2f, text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingBefore(spacingBefore);
        return p;
    }

    /** A short centred rule under the issuing body and the motto block. */
    private static Paragraph rule(float widthShare) {
        Paragraph p = new Paragraph(7, " ");
        org.openpdf.text.pdf.draw.LineSeparator line = new org.openpdf.text.pdf.draw.LineSeparator(0.6f,
                widthShare * 100, java.awt.Color.BLACK, Element.ALIGN_CENTER, 0);
        p.add(new Chunk(line));
        return p;
    }

    /** Arabic page numbers from page 2, centred in the top margin, size 13. */
    private static final class PageNumbers extends PdfPageEventHelper {
        private final BaseFont font;

        PageNumbers(BaseFont font) {
            this.font = font;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            int page = writer.getPageNumber();
            if (page < 2) {
                return;
            }
            Rectangle size = document.getPageSize();
            float x = (document.left() + document.right()) / 2;
            float y = size.getHeight() - Utilities.millimetersToPoints(12);
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
                    new Phrase(String.valueOf(page), new Font(font, 13)), x, y, 0);
        }
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\n"));
    }
}
