package vn.gbv.portal.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import vn.gbv.portal.certificate.CertificatePdf.Kind;
import vn.gbv.portal.certificate.CertificatePdf.Printed;

/** The certificate page itself: names with diacritics survive, the QR code reads back as the verification address. */
class CertificatePdfTest {

    private static final CertificatePdf PDF = CertificatePdf.withShippedFonts();

    static Printed sample(String name, String url) {
        return new Printed(Kind.COURSE, "2026-000123", url, name,
                "Kiến thức cơ bản về bạo lực trên cơ sở giới và cách hỗ trợ người bị bạo lực", 150,
                LocalDate.of(2026, 3, 5), "Học trực tuyến", LocalDate.of(2026, 3, 6), "SỞ NỘI VỤ THÀNH PHỐ HUẾ",
                "Giám đốc");
    }

    static byte[] render(Printed printed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PDF.render(printed, out);
        return out.toByteArray();
    }

    @Test
    void namesWithDiacriticsAreExtractedIntact() throws IOException {
        for (String name : new String[] {"Nguyễn Thị Hương", "Trần Đức Việt", "Đặng Thị Ngọc Ánh"}) {
            byte[] pdf = render(sample(name, "http://localhost:8080/verify/ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "certificate-" + name.charAt(0) + ".pdf"), pdf);
            String openPdf = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
            assertThat(openPdf).contains(name).contains("GIẤY CHỨNG NHẬN").contains("Độc lập - Tự do - Hạnh phúc");
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(new PDFTextStripper().getText(document)).contains(name);
            }
        }
    }

    @Test
    void qrCodeOnTheRenderedPageReadsAsTheVerificationAddress() throws Exception {
        String url = "https://tap-huan.example.vn/verify/MFRGGZDFMZTWQ2LKNNWG23TPOA";
        assertThat(PrintedQrCodes.read(render(sample("Đặng Thị Ngọc Ánh", url)))).isEqualTo(url);
    }

    @Test
    void aProgrammeCertificateWithALongIssuerKeepsEveryWord() throws IOException {
        Printed printed = new Printed(Kind.PROGRAMME, "2027-004321", "http://localhost:8080/verify/ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                "Tôn Nữ Thị Hoàng Phương Uyên", "Tập huấn phòng ngừa, ứng phó với bạo lực trên cơ sở giới (chỉ tiêu I.2.d)",
                null, LocalDate.of(2027, 1, 14), null, LocalDate.of(2027, 1, 20),
                "Ban Điều hành Chương trình phòng ngừa và ứng phó với bạo lực trên cơ sở giới thành phố Huế", "Trưởng ban");
        byte[] pdf = render(printed);
        Files.write(Path.of("target", "certificate-programme.pdf"), pdf);
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1).replaceAll("\\s+", " ");
        assertThat(text).contains("Tôn Nữ Thị Hoàng Phương Uyên").contains("HOÀN THÀNH CHƯƠNG TRÌNH TẬP HUẤN")
                .contains("BAN ĐIỀU HÀNH").contains("TRƯỞNG BAN");
    }

    @Test
    void hoursAndDatesAreWrittenTheVietnameseWay() {
        assertThat(CertificatePdf.hours(90)).isEqualTo("1,5");
        assertThat(CertificatePdf.hours(120)).isEqualTo("2");
        assertThat(CertificatePdf.longDate(LocalDate.of(2026, 2, 5))).isEqualTo("05 tháng 02 năm 2026");
        assertThat(CertificatePdf.longDate(LocalDate.of(2026, 11, 20))).isEqualTo("20 tháng 11 năm 2026");
    }
}
