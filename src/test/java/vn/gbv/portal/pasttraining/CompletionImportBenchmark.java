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
        // Timed on their own: the heap measure forces full collections while it runs.
        long started = System.nanoTime();
        ImportBatch batch = preview(large);
        System.out.printf("BENCH import.completions.preview.20000 %d ms%n", (System.nanoTime() - started) / 1_000_000);
        started = System.nanoTime();
        commit(large, batch);
        System.out.printf("BENCH import.completions.commit.20000 %d ms%n", (System.nanoTime() - started) / 1_000_000);
        started = System.nanoTime();
        int revoked = imports.undo(batch.id());
        System.out.printf("BENCH import.completions.undo.20000 %d ms (%d revoked)%n", (System.nanoTime() - started) / 1_000_000,
                revoked);

        // The same file again (the undone completions no longer count), with the heap measured.
        ImportBatch again;
        try (HeapPeak heap = new HeapPeak()) {
            again = preview(large);
            System.out.printf("BENCH import.completions.preview.heap.peak %.0f MB%n", heap.usedMb());
            System.out.printf("BENCH import.completions.preview.heap.after-gc %.0f MB%n", heap.afterGcMb());
        }
        try (HeapPeak heap = new HeapPeak()) {
            commit(large, again);
            System.out.printf("BENCH import.completions.commit.heap.peak %.0f MB%n", heap.usedMb());
            System.out.printf("BENCH import.completions.commit.heap.after-gc %.0f MB%n", heap.afterGcMb());
        }
    }

    private ImportBatch preview(LargeFile large) {
        ImportBatch batch = imports.preview(large.file, "20000.xlsx");
        if (batch.counts().created() != large.rows) {
            throw new IllegalStateException("expected " + large.rows + " new rows, got " + batch.counts());
        }
        return batch;
    }

    private void commit(LargeFile large, ImportBatch batch) {
        int created = imports.commit(batch.id()).created();
        if (created != large.rows) {
            throw new IllegalStateException("expected " + large.rows + " completions, got " + created);
        }
    }
}
