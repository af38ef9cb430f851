package vn.gbv.portal.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Draws a certificate on one A4 landscape page, laid out as a Vietnamese agency prints one: the
 * issuing body and the national title and motto at the top, "GIẤY CHỨNG NHẬN", the holder and
 * what they completed, the date and the signer's title, the serial and a QR code that opens the
 * public verification page.
 *
 * <p>The wording is Vietnamese whatever the reader's language: it is an official document of a
 * Vietnamese body, not a screen of the portal.
 *
 * <p>The font files are read once into byte arrays and parsed once into {@link BaseFont}s, which
 * every document shares (OpenPDF copies the bytes' read position per subset it writes). Opening
 * the font per document made each certificate ~30 times slower in the pilot.
 */
final class CertificatePdf {

    /** What a certificate says; the same text whenever it is rendered again. */
    record Printed(Kind kind, String serial, String verificationUrl, String holderName, String title,
                   Integer minutes, LocalDate earnedOn, String earnedHow, LocalDate issuedOn, String issuer,
                   String signerTitle) {
    }

    enum Kind { COURSE, PROGRAMME }

    private static final Color RED = new Color(0xA3, 0x1F, 0x1F);
    private static final Color GOLD = new Color(0xB8, 0x8A, 0x2E);
    private static final Color INK = new Color(0x1A, 0x1A, 0x1A);
    private static final Color GREY = new Color(0x55, 0x55, 0x55);

    private final Supplier<Fonts> fonts;

    private CertificatePdf(Supplier<Fonts> fonts) {
        this.fonts = fonts;
    }

    /** The shipped Noto Serif, read from the class path into memory and parsed once. */
    static CertificatePdf withShippedFonts() {
        Fonts parsed = Fonts.parse(FontBytes.shipped());
        return new CertificatePdf(() -> parsed);
    }

    /**
     * A renderer that opens the font files for every document, as {@code BaseFont.createFont(path)}
     * does by default; only the benchmark uses it, to show why we do not.
     */
    static CertificatePdf openingFontFilesPerDocument(String regularTtf, String boldTtf) {
        return new CertificatePdf(() -> {
            try {
                return new Fonts(BaseFont.createFont(regularTtf, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false),
                        BaseFont.createFont(boldTtf, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The TTF files' bytes. */
    record FontBytes(byte[] regular, byte[] bold) {

        static FontBytes shipped() {
            return new FontBytes(read("NotoSerif-Regular.ttf"), read("NotoSerif-Bold.ttf"));
        }

        private static byte[] read(String name) {
            try (InputStream in = CertificatePdf.class.getResourceAsStream("/fonts/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("font /fonts/" + name + " is missing from the class path");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Two faces; italic lines are the regular face slanted by OpenPDF, which saves writing a third
     * font subset into every document.
     */
    record Fonts(BaseFont regular, BaseFont bold) {

        static Fonts parse(FontBytes bytes) {
            return new Fonts(font("NotoSerif-Regular.ttf", bytes.regular()), font("NotoSerif-Bold.ttf", bytes.bold()));
        }

        private static BaseFont font(String name, byte[] ttf) {
            try {
                // Identity-H and embedded: every Vietnamese letter is shown and copied as itself.
                return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    void render(Printed c, OutputStream out) {
        Fonts f = fonts.get();
        Rectangle page = PageSize.A4.rotate();
        Document document = new Document(page, 0, 0, 0, 0);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setCloseStream(false);
        // fastest deflate: the font subsets barely shrink more at higher levels, and a ZIP of
        // thousands waits on this
        writer.setCompressionLevel(1);
        document.addTitle("Giấy chứng nhận " + c.serial());
        document.addCreator("Cổng tập huấn phòng, chống bạo lực trên cơ sở giới");
        document.open();
        PdfContentByte canvas = writer.getDirectContent();
        float w = page.getWidth();
        float h = page.getHeight();

        border(canvas, w, h);

        // Heading of an administrative document: the issuing body on the left, the national title
        // and motto on the right, each underlined by a short rule (Decree 30/2020/ND-CP).
        float top = h - 62;
        float leftX = 205;
        float rightX = w - 245;
        // the first line's baseline level with the national title
        float issuerBottom = column(canvas, c.issuer().toUpperCase(java.util.Locale.forLanguageTag("vi")), f.bold(), 11.5f,
                INK, leftX - 150, top + 11.5f * 1.3f, leftX + 150, 2) - 6;
        rule(canvas, leftX - 35, issuerBottom, leftX + 35);
        text(canvas, "Số: " + c.serial(), f.regular(), 11, INK, leftX, issuerBottom - 17, Element.ALIGN_CENTER);

        text(canvas, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f.bold(), 11.5f, INK, rightX, top, Element.ALIGN_CENTER);
        text(canvas, "Độc lập - Tự do - Hạnh phúc", f.bold(), 12.5f, INK, rightX, top - 17, Element.ALIGN_CENTER);
        float mottoWidth = f.bold().getWidthPoint("Độc lập - Tự do - Hạnh phúc", 12.5f);
        rule(canvas, rightX - mottoWidth / 2, top - 22, rightX + mottoWidth / 2);

        // The title and the holder
        float y = h - 178;
        text(canvas, "GIẤY CHỨNG NHẬN", f.bold(), 38, RED, w / 2, y, Element.ALIGN_CENTER);
        y -= 30;
        text(canvas, c.kind() == Kind.PROGRAMME ? "HOÀN THÀNH CHƯƠNG TRÌNH TẬP HUẤN" : "HOÀN THÀNH KHÓA HỌC",
                f.bold(), 14, INK, w / 2, y, Element.ALIGN_CENTER);
        y -= 38;
        text(canvas, "Chứng nhận ông/bà", f.regular(), -14, INK, w / 2, y, Element.ALIGN_CENTER);
        y -= 38;
        float nameSize = fit(f.bold(), c.holderName(), 30, w - 260);
        text(canvas, c.holderName(), f.bold(), nameSize, RED, w / 2, y, Element.ALIGN_CENTER);
        y -= 32;
        text(canvas, c.kind() == Kind.PROGRAMME ? "Đã hoàn thành chương trình tập huấn" : "Đã hoàn thành khóa học",
                f.regular(), -14, INK, w / 2, y, Element.ALIGN_CENTER);
        y -= 8;
        float titleSize = f.bold().getWidthPoint(c.title(), 17) > w - 170 ? 16 : 17;
        float titleBottom = column(canvas, "“" + c.title() + "”", f.bold(), titleSize, INK, 85, y, w - 85, 2);

        y = titleBottom - 22;
        text(canvas, details(c), f.regular(), 12.5f, INK, w / 2, y, Element.ALIGN_CENTER);

        // Signature block on the right; verification on the left
        float signX = w - 245;
        float signY = 168;
        text(canvas, "ngày " + longDate(c.issuedOn()), f.regular(), -12.5f, INK, signX, signY, Element.ALIGN_CENTER);
        column(canvas, c.signerTitle().toUpperCase(java.util.Locale.forLanguageTag("vi")), f.bold(), 12.5f, INK,
                signX - 150, signY - 8, signX + 150, 2);

        float qrSize = 92;
        float qrX = 78;
        float qrY = 62;
        qr(canvas, c.verificationUrl(), qrX, qrY, qrSize);
        float infoX = qrX + qrSize + 12;
        text(canvas, "Số vào sổ: " + c.serial(), f.bold(), 10.5f, INK, infoX, qrY + qrSize - 12, Element.ALIGN_LEFT);
        text(canvas, "Quét mã QR để kiểm tra giấy chứng nhận", f.regular(), 9.5f, GREY, infoX, qrY + qrSize - 30,
                Element.ALIGN_LEFT);
        text(canvas, "hoặc nhập mã xác minh tại", f.regular(), 9.5f, GREY, infoX, qrY + qrSize - 44, Element.ALIGN_LEFT);
        int slash = c.verificationUrl().lastIndexOf('/');
        text(canvas, c.verificationUrl().substring(0, slash), f.regular(), 9.5f, GREY, infoX, qrY + qrSize - 58,
                Element.ALIGN_LEFT);
        text(canvas, "Mã xác minh: " + c.verificationUrl().substring(slash + 1), f.regular(), 9.5f, GREY, infoX,
                qrY + qrSize - 72, Element.ALIGN_LEFT);

        document.close();
    }

    /** Hours, date and how it was earned, on one line. */
    private static String details(Printed c) {
        StringBuilder line = new StringBuilder();
        if (c.minutes() != null && c.minutes() > 0) {
            line.append("Thời lượng: ").append(hours(c.minutes())).append(" giờ     ");
        }
        line.append(c.kind() == Kind.PROGRAMME ? "Ngày đạt yêu cầu: " : "Ngày hoàn thành: ")
                .append(String.format("%02d/%02d/%d", c.earnedOn().getDayOfMonth(), c.earnedOn().getMonthValue(),
                        c.earnedOn().getYear()));
        if (c.earnedHow() != null) {
            line.append("     Hình thức: ").append(c.earnedHow());
        }
        return line.toString();
    }

    /** 90 minutes as "1,5" (Vietnamese decimal comma), 120 as "2". */
    static String hours(int minutes) {
        double hours = Math.round(minutes / 6.0) / 10.0;
        return hours == Math.floor(hours) ? String.valueOf((long) hours) : String.valueOf(hours).replace('.', ',');
    }

    /** "05 tháng 3 năm 2026": the day and months 1–2 with a leading zero (Decree 30/2020/ND-CP). */
    static String longDate(LocalDate date) {
        int month = date.getMonthValue();
        return String.format("%02d tháng %s năm %d", date.getDayOfMonth(), month < 3 ? "0" + month : String.valueOf(month),
                date.getYear());
    }

    private static void border(PdfContentByte canvas, float w, float h) {
        canvas.saveState();
        canvas.setColorStroke(RED);
        canvas.setLineWidth(3.5f);
        canvas.rectangle(22, 22, w - 44, h - 44);
        canvas.stroke();
        canvas.setColorStroke(GOLD);
        canvas.setLineWidth(1.2f);
        canvas.rectangle(30, 30, w - 60, h - 60);
        canvas.stroke();
        canvas.setLineWidth(0.6f);
        canvas.rectangle(34, 34, w - 68, h - 68);
        canvas.stroke();
        // corner ornaments: small diamonds where the gold lines meet
        canvas.setColorFill(GOLD);
        for (float[] corner : new float[][] {{34, 34}, {w - 34, 34}, {34, h - 34}, {w - 34, h - 34}}) {
            float x = corner[0];
            float y = corner[1];
            canvas.moveTo(x, y - 7);
            canvas.lineTo(x + 7, y);
            canvas.lineTo(x, y + 7);
            canvas.lineTo(x - 7, y);
            canvas.closePath();
            canvas.fill();
        }
        canvas.restoreState();
    }

    private static void rule(PdfContentByte canvas, float x1, float y, float x2) {
        canvas.saveState();
        canvas.setColorStroke(INK);
        canvas.setLineWidth(0.7f);
        canvas.moveTo(x1, y);
        canvas.lineTo(x2, y);
        canvas.stroke();
        canvas.restoreState();
    }

    /** One line of text; a negative size means the same size in italics. */
    private static void text(PdfContentByte canvas, String text, BaseFont font, float size, Color color, float x, float y,
                             int align) {
        Font shown = new Font(font, Math.abs(size), size < 0 ? Font.ITALIC : Font.NORMAL, color);
        ColumnText.showTextAligned(canvas, align, new Phrase(text, shown), x, y, 0);
    }

    /** Centred text wrapped between x1 and x2 below top, at most maxLines; returns the y under the last line. */
    private static float column(PdfContentByte canvas, String text, BaseFont font, float size, Color color, float x1,
                                float top, float x2, int maxLines) {
        float leading = size * 1.3f;
        ColumnText column = new ColumnText(canvas);
        Paragraph paragraph = new Paragraph(leading, text, new Font(font, size, Font.NORMAL, color));
        paragraph.setAlignment(Element.ALIGN_CENTER);
        column.setSimpleColumn(x1, top - leading * maxLines - size * 0.4f, x2, top);
        column.addElement(paragraph);
        column.go();
        return column.getYLine();
    }

    /** The largest size up to max at which the text fits the width. */
    private static float fit(BaseFont font, String text, float max, float width) {
        float size = max;
        while (size > 14 && font.getWidthPoint(text, size) > width) {
            size -= 1;
        }
        return size;
    }

    /** The QR code drawn as vector squares (row runs merged): sharp at any zoom, no image to encode. */
    private static void qr(PdfContentByte canvas, String url, float x, float y, float size) {
        BitMatrix matrix = qrMatrix(url);
        int n = matrix.getWidth();
        float module = size / n;
        canvas.saveState();
        canvas.setColorFill(Color.WHITE);
        canvas.rectangle(x - 4, y - 4, size + 8, size + 8);
        canvas.fill();
        canvas.setColorFill(Color.BLACK);
        for (int row = 0; row < n; row++) {
            int col = 0;
            while (col < n) {
                if (!matrix.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < n && matrix.get(col, row)) {
                    col++;
                }
                canvas.rectangle(x + start * module, y + size - (row + 1) * module, (col - start) * module, module);
            }
        }
        canvas.fill();
        canvas.restoreState();
    }

    /** One cell per module, no quiet zone (the white square around it on the page is the quiet zone). */
    static BitMatrix qrMatrix(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code for " + text, e);
        }
    }
}
