package vn.gbv.portal.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import vn.gbv.portal.coverage.CoverageQueries.UntrainedFilter;
import vn.gbv.portal.unit.UnitService;

/**
 * Coverage at national scale. A deterministic generator (set-based SQL over MariaDB's sequence
 * tables, no row-by-row JDBC) builds 34 provinces, ~3,300 communes with a health station and a
 * school each, 1,000,000 people with transfers and leavers, and 10,000,000 completions over
 * 2026–2030, in a data directory kept between runs (generated once per scale). Then it prints
 * {@code BENCH <name> <value> <unit>} lines. Run with
 * {@code ./mvnw -B -ntp -o -Pbenchmark test -Dtest=CoverageBenchmark -Dcoverage.scale=1}
 * (scale 0.01 = 10,000 people for a quick look).
 */
@SpringBootTest(properties = {"portal.embedded-db.ephemeral=false",
        "portal.embedded-db.dir=target/coverage-benchmark-${coverage.scale:0.01}",
        "portal.embedded-db.buffer-pool-size=${coverage.buffer-pool:2G}"})
@WithMockUser(username = "bench-admin", roles = "ADMIN")
class CoverageBenchmark {

    static final LocalDate AS_OF = LocalDate.of(2028, 6, 30);
    static final int PROVINCES = 34;

    @Autowired JdbcTemplate jdbc;
    @Autowired javax.sql.DataSource dataSource;
    @Autowired UnitService units;
    @Autowired CoverageService coverage;
    @Autowired TrainedRule trainedRule;
    @Autowired CoverageQueries queries;
    @Autowired ProgrammeSettingsService settings;

    @Test
    void benchmark() {
        double scale = Double.parseDouble(System.getProperty("coverage.scale", "0.01"));
        int communes = Math.max(PROVINCES, (int) Math.round(3300 * scale));
        int people = (int) Math.round(1_000_000 * scale);
        // The buffer pool is a server start option (portal.embedded-db.buffer-pool-size): the app's
        // database user may not SET GLOBAL.
        new CoverageTestData(jdbc, units).account("bench-admin", java.util.Set.of(vn.gbv.portal.security.Role.ADMIN));
        String done = jdbc.queryForList("select value from app_setting where name = 'coverage_benchmark'", String.class)
                .stream().findFirst().orElse(null);
        String wanted = communes + " communes, " + people + " people";
        if (!wanted.equals(done)) {
            if (done != null) {
                throw new IllegalStateException("The data dir holds another scale (" + done + "); delete it first");
            }
            long started = System.nanoTime();
            generate(communes, people);
            jdbc.update("insert into app_setting (name, value) values ('coverage_benchmark', ?)", wanted);
            System.out.printf("BENCH coverage.generate %.1f s%n", (System.nanoTime() - started) / 1e9);
        }
        if (Boolean.getBoolean("coverage.generate-only")) {
            return;
        }
        System.out.printf("BENCH coverage.data %d units, %d people, %d memberships, %d completions%n",
                count("unit"), count("person"), count("membership"), count("completion"));

        Random random = new Random(42);
        List<String> communeCodes = jdbc.queryForList("select code from unit where code like 'BX-P__-C_____' order by code", String.class);
        List<String> provinceCodes = jdbc.queryForList("select code from unit where code like 'BX-P__' order by code", String.class);
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sample.add(communeCodes.get(random.nextInt(communeCodes.size())));
        }
        // warm-up
        sample.subList(0, 10).forEach(c -> coverage.coverageOf(c, AS_OF));

