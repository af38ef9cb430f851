package vn.gbv.portal.roster;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import vn.gbv.portal.imports.BatchCounts;
import vn.gbv.portal.imports.ImportBatch;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.UnitService;
import vn.gbv.portal.unit.UnitType;

/**
 * Roster import of a 5,000-row XLSX (issue 17): preview (read, check, match, keep in the database)
 * and commit, in a ward of 20 units where 2,500 of the people are already on the roster (half the
 * rows are updates, a tenth of those transfers), with the heap's peak while it runs. Targets:
 * {@code roster.preview.5000} ≤ 5,000 ms, {@code roster.commit.5000} ≤ 10,000 ms. Run with
 * {@code ./mvnw -B -ntp -o -Pbenchmark test -Dtest=RosterBenchmark}.
 */
@SpringBootTest
@WithMockUser(username = "roster-benchmark", roles = "UNIT_MANAGER")
class RosterBenchmark {

    private static final int ROWS = 5_000;
    private static final int UNITS = 20;
    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

    @Autowired RosterImports imports;
    @Autowired UnitService units;
    @Autowired JdbcTemplate jdbc;

    @Test
    void previewAndCommitOfFiveThousandRows() {
        RosterTestData data = new RosterTestData(jdbc, units);
        LocalDate start = LocalDate.of(2022, 1, 1);
        long ward = data.unit(RosterTestData.code("BW"), "Phường Benchmark", UnitType.WARD, null, start);
        List<String> codes = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int u = 0; u < UNITS; u++) {
            String code = RosterTestData.code("BU" + u);
            codes.add(code);
            ids.add(data.unit(code, "Tổ dân phố " + (u + 1), UnitType.OTHER, ward, start));
        }
        data.account("roster-benchmark", Set.of(Role.UNIT_MANAGER), ward);
        String prefix = String.valueOf(System.nanoTime() % 1000);
        List<Object[]> existing = new ArrayList<>();
        for (int i = 0; i < ROWS / 2; i++) {
            existing.add(new Object[] {"Người Số " + i, i % 2 == 0 ? "F" : "M", 1960 + i % 40, id(prefix, i)});
        }
        jdbc.batchUpdate("insert into person (full_name, sex, birth_year, national_id) values (?, ?, ?, ?)", existing);
        jdbc.update("""
                insert into membership (person_id, unit_id, category, position, in_target, valid_from)
                select p.id, ?, 'CONG_CHUC', 'Cũ', true, ? from person p where p.national_id like ?""",
                ids.getFirst(), start, prefix + "%");

        List<List<Object>> rows = new ArrayList<>();
        rows.add(RosterTestData.HEADER);
        for (int i = 0; i < ROWS; i++) {
            // the first half are the people above (a position changes; every tenth moves unit), the rest are new
            int unit = i < ROWS / 2 ? (i % 10 == 0 ? 1 + i % (UNITS - 1) : 0) : i % UNITS;
            rows.add(RosterTestData.row("Người Số " + i, i % 2 == 0 ? "Nữ" : "Nam", 1960.0 + i % 40, i % 3 == 0 ? "CTV" : "Công chức",
                    codes.get(unit), "Chức vụ " + i % 7, 900_000_000L + i, "nguoi" + i + "@example.vn", i % 4 == 0 ? "x" : "Có",
                    id(prefix, i), null));
        }
        Path file = RosterTestData.xlsx(rows);
        rows.clear();

        Measured<ImportBatch> preview = measure(() -> imports.preview(file, "5000.xlsx", LocalDate.of(2026, 6, 1)));
        assertThat(preview.value().counts()).isEqualTo(new BatchCounts(ROWS / 2, ROWS / 2, 0, 0, 0, 0));
        Measured<RosterImports.CommitResult> commit = measure(() -> imports.commit(preview.value().id(), null));
        assertThat(commit.value()).isEqualTo(new RosterImports.CommitResult(ROWS / 2, ROWS / 2, 0));

        Measured<Boolean> undo = measure(() -> {
            imports.undo(preview.value().id());
            return true;
        });
        assertThat(jdbc.queryForObject("select count(*) from membership where person_id in (select id from person where national_id like ?)",
                Integer.class, prefix + "%")).isEqualTo(ROWS / 2);

        System.out.printf("BENCH machine.load-average %.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("BENCH roster.preview.5000 %.0f ms%n", preview.ms());
        System.out.printf("BENCH roster.commit.5000 %.0f ms%n", commit.ms());
        System.out.printf("BENCH roster.preview.5000.heap.peak %.0f MB%n", preview.heapPeakMb());
        System.out.printf("BENCH roster.preview.5000.heap.live-after-gc.peak %.0f MB%n", preview.liveAfterGcMb());
        System.out.printf("BENCH roster.commit.5000.heap.peak %.0f MB%n", commit.heapPeakMb());
        System.out.printf("BENCH roster.commit.5000.heap.live-after-gc.peak %.0f MB%n", commit.liveAfterGcMb());
        System.out.printf("BENCH roster.undo.5000 %.0f ms%n", undo.ms());
    }

    private static String id(String prefix, int i) {
        return prefix + String.format("%0" + (12 - prefix.length()) + "d", i);
    }

    record Measured<T>(T value, double ms, double heapPeakMb, double liveAfterGcMb) {
    }

    /** Times the work and samples the heap every 2 ms, and the heap left after each collection. */
    private static <T> Measured<T> measure(Supplier<T> work) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                LockSupport.parkNanos(2_000_000);
            }
        });
        AtomicLong liveAfterGc = new AtomicLong();
        NotificationListener onGc = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                liveAfterGc.accumulateAndGet(info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> HEAP_POOLS.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum(), Math::max);
            }
        };
        List<NotificationEmitter> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(NotificationEmitter.class::isInstance).map(NotificationEmitter.class::cast).toList();
        collectors.forEach(c -> c.addNotificationListener(onGc, null, null));
        long start = System.nanoTime();
        T value;
        try {
            value = work.get();
        } finally {
            running.set(false);
            collectors.forEach(c -> {
                try {
                    c.removeNotificationListener(onGc);
                } catch (javax.management.ListenerNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        double ms = (System.nanoTime() - start) / 1e6;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Measured<>(value, ms, peak.get() / 1024.0 / 1024.0, liveAfterGc.get() / 1024.0 / 1024.0);
    }
}
