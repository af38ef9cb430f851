package vn.gbv.portal.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.gbv.portal.roster.RosterTestData.HEADER;
import static vn.gbv.portal.roster.RosterTestData.row;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
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
import vn.gbv.portal.imports.PreviewRow;
import vn.gbv.portal.imports.RowMessage;
import vn.gbv.portal.imports.RowOutcome;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.Sex;
import vn.gbv.portal.unit.StaffCategory;
import vn.gbv.portal.unit.UnitService;
import vn.gbv.portal.unit.UnitType;

/**
 * A messy roster file with every kind of problem gives exactly the expected outcome per row; a
 * commit saves exactly the valid rows (NFC names, leading zeros kept); undo restores the roster
 * exactly; an import into a unit outside scope saves nothing.
 */
@SpringBootTest
@WithMockUser(username = "roster-import-manager", roles = "UNIT_MANAGER")
class RosterImportTest {

    static final LocalDate START = LocalDate.of(2022, 3, 1);
    static final LocalDate EFFECTIVE = LocalDate.of(2026, 6, 1);

    @Autowired RosterImports imports;
    @Autowired UnitService units;
    @Autowired JdbcTemplate jdbc;

    long wardA;
    long wardB;
    String codeA;
    String codeB;
    long byId;
    String knownId;
    long byCode;
    long byName;
    long twinOne;
    long absent;

    @BeforeEach
    void wards() {
        RosterTestData data = new RosterTestData(jdbc, units);
        long city = data.unit(RosterTestData.code("TP"), "Thành phố", UnitType.CITY, null, START);
        codeA = RosterTestData.code("PA");
        codeB = RosterTestData.code("PB");
        wardA = data.unit(codeA, "Phường An Cựu", UnitType.WARD, city, START);
        wardB = data.unit(codeB, "Phường Vỹ Dạ", UnitType.WARD, city, START);
        knownId = RosterTestData.nationalId();
        byId = data.person("Lê Văn Hùng", Sex.M, 1975, knownId, null, null, wardA, StaffCategory.CONG_CHUC,
                "Công chức Tư pháp", true, START);
        byCode = data.person("Phan Thị Mai", Sex.F, 1990, null, "AC-07", "0905111222", wardA,
                StaffCategory.VIEN_CHUC, "Kế toán", false, START);
        byName = data.person("Võ Thị Lan", Sex.F, 1982, null, null, "0905333444", wardA,
                StaffCategory.CONG_TAC_VIEN, null, true, START);
        twinOne = data.person("Trần Văn Nam", Sex.M, 1980, null, null, null, wardA, StaffCategory.NHAN_VIEN, null, true, START);
        data.person("Trần Văn Nam", Sex.M, 1980, null, null, null, wardA, StaffCategory.NHAN_VIEN, null, true, START);
        absent = data.person("Đinh Thị Vắng", Sex.F, 1970, null, null, null, wardA, StaffCategory.CAN_BO, null, true, START);
        data.account("roster-import-manager", Set.of(Role.UNIT_MANAGER), wardA);
    }

