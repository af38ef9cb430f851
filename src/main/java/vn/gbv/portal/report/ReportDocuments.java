package vn.gbv.portal.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.gbv.portal.coverage.Figures;
import vn.gbv.portal.report.OfficialDocument.Block;
import vn.gbv.portal.report.OfficialDocument.Heading;
import vn.gbv.portal.report.OfficialDocument.Table;
import vn.gbv.portal.report.OfficialDocument.Text;
import vn.gbv.portal.report.ReportContent.Activity;
import vn.gbv.portal.report.ReportContent.Row;

/**
 * Lays out the unit report, the consolidated report and the coverage report of any day as
 * {@link OfficialDocument}s. The wording is Vietnamese whatever the reader's language: these are
 * documents of a Vietnamese body, not screens of the portal.
 */
final class ReportDocuments {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final String DRAFT = "DỰ THẢO – chưa nộp";
    private static final String SUBJECT = "phòng ngừa và ứng phó với bạo lực trên cơ sở giới";

    private ReportDocuments() {
    }

    static OfficialDocument unitReport(ReportContent c, boolean draft) {
        List<Block> body = new ArrayList<>();
        body.add(new Heading("I. KẾT QUẢ TẬP HUẤN CÁN BỘ (CHỈ TIÊU I.2.d)"));
        body.add(new Text(headline(c)));
        body.add(new Text(attestation(c), true));
        int n = 1;
        body.add(general(n++, c.figures(), c.milestone(), c.milestoneYear(), c.target(), c.targetYear()));
        body.add(breakdown(n++, "Kết quả theo giới tính", "Giới tính", c.bySex(), c.figures()));
        body.add(breakdown(n++, "Kết quả theo đối tượng", "Đối tượng", c.byCategory(), c.figures()));
        if (!c.byChild().isEmpty()) {
            body.add(breakdown(n++, "Kết quả theo đơn vị trực thuộc", "Đơn vị", c.byChild(), c.figures()));
        }
        body.add(groups(n++, c.byGroups(), c.population()));
        body.add(new Heading("II. HOẠT ĐỘNG TẬP HUẤN TRONG KỲ"));
        body.add(new Text("Từ ngày " + DAY.format(c.periodFrom()) + " đến ngày " + DAY.format(c.figuresOn())
                + ", số lượt hoàn thành khóa học của cán bộ, nhân viên, cộng tác viên thuộc đơn vị và các đơn vị trực thuộc:"));
        body.add(activity(n, c.activity()));
        body.add(new Heading("III. ĐÁNH GIÁ CHUNG"));
        body.add(new Heading("1. Các hoạt động đã triển khai"));
        body.add(text(c.texts().activities()));
        body.add(new Heading("2. Kết quả đạt được"));
        body.add(text(c.texts().results()));
        body.add(new Heading("3. Khó khăn, vướng mắc"));
        body.add(text(c.texts().difficulties()));
        body.add(new Heading("IV. ĐỀ XUẤT, KIẾN NGHỊ"));
        body.add(text(c.texts().proposals()));
        body.add(new Text("Trên đây là báo cáo kết quả tập huấn " + SUBJECT + " (" + lowerFirst(c.periodName()) + ") của "
                + c.unitName() + "./."));
        return new OfficialDocument(true, c.governingBody(), c.unitName(), c.symbol(), c.number(), c.place(), c.dated(),
                "BÁO CÁO", "Kết quả tập huấn " + SUBJECT + " – " + c.periodName(), body,
                recipients(c.place()), c.texts().signerTitle(), c.texts().signerName(), draft ? DRAFT : null);
    }

    /** The dashboard's figures of a unit at a date, for a meeting (not an official report). */
    static OfficialDocument coverageOfDay(ReportContent c, List<Row> byUnitType) {
        List<Block> body = new ArrayList<>();
        body.add(new Text(headline(c)));
        body.add(new Text("Tài liệu phục vụ họp, trích từ Cổng tập huấn; không thay thế báo cáo định kỳ.", true));
        int n = 1;
        body.add(general(n++, c.figures(), c.milestone(), c.milestoneYear(), c.target(), c.targetYear()));
        body.add(breakdown(n++, "Kết quả theo giới tính", "Giới tính", c.bySex(), c.figures()));
        body.add(breakdown(n++, "Kết quả theo đối tượng", "Đối tượng", c.byCategory(), c.figures()));
        body.add(breakdown(n++, "Kết quả theo loại đơn vị", "Loại đơn vị", byUnitType, c.figures()));
        if (!c.byChild().isEmpty()) {
            body.add(breakdown(n++, "Kết quả theo đơn vị trực thuộc", "Đơn vị", c.byChild(), c.figures()));
        }
        body.add(groups(n, c.byGroups(), c.population()));
        return new OfficialDocument(false, null, c.unitName(), null, null, c.place(), c.dated(),
                "SỐ LIỆU TẬP HUẤN " + SUBJECT.toUpperCase(java.util.Locale.forLanguageTag("vi")),
                "Tính đến ngày " + DAY.format(c.figuresOn()), body, List.of(), null, null, null);
    }

