package vn.gbv.portal.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.security.AccountService;
import vn.gbv.portal.security.AccountService.IssuedLearner;
import vn.gbv.portal.security.AccountService.NewLearner;
import vn.gbv.portal.security.Role;

/**
 * Learner accounts for the people a roster import created (issue 17, item 3), and the printable
 * list of their usernames and temporary passwords as PDF and XLSX, made once, in memory, handed
 * to the caller and never stored: the database keeps only the password hashes, and the passwords
 * must be changed at first login.
 */
@Service
@PreAuthorize("hasAnyRole('" + Role.Names.ADMIN + "', '" + Role.Names.UNIT_MANAGER + "')")
public class LearnerAccounts {

    /** One account made: whose, username, temporary password. */
    public record Line(String fullName, String username, String temporaryPassword) {
    }

    /** The accounts made and the two printable files; held only while the caller shows them. */
    public record Issued(List<Line> lines, byte[] pdf, byte[] xlsx) {
    }

    private final RosterImports imports;
    private final AccountService accounts;
    private final Clock clock;

    LearnerAccounts(RosterImports imports, AccountService accounts, Clock clock) {
        this.imports = imports;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Accounts for the people batch created who have none yet (scope is checked per person by AccountService). */
    @Transactional
    public Issued createFor(long batchId) {
        List<RosterImports.CreatedPerson> people = imports.createdPeople(batchId);
        Map<Long, String> names = new HashMap<>();
        people.forEach(p -> names.put(p.personId(), p.fullName()));
        List<IssuedLearner> issued = accounts.createLearners(
                people.stream().map(p -> new NewLearner(p.personId(), p.fullName())).toList());
        List<Line> lines = issued.stream()
                .map(a -> new Line(names.get(a.personId()), a.username(), a.temporaryPassword())).toList();
        LocalDate today = LocalDate.now(clock);
        return new Issued(List.copyOf(lines), pdf(lines, today), xlsx(lines));
    }

    static byte[] xlsx(List<Line> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "GBV training portal", "1.0");
            Worksheet sheet = workbook.newWorksheet("Tài khoản");
            String[] headers = {"STT", "Họ và tên", "Tên đăng nhập", "Mật khẩu tạm thời"};
            for (int c = 0; c < headers.length; c++) {
                sheet.value(0, c, headers[c]);
                sheet.style(0, c).bold().set();
                sheet.width(c, c == 0 ? 6 : 26);
            }
            for (int r = 0; r < lines.size(); r++) {
                Line line = lines.get(r);
                sheet.value(r + 1, 0, r + 1);
                sheet.value(r + 1, 1, line.fullName());
                sheet.value(r + 1, 2, line.username());
                sheet.value(r + 1, 3, line.temporaryPassword());
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] pdf(List<Line> lines, LocalDate date) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.open();
        Font title = new Font(Fonts.BOLD, 14);
        Font body = new Font(Fonts.REGULAR, 11);
        Font head = new Font(Fonts.BOLD, 11);
        Paragraph heading = new Paragraph("DANH SÁCH TÀI KHOẢN HỌC VIÊN", title);
        heading.setAlignment(Element.ALIGN_CENTER);
        document.add(heading);
        Paragraph note = new Paragraph("Ngày " + date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                + ". Mật khẩu là tạm thời: học viên phải đổi mật khẩu ở lần đăng nhập đầu tiên."
                + " Danh sách này chỉ được tạo một lần; hãy giao riêng cho từng người.", body);
        note.setSpacingAfter(12);
        document.add(note);
        PdfPTable table = new PdfPTable(new float[] {1, 5, 4, 4});
        table.setWidthPercentage(100);
        for (String h : List.of("STT", "Họ và tên", "Tên đăng nhập", "Mật khẩu tạm thời")) {
            PdfPCell cell = new PdfPCell(new Phrase(h, head));
            cell.setPadding(5);
            table.addCell(cell);
        }
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            for (String text : List.of(String.valueOf(i + 1), line.fullName(), line.username(), line.temporaryPassword())) {
                PdfPCell cell = new PdfPCell(new Phrase(text, body));
                cell.setPadding(5);
                table.addCell(cell);
            }
        }
        document.add(table);
        document.close();
        return out.toByteArray();
    }

    /** The shipped Noto Serif (as certificates use), read and parsed once per process. */
    private static final class Fonts {
        static final BaseFont REGULAR = font("NotoSerif-Regular.ttf");
        static final BaseFont BOLD = font("NotoSerif-Bold.ttf");

        private static BaseFont font(String name) {
            try (InputStream in = LearnerAccounts.class.getResourceAsStream("/fonts/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("font /fonts/" + name + " is missing from the class path");
                }
                return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
