package vn.gbv.portal.pasttraining;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import vn.gbv.portal.imports.ImportBatch;
import vn.gbv.portal.unit.UnitService;

/**
 * Importing 20,000 rows of past training (2,000 people × 10 courses, each named by national ID)
 * as a ward's manager: the preview (read, match, write the preview rows) and the commit (20,000
 * completions through the coverage triggers, with place and trainer), timed, with the heap's peak.
 * Prints {@code BENCH <name> <value> <unit>} lines; targets: preview ≤ 10,000 ms, commit ≤ 20,000 ms.
 * Run with {@code ./mvnw -B -ntp -o -Pbenchmark test -Dtest=CompletionImportBenchmark}.
 */
@SpringBootTest
@WithMockUser(username = "pt-bench", roles = "UNIT_MANAGER")
class CompletionImportBenchmark {

    @Autowired PastTrainingImports imports;
    @Autowired UnitService units;
    @Autowired JdbcTemplate jdbc;

    @Test
    void twentyThousandRows() {
        LargeFile large = new LargeFile(jdbc, units, "pt-bench", 2000);
        ImportBatch batch;
        try (HeapPeak heap = new HeapPeak()) {
            long started = System.nanoTime();
            batch = imports.preview(large.file, "20000.xlsx");
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (batch.counts().created() != large.rows) {
                throw new IllegalStateException("expected " + large.rows + " new rows, got " + batch.counts());
            }
            System.out.printf("BENCH import.completions.preview.20000 %d ms%n", ms);
            System.out.printf("BENCH import.completions.preview.heap.peak %.0f MB%n", heap.usedMb());
            System.out.printf("BENCH import.completions.preview.heap.after-gc %.0f MB%n", heap.afterGcMb());
        }
        try (HeapPeak heap = new HeapPeak()) {
            long started = System.nanoTime();
            int created = imports.commit(batch.id()).created();
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (created != large.rows) {
                throw new IllegalStateException("expected " + large.rows + " completions, got " + created);
            }
            System.out.printf("BENCH import.completions.commit.20000 %d ms%n", ms);
            System.out.printf("BENCH import.completions.commit.heap.peak %.0f MB%n", heap.usedMb());
            System.out.printf("BENCH import.completions.commit.heap.after-gc %.0f MB%n", heap.afterGcMb());
        }
        long started = System.nanoTime();
        int revoked = imports.undo(batch.id());
        System.out.printf("BENCH import.completions.undo.20000 %d ms (%d revoked)%n", (System.nanoTime() - started) / 1_000_000,
                revoked);
    }
}