    static OfficialDocument consolidated(Consolidation k) {
        List<Block> body = new ArrayList<>();
        body.add(new Heading("I. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ"));
        body.add(new Text("Hạn các đơn vị gửi báo cáo: " + DAY.format(k.period().unitsDueOn()) + ". Đã nộp: "
                + k.submitted().size() + "/" + k.units().size() + " đơn vị (trong đó " + k.lateCount() + " đơn vị nộp muộn); chưa nộp: "
                + k.notSubmitted().size() + " đơn vị (trong đó " + k.returnedCount() + " đơn vị có báo cáo bị trả lại)."));
        List<List<Object>> rows = new ArrayList<>();
        int i = 1;
        for (Consolidation.UnitStatus u : k.submitted()) {
            Figures f = new Figures(u.population(), u.trained());
            rows.add(List.of((long) i++, u.name(), DAY.format(u.submittedOn()), (long) u.version(), f.population(), f.trained(),
                    f.percent(), u.late() ? "Nộp muộn" : ""));
        }
        body.add(new Table(1, "Các đơn vị đã nộp báo cáo", "Đã nộp",
                List.of("STT", "Đơn vị", "Ngày nộp", "Lần nộp", "Đối tượng cần tập huấn", "Đã được tập huấn", "Tỷ lệ (%)", "Ghi chú"),
                new float[] {6, 30, 13, 8, 12, 12, 9, 10}, rows, false));
        rows = new ArrayList<>();
        i = 1;
        for (Consolidation.UnitStatus u : k.notSubmitted()) {
            rows.add(List.of((long) i++, u.name(), u.returnReason() == null ? "Chưa nộp"
                    : "Bị trả lại, chờ nộp lại: " + u.returnReason()));
        }
        body.add(new Table(2, "Các đơn vị chưa nộp báo cáo (không tính vào số liệu tổng hợp)", "Chưa nộp",
                List.of("STT", "Đơn vị", "Tình trạng"), new float[] {6, 44, 50}, rows, false));
        body.add(new Heading("II. SỐ LIỆU TỔNG HỢP TỪ CÁC BÁO CÁO ĐÃ NỘP"));
        body.add(new Text("Số liệu dưới đây là tổng số liệu của " + k.submitted().size()
                + " báo cáo đã nộp, đúng như khi các đơn vị nộp (tính đến ngày " + DAY.format(k.period().figuresOn())
                + "); không gồm các đơn vị chưa nộp và không lấy số liệu hiện tại.", true));
        Figures total = k.total();
        body.add(new Table(3, "Kết quả chung", "Kết quả chung", List.of("STT", "Chỉ tiêu", "Số liệu"), new float[] {8, 62, 30},
                List.of(List.of(1L, "Số đối tượng cần tập huấn (người)", total.population()),
                        List.of(2L, "Số đã được tập huấn (người)", total.trained()),
                        List.of(3L, "Tỷ lệ đã được tập huấn (%)", total.percent())), false));
        body.add(breakdown(4, "Kết quả theo giới tính", "Giới tính", k.bySex(), total));
        body.add(breakdown(5, "Kết quả theo đối tượng", "Đối tượng", k.byCategory(), total));
        body.add(activity(6, k.activity()));
        body.add(new Text("Trên đây là báo cáo tổng hợp kết quả tập huấn " + SUBJECT + " (" + lowerFirst(k.period().name())
                + ") của các đơn vị trên địa bàn./."));
        return new OfficialDocument(true, "UBND " + lowerFirst(k.rootName()), "Sở Nội vụ", "BC-SNV", null, k.place(), k.dated(),
                "BÁO CÁO", "Tổng hợp kết quả tập huấn " + SUBJECT + " – " + k.period().name(), body,
                List.of("Bộ Nội vụ;", "UBND " + lowerFirst(k.rootName()) + ";", "Lưu: VT."), "GIÁM ĐỐC", "", null);
    }

    private static String headline(ReportContent c) {
        Figures f = c.figures();
        return "Tính đến ngày " + DAY.format(c.figuresOn()) + ", " + c.unitName() + " và các đơn vị trực thuộc có "
                + ReportPdf.text(f.population()) + " người thuộc đối tượng cần tập huấn; " + ReportPdf.text(f.trained())
                + " người đã được tập huấn, đạt " + ReportPdf.text(f.percent()) + "% (mốc năm " + c.milestoneYear() + ": "
                + ReportPdf.text(c.milestone()) + "%; chỉ tiêu đến năm " + c.targetYear() + ": " + ReportPdf.text(c.target()) + "%).";
    }

