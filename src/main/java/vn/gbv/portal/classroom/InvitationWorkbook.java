package vn.gbv.portal.classroom;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.gbv.portal.base.SpreadsheetCells;
import vn.gbv.portal.classroom.ClassService.ClassDetail;
import vn.gbv.portal.classroom.ClassService.Enrolment;
import vn.gbv.portal.classroom.ClassService.Session;

/**
 * The invitation list (danh sách mời) as XLSX, in Vietnamese like the attendance sheet: the class
 * and its sessions on top, then one row per person, the enrolled first, then the waiting list in
 * order. Text that a spreadsheet would read as a formula (= + - @) is made inert.
 */
final class InvitationWorkbook {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private InvitationWorkbook() {
    }

    static void write(ClassDetail c, List<Enrolment> people, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "GBV training portal", "1.0");
        Worksheet sheet = workbook.newWorksheet("Danh sách mời");
        int r = 0;
        sheet.value(r, 0, inert("Danh sách mời – lớp tập huấn: " + c.title()));
        sheet.style(r, 0).bold().set();
        r++;
        sheet.value(r++, 0, inert("Khóa học: " + c.courseTitle()));
        sheet.value(r++, 0, inert("Đơn vị tổ chức: " + c.unitName()));
        for (Session s : c.sessions()) {
            sheet.value(r++, 0, inert("Buổi " + s.seq() + ": " + DAY.format(s.date()) + " " + TIME.format(s.startsAt()) + "–"
                    + TIME.format(s.endsAt()) + ", " + s.place()));
        }
        r++;
        List<String> headers = List.of("TT", "Họ và tên", "Năm sinh", "Đơn vị", "Đối tượng", "Trạng thái");
        for (int i = 0; i < headers.size(); i++) {
            sheet.value(r, i, headers.get(i));
        }
        sheet.range(r, 0, r, headers.size() - 1).style().bold().set();
        r++;
        int n = 0;
        for (Enrolment e : people) {
            n++;
            sheet.value(r, 0, n);
            sheet.value(r, 1, inert(e.fullName()));
            if (e.birthYear() != null) {
                sheet.value(r, 2, e.birthYear());
            }
            sheet.value(r, 3, inert(e.unitName()));
            sheet.value(r, 4, e.category() == null ? "" : category(e.category()));
            sheet.value(r, 5, e.status() == ClassService.EnrolmentStatus.ENROLLED ? "Được mời" : "Danh sách chờ");
            r++;
        }
        sheet.width(1, 30);
        sheet.width(3, 36);
        sheet.width(4, 16);
        sheet.width(5, 16);
        workbook.finish();
    }

    /** A cell starting with = + - @ (or a tab or CR) is kept as text, prefixed with an apostrophe. */
    static String inert(String text) {
        return text == null ? "" : SpreadsheetCells.inert(text);
    }

    private static String category(vn.gbv.portal.unit.StaffCategory c) {
        return switch (c) {
            case CAN_BO -> "Cán bộ";
            case CONG_CHUC -> "Công chức";
            case VIEN_CHUC -> "Viên chức";
            case NHAN_VIEN -> "Nhân viên";
            case CONG_TAC_VIEN -> "Cộng tác viên";
        };
    }
}
