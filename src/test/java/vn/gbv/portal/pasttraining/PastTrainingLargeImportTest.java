package vn.gbv.portal.pasttraining;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import vn.gbv.portal.imports.BatchCounts;
import vn.gbv.portal.imports.ImportBatch;
import vn.gbv.portal.unit.UnitService;

/**
 * A 20,000-row file (2,000 people × 10 courses) is previewed and committed with the heap bounded:
 * rows are read and kept a chunk at a time, so what the import holds on to does not grow with the
 * file. The bound (96 MB held after a collection) is far below what 20,000 rows read into memory
 * with their payloads and messages would cost together with the workbook's strings.
 */
@SpringBootTest
@WithMockUser(username = "pt-large", roles = "UNIT_MANAGER")
class PastTrainingLargeImportTest {

    @Autowired PastTrainingImports imports;
    @Autowired UnitService units;
    @Autowired JdbcTemplate jdbc;

    @Test
    void twentyThousandRowsImportWithTheHeapBounded() {
        LargeFile large = new LargeFile(jdbc, units, "pt-large", 2000);
        assertThat(large.rows).isEqualTo(20_000);

        ImportBatch batch;
        try (HeapPeak heap = new HeapPeak()) {
            batch = imports.preview(large.file, "20000-dong.xlsx");
            System.out.printf("past-training preview 20000: heap +%.0f MB sampled, +%.0f MB after GC%n",
                    heap.usedMb(), heap.afterGcMb());
            assertThat(heap.afterGcMb()).isLessThan(96);
        }
        assertThat(batch.counts()).isEqualTo(new BatchCounts(20_000, 0, 0, 0, 0, 0));

        try (HeapPeak heap = new HeapPeak()) {
            assertThat(imports.commit(batch.id()).created()).isEqualTo(20_000);
            System.out.printf("past-training commit 20000: heap +%.0f MB sampled, +%.0f MB after GC%n",
                    heap.usedMb(), heap.afterGcMb());
            assertThat(heap.afterGcMb()).isLessThan(96);
        }
        assertThat(jdbc.queryForObject("select count(*) from effective_completion where import_batch_id = ?",
                Integer.class, batch.id())).isEqualTo(20_000);
        assertThat(jdbc.queryForObject("select count(*) from past_training where batch_id = ?",
                Integer.class, batch.id())).isEqualTo(20_000);
    }
}