        print("coverage.commune.p95", p95(sample, c -> coverage.coverageOf(c, AS_OF)));
        print("coverage.province.p95", p95(provinceCodes, p -> coverage.coverageOf(p, AS_OF)));
        List<Double> country = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            country.add(time(() -> coverage.coverageOf("BX", AS_OF)));
        }
        Collections.sort(country);
        print("coverage.country.tree", country.get(1));
        // The same country figures from the live query (membership, person, coverage_first_completion),
        // which the population rows of migration V8 replace: equal counts, and how long it takes.
        CoverageQueries.At nation = new CoverageQueries.At(queries.unitByCode("BX").orElseThrow().id(), AS_OF,
                settings.inForce(AS_OF).orElseThrow());
        if (!queries.usesPopulationRows(nation)) {
            throw new AssertionError("the benchmark's rule is not answered from coverage_population");
        }
        Figures[] live = new Figures[1];
        double liveMs = time(() -> live[0] = queries.liveTotal(nation));
        Figures derived = queries.total(nation);
        if (!live[0].equals(derived)) {
            throw new AssertionError("country: live " + live[0] + ", population rows " + derived);
        }
        System.out.printf("BENCH coverage.country.live-total %.1f ms (%d people, %d trained; population rows: %.1f ms)%n",
                liveMs, live[0].population(), live[0].trained(), time(() -> queries.total(nation)));
        print("coverage.drilldown.p95", p95(sample, c -> {
            coverage.untrainedCount(c, AS_OF, UntrainedFilter.NONE);
            return coverage.untrained(c, AS_OF, UntrainedFilter.NONE, 0, 50);
        }));
        print("coverage.trend.commune", p95(sample.subList(0, 20), c -> coverage.trend(c, AS_OF)));
        // Not targets of the issue, but what a province's or the country's dashboard waits for besides the tree.
        print("coverage.outlook.province.p95", p95(provinceCodes, p -> coverage.outlook(p, AS_OF)));
        print("coverage.outlook.country", time(() -> coverage.outlook("BX", AS_OF)));
        print("coverage.drilldown.province.p95", p95(provinceCodes, p -> {
            coverage.untrainedCount(p, AS_OF, UntrainedFilter.NONE);
            return coverage.untrained(p, AS_OF, UntrainedFilter.NONE, 0, 50);
        }));

        // The naive way on a sample: load each commune's people, then ask the per-person rule for each.
        List<String> naiveSample = sample.subList(0, 10);
        double naive = 0;
        double setBased = 0;
        for (String code : naiveSample) {
            naive += time(() -> naiveCount(code));
            setBased += time(() -> coverage.figuresOf(code, AS_OF));
        }
        for (String code : naiveSample) {
            long naiveTrained = naiveCount(code);
            long trained = coverage.figuresOf(code, AS_OF).trained();
            if (naiveTrained != trained) {
                throw new AssertionError(code + ": naive " + naiveTrained + " trained, set-based " + trained);
            }
        }
        System.out.printf("BENCH machine.load-average %.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("BENCH coverage.naive.ratio %.1f x (naive %.1f ms, set-based %.1f ms per commune)%n",
                naive / setBased, naive / naiveSample.size(), setBased / naiveSample.size());
    }

    /** Trained people of a commune and its facilities, one person at a time through TrainedRule. */
    private long naiveCount(String communeCode) {
        List<Long> persons = jdbc.queryForList("""
                select m.person_id from membership m join unit u on u.id = m.unit_id
                where (u.code = ? or u.code like concat(?, '-_')) and m.in_target
                  and m.valid_from <= ? and (m.valid_to is null or m.valid_to > ?)""",
                Long.class, communeCode, communeCode, AS_OF, AS_OF);
        return persons.stream().filter(p -> trainedRule.statusOf(p, AS_OF).trained()).count();
    }

    /**
     * On one connection with @coverage_bulk_load set, so that the triggers keeping
     * coverage_first_completion stand aside; it is rebuilt once, set-based, at the end.
     */
    private void generate(int communes, int people) {
        JdbcTemplate app = jdbc;
        try (java.sql.Connection connection = dataSource.getConnection()) {
            jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true));
            jdbc.execute("set @coverage_bulk_load = 1");
            generateRows(communes, people);
            jdbc.execute("set @coverage_bulk_load = null");
            jdbc.execute("call coverage_rebuild_all()");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            jdbc = app;
        }
    }

    private void generateRows(int communes, int people) {
        LocalDate from = LocalDate.of(2025, 7, 1);
        jdbc.update("insert into unit (code, name, type, valid_from) values ('BX', 'Toàn quốc (thử tải)', 'OTHER', ?)", from);
        jdbc.update("""
                insert into unit (code, name, type, valid_from)
                select concat('BX-P', lpad(seq, 2, '0')), concat('Tỉnh ', seq), 'CITY', ? from seq_1_to_34""", from);
        jdbc.update("""
                insert into unit (code, name, type, valid_from)
                select concat('BX-P', lpad(seq %% 34 + 1, 2, '0'), '-C', lpad(seq, 5, '0')), concat('Xã ', seq),
                       if(seq %% 4 = 0, 'WARD', 'COMMUNE'), ? from seq_1_to_%d""".formatted(communes), from);
        jdbc.update("""
                insert into unit (code, name, type, valid_from)
                select concat(c.code, '-', f.k), concat(if(f.k = 'H', 'Trạm Y tế ', 'Trường THCS '), c.name),
                       if(f.k = 'H', 'HEALTH_FACILITY', 'SCHOOL'), ?
                from unit c join (select 'H' k union all select 'S') f where c.code like 'BX-P__-C_____'""", from);
        jdbc.update("""
                insert into unit_parent (unit_id, parent_id, valid_from)
                select u.id, p.id, ? from unit u
                join unit p on p.code = substring(u.code, 1, length(u.code) - length(substring_index(u.code, '-', -1)) - 1)
                where u.code like 'BX-%'""", from);
        units.rebuildClosure();

        // Courses: 2 knowledge, 3 in-depth, 15 others.
        for (int c = 1; c <= 20; c++) {
            jdbc.update("insert into course (code) values (?)", "bench-" + c);
            String group = c <= 2 ? "knowledge" : c <= 5 ? "in-depth" : c % 2 == 0 ? "digital-safety" : "workplace";
            jdbc.update("insert into course_group (course_id, group_code) select id, ? from course where code = ?", group, "bench-" + c);
        }
        jdbc.execute("create temporary table bench_unit (n int primary key, unit_id bigint not null)");
        jdbc.update("""
                insert into bench_unit (n, unit_id)
                select row_number() over (order by id) - 1, id from unit where code like 'BX-P__-C%'""");
        int unitCount = count("bench_unit");
        int chunk = 100_000;
        for (int start = 1; start <= people; start += chunk) {
            int end = Math.min(people, start + chunk - 1);
            long firstId = count("person") == 0 ? 0 : jdbc.queryForObject("select max(id) from person", Long.class);
            jdbc.update("""
                    insert into person (full_name, sex, birth_year)
                    select concat('Người thử ', seq), if(seq %% 3 = 0, 'M', 'F'), 1965 + seq %% 40 from seq_%d_to_%d""".formatted(start, end));
            // Everyone from the tree's start; 5% move to another unit on 1 Jun 2027, 3% leave on 1 Mar 2028.
            jdbc.update("""
                    insert into membership (person_id, unit_id, category, in_target, valid_from, valid_to)
                    select p.id, b.unit_id, elt(1 + p.id %% 5, 'CAN_BO', 'CONG_CHUC', 'VIEN_CHUC', 'NHAN_VIEN', 'CONG_TAC_VIEN'),
                           crc32(p.id) %% 10 < 8, '2025-07-01',
                           case when p.id %% 20 = 0 then '2027-06-01' when p.id %% 33 = 1 then '2028-03-01' end
                    from person p join bench_unit b on b.n = crc32(concat('u', p.id)) %% %d
                    where p.id > %d""".formatted(unitCount, firstId));
            jdbc.update("""
                    insert into membership (person_id, unit_id, category, in_target, valid_from)
                    select p.id, b.unit_id, 'CONG_CHUC', TRUE, '2027-06-01'
                    from person p join bench_unit b on b.n = crc32(concat('t', p.id)) %% %d
                    where p.id > %d and p.id %% 20 = 0""".formatted(unitCount, firstId));
            // Each person completes each course with probability one half: 10 completions a person.
            jdbc.update("""
                    insert into completion (person_id, course_id, completed_on, source, recorded_by)
                    select p.id, c.id, date_add('2026-01-01', interval crc32(concat(p.id, 'd', c.id)) %% 1826 day), 'IMPORT', 'bench'
                    from person p join course c on c.code like 'bench-%%'
                    where p.id > %d and crc32(concat(p.id, ':', c.id)) %% 2 = 0""".formatted(firstId));
        }
        jdbc.update("""
                insert into completion_revocation (completion_id, reason, revoked_by)
                select id, 'thử tải', 'bench' from completion where id % 997 = 0""");
        jdbc.execute("analyze table unit, unit_closure_dated, membership, person, completion, course_group");
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    private static <T> double p95(List<String> codes, java.util.function.Function<String, T> call) {
        List<Double> ms = new ArrayList<>();
        for (String code : codes) {
            ms.add(time(() -> call.apply(code)));
        }
        Collections.sort(ms);
        return ms.get((int) Math.min(ms.size() - 1, Math.ceil(0.95 * ms.size()) - 1));
    }

    private static double time(Supplier<?> call) {
        long start = System.nanoTime();
        call.get();
        return (System.nanoTime() - start) / 1e6;
    }

    private static void print(String name, double ms) {
        System.out.printf("BENCH %s %.1f ms%n", name, ms);
    }
}
