package vn.gbv.portal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.coverage.CoverageService;
import vn.gbv.portal.coverage.Figures;
import vn.gbv.portal.report.ReportContent.Texts;
import vn.gbv.portal.report.ReportQueries.Submission;
import vn.gbv.portal.report.ReportService.Format;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.UnitService;

/** The unit report against the coverage service, freezing, scope, return and resubmit, consolidation, the files. */
@SpringBootTest
@Transactional
class ReportServiceTest {

    static final LocalDate FIGURES_ON = LocalDate.of(2026, 11, 30);
    static final String HYPERLINK = "=HYPERLINK(\"x\")";

    @Autowired JdbcTemplate jdbc;
    @Autowired UnitService units;
    @Autowired ReportService reports;
    @Autowired CoverageService coverage;

    ReportTestData d;
    String a;
    String b;

    @BeforeEach
    void data() {
        d = new ReportTestData(jdbc, units);
        a = d.code(d.a);
        b = d.code(d.b);
        ReportTestData.as(d.manager, Role.UNIT_MANAGER);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private Texts texts(String signerName) {
        return new Texts("Tập huấn trực tuyến cho cộng tác viên.", "Đạt 40%.", "Thiếu máy tính.", "Mở lớp trực tiếp.",
                "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", signerName);
    }

    @Test
    void theReportsFiguresAreTheCoverageServicesForTheSameUnitAndDate() {
        ReportContent r = reports.report("2026", a).preview();
        CoverageService.CoverageReport cov = coverage.coverageOf(a, FIGURES_ON);

        assertThat(r.figures()).isEqualTo(cov.figures()).isEqualTo(new Figures(5, 2));
        assertThat(r.figuresOn()).isEqualTo(FIGURES_ON);
        assertThat(r.milestone()).isEqualByComparingTo(cov.milestone());
        assertThat(r.target()).isEqualByComparingTo(cov.rule().targetPercent());
        assertThat(byKey(r.bySex())).isEqualTo(cov.breakdowns().bySex());
        assertThat(byKey(r.byCategory())).isEqualTo(cov.breakdowns().byCategory().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue)));
        assertThat(r.byChild()).extracting(ReportContent.Row::key, ReportContent.Row::figures)
                .contains(org.assertj.core.groups.Tuple.tuple(d.code(d.a1), new Figures(2, 1)));
        assertThat(r.byGroups().stream().mapToLong(ReportContent.Row::population).sum()).isEqualTo(5);
        // activity from 1 Jan to 30 Nov 2026 by source; p5's 2025 record is outside the period
        assertThat(r.activity()).extracting(ReportContent.Activity::source, ReportContent.Activity::completions,
                        ReportContent.Activity::people, ReportContent.Activity::female, ReportContent.Activity::male)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ONLINE", 2L, 2L, 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("CLASS", 2L, 1L, 0L, 1L),
                        org.assertj.core.groups.Tuple.tuple("IMPORT", 1L, 1L, 1L, 0L));
        assertThat(r.attestation()).isNull();
    }

    private static Map<String, Figures> byKey(List<ReportContent.Row> rows) {
        return rows.stream().collect(Collectors.toMap(ReportContent.Row::key, ReportContent.Row::figures));
    }

    @Test
    void aSubmittedReportIsByteForByteUnchangedAfterRosterCompletionAndRuleChanges() {
        reports.saveDraft("2026", a, texts("Nguyễn Văn An"));
        Submission s = reports.submit("2026", a);
        byte[] pdf = reports.submitted(s.id(), Format.PDF).bytes();
        byte[] csv = reports.submitted(s.id(), Format.CSV).bytes();
        String json = jdbc.queryForObject("select content_json from report_submission where id = ?", String.class, s.id());
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select * from report_figure where submission_id = ? order by section, row_key", s.id());
        assertThat(ReportService.sha256(pdf)).isEqualTo(s.pdfSha256());

        // the roster: a new person; completions: p3 trained, p1's in-depth completion revoked; the rule: another milestone
        long newcomer = d.person("Người Mới", "F", d.a, "CONG_CHUC", true);
        d.completion(d.p[3], d.k, "2026-06-01", "ONLINE");
        d.completion(d.p[3], d.i, "2026-06-02", "ONLINE");
        long p1InDepth = jdbc.queryForObject("select id from completion where person_id = ? and course_id = ?", Long.class, d.p[1], d.i);
        jdbc.update("insert into completion_revocation (completion_id, reason, revoked_by) values (?, 'Sai hồ sơ', 'test')", p1InDepth);
        jdbc.update("""
                update programme_milestone set percent = percent + 5 where year = 2026
                  and rule_id = (select id from programme_rule where valid_to is null)""");

        ReportContent live = reports.report("2026", a).preview();
        assertThat(live.population()).isEqualTo(6);
        assertThat(live.trained()).isEqualTo(2);  // p3 in, p1 out
        assertThat(live.milestone()).isNotEqualByComparingTo(ReportContent.fromJson(json).milestone());
        assertThat(newcomer).isPositive();

        assertThat(reports.submitted(s.id(), Format.PDF).bytes()).isEqualTo(pdf);
        assertThat(reports.submitted(s.id(), Format.CSV).bytes()).isEqualTo(csv);
        assertThat(jdbc.queryForObject("select content_json from report_submission where id = ?", String.class, s.id())).isEqualTo(json);
        assertThat(jdbc.queryForList("select * from report_figure where submission_id = ? order by section, row_key", s.id()))
                .isEqualTo(rows);
        assertThatThrownBy(() -> jdbc.update("update report_submission set population = 0 where id = ?", s.id()))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void thePdfNamesTheNationalHeadingUnitPeriodAndEveryFigureWithDiacritics() throws IOException {
        reports.saveDraft("2026", a, texts("Nguyễn Văn An"));
        ReportContent c = reports.report("2026", a).preview();
        byte[] pdf = reports.submitted(reports.submit("2026", a).id(), Format.PDF).bytes();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "reports"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "reports", "unit-report.pdf"), pdf); // to look at
        String text = pdfText(pdf);

        assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "UBND XÃ LỘC THỬ " + d.run.toUpperCase(), "UBND xã Lộc Thử " + d.run, "BÁO CÁO",
                "Số: 1/BC-UBND", "Lộc Thử " + d.run + ", ngày", "30/11/2026", "Nơi nhận:", "CHỦ TỊCH", "Nguyễn Văn An",
                "Tập huấn trực tuyến cho cộng tác viên.");
        String flat = text.replaceAll("\\s+", " ");
        assertThat(flat).contains("Báo cáo năm 2026", "Số đối tượng cần tập huấn (người) 5", "Số đã được tập huấn (người) 2",
                "Tỷ lệ đã được tập huấn (%) 40,0", "Mốc năm 2026 (%) " + ReportPdf.text(c.milestone().setScale(1)),
                "Chỉ tiêu đến năm 2030 (%) 80,0");
        for (ReportContent.Row r : c.bySex()) {
            assertThat(flat).contains(r.label() + " " + r.population() + " " + r.trained() + " " + ReportPdf.text(r.figures().percent()));
        }
        for (ReportContent.Row r : c.byCategory()) {
            assertThat(flat).contains(r.label() + " " + r.population() + " " + r.trained());
        }
        assertThat(flat).contains("Công chức", "Cộng tác viên", "Nữ", "Học trực tuyến 2 2 1 1", "Lớp tập huấn trực tiếp 2 1 0 1",
                "Hồ sơ nhập từ dữ liệu cũ 1 1 1 0");
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void xlsxCellsHoldNumbersAndAFormulaLikeNameIsInertInXlsxAndCsv() throws IOException {
        reports.saveDraft("2026", a, texts(HYPERLINK));
        byte[] xlsx = reports.draft("2026", a, Format.XLSX).bytes();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertThat(sheets.size()).isGreaterThanOrEqualTo(6);
            Sheet general = sheets.stream().filter(sh -> sh.getName().startsWith("Bảng 1")).findFirst().orElseThrow();
            var rows = general.read();
            Cell population = rows.get(2).getCell(2);
            assertThat(population.getType()).isEqualTo(CellType.NUMBER);
            assertThat(population.asNumber()).isEqualByComparingTo(BigDecimal.valueOf(5));
            assertThat(rows.get(4).getCell(2).getType()).isEqualTo(CellType.NUMBER);
            assertThat(rows.get(4).getCell(2).asNumber()).isEqualByComparingTo(new BigDecimal("40.0"));
            List<String> info = sheets.getFirst().read().stream().map(r -> r.getCellText(1)).toList();
            assertThat(info).contains("'" + HYPERLINK).doesNotContain(HYPERLINK);
            for (Sheet sh : sheets) {
                for (var row : sh.read()) {
                    for (Cell cell : row) {
                        if (cell != null) {
                            assertThat(cell.getType()).isNotEqualTo(CellType.FORMULA);
                        }
                    }
                }
            }
        }
        byte[] csv = reports.draft("2026", a, Format.CSV).bytes();
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(csv[1]).isEqualTo((byte) 0xBB);
        assertThat(csv[2]).isEqualTo((byte) 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("\"'=HYPERLINK(\"\"x\"\")\"").doesNotContain(",\"=HYPERLINK");
        assertThat(text).contains("Số đối tượng cần tập huấn (người),5");
    }

    @Test
    void aManagerCannotReadDownloadOrSubmitAnotherUnitsReport() {
        assertRefused(() -> reports.report("2026", b), "report.error.outside-scope");
        assertRefused(() -> reports.draft("2026", b, Format.PDF), "report.error.outside-scope");
        assertRefused(() -> reports.saveDraft("2026", b, texts("X")), "report.error.outside-scope");
        assertRefused(() -> reports.submit("2026", b), "report.error.outside-scope");
        assertRefused(() -> reports.report("2026", d.code(d.a1)), "report.error.not-reporting-unit");
        assertRefused(() -> reports.report("2026", "KHONG-CO-" + d.run), "report.error.unknown-unit");
        assertRefused(() -> reports.report("1999", a), "report.error.unknown-period");
        assertThat(reports.reportingUnits("2026")).extracting(ReportService.UnitChoice::code).containsExactly(a);

        ReportTestData.as(d.managerB, Role.UNIT_MANAGER);
        long other = reports.submit("2026", b).id();
        ReportTestData.as(d.manager, Role.UNIT_MANAGER);
        assertRefused(() -> reports.submitted(other, Format.PDF), "report.error.submission-outside-scope");
        assertRefused(() -> reports.submitted(other, Format.XLSX), "report.error.submission-outside-scope");
        assertThatThrownBy(() -> reports.returnReport(other, "Không phải của tôi")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.consolidation("2026", d.code(d.c))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.addPeriod(null)).isInstanceOf(AccessDeniedException.class);
    }

    private static void assertRefused(Runnable call, String key) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void aReturnedReportIsSubmittedAgainAndBothVersionsAreKept() {
        reports.saveDraft("2026", a, texts("Nguyễn Văn An"));
        Submission first = reports.submit("2026", a);
        assertRefused(() -> reports.submit("2026", a), "report.error.already-submitted");
        assertRefused(() -> reports.saveDraft("2026", a, texts("Y")), "report.error.already-submitted");

        ReportTestData.as(d.admin, Role.ADMIN);
        assertRefused(() -> reports.returnReport(first.id(), "  "), "report.error.reason-required");
        reports.returnReport(first.id(), "Thiếu số liệu theo giới tính ở phần đánh giá.");
        assertRefused(() -> reports.returnReport(first.id(), "Lần nữa"), "report.error.already-returned");

        ReportTestData.as(d.manager, Role.UNIT_MANAGER);
        assertThat(reports.report("2026", a).state()).isEqualTo(ReportService.State.RETURNED);
        reports.saveDraft("2026", a, texts("Nguyễn Văn Bình"));
        Submission second = reports.submit("2026", a);

        List<Submission> versions = reports.report("2026", a).versions();
        assertThat(versions).extracting(Submission::versionNo).containsExactly(2, 1);
        assertThat(versions.get(1).returned().reason()).isEqualTo("Thiếu số liệu theo giới tính ở phần đánh giá.");
        assertThat(versions.get(0).returned()).isNull();
        assertThat(reports.report("2026", a).state()).isEqualTo(ReportService.State.SUBMITTED);
        byte[] firstPdf = reports.submitted(first.id(), Format.PDF).bytes();
        byte[] secondPdf = reports.submitted(second.id(), Format.PDF).bytes();
        assertThat(ReportService.sha256(firstPdf)).isEqualTo(first.pdfSha256());
        assertThat(firstPdf).isNotEqualTo(secondPdf);
        assertThat(second.docNumber()).isEqualTo(2);
        assertThat(jdbc.queryForList("select action from audit_event where entity_type = 'report' and entity_id in (?, ?) order by id",
                String.class, String.valueOf(first.id()), String.valueOf(second.id())))
                .containsExactly("report.submit", "report.return", "report.submit");
    }

    @Test
    void aSubmissionAfterTheUnitsDeadlineIsMarkedLate() {
        ReportTestData.as(d.admin, Role.ADMIN);
        String code = "H1-" + d.run;
        reports.addPeriod(new ReportService.PeriodForm(code, "Báo cáo 6 tháng đầu năm 2026", ReportingPeriod.Kind.SEMIANNUAL,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 15),
                LocalDate.of(2026, 7, 20)));
        ReportTestData.as(d.manager, Role.UNIT_MANAGER);
        assertThat(reports.report(code, a).overdue()).isTrue();
        Submission s = reports.submit(code, a);
        assertThat(s.late()).isTrue();
        assertThat(reports.report(code, a).preview().figuresOn()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void periodsAreCheckedAndAStaleEditIsRefused() {
        ReportTestData.as(d.admin, Role.ADMIN);
        ReportService.PeriodForm bad = new ReportService.PeriodForm("H2-" + d.run, "6 tháng cuối năm", ReportingPeriod.Kind.SEMIANNUAL,
                LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 5), LocalDate.of(2026, 12, 15),
                LocalDate.of(2026, 12, 20));
        assertThatThrownBy(() -> reports.addPeriod(bad)).isInstanceOfSatisfying(RefusedException.class,
                e -> assertThat(e.field()).contains("figuresOn"));
        ReportingPeriod p2026 = reports.period("2026");
        ReportService.PeriodForm edit = new ReportService.PeriodForm(null, p2026.name(), p2026.kind(), p2026.startsOn(), p2026.endsOn(),
                LocalDate.of(2026, 11, 25), p2026.unitsDueOn(), p2026.consolidationDueOn());
        ReportingPeriod edited = reports.updatePeriod(p2026.id(), p2026.version(), edit);
        assertThat(edited.figuresOn()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertRefused(() -> reports.updatePeriod(p2026.id(), p2026.version(), edit), "report.period.error.changed");
    }

    @Test
    void theConsolidationSumsSubmittedSnapshotsOnlyAndListsTheOthersApart() throws IOException {
        reports.saveDraft("2026", a, texts("Nguyễn Văn An"));
        reports.submit("2026", a);
        // after submitting, A trains p3: the consolidation keeps A's submitted figures
        d.completion(d.p[3], d.k, "2026-06-01", "ONLINE");
        d.completion(d.p[3], d.i, "2026-06-02", "ONLINE");

        ReportTestData.as(d.admin, Role.ADMIN);
        Consolidation k = reports.consolidation("2026", d.code(d.c));
        assertThat(k.units()).extracting(Consolidation.UnitStatus::code, Consolidation.UnitStatus::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(a, Consolidation.Status.SUBMITTED),
                        org.assertj.core.groups.Tuple.tuple(b, Consolidation.Status.MISSING));
        assertThat(k.total()).isEqualTo(new Figures(5, 2));
        assertThat(byKey(k.bySex())).containsEntry("F", new Figures(3, 1)).containsEntry("M", new Figures(2, 1));
        assertThat(k.activity()).extracting(ReportContent.Activity::completions).containsExactly(2L, 2L, 1L);

        byte[] consolidatedPdf = reports.consolidated("2026", d.code(d.c), Format.PDF).bytes();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "reports"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "reports", "consolidated.pdf"), consolidatedPdf); // to look at
        String text = pdfText(consolidatedPdf).replaceAll("\\s+", " ");
        assertThat(text).contains("SỞ NỘI VỤ", "Tổng hợp kết quả tập huấn", "Đã nộp: 1/2 đơn vị", "UBND phường Bên Cạnh " + d.run,
                "Chưa nộp", "Số đối tượng cần tập huấn (người) 5");
        byte[] xlsx = reports.consolidated("2026", d.code(d.c), Format.XLSX).bytes();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet general = wb.getSheets().filter(sh -> sh.getName().startsWith("Bảng 3")).findFirst().orElseThrow();
            assertThat(general.read().get(2).getCell(2).asNumber()).isEqualByComparingTo(BigDecimal.valueOf(5));
        }
        assertThat(new String(reports.consolidated("2026", d.code(d.c), Format.CSV).bytes(), StandardCharsets.UTF_8))
                .contains("UBND phường Bên Cạnh " + d.run);
    }

    @Test
    void theCoverageOfAnyDayComesAsPdfAndXlsxWithTheDashboardsFigures() throws IOException {
        LocalDate day = LocalDate.of(2026, 6, 30);
        Figures expected = coverage.coverageOf(a, day).figures();
        var pdf = reports.coverageOfDay(a, day, vn.gbv.portal.coverage.CoverageDownloads.Format.PDF);
        assertThat(pdf.name()).endsWith(".pdf");
        String text = pdfText(pdf.bytes()).replaceAll("\\s+", " ");
        assertThat(text).contains("UBND XÃ LỘC THỬ " + d.run.toUpperCase(), "Tính đến ngày 30/06/2026",
                "Số đối tượng cần tập huấn (người) " + expected.population(), "Số đã được tập huấn (người) " + expected.trained());
        var xlsx = reports.coverageOfDay(a, day, vn.gbv.portal.coverage.CoverageDownloads.Format.XLSX);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet general = wb.getSheets().filter(sh -> sh.getName().startsWith("Bảng 1")).findFirst().orElseThrow();
            assertThat(general.read().get(3).getCell(2).asNumber()).isEqualByComparingTo(BigDecimal.valueOf(expected.trained()));
        }
        ReportTestData.as(d.managerB, Role.UNIT_MANAGER);
        assertRefused(() -> reports.coverageOfDay(a, day, vn.gbv.portal.coverage.CoverageDownloads.Format.PDF),
                "coverage.error.outside-scope");
    }
}