    private static String attestation(ReportContent c) {
        ReportContent.Attestation a = c.attestation();
        if (a == null) {
            return "Danh sách đối tượng cần tập huấn chưa được xác nhận trong kỳ báo cáo này.";
        }
        String line = "Danh sách đối tượng cần tập huấn được xác nhận ngày " + DAY.format(a.attestedOn()) + " bởi " + a.attestedName()
                + " (" + ReportPdf.text(a.population()) + " người, tính đến ngày " + DAY.format(a.asOf()) + ").";
        if (a.population() != c.population()) {
            line += " Danh sách đã thay đổi sau khi xác nhận: số đối tượng tại ngày lấy số liệu là "
                    + ReportPdf.text(c.population()) + " người.";
        }
        return line;
    }

    private static Table general(int n, Figures f, BigDecimal milestone, int milestoneYear, BigDecimal target, int targetYear) {
        return new Table(n, "Kết quả tập huấn chung", "Kết quả chung", List.of("STT", "Chỉ tiêu", "Số liệu"),
                new float[] {8, 62, 30}, List.of(
                List.of(1L, "Số đối tượng cần tập huấn (người)", f.population()),
                List.of(2L, "Số đã được tập huấn (người)", f.trained()),
                List.of(3L, "Tỷ lệ đã được tập huấn (%)", f.percent()),
                List.of(4L, "Mốc năm " + milestoneYear + " (%)", milestone.setScale(1, java.math.RoundingMode.HALF_UP)),
                List.of(5L, "Chỉ tiêu đến năm " + targetYear + " (%)", target.setScale(1, java.math.RoundingMode.HALF_UP)),
                List.of(6L, "Số người cần tập huấn thêm để đạt mốc năm " + milestoneYear, f.neededFor(milestone)),
                List.of(7L, "Số người cần tập huấn thêm để đạt chỉ tiêu", f.neededFor(target))), false);
    }

    private static Table breakdown(int n, String caption, String what, List<Row> rows, Figures total) {
        List<List<Object>> out = new ArrayList<>();
        int i = 1;
        for (Row r : rows) {
            out.add(List.of((long) i++, r.label(), r.population(), r.trained(), r.figures().percent()));
        }
        out.add(List.of("", "Tổng cộng", total.population(), total.trained(), total.percent()));
        return new Table(n, caption, caption.replace("Kết quả theo ", "Theo "),
                List.of("STT", what, "Đối tượng cần tập huấn", "Đã được tập huấn", "Tỷ lệ (%)"),
                new float[] {8, 44, 17, 17, 14}, out, true);
    }

    private static Table groups(int n, List<Row> rows, long population) {
        List<List<Object>> out = new ArrayList<>();
        int i = 1;
        for (Row r : rows) {
            out.add(List.of((long) i++, r.label(), r.population(), new Figures(population, r.population()).percent()));
        }
        return new Table(n, "Đối tượng theo nhóm khóa học đã hoàn thành", "Theo nhóm khóa học",
                List.of("STT", "Nhóm khóa học đã hoàn thành", "Số người", "Tỷ lệ trên tổng số đối tượng (%)"),
                new float[] {8, 52, 18, 22}, out, false);
    }

    private static Table activity(int n, List<Activity> activity) {
        List<List<Object>> out = new ArrayList<>();
        int i = 1;
        long completions = 0;
        for (Activity a : activity) {
            out.add(List.of((long) i++, a.label(), a.completions(), a.people(), a.female(), a.male()));
            completions += a.completions();
        }
        out.add(List.of("", "Tổng số lượt hoàn thành", completions, "", "", ""));
        return new Table(n, "Hoạt động tập huấn trong kỳ theo hình thức", "Hoạt động trong kỳ",
                List.of("STT", "Hình thức", "Lượt hoàn thành", "Số người", "Nữ", "Nam"), new float[] {8, 40, 16, 14, 11, 11}, out, true);
    }

    private static Text text(String s) {
        return s == null || s.isBlank() ? new Text("(Chưa có nội dung.)", true) : new Text(s.strip());
    }

    private static List<String> recipients(String place) {
        return List.of("UBND thành phố (qua Sở Nội vụ);", "Lưu: VT.");
    }

    static String lowerFirst(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        // "Thành phố Huế" -> "thành phố Huế"; "UBND ..." stays.
        return s.length() > 1 && Character.isUpperCase(s.charAt(1)) ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static LocalDate laterOf(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
