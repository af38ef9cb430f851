package vn.gbv.portal.pasttraining;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.UnitService;

/**
 * A ward of {@code people} people (set-based SQL over MariaDB's sequence tables) and ten courses,
 * and an XLSX of people × 10 rows naming each person by national ID, with dates over 2026: the
 * 20,000-row file of the heap test and the benchmark.
 */
final class LargeFile {

    static final int COURSES = 10;

    final PastTrainingTestData data;
    final Path file;
    final int rows;

    LargeFile(JdbcTemplate jdbc, UnitService units, String manager, int people) {
        data = new PastTrainingTestData(jdbc, units);
        long ward = data.unit(data.code("LF"), null);
        data.account(manager, Set.of(Role.UNIT_MANAGER), ward);
        String prefix = data.nationalId(0).substring(0, 7);
        jdbc.update("insert into person (full_name, sex, birth_year, national_id) "
                + "select concat('Người thử ', seq), if(seq % 2 = 0, 'F', 'M'), 1960 + seq % 40, concat(?, lpad(seq, 5, '0')) "
                + "from seq_1_to_" + people, prefix);
        jdbc.update("""
                insert into membership (person_id, unit_id, category, position, in_target, valid_from)
                select id, ?, 'CONG_CHUC', 'Cán bộ', TRUE, '2020-01-01' from person where national_id like concat(?, '%')""",
                ward, prefix);
        List<String> codes = new ArrayList<>();
        for (int c = 0; c < COURSES; c++) {
            String code = data.code("K" + c);
            data.course(code, c % 2 == 0 ? "knowledge" : "in-depth");
            codes.add(code);
        }
        List<List<Object>> table = new ArrayList<>(people * COURSES + 1);
        table.add(PastTrainingTestData.HEADER);
        LocalDate first = LocalDate.of(2026, 1, 5);
        for (int p = 1; p <= people; p++) {
            for (int c = 0; c < COURSES; c++) {
                table.add(PastTrainingTestData.row(prefix + String.format("%05d", p), null, null, null, null, codes.get(c),
                        first.plusDays((p * 7L + c * 13L) % 280).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                        "Hội trường phường", "Hội LHPN", String.valueOf(50 + (p + c) % 51)));
            }
        }
        rows = table.size() - 1;
        file = PastTrainingTestData.xlsx(table);
    }
}