    /** The messy file: a title row, shuffled headers in other case, accents and spacing, and one row per problem. */
    Path messyFile(String newId) {
        String decomposed = Normalizer.normalize("Nguyễn Thị Hoà", Normalizer.Form.NFD);
        return RosterTestData.xlsx(List.of(
                row("DANH SÁCH CÁN BỘ PHƯỜNG AN CỰU"),
                row("  HỌ VÀ  TÊN ", "gioi tinh", "Nam sinh", "đối tượng", "Đơn vị (mã)", "Chức vụ", "Điện thoại", "EMAIL",
                        "Làm công tác xã hội", "Số định danh cá nhân", "Mã cán bộ", "Ghi chú"),
                // 3: new; decomposed name, sex "nu", year as 1988.0, phone a number, yes as x, ID with leading 0, '=' text
                row(decomposed, "nu", 1988.0, "CTV", codeA.toLowerCase(), "=1+2", 912345678, "hoa@example.vn", "x", newId, null, "ok"),
                // 4: name missing
                row(null, "Nam", "1990", "CC", codeA, null, null, null, "Có"),
                // 5: sex, category, yes/no not understood
                row("Ngô Văn Bình", "X", "1991", "Giám đốc", codeA, null, null, null, "có lẽ"),
                // 6: birth year implausible, email and phone malformed
                row("Hà Thị Cúc", "NỮ", "1850", "VC", codeA, null, "12ab", "cuc@", "0"),
                // 7: unit unknown
                row("Lý Văn Dũng", "Nam", "1985", "NV", "KHONG-CO", null, null, null, "1"),
                // 8: unit outside scope
                row("Mạc Thị Em", "Nữ", "1986", "NV", codeB, null, null, null, "TRUE"),
                // 9: the same person as row 3 (same national ID)
                row("Nguyễn Thị Hoà", "Nữ", "1988", "CTV", codeA, null, null, null, "Có", newId),
                // 10: ambiguous: two Trần Văn Nam born 1980 in the unit
                row("Trần Văn Nam", "Nam", "1980", "NV", codeA, null, null, null, "Có"),
                // 11: update by national ID: new position, phone with +84
                row("Lê Văn Hùng", "Nam", "1975", "Công chức", codeA, "Phó Chủ tịch", "+84 905 999 888", null, "Có", knownId),
                // 12: unchanged, matched by staff code
                row("Phan Thị Mai", "Nữ", "1990", "Viên chức", codeA, "Kế toán", "0905111222", null, "Không", null, "AC-07"),
                row(" ", "", "  "),
                // 14: update by name and birth year: phone, and target flag
                row("  Võ  Thị Lan ", "Nữ", "1982", "cộng tác viên", codeA, null, "0905 333 445", null, "có"),
                row(" "), row()));
    }

