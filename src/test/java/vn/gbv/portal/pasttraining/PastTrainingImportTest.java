package vn.gbv.portal.pasttraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.gbv.portal.pasttraining.PastTrainingTestData.HEADER;
import static vn.gbv.portal.pasttraining.PastTrainingTestData.excelDate;
import static vn.gbv.portal.pasttraining.PastTrainingTestData.row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.imports.BatchCounts;
import vn.gbv.portal.imports.BatchStatus;
import vn.gbv.portal.imports.ImportBatch;
import vn.gbv.portal.imports.ImportJson;
import vn.gbv.portal.imports.PreviewRow;
import vn.gbv.portal.imports.RowMessage;
import vn.gbv.portal.imports.RowOutcome;
import vn.gbv.portal.security.AccessDeniedForScopeException;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.UnitService;

/**
 * A messy past-training file with every kind of problem gives exactly the expected outcome and
 * messages per row; a commit saves exactly the valid rows (and coverage's per-person table follows);
 * undo revokes exactly that batch; a file imported again after an undo supersedes the revoked rows;
 * an undo is refused once a record of the batch was touched; batches stay with their uploader.
 */
@SpringBootTest
@WithMockUser(username = "pt-manager", roles = "UNIT_MANAGER")
class PastTrainingImportTest {

    static final LocalDate MARCH = LocalDate.of(2026, 3, 15);

    @Autowired PastTrainingImports imports;
    @Autowired UnitService units;
    @Autowired JdbcTemplate jdbc;

    PastTrainingTestData data;
    String wardA;
    long knowledge;
    long inDepth;
    String knowledgeCode;
    String inDepthCode;
    long byId;
    String idOfById;
    long byCode;
    long byName;
    String idOutside;
    long onlineOnly;
    long importedBefore;

    @BeforeEach
    void city() {
        data = new PastTrainingTestData(jdbc, units);
        long city = data.unit(data.code("TP"), null);
        wardA = data.code("PA");
        long a = data.unit(wardA, city);
        long b = data.unit(data.code("PB"), city);
        knowledgeCode = data.code("KT");
        inDepthCode = data.code("CS");
        knowledge = data.course(knowledgeCode, "knowledge");
        inDepth = data.course(inDepthCode, "in-depth");
        idOfById = data.nationalId(1);
        byId = data.person("Lê Văn Hùng", 1975, idOfById, null, a);
        byCode = data.person("Phan Thị Mai", 1990, null, "PT-07", a);
        byName = data.person("Võ Thị Lan", 1982, null, null, a);
        data.person("Trần Văn Nam", 1980, null, null, a);
        data.person("Trần Văn Nam", 1980, null, null, a);
        idOutside = data.nationalId(2);
        data.person("Mạc Thị Em", 1986, idOutside, null, b);
        onlineOnly = data.person("Đỗ Thị Hạnh", 1991, data.nationalId(3), null, a);
        data.completion(onlineOnly, knowledge, data.version(knowledge), LocalDate.of(2026, 3, 10), "ONLINE");
        importedBefore = data.person("Hồ Văn Khoa", 1985, data.nationalId(4), null, a);
        data.completion(importedBefore, inDepth, null, LocalDate.of(2026, 2, 1), "IMPORT");
        data.account("pt-manager", Set.of(Role.UNIT_MANAGER), a);
        data.account("pt-other", Set.of(Role.UNIT_MANAGER), b);
    }

