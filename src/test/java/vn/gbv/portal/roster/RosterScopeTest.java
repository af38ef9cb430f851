package vn.gbv.portal.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import vn.gbv.portal.coverage.CoverageService;
import vn.gbv.portal.coverage.TrainedCondition;
import vn.gbv.portal.imports.BatchCounts;
import vn.gbv.portal.imports.ImportBatch;
import vn.gbv.portal.roster.RosterService.RosterFilter;
import vn.gbv.portal.roster.RosterService.RosterRow;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.PersonService;
import vn.gbv.portal.unit.PersonService.MembershipTerms;
import vn.gbv.portal.unit.PersonService.PersonalDetails;
import vn.gbv.portal.unit.Sex;
import vn.gbv.portal.unit.StaffCategory;
import vn.gbv.portal.unit.UnitService;
import vn.gbv.portal.unit.UnitType;

/**
 * A manager of one ward cannot read, edit, import into or attest another ward; the roster filters
 * (sex, trained from coverage); transfers and leavers give the right membership before and after
 * their date; an attestation says who and when, and that the roster changed after it.
 */
@SpringBootTest
@WithMockUser(username = "roster-scope-manager", roles = "UNIT_MANAGER")
class RosterScopeTest {

    static final LocalDate START = LocalDate.of(2022, 3, 1);

    @Autowired RosterService roster;
    @Autowired RosterImports imports;
    @Autowired RosterAttestations attestations;
    @Autowired PersonService people;
    @Autowired CoverageService coverage;
    @Autowired UnitService units;
    @Autowired JdbcTemplate jdbc;

    long wardA;
    long school;
    long wardB;
    String codeB;
    long inA;
    long inSchool;
    long inB;

    @BeforeEach
    void wards() {
        RosterTestData data = new RosterTestData(jdbc, units);
        long city = data.unit(RosterTestData.code("TP"), "Thành phố", UnitType.CITY, null, START);
        wardA = data.unit(RosterTestData.code("PA"), "Phường Thuận Hòa", UnitType.WARD, city, START);
        school = data.unit(RosterTestData.code("TH"), "Trường Tiểu học Thuận Hòa", UnitType.SCHOOL, wardA, START);
        codeB = RosterTestData.code("PB");
        wardB = data.unit(codeB, "Phường Tây Lộc", UnitType.WARD, city, START);
        inA = data.person("Nguyễn Thị Thu", Sex.F, 1985, null, null, null, wardA, StaffCategory.CONG_CHUC, null, true, START);
        inSchool = data.person("Phạm Văn Quân", Sex.M, 1979, null, null, null, school, StaffCategory.VIEN_CHUC, null, true, START);
        inB = data.person("Hồ Thị Bích", Sex.F, 1990, null, null, null, wardB, StaffCategory.CONG_CHUC, null, true, START);
        data.account("roster-scope-manager", Set.of(Role.UNIT_MANAGER), wardA);
    }