    @Test
    void aMessyFileGivesTheExpectedOutcomeForEveryRow() {
        String newId = RosterTestData.nationalId();
        ImportBatch batch = imports.preview(messyFile(newId), "danh-sach.xlsx", EFFECTIVE);

        assertThat(batch.status()).isEqualTo(BatchStatus.PREVIEW);
        assertThat(batch.counts()).isEqualTo(new BatchCounts(1, 2, 1, 7, 1, 0));
        Map<Integer, PreviewRow> rows = rows(batch.id());
        assertThat(rows.keySet()).containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14);
        assertThat(outcome(rows, 3)).isEqualTo(RowOutcome.NEW);
        assertThat(messages(rows, 4)).containsExactly("Họ và tên|roster.import.error.name-required");
        assertThat(messages(rows, 5)).containsExactly("Giới tính|import.cell.sex|X",
                "Đối tượng|roster.import.error.category|Giám đốc", "Làm công tác xã hội|import.cell.yes-no|có lẽ");
        assertThat(messages(rows, 6)).containsExactly("Năm sinh|import.cell.year|1850",
                "Điện thoại|import.cell.phone|12ab", "Email|import.cell.email|cuc@");
        assertThat(messages(rows, 7)).containsExactly("Đơn vị (mã)|roster.import.error.unit-unknown|KHONG-CO");
        assertThat(messages(rows, 8)).containsExactly("Đơn vị (mã)|roster.import.error.unit-outside-scope|" + codeB);
        assertThat(messages(rows, 9)).containsExactly("|roster.import.error.duplicate|3");
        assertThat(messages(rows, 10)).containsExactly("Họ và tên|roster.import.error.ambiguous-name|2");
        assertThat(outcome(rows, 11)).isEqualTo(RowOutcome.UPDATE);
        assertThat(messages(rows, 11)).containsExactly("|roster.import.matched.NATIONAL_ID",
                "Điện thoại|roster.import.change|—|0905999888", "Chức vụ|roster.import.change|Công chức Tư pháp|Phó Chủ tịch");
        assertThat(outcome(rows, 12)).isEqualTo(RowOutcome.UNCHANGED);
        assertThat(messages(rows, 12)).containsExactly("|roster.import.matched.STAFF_CODE");
        assertThat(outcome(rows, 14)).isEqualTo(RowOutcome.UPDATE);
        assertThat(messages(rows, 14)).containsExactly("|roster.import.matched.NAME_AND_BIRTH_YEAR",
                "Điện thoại|roster.import.change|0905333444|0905333445");
        assertThat(imports.missing(batch.id())).extracting(RosterImports.MissingPerson::fullName)
                .containsExactlyInAnyOrder("Đinh Thị Vắng", "Trần Văn Nam", "Trần Văn Nam");
        assertThat(count("select count(*) from person where national_id = ?", newId)).isZero();
    }

    @Test
    void committingSavesExactlyTheValidRowsAndUndoRestoresTheRoster() {
        String before = roster();
        int people = count("select count(*) from person");
        String newId = RosterTestData.nationalId();
        ImportBatch batch = imports.preview(messyFile(newId), "danh-sach.xlsx", EFFECTIVE);

        RosterImports.CommitResult result = imports.commit(batch.id(), LocalDate.of(2026, 7, 1));

        assertThat(result).isEqualTo(new RosterImports.CommitResult(1, 2, 3));
        assertThat(count("select count(*) from person")).isEqualTo(people + 1);
        Map<String, Object> hoa = jdbc.queryForMap("select * from person where national_id = ?", newId);
        assertThat(hoa.get("full_name")).isEqualTo(Normalizer.normalize("Nguyễn Thị Hoà", Normalizer.Form.NFC));
        assertThat(hoa.get("phone")).isEqualTo("0912345678");
        assertThat(((Number) hoa.get("birth_year")).intValue()).isEqualTo(1988);
        assertThat(hoa.get("email")).isEqualTo("hoa@example.vn");
        assertThat(jdbc.queryForMap("""
                select m.category, m.position, m.in_target, m.valid_from, m.unit_id from membership m
                join person p on p.id = m.person_id where p.national_id = ?""", newId))
                .containsEntry("category", "CONG_TAC_VIEN").containsEntry("position", "=1+2")
                .containsEntry("in_target", true).containsEntry("valid_from", java.sql.Date.valueOf(EFFECTIVE))
                .containsEntry("unit_id", wardA);
        assertThat(jdbc.queryForObject("select position from membership where person_id = ? and valid_to is null",
                String.class, byId)).isEqualTo("Phó Chủ tịch");
        assertThat(jdbc.queryForObject("select valid_to from membership where person_id = ? and valid_from = ?",
                java.sql.Date.class, byId, java.sql.Date.valueOf(START))).isEqualTo(java.sql.Date.valueOf(EFFECTIVE));
        assertThat(jdbc.queryForObject("select phone from person where id = ?", String.class, byName)).isEqualTo("0905333445");
        assertThat(count("select count(*) from membership where person_id = ? and valid_to is null", absent)).isZero();
        for (String rejected : List.of("Ngô Văn Bình", "Hà Thị Cúc", "Lý Văn Dũng", "Mạc Thị Em")) {
            assertThat(count("select count(*) from person where full_name = ?", rejected)).as(rejected).isZero();
        }
        assertThat(count("select count(*) from audit_event where action = 'import.commit' and entity_id = ?",
                String.valueOf(batch.id()))).isEqualTo(1);

        imports.undo(batch.id());

        assertThat(roster()).isEqualTo(before);
        assertThat(count("select count(*) from person")).isEqualTo(people);
        assertThat(imports.batch(batch.id()).status()).isEqualTo(BatchStatus.UNDONE);
        assertThatThrownBy(() -> imports.undo(batch.id())).isInstanceOf(RefusedException.class);
    }

    @Test
    void undoIsRefusedOnceSomethingNewerTouchedARow() {
        ImportBatch batch = imports.preview(messyFile(RosterTestData.nationalId()), "danh-sach.xlsx", EFFECTIVE);
        imports.commit(batch.id(), null);
        jdbc.update("update person set email = 'moi@example.vn', version = version + 1 where id = ?", byName);
        String after = roster();

        assertThatThrownBy(() -> imports.undo(batch.id())).isInstanceOfSatisfying(RefusedException.class,
                e -> assertThat(e.messageKey()).isEqualTo("roster.import.error.undo-touched"));
        assertThat(roster()).isEqualTo(after);
        assertThat(imports.batch(batch.id()).status()).isEqualTo(BatchStatus.COMMITTED);
    }

    @Test
    void undoIsRefusedWhenANewPersonHasACompletionOrAnOpenedRowWasTransferredOrALeaverCameBack() {
        String newId = RosterTestData.nationalId();
        ImportBatch batch = imports.preview(messyFile(newId), "danh-sach.xlsx", EFFECTIVE);
        Map<Integer, PreviewRow> preview = rows(batch.id());
        imports.commit(batch.id(), LocalDate.of(2026, 7, 1));
        long hoa = jdbc.queryForObject("select id from person where national_id = ?", Long.class, newId);
        int hoaRow = rowOf(preview, "\"nationalId\":\"" + newId + "\"");
        int hungRow = rowOf(preview, "\"personId\":" + byId + ",");

        // a completion recorded for a person the import created
        String courseCode = RosterTestData.code("undo-course");
        jdbc.update("insert into course (code) values (?)", courseCode);
        long course = jdbc.queryForObject("select id from course where code = ?", Long.class, courseCode);
        jdbc.update("insert into completion (person_id, course_id, completed_on, source, recorded_by) values (?, ?, ?, 'IMPORT', 'test')",
                hoa, course, LocalDate.of(2026, 6, 15));
        assertUndoRefused(batch.id(), "roster.import.error.undo-touched", hoaRow);
        jdbc.update("delete from completion where person_id = ?", hoa);

        // a transfer after the import: the row it opened is no longer the person's newest
        long opened = jdbc.queryForObject("select id from membership where person_id = ? and valid_to is null", Long.class, byId);
        jdbc.update("update membership set valid_to = ? where id = ?", LocalDate.of(2026, 8, 1), opened);
        jdbc.update("""
                insert into membership (person_id, unit_id, category, position, in_target, valid_from)
                values (?, ?, 'CONG_CHUC', 'Chuyển đến', true, ?)""", byId, wardB, LocalDate.of(2026, 8, 1));
        assertUndoRefused(batch.id(), "roster.import.error.undo-touched", hungRow);
        jdbc.update("delete from membership where person_id = ? and valid_from = ?", byId, LocalDate.of(2026, 8, 1));
        jdbc.update("update membership set valid_to = null where id = ?", opened);

        // someone the import marked as left is back on the roster
        jdbc.update("""
                insert into membership (person_id, unit_id, category, in_target, valid_from)
                values (?, ?, 'CAN_BO', true, ?)""", absent, wardA, LocalDate.of(2026, 9, 1));
        assertUndoRefused(batch.id(), "roster.import.error.undo-touched-missing", null);
        jdbc.update("delete from membership where person_id = ? and valid_from = ?", absent, LocalDate.of(2026, 9, 1));

        imports.undo(batch.id());
        assertThat(count("select count(*) from person where id = ?", hoa)).isZero();
    }

    private void assertUndoRefused(long batchId, String key, Integer rowNo) {
        String before = roster();
        int people = count("select count(*) from person");
        assertThatThrownBy(() -> imports.undo(batchId)).isInstanceOfSatisfying(RefusedException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            if (rowNo != null) {
                assertThat(e.args()).containsExactly(rowNo);
            }
        });
        assertThat(roster()).isEqualTo(before);
        assertThat(count("select count(*) from person")).isEqualTo(people);
        assertThat(imports.batch(batchId).status()).isEqualTo(BatchStatus.COMMITTED);
    }

    private static int rowOf(Map<Integer, PreviewRow> rows, String payloadPart) {
        return rows.values().stream().filter(r -> r.outcome() != RowOutcome.ERROR && r.payload() != null
                && r.payload().contains(payloadPart)).findFirst().orElseThrow().rowNo();
    }

    @Test
    void aCommitAfterSomeoneSavedAMatchedPersonIsRefusedNamingTheRowAndSavesNothing() {
        ImportBatch batch = imports.preview(messyFile(RosterTestData.nationalId()), "danh-sach.xlsx", EFFECTIVE);
        int lanRow = rows(batch.id()).values().stream().filter(r -> r.payload() != null
                && r.payload().contains("\"personId\":" + byName + ",")).findFirst().orElseThrow().rowNo();
        jdbc.update("update person set email = 'moi@example.vn', version = version + 1 where id = ?", byName);
        String before = roster();
        int people = count("select count(*) from person");
        int trail = count("select count(*) from audit_event");

        assertThatThrownBy(() -> imports.commit(batch.id(), LocalDate.of(2026, 7, 1)))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("roster.import.error.stale");
                    assertThat(e.args()).containsExactly(lanRow);
                });
        assertThat(roster()).isEqualTo(before);
        assertThat(count("select count(*) from person")).isEqualTo(people);
        assertThat(count("select count(*) from audit_event")).isEqualTo(trail);
        assertThat(imports.batch(batch.id()).status()).isEqualTo(BatchStatus.PREVIEW);
    }

    @Test
    void anImportIntoAUnitOutsideScopeSavesNothing() {
        String before = roster();
        int people = count("select count(*) from person");
        Path file = RosterTestData.xlsx(List.of(HEADER,
                row("Mạc Thị Em", "Nữ", "1986", "NV", codeB, null, null, null, "Có"),
                row("Lưu Văn Phong", "Nam", "1979", "CC", codeB, null, null, null, "Không")));

        ImportBatch batch = imports.preview(file, "phuong-khac.xlsx", EFFECTIVE);

        assertThat(batch.counts()).isEqualTo(new BatchCounts(0, 0, 0, 2, 0, 0));
        assertThat(imports.commit(batch.id(), LocalDate.of(2026, 7, 1))).isEqualTo(new RosterImports.CommitResult(0, 0, 0));
        assertThat(count("select count(*) from person")).isEqualTo(people);
        assertThat(roster()).isEqualTo(before);
    }

    @Test
    void aCsvSavedByExcelWithBomAndSemicolonsIsRead() throws Exception {
        Path csv = Files.createTempFile("roster-", ".csv");
        String text = "\uFEFFHọ và tên;Giới tính;Năm sinh;Đối tượng;Đơn vị (mã);Chức vụ;Điện thoại;Email;Làm công tác xã hội\r\n"
                + "Đoàn Thị Xuân;NU;1993.0;cộng tác viên;" + codeA + ";\"Cán bộ; Hội LHPN\";+84912000111;;TRUE\r\n"
                + ";;;;;;;;\r\n";
        Files.writeString(csv, text, StandardCharsets.UTF_8);

        ImportBatch batch = imports.preview(csv, "excel.csv", EFFECTIVE);

        assertThat(batch.counts()).isEqualTo(new BatchCounts(1, 0, 0, 0, 0, 0));
        PreviewRow row = imports.rows(batch.id(), EnumSet.allOf(RowOutcome.class), 0, 10).getFirst();
        assertThat(row.rowNo()).isEqualTo(2);
        assertThat(row.payload()).contains("\"phone\":\"0912000111\"").contains("Cán bộ; Hội LHPN").contains("\"birthYear\":1993");
    }

    @Test
    void aPreviewIsKeptInTheDatabaseUntilDiscarded() {
        ImportBatch batch = imports.preview(messyFile(RosterTestData.nationalId()), "danh-sach.xlsx", EFFECTIVE);
        assertThat(imports.openPreview()).map(ImportBatch::id).contains(batch.id()); // the newest of the caller's

        imports.discard(batch.id());

        assertThat(imports.openPreview()).map(ImportBatch::id).isNotEqualTo(java.util.Optional.of(batch.id()));
        assertThat(count("select count(*) from import_row where batch_id = ?", batch.id())).isZero();
        assertThatThrownBy(() -> imports.commit(batch.id(), null)).isInstanceOf(RefusedException.class);
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedAsAWhole() {
        Path file = RosterTestData.xlsx(List.of(row("Họ và tên", "Giới tính"), row("Ai đó", "Nam")));
        assertThatThrownBy(() -> imports.preview(file, "thieu-cot.xlsx", EFFECTIVE))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.file.missing-columns");
                    assertThat(e.args()[0].toString()).contains("Năm sinh").contains("Đơn vị (mã)");
                });
    }

    private Map<Integer, PreviewRow> rows(long batchId) {
        return imports.rows(batchId, EnumSet.allOf(RowOutcome.class), 0, 100).stream()
                .collect(Collectors.toMap(PreviewRow::rowNo, r -> r, (a, b) -> a, java.util.TreeMap::new));
    }

    private static RowOutcome outcome(Map<Integer, PreviewRow> rows, int row) {
        return rows.get(row).outcome();
    }

    private static List<String> messages(Map<Integer, PreviewRow> rows, int row) {
        return rows.get(row).messages().stream().map(RosterImportTest::text).toList();
    }

    private static String text(RowMessage m) {
        return (m.column() == null ? "" : m.column()) + "|" + m.key()
                + m.args().stream().map(a -> "|" + a).collect(Collectors.joining());
    }

    /** Everything of the wards' people and memberships that an import may change, as text (not the version, which undo moves on so that a form opened before it is stale). */
    private String roster() {
        return jdbc.queryForList("""
                select p.id, p.full_name, p.sex, p.birth_year, p.phone, p.email, p.national_id, p.staff_code,
                       m.id mid, m.unit_id, m.category, m.position, m.in_target, m.valid_from, m.valid_to
                from person p join membership m on m.person_id = p.id
                where m.unit_id in (?, ?) order by p.id, m.id""", wardA, wardB).toString();
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
