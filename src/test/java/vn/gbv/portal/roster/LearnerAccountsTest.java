package vn.gbv.portal.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import vn.gbv.portal.imports.ImportBatch;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.UnitService;
import vn.gbv.portal.unit.UnitType;

/**
 * Learner accounts for the people an import created: usernames without accents and unique,
 * temporary passwords that must be changed, a printable list (PDF, XLSX) made once; the database
 * keeps only hashes, and a second request makes no second account.
 */
@SpringBootTest
@WithMockUser(username = "roster-accounts-manager", roles = "UNIT_MANAGER")
class LearnerAccountsTest {

    @Autowired RosterImports imports;
    @Autowired LearnerAccounts accounts;
    @Autowired UnitService units;
    @Autowired JdbcTemplate jdbc;

    @Test
    void accountsForTheNewPeopleWithAPrintableListMadeOnce() throws Exception {
        RosterTestData data = new RosterTestData(jdbc, units);
        String code = RosterTestData.code("PX");
        long ward = data.unit(code, "Phường Xuân Phú", UnitType.WARD, null, LocalDate.of(2022, 1, 1));
        data.account("roster-accounts-manager", Set.of(Role.UNIT_MANAGER), ward);
        // Unique names per run: the test context's database is shared with other tests.
        String given = "Quyên" + RosterTestData.code("").substring(1, 5).toLowerCase().replaceAll("[^a-z]", "x");
        ImportBatch batch = imports.preview(RosterTestData.xlsx(List.of(RosterTestData.HEADER,
                RosterTestData.row("Nguyễn Thị " + given, "Nữ", "1990", "CTV", code, null, null, null, "Có"),
                RosterTestData.row("Nguyễn Thị " + given, "Nữ", "1991", "CTV", code, null, null, null, "Có"))),
                "moi.xlsx", LocalDate.of(2026, 6, 1));
        imports.commit(batch.id(), null);

        LearnerAccounts.Issued issued = accounts.createFor(batch.id());

        String base = given.toLowerCase().replace("ê", "e") + ".nt";
        assertThat(issued.lines()).extracting(LearnerAccounts.Line::username).containsExactly(base, base + "2");
        for (LearnerAccounts.Line line : issued.lines()) {
            Map<String, Object> account = jdbc.queryForMap("select * from app_user where username = ?", line.username());
            assertThat(account.get("must_change_password")).isEqualTo(true);
            assertThat(account.get("password_hash").toString()).doesNotContain(line.temporaryPassword()).startsWith("{bcrypt}");
            assertThat(jdbc.queryForList("select role from user_role where user_id = ?", String.class, account.get("id")))
                    .containsExactly("LEARNER");
        }
        try (var pdf = Loader.loadPDF(issued.pdf())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("DANH SÁCH TÀI KHOẢN HỌC VIÊN").contains("Nguyễn Thị " + given)
                    .contains(base + "2").contains(issued.lines().getFirst().temporaryPassword());
        }
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(issued.xlsx()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(2).getCellText(2)).isEqualTo(base + "2");
            assertThat(rows.get(2).getCellText(3)).isEqualTo(issued.lines().get(1).temporaryPassword());
        }

        assertThat(accounts.createFor(batch.id()).lines()).isEmpty();
    }
}