    @Test
    void aManagerOfOneWardCannotReadEditImportIntoOrAttestAnother() {
        assertThatThrownBy(() -> roster.search(wardB, RosterFilter.none(), 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> roster.count(wardB, RosterFilter.none())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.person(inB)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.updateDetails(inB, 0, new PersonalDetails("Đổi Tên", Sex.F, 1990, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.endMembership(inB, LocalDate.of(2026, 1, 1))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attestations.attest(wardB, LocalDate.now(), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attestations.latest(wardB, 1L)).isInstanceOf(AccessDeniedException.class);

        ImportBatch batch = imports.preview(RosterTestData.xlsx(List.of(RosterTestData.HEADER,
                RosterTestData.row("Hồ Thị Bích", "Nữ", "1990", "CC", codeB, "Đổi chức vụ", null, null, "Có"))),
                "tay-loc.xlsx", LocalDate.of(2026, 6, 1));
        assertThat(batch.counts()).isEqualTo(new BatchCounts(0, 0, 0, 1, 0, 0));
        imports.commit(batch.id(), LocalDate.of(2026, 7, 1));
        assertThat(jdbc.queryForObject("select position from membership where person_id = ? and valid_to is null",
                String.class, inB)).isNull();

        jdbc.update("insert into import_batch (kind, status, uploaded_by, file_name) values ('ROSTER', 'PREVIEW', 'someone-else', 'x.xlsx')");
        long theirs = jdbc.queryForObject("select max(id) from import_batch where uploaded_by = 'someone-else'", Long.class);
        assertThatThrownBy(() -> imports.batch(theirs)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.commit(theirs, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.rows(theirs, java.util.EnumSet.allOf(vn.gbv.portal.imports.RowOutcome.class), 0, 10))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theRosterFiltersBySexAndByTrainedAsCoverageCountsIt() {
        assertThat(names(RosterFilter.none())).containsExactly("Nguyễn Thị Thu", "Phạm Văn Quân");
        assertThat(names(new RosterFilter(null, null, Sex.M, null, null))).containsExactly("Phạm Văn Quân");
        TrainedCondition rule = coverage.trainedCondition(LocalDate.now());
        assertThat(rule.ruleId()).as("the default rule is in force today").isNotNull();
        List<String> groups = jdbc.queryForList("select group_code from programme_rule_group where rule_id = ?",
                String.class, rule.ruleId());
        for (String group : groups) {
            jdbc.update("insert into coverage_first_completion (rule_id, person_id, group_code, first_on) values (?, ?, ?, ?)",
                    rule.ruleId(), inSchool, group, LocalDate.of(2026, 3, 1));
        }
        jdbc.update("insert into coverage_first_completion (rule_id, person_id, group_code, first_on) values (?, ?, ?, ?)",
                rule.ruleId(), inA, groups.getFirst(), LocalDate.of(2026, 3, 1));

        assertThat(names(new RosterFilter(null, null, null, null, true))).containsExactly("Phạm Văn Quân");
        assertThat(names(new RosterFilter(null, null, null, null, false))).containsExactly("Nguyễn Thị Thu");
        assertThat(roster.search(wardA, RosterFilter.none(), 0, 10)).extracting(RosterRow::trained).containsExactly(false, true);
    }

    @Test
    void transfersAndLeaversHaveTheRightMembershipBeforeAndAfterTheirDate() {
        LocalDate moved = LocalDate.of(2025, 9, 1);
        LocalDate left = LocalDate.of(2026, 2, 1);
        people.changeMembership(inA, new MembershipTerms(school, StaffCategory.CONG_CHUC, "Chuyển trường", true), moved);
        people.endMembership(inSchool, left);

        assertThat(unitAt(inA, moved.minusDays(1))).containsExactly(wardA);
        assertThat(unitAt(inA, moved)).containsExactly(school);
        assertThat(unitAt(inA, LocalDate.now())).containsExactly(school);
        assertThat(unitAt(inSchool, left.minusDays(1))).containsExactly(school);
        assertThat(unitAt(inSchool, left)).isEmpty();
        assertThat(names(RosterFilter.none())).containsExactly("Nguyễn Thị Thu");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'membership' and entity_id = ?",
                Integer.class, String.valueOf(inA))).isEqualTo(1);
    }

    @Test
    void anAttestationSaysWhoAndWhenAndThatTheRosterChangedAfterIt() {
        var period = attestations.currentPeriod().orElseThrow();
        var attested = attestations.attest(wardA, LocalDate.now(), null);

        assertThat(attested.population()).isEqualTo(2);
        assertThat(attested.attestedBy()).isEqualTo("roster-scope-manager");
        assertThat(attested.periodId()).isEqualTo(period.id());
        assertThat(attested.changedSince()).isFalse();
        assertThat(attestations.latest(wardA, period.id())).map(RosterAttestations.Attestation::changedSince).contains(false);

        // The attestation a moment ago, then someone edits a person of the school below the ward.
        jdbc.update("update roster_attestation set attested_at = attested_at - interval 1 second where id = ?", attested.id());
        jdbc.update("update person set phone = '0905000111' where id = ?", inSchool);

        assertThat(attestations.latest(wardA, period.id())).map(RosterAttestations.Attestation::changedSince).contains(true);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'roster.attest' and entity_id = ?",
                Integer.class, String.valueOf(wardA))).isEqualTo(1);
    }

    private List<String> names(RosterFilter filter) {
        return roster.search(wardA, filter, 0, 50).stream().map(RosterRow::fullName).toList();
    }

    private List<Long> unitAt(long personId, LocalDate date) {
        return jdbc.queryForList("""
                select unit_id from membership where person_id = ? and valid_from <= ? and (valid_to is null or valid_to > ?)""",
                Long.class, personId, date, date);
    }
}