    /** A title row, headers in another order, case and spelling, then one row per problem. */
    Path messyFile() {
        return PastTrainingTestData.xlsx(List.of(
                row("DANH SÁCH CÁN BỘ ĐÃ ĐƯỢC TẬP HUẤN"),
                row("MÃ KHOÁ HỌC", "ngay hoan thanh", "  số định danh  cá nhân", "Mã cán bộ", "Họ tên", "Năm sinh",
                        "Đơn vị (mã)", "Nơi tập huấn", "Người/đơn vị tập huấn", "Điểm", "Ghi chú"),
                // 3: new by national ID; an Excel date, the ID stored as a number (leading 0 lost), score "85,5"
                row(knowledgeCode.toLowerCase(), excelDate(MARCH), Long.parseLong(idOfById), null, null, null, null,
                        "Hội trường UBND xã", "Hội LHPN thành phố", "85,5"),
                // 4: new by staff code within the unit; a dd/MM/yyyy date
                row(knowledgeCode, "20/04/2026", null, "PT-07", null, null, wardA, "Trạm Y tế", null, null),
                // 5: new by name + birth year + unit; a yyyy-MM-dd date
                row(inDepthCode, "2026-05-05", null, null, "  võ  thị lan ", "1982", wardA, null, "Sở Tư pháp", "90"),
                // 6: the same as row 3
                row(knowledgeCode, "15/03/2026", idOfById, null, null, null, null, null, null, null),
                // 7: unknown national ID
                row(knowledgeCode, "15/03/2026", data.nationalId(99), null, null, null, null, null, null, null),
                // 8: a person of another ward
                row(knowledgeCode, "15/03/2026", idOutside, null, null, null, null, null, null, null),
                // 9: two people with that name and birth year in the ward
                row(knowledgeCode, "15/03/2026", null, null, "Trần Văn Nam", "1980", wardA, null, null, null),
                // 10: unknown course
                row("KHONG-CO", "15/03/2026", idOfById, null, null, null, null, null, null, null),
                // 11: a date in the future
                row(inDepthCode, "05/01/2099", idOfById, null, null, null, null, null, null, null),
                // 12: before the programme's window
                row(inDepthCode, "15/06/2025", idOfById, null, null, null, null, null, null, null),
                // 13: malformed cells
                row(inDepthCode, "31/02/2026", "12ab", null, null, null, null, null, null, "120"),
                // 14: no person at all
                row(inDepthCode, "15/03/2026", null, null, null, null, null, "Hội trường", null, null),
                // 15: already completed online that day
                row(knowledgeCode, "10/03/2026", data.nationalId(3), null, null, null, null, null, null, null),
                // 16: already imported with another date
                row(inDepthCode, "01/04/2026", data.nationalId(4), null, null, null, null, null, null, null),
                // 17: row 3's person and course again, another date
                row(knowledgeCode, "16/03/2026", idOfById, null, null, null, null, null, null, null),
                row(" ", null, ""),
                // 19: unknown staff code
                row(knowledgeCode, "15/03/2026", null, "KHONG-CO", null, null, null, null, null, null),
                row(), row(" ")));
    }

    @Test
    void aMessyFileGivesTheRightMessagesAndACommitSavesExactlyTheValidRowsAndUndoTakesThemBack() {
        ImportBatch batch = imports.preview(messyFile(), "tap-huan-2026.xlsx");

        assertThat(batch.status()).isEqualTo(BatchStatus.PREVIEW);
        assertThat(batch.counts()).isEqualTo(new BatchCounts(3, 0, 2, 11, 1, 0));
        Map<Integer, PreviewRow> rows = rows(batch.id());
        assertThat(rows.keySet()).containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19);
        assertThat(messages(rows, 3)).containsExactly("|past-training.matched.NATIONAL_ID|");
        assertThat(messages(rows, 4)).containsExactly("|past-training.matched.STAFF_CODE|");
        assertThat(messages(rows, 5)).containsExactly("|past-training.matched.NAME|");
        assertThat(rows.get(6).outcome()).isEqualTo(RowOutcome.UNCHANGED);
        assertThat(messages(rows, 6)).containsExactly("|past-training.duplicate.row|3");
        assertThat(messages(rows, 7)).containsExactly(
                "Số định danh cá nhân|past-training.error.unknown-national-id|" + data.nationalId(99));
        assertThat(messages(rows, 8)).containsExactly("Số định danh cá nhân|past-training.error.outside-scope|");
        assertThat(messages(rows, 9)).containsExactly("Họ và tên|past-training.error.ambiguous-person|Trần Văn Nam|2");
        assertThat(messages(rows, 10)).containsExactly("Mã khóa học|past-training.error.unknown-course|KHONG-CO");
        assertThat(messages(rows, 11)).containsExactly("Ngày hoàn thành|past-training.error.future|05/01/2099");
        assertThat(messages(rows, 12)).containsExactly(
                "Ngày hoàn thành|past-training.error.outside-window|15/06/2025|01/01/2026|31/12/2030");
        assertThat(messages(rows, 13)).containsExactly("Số định danh cá nhân|import.cell.digits|12ab",
                "Ngày hoàn thành|past-training.cell.date|31/02/2026", "Điểm|past-training.cell.score|120");
        assertThat(messages(rows, 14)).containsExactly("|past-training.error.person-required|");
        assertThat(rows.get(15).outcome()).isEqualTo(RowOutcome.UNCHANGED);
        assertThat(messages(rows, 15)).containsExactly("|past-training.duplicate.ONLINE|10/03/2026");
        assertThat(messages(rows, 16)).containsExactly("Ngày hoàn thành|past-training.error.already-recorded|01/02/2026");
        assertThat(messages(rows, 17)).containsExactly("Ngày hoàn thành|past-training.error.twice-in-file|3|15/03/2026");
        assertThat(messages(rows, 19)).containsExactly("Mã cán bộ|past-training.error.unknown-staff-code|KHONG-CO");
        assertThat(rows.values()).filteredOn(r -> r.outcome() == RowOutcome.ERROR).hasSize(11);
        PastTrainingLine first = ImportJson.read(rows.get(3).payload(), PastTrainingLine.class);
        assertThat(first.personId()).isEqualTo(byId);
        assertThat(first.courseCode()).isEqualTo(knowledgeCode);
        assertThat(first.completedOn()).isEqualTo(MARCH);
        assertThat(first.score()).isEqualTo(85);
        assertThat(completionsOf(batch.id())).isEmpty();

