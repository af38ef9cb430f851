package vn.gbv.portal.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.gbv.portal.coverage.HandBuiltCity.D1;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.coverage.CoverageQueries.UntrainedFilter;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.UnitService;

/** A unit manager sees and exports only their subtree, whatever code they ask for; an administrator sees the city. */
@SpringBootTest
@Transactional
class CoverageScopeTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired UnitService units;
    @Autowired CoverageService coverage;

    HandBuiltCity city;

    @BeforeEach
    void city() {
        CoverageTestData data = new CoverageTestData(jdbc, units);
        city = new HandBuiltCity(data);
        data.account("scope-manager-a", Set.of(Role.UNIT_MANAGER, Role.LEARNER), city.a);
        data.account("scope-admin", Set.of(Role.ADMIN));
        data.account("scope-learner", Set.of(Role.LEARNER));
    }

    @Test
    @WithMockUser(username = "scope-manager-a", roles = {"UNIT_MANAGER", "LEARNER"})
    void aManagerSeesTheirWardAndItsStationOnly() {
        var report = coverage.coverageOf(city.code(city.a), D1);
        assertThat(report.figures()).isEqualTo(new Figures(10, 3));
        assertThat(report.tree()).extracting(u -> u.unit().id()).containsExactlyInAnyOrder(city.a, city.a1);
        assertThat(coverage.startingUnit()).map(CoverageService.CoverageUnit::id).contains(city.a);
        assertThat(coverage.coverageOf(city.code(city.a1), D1).figures()).isEqualTo(new Figures(3, 1));
    }

    @Test
    @WithMockUser(username = "scope-manager-a", roles = {"UNIT_MANAGER", "LEARNER"})
    void anEditedUnitCodeGetsARefusalNotFigures() {
        for (long other : List.of(city.c, city.s, city.b)) {
            String code = city.code(other);
            assertRefused(() -> coverage.coverageOf(code, D1), "coverage.error.outside-scope");
            assertRefused(() -> coverage.trend(code, D1), "coverage.error.outside-scope");
            assertRefused(() -> coverage.forecast(code, D1), "coverage.error.outside-scope");
            assertRefused(() -> coverage.untrained(code, D1, UntrainedFilter.NONE, 0, 50), "coverage.error.outside-scope");
            assertRefused(() -> coverage.exportUntrained(code, D1, UntrainedFilter.NONE, labels(), new ByteArrayOutputStream()),
                    "coverage.error.outside-scope");
        }
        assertRefused(() -> coverage.coverageOf("NO-SUCH-UNIT", D1), "coverage.error.unknown-unit");
        assertRefused(() -> coverage.coverageOf(city.code(city.a), LocalDate.of(2025, 12, 31)), "coverage.error.date-outside-window");
        assertRefused(() -> coverage.coverageOf(city.code(city.a), LocalDate.of(2031, 1, 1)), "coverage.error.date-outside-window");
    }

    @Test
    @WithMockUser(username = "scope-manager-a", roles = {"UNIT_MANAGER", "LEARNER"})
    void theExportHoldsOnlyTheManagersPeopleWithNumbersAsNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        coverage.exportUntrained(city.code(city.a), D1, UntrainedFilter.NONE, labels(), out);

        Map<String, String> parts = unzip(out.toByteArray());
        List<String> strings = texts(parts.get("xl/sharedStrings.xml"));
        assertThat(strings).contains("Trần Văn Hai", "Lê Thị Ba", "Hoàng Văn Năm", "Võ Thị Sáu", "Đặng Thị Bảy",
                "Hồ Văn Mười", "Ngô Thị Mười Một");
        assertThat(strings).doesNotContain("Lý Văn Mười Ba", "Huỳnh Văn Mười Lăm", "Trương Văn Mười Bảy", "Nguyễn Thị Một");
        String sheet = parts.get("xl/worksheets/sheet1.xml");
        // 7 people, each with their days in the unit (T0 to D1: 364 days) as a number cell
        assertThat(sheet.split("<v>364</v>", -1)).hasSize(8);
    }

    @Test
    @WithMockUser(username = "scope-admin", roles = "ADMIN")
    void anAdministratorSeesTheCity() {
        assertThat(coverage.coverageOf(city.code(city.c), D1).figures()).isEqualTo(new Figures(17, 7));
    }

    @Test
    @WithMockUser(username = "scope-learner", roles = "LEARNER")
    void aLearnerGetsNoFiguresAtAll() {
        assertThatThrownBy(() -> coverage.coverageOf(city.code(city.c), D1)).isInstanceOf(AccessDeniedException.class);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    static UntrainedWorkbook.Labels labels() {
        return new UntrainedWorkbook.Labels("Chưa tập huấn", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i"),
                u -> String.join(",", u.satisfiedGroups()), u -> u.category().name(), u -> u.sex(), "Có", "Không");
    }

    /** The text of every shared string of the workbook. */
    static List<String> texts(String sharedStrings) throws Exception {
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(sharedStrings.getBytes(StandardCharsets.UTF_8)));
        var nodes = doc.getElementsByTagName("t");
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    static Map<String, String> unzip(byte[] bytes) throws Exception {
        Map<String, String> parts = new HashMap<>();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("coverage-", ".xlsx");
        try {
            java.nio.file.Files.write(file, bytes);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    parts.put(e.getName(), new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        return parts;
    }
}
