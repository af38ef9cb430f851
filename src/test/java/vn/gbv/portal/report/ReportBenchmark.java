package vn.gbv.portal.report;

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
import vn.gbv.portal.TestAccounts;
import vn.gbv.portal.report.ReportService.Format;
import vn.gbv.portal.security.Role;

/**
 * Reports on the coverage issue's national data set (34 provinces of type CITY, ~3,300 communes
 * below them: the communes are the reporting units), in the same data directory as
 * {@code CoverageBenchmark}, whose generator builds it once per scale. Run both, the generator
 * first:
 * {@code ./mvnw -B -ntp -o -Pbenchmark test -Dtest='CoverageBenchmark,ReportBenchmark' -Dcoverage.scale=0.1}
 * (once the data set exists, {@code -Dtest=ReportBenchmark} alone). Prints:
 * <ul>
 * <li>{@code report.unit.pack}: p95 of the PDF and the XLSX of one commune's report (figures from
 * the coverage service, activity, rendering), over 20 communes;</li>
 * <li>{@code report.province.consolidated}: the consolidation of 100 submitted commune reports
 * (status of every reporting unit below the country, sums of the snapshots) with its PDF, XLSX
 * and CSV, median of 3.</li>
 * </ul>
 * Submissions made here stay in the data directory (a period of its own, code BENCH-&lt;n&gt;).
 */
@SpringBootTest(properties = {"portal.embedded-db.ephemeral=false",
        "portal.embedded-db.dir=target/coverage-benchmark-${coverage.scale:0.01}",
        "portal.embedded-db.buffer-pool-size=${coverage.buffer-pool:2G}"})
@WithMockUser(username = "bench-admin", roles = "ADMIN")
class ReportBenchmark {

    @Autowired JdbcTemplate jdbc;
    @Autowired ReportService reports;

    @Test
    void benchmark() {
        String done = jdbc.queryForList("select value from app_setting where name = 'coverage_benchmark'", String.class)
                .stream().findFirst().orElse(null);
        if (done == null) {
            throw new IllegalStateException("No national data set in this data directory: run CoverageBenchmark first at the same "
                    + "scale (-Dtest='CoverageBenchmark,ReportBenchmark')");
        }
        TestAccounts.account(jdbc, "bench-admin", java.util.Set.of(Role.ADMIN));
        System.out.printf("BENCH report.data %s%n", done);
        // a period of its own, inside the programme's window, so that each run submits afresh
        int run = jdbc.queryForObject("select count(*) from reporting_period where code like 'BENCH-%'", Integer.class) + 1;
        String period = "BENCH-" + run;
        reports.addPeriod(new ReportService.PeriodForm(period, "Thử tải " + run, ReportingPeriod.Kind.ANNUAL,
                java.time.LocalDate.of(2028, 1, 1), java.time.LocalDate.of(2028, 12, 31), java.time.LocalDate.of(2028, 6, 30),
                java.time.LocalDate.of(2028, 11, 30), java.time.LocalDate.of(2028, 12, 5)));

        List<String> communes = jdbc.queryForList("select code from unit where code like 'BX-P__-C_____' order by code", String.class);
        Random random = new Random(16);
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sample.add(communes.get(random.nextInt(communes.size())));
        }
        // warm-up: fonts, classes, plans
        for (String c : sample.subList(0, 3)) {
            reports.draft(period, c, Format.PDF);
        }
        List<Double> pack = new ArrayList<>();
        for (String c : sample) {
            pack.add(time(() -> {
                reports.draft(period, c, Format.PDF);
                return reports.draft(period, c, Format.XLSX);
            }));
        }
        Collections.sort(pack);
        System.out.printf("BENCH report.unit.pack %.1f ms%n", pack.get((int) Math.ceil(0.95 * pack.size()) - 1));

        List<String> submitted = communes.subList(0, Math.min(100, communes.size()));
        long started = System.nanoTime();
        for (String c : submitted) {
            reports.submit(period, c);
        }
        System.out.printf("BENCH report.submit.each %.1f ms (%d communes)%n",
                (System.nanoTime() - started) / 1e6 / submitted.size(), submitted.size());
        List<Double> consolidated = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            consolidated.add(time(() -> {
                reports.consolidated(period, "BX", Format.PDF);
                reports.consolidated(period, "BX", Format.XLSX);
                return reports.consolidated(period, "BX", Format.CSV);
            }));
        }
        Collections.sort(consolidated);
        Consolidation k = reports.consolidation(period, "BX");
        System.out.printf("BENCH report.province.consolidated %.1f ms (%d submitted of %d reporting units, PDF + XLSX + CSV)%n",
                consolidated.get(1), k.submitted().size(), k.units().size());
    }

    private static double time(Supplier<?> call) {
        long start = System.nanoTime();
        call.get();
        return (System.nanoTime() - start) / 1e6;
    }
}
