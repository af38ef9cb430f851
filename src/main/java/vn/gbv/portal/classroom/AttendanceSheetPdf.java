package vn.gbv.portal.classroom;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;
import vn.gbv.portal.classroom.ClassService.ClassDetail;
import vn.gbv.portal.classroom.ClassService.Enrolment;
import vn.gbv.portal.classroom.ClassService.Session;
import vn.gbv.portal.classroom.ClassService.TrainerOption;

/**
 * The attendance sheet (danh sách điểm danh) handed round before a class: A4, a Vietnamese header
 * (class, course, sessions, place, trainers), then one numbered row per enrolled person (họ tên,
 * năm sinh, đơn vị) with a signature box per session. Vietnamese whatever the reader's language:
 * it is a paper of the class. The shipped Noto Serif is read and parsed once per process
 * (DESIGN-NOTES, "Documents"); more than three sessions turn the page to landscape.
 */
@Component
class AttendanceSheetPdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private volatile BaseFont regular;
    private volatile BaseFont bold;

    void write(ClassDetail c, List<Enrolment> people, OutputStream out) throws IOException {
        loadFonts();
        int n = c.sessions().size();
        Rectangle page = n > 3 ? PageSize.A4.rotate() : PageSize.A4;
        Document document = new Document(page, 36, 36, 36, 36);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setCloseStream(false);
        document.addTitle("Danh sách điểm danh – " + c.title());
        document.addCreator("Cổng tập huấn phòng, chống bạo lực trên cơ sở giới");
        document.open();
        Font titleFont = new Font(bold, 15);
        Font headFont = new Font(bold, 10);
        Font textFont = new Font(regular, 10);
        Font small = new Font(regular, 9);

        Paragraph unit = new Paragraph(c.unitName().toUpperCase(java.util.Locale.forLanguageTag("vi")), headFont);
        document.add(unit);
        Paragraph title = new Paragraph("DANH SÁCH ĐIỂM DANH", titleFont);
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingBefore(10);
        document.add(title);
        Paragraph name = new Paragraph("Lớp tập huấn: " + c.title(), new Font(bold, 12));
        name.setAlignment(Element.ALIGN_CENTER);
        name.setSpacingAfter(8);
        document.add(name);
        document.add(new Paragraph("Khóa học: " + c.courseTitle(), textFont));
        document.add(new Paragraph("Giảng viên: " + c.trainers().stream().map(TrainerOption::name)
                .collect(Collectors.joining(", ")), textFont));
        for (Session s : c.sessions()) {
            document.add(new Paragraph("Buổi " + s.seq() + ": ngày " + DAY.format(s.date()) + ", " + TIME.format(s.startsAt())
                    + "–" + TIME.format(s.endsAt()) + ", tại " + s.place(), textFont));
        }
        document.add(new Paragraph("Yêu cầu hoàn thành: " + (c.minSessions() == null ? "tham dự đủ " + n + " buổi"
                : "tham dự ít nhất " + c.required() + "/" + n + " buổi"), textFont));

        float[] widths = new float[4 + n];
        widths[0] = 0.5f;
        widths[1] = 3f;
        widths[2] = 1.4f;
        widths[3] = 2.6f;
        for (int i = 0; i < n; i++) {
            widths[4 + i] = 2f;
        }
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(12);
        table.setHeaderRows(1);
        header(table, "TT", headFont);
        header(table, "Họ và tên", headFont);
        header(table, "Năm sinh", headFont);
        header(table, "Đơn vị", headFont);
        for (Session s : c.sessions()) {
            header(table, "Chữ ký buổi " + s.seq() + "\n" + DAY.format(s.date()), headFont);
        }
        int row = 0;
        for (Enrolment e : people) {
            row++;
            cell(table, String.valueOf(row), textFont, Element.ALIGN_CENTER);
            cell(table, e.fullName(), textFont, Element.ALIGN_LEFT);
            cell(table, e.birthYear() == null ? "" : String.valueOf(e.birthYear()), textFont, Element.ALIGN_CENTER);
            cell(table, e.unitName() == null ? "" : e.unitName(), small, Element.ALIGN_LEFT);
            for (int i = 0; i < n; i++) {
                cell(table, "", textFont, Element.ALIGN_CENTER);
            }
        }
        document.add(table);
        Paragraph total = new Paragraph("Tổng số: " + people.size() + " người.", textFont);
        total.setSpacingBefore(8);
        document.add(total);
        Paragraph sign = new Paragraph("GIẢNG VIÊN\n(Ký, ghi rõ họ tên)", headFont);
        sign.setAlignment(Element.ALIGN_RIGHT);
        sign.setIndentationRight(40);
        sign.setSpacingBefore(14);
        document.add(sign);
        document.close();
    }

    private static void header(PdfPTable table, String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(4);
        cell.setGrayFill(0.92f);
        table.addCell(cell);
    }

    private static void cell(PdfPTable table, String text, Font font, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(align);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        // room for a signature
        cell.setMinimumHeight(30);
        cell.setPadding(4);
        table.addCell(cell);
    }

    private void loadFonts() {
        if (bold == null) {
            synchronized (this) {
                if (bold == null) {
                    regular = font("NotoSerif-Regular.ttf");
                    bold = font("NotoSerif-Bold.ttf");
                }
            }
        }
    }

    private static BaseFont font(String name) {
        try (InputStream in = AttendanceSheetPdf.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font /fonts/" + name + " is missing from the class path");
            }
            // Identity-H and embedded: every Vietnamese letter is shown and copied as itself.
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
