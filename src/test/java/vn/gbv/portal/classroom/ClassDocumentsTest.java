package vn.gbv.portal.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import vn.gbv.portal.classroom.ClassService.ClassDetail;
import vn.gbv.portal.classroom.ClassService.Enrolment;
import vn.gbv.portal.classroom.ClassService.EnrolmentStatus;
import vn.gbv.portal.classroom.ClassService.Session;
import vn.gbv.portal.classroom.ClassService.TrainerOption;
import vn.gbv.portal.unit.StaffCategory;

/** The attendance sheet (PDF) and the invitation list (XLSX) say what the class is and list the people, in Vietnamese. */
class ClassDocumentsTest {

    static final ClassDetail CLASS = new ClassDetail(7, "Tập huấn kỹ năng hỗ trợ – xã Lộc An", 1, "gbv-ky-nang",
            "Kỹ năng hỗ trợ người bị bạo lực trên cơ sở giới", 2, "HUE-LOC-AN", "UBND xã Lộc An", 30, null, ClassService.Status.OPEN,
            List.of(new Session(11, 1, LocalDate.of(2026, 12, 1), LocalTime.of(8, 0), LocalTime.of(11, 30), "Hội trường UBND xã Lộc An"),
                    new Session(12, 2, LocalDate.of(2026, 12, 8), LocalTime.of(13, 30), LocalTime.of(17, 0), "Hội trường UBND xã Lộc An")),
            List.of(new TrainerOption(1, "Nguyễn Văn Thành")));

    static final List<Enrolment> PEOPLE = List.of(
            new Enrolment(1, "Phạm Thị Thu Hà", 1995, "UBND xã Lộc An", StaffCategory.CONG_TAC_VIEN, EnrolmentStatus.ENROLLED, 1),
            new Enrolment(2, "=HYPERLINK(\"http://x\")", 1980, "@Trạm Y tế", StaffCategory.VIEN_CHUC, EnrolmentStatus.ENROLLED, 2),
            new Enrolment(3, "Lê Văn Chờ", null, "UBND xã Lộc An", StaffCategory.CAN_BO, EnrolmentStatus.WAITING, 3));

    @Test
    void theAttendanceSheetHasTheHeaderNumberedRowsAndASignatureColumnPerSession() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AttendanceSheetPdf().write(CLASS, PEOPLE.subList(0, 2), out);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "class-attendance-sheet.pdf"), out.toByteArray());
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("DANH SÁCH ĐIỂM DANH", "Lớp tập huấn: Tập huấn kỹ năng hỗ trợ – xã Lộc An",
                    "Khóa học: Kỹ năng hỗ trợ người bị bạo lực trên cơ sở giới", "Giảng viên: Nguyễn Văn Thành",
                    "Buổi 1: ngày 01/12/2026, 08:00–11:30, tại Hội trường UBND xã Lộc An", "Chữ ký buổi 1", "Chữ ký buổi 2",
                    "Họ và tên", "Năm sinh", "Phạm Thị Thu Hà", "1995", "Tổng số: 2 người.");
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isLessThan(pdf.getPage(0).getMediaBox().getHeight()); // A4 portrait
        }
    }

    @Test
    void theInvitationListListsTheEnrolledThenTheWaitingWithFormulasMadeInert() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InvitationWorkbook.write(CLASS, PEOPLE, out);
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Row> rows = book.getFirstSheet().read();
            assertThat(rows.getFirst().getCellText(0)).isEqualTo("Danh sách mời – lớp tập huấn: Tập huấn kỹ năng hỗ trợ – xã Lộc An");
            int header = 0;
            while (!"Họ và tên".equals(rows.get(header).getCellText(1))) {
                header++;
            }
            assertThat(rows.get(header + 1).getCellText(1)).isEqualTo("Phạm Thị Thu Hà");
            assertThat(rows.get(header + 2).getCellText(1)).isEqualTo("'=HYPERLINK(\"http://x\")");
            assertThat(rows.get(header + 2).getCellText(3)).isEqualTo("'@Trạm Y tế");
            assertThat(rows.get(header + 3).getCellText(5)).isEqualTo("Danh sách chờ");
            assertThat(rows.get(header + 3).getCellText(4)).isEqualTo("Cán bộ");
        }
    }
}