        int before = count("select count(*) from completion");
        assertThat(imports.commit(batch.id()).created()).isEqualTo(3);
        assertThat(imports.batch(batch.id()).status()).isEqualTo(BatchStatus.COMMITTED);
        assertThat(count("select count(*) from completion")).isEqualTo(before + 3);
        assertThat(completionsOf(batch.id())).containsExactlyInAnyOrder(
                byId + "|" + knowledge + "|2026-03-15|85|IMPORT|null|3|Hội trường UBND xã|Hội LHPN thành phố",
                byCode + "|" + knowledge + "|2026-04-20|null|IMPORT|null|4|Trạm Y tế|null",
                byName + "|" + inDepth + "|2026-05-05|90|IMPORT|null|5|null|Sở Tư pháp");
        // Coverage followed (recomputed once per person after the inserts): the per-person table has the new first completions.
        assertThat(firstCompletion(byId, "knowledge")).isEqualTo(MARCH);
        assertThat(firstCompletion(byName, "in-depth")).isEqualTo(LocalDate.of(2026, 5, 5));
        assertThatThrownBy(() -> imports.commit(batch.id())).isInstanceOf(RefusedException.class)
                .hasMessage("import.error.status-moved");

        assertThat(imports.undo(batch.id())).isEqualTo(3);
        assertThat(imports.batch(batch.id()).status()).isEqualTo(BatchStatus.UNDONE);
        assertThat(count("select count(*) from completion")).isEqualTo(before + 3);
        assertThat(count("select count(*) from effective_completion where import_batch_id = " + batch.id())).isZero();
        assertThat(jdbc.queryForList("""
                select r.reason from completion_revocation r join completion c on c.id = r.completion_id
                where c.import_batch_id = ?""", String.class, batch.id()))
                .hasSize(3).allMatch(reason -> reason.startsWith("Hoàn tác lô nhập #" + batch.id()));
        assertThat(firstCompletion(byId, "knowledge")).isNull();
        // Records from outside the batch stay.
        assertThat(count("select count(*) from effective_completion where person_id in (" + onlineOnly + ", "
                + importedBefore + ")")).isEqualTo(2);
        assertThat(audit(batch.id())).contains("import.commit", "import.undo");

        // The same file again: the revoked rows are superseded, not refused.
        ImportBatch again = imports.preview(messyFile(), "tap-huan-2026.xlsx");
        assertThat(again.counts().created()).isEqualTo(3);
        assertThat(imports.commit(again.id()).created()).isEqualTo(3);
        assertThat(count("select count(*) from completion where import_batch_id = " + again.id()
                + " and supersedes_id in (select id from completion where import_batch_id = " + batch.id() + ")"))
                .isEqualTo(3);
        assertThat(firstCompletion(byId, "knowledge")).isEqualTo(MARCH);
    }

    @Test
    void undoIsRefusedOnceARecordOfTheBatchWasRevokedAndNothingIsTakenBack() {
        ImportBatch batch = imports.preview(messyFile(), "tap-huan.xlsx");
        imports.commit(batch.id());
        long secondRow = jdbc.queryForObject("select completion_id from past_training where batch_id = ? and row_no = 4",
                Long.class, batch.id());
        data.revoke(secondRow);

        assertThatThrownBy(() -> imports.undo(batch.id())).isInstanceOf(RefusedException.class)
                .hasMessage("past-training.error.undo-touched.revoked")
                .satisfies(e -> assertThat(((RefusedException) e).args()).containsExactly(4));
        assertThat(imports.batch(batch.id()).status()).isEqualTo(BatchStatus.COMMITTED);
        assertThat(count("select count(*) from effective_completion where import_batch_id = " + batch.id())).isEqualTo(2);
    }

    @Test
    void discardingKeepsNothingAndAnotherManagerCannotReachTheBatch() {
        ImportBatch batch = imports.preview(messyFile(), "tap-huan.xlsx");
        withUser("pt-other", () -> assertThatThrownBy(() -> imports.batch(batch.id()))
                .isInstanceOf(AccessDeniedForScopeException.class));
        withUser("pt-other", () -> assertThatThrownBy(() -> imports.commit(batch.id()))
                .isInstanceOf(AccessDeniedForScopeException.class));
        imports.discard(batch.id());
        assertThat(imports.batch(batch.id()).status()).isEqualTo(BatchStatus.DISCARDED);
        assertThat(imports.rowCount(batch.id(), EnumSet.allOf(RowOutcome.class))).isZero();
        assertThat(completionsOf(batch.id())).isEmpty();
    }

    @Test
    @WithMockUser(username = "pt-admin", roles = "ADMIN")
    void anAdministratorImportsForEveryUnit() {
        data.account("pt-admin", Set.of(Role.ADMIN));
        ImportBatch batch = imports.preview(messyFile(), "tap-huan.xlsx");
        assertThat(rows(batch.id()).get(8).outcome()).isEqualTo(RowOutcome.NEW);
        assertThat(batch.counts().created()).isEqualTo(4);
    }

    @Test
    void aFileWithoutTheCourseColumnIsRefusedAsAWhole() {
        Path file = PastTrainingTestData.xlsx(List.of(row("Số định danh cá nhân", "Ngày hoàn thành"),
                row(idOfById, "15/03/2026")));
        int batches = count("select count(*) from import_batch");
        assertThatThrownBy(() -> imports.preview(file, "thieu-cot.xlsx")).isInstanceOf(RefusedException.class)
                .hasMessage("import.file.missing-columns");
        assertThat(count("select count(*) from import_batch")).isEqualTo(batches);
    }

    @Test
    void datesAndScoresAreReadAsSpreadsheetsWriteThem() {
        assertThat(PastTrainingColumns.date("45366").value()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(PastTrainingColumns.date("45366.75").value()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(PastTrainingColumns.date("5/3/2026").value()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(PastTrainingColumns.date("05-03-2026").value()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(PastTrainingColumns.date("2026-03-05 00:00:00").value()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(PastTrainingColumns.date("2026-02-30").isError()).isTrue();
        assertThat(PastTrainingColumns.date("tháng 3").isError()).isTrue();
        assertThat(PastTrainingColumns.date(" ").isEmpty()).isTrue();
        assertThat(PastTrainingColumns.score("100").value()).isEqualTo(100);
        assertThat(PastTrainingColumns.score("72.9%").value()).isEqualTo(72);
        assertThat(PastTrainingColumns.score("100,5").isError()).isTrue();
        assertThat(PastTrainingColumns.score("-1").isError()).isTrue();
    }

    private void withUser(String username, Runnable action) {
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                username, "n/a", List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_UNIT_MANAGER"))));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            action.run();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    private Map<Integer, PreviewRow> rows(long batchId) {
        return imports.rows(batchId, EnumSet.allOf(RowOutcome.class), 0, 100).stream()
                .collect(Collectors.toMap(PreviewRow::rowNo, r -> r, (a, b) -> a, java.util.TreeMap::new));
    }

    private static List<String> messages(Map<Integer, PreviewRow> rows, int rowNo) {
        return rows.get(rowNo).messages().stream().map(PastTrainingImportTest::text).toList();
    }

    private static String text(RowMessage m) {
        return (m.column() == null ? "" : m.column()) + "|" + m.key() + "|" + String.join("|", m.args());
    }

    private List<String> completionsOf(long batchId) {
        return jdbc.query("""
                select c.person_id, c.course_id, c.completed_on, c.score_percent, c.source, c.course_version_id,
                       pt.row_no, pt.place, pt.trainer
                from completion c left join past_training pt on pt.completion_id = c.id
                where c.import_batch_id = ?""", (rs, i) -> rs.getLong(1) + "|" + rs.getLong(2) + "|" + rs.getString(3)
                + "|" + rs.getObject(4) + "|" + rs.getString(5) + "|" + rs.getObject(6) + "|" + rs.getObject(7) + "|"
                + rs.getString(8) + "|" + rs.getString(9), batchId);
    }

    private LocalDate firstCompletion(long personId, String group) {
        return jdbc.queryForList("""
                select f.first_on from coverage_first_completion f join programme_rule r on r.id = f.rule_id
                where f.person_id = ? and f.group_code = ? and r.valid_to is null""", LocalDate.class, personId, group)
                .stream().findFirst().orElse(null);
    }

    private List<String> audit(long batchId) {
        return jdbc.queryForList("select action from audit_event where entity_type = 'import' and entity_id = ?",
                String.class, String.valueOf(batchId));
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
