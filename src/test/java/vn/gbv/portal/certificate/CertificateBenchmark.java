package vn.gbv.portal.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.jdbc.Sql;
import vn.gbv.portal.certificate.CertificateService.BulkRequest;

/**
 * Certificate figures (BENCH lines): one PDF rendered warm, a ZIP of 1,000 certificates with the
 * heap's peak while it is made, and what loading the font per document would cost. Run with
 * {@code ./mvnw -B -ntp -o -Pbenchmark test -Dtest=CertificateBenchmark}.
 */
@SpringBootTest
@Sql("/sql/test-accounts.sql")
class CertificateBenchmark {

    private static final long UNIT = 9601;
    private static final int PEOPLE = 1000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

    @Autowired CertificateService certificates;
    @Autowired JdbcTemplate jdbc;

    @Test
    void renderAndFont() throws Exception {
        CertificatePdf cached = CertificatePdf.withShippedFonts();
        CertificatePdf perDocument = CertificatePdf.openingFontFilesPerDocument(
                Path.of(CertificatePdf.class.getResource("/fonts/NotoSerif-Regular.ttf").toURI()).toString(),
                Path.of(CertificatePdf.class.getResource("/fonts/NotoSerif-Bold.ttf").toURI()).toString());
        var printed = CertificatePdfTest.sample("Đặng Thị Ngọc Ánh", "http://localhost:8080/verify/ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        for (int i = 0; i < 300; i++) {
            out.reset();
            cached.render(printed, out);
        }
        int n = 1000;
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            out.reset();
            cached.render(printed, out);
        }
        double warm = (System.nanoTime() - start) / 1e6 / n;
        double warmCpu = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 / n;
        for (int i = 0; i < 10; i++) {
            out.reset();
            perDocument.render(printed, out);
        }
        int m = 60;
        cpu = THREADS.getCurrentThreadCpuTime();
        start = System.nanoTime();
        for (int i = 0; i < m; i++) {
            out.reset();
            perDocument.render(printed, out);
        }
        double loading = (System.nanoTime() - start) / 1e6 / m;
        double loadingCpu = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 / m;
        // wall time is what a user waits; CPU time of the rendering thread shows the cost when
        // other processes share the cores (the load average is printed with it)
        System.out.printf("BENCH machine.load-average %.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("BENCH certificate.render.warm %.2f ms%n", warm);
        System.out.printf("BENCH certificate.render.warm.cpu %.2f ms%n", warmCpu);
        System.out.printf("BENCH certificate.render.font-per-document %.2f ms%n", loading);
        System.out.printf("BENCH certificate.font-per-document.ratio %.1f x%n", loading / warm);
        System.out.printf("BENCH certificate.font-per-document.ratio.cpu %.1f x%n", loadingCpu / warmCpu);
        System.out.printf("BENCH certificate.pdf.size %d KB%n", out.size() / 1024);
        assertThat(warm).isLessThan(loading);
    }

    @Test
    void zipOfAThousand() {
        thousandCompletions();
        BulkRequest request = new BulkRequest(UNIT, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), Set.of());
        // the first download issues the certificates, later ones only render them
        long start = System.nanoTime();
        long bytes = zip(request);
        System.out.printf("BENCH certificate.zip.1000.first-with-issue %.0f ms%n", (System.nanoTime() - start) / 1e6);
        zip(request);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                LockSupport.parkNanos(2_000_000);
            }
        });
        // the heap in use right after each collection: what the ZIP keeps alive, without garbage
        AtomicLong liveAfterGc = new AtomicLong();
        NotificationListener onGc = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> HEAP_POOLS.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                liveAfterGc.accumulateAndGet(used, Math::max);
            }
        };
        List<NotificationEmitter> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(NotificationEmitter.class::isInstance).map(NotificationEmitter.class::cast).toList();
        collectors.forEach(c -> c.addNotificationListener(onGc, null, null));
        // the JVM's CPU time (rendering threads included; the database is a process of its own)
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        start = System.nanoTime();
        bytes = zip(request);
        double ms = (System.nanoTime() - start) / 1e6;
        double cpuMs = (os.getProcessCpuTime() - cpu) / 1e6;
        running.set(false);
        for (NotificationEmitter c : collectors) {
            try {
                c.removeNotificationListener(onGc);
            } catch (ListenerNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        System.out.printf("BENCH machine.load-average %.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("BENCH certificate.zip.1000 %.0f ms%n", ms);
        System.out.printf("BENCH certificate.zip.1000.cpu %.0f ms%n", cpuMs);
        System.out.printf("BENCH certificate.zip.1000.heap.peak %.0f MB%n", peak.get() / 1024.0 / 1024.0);
        System.out.printf("BENCH certificate.zip.1000.heap.above-start %.0f MB%n", (peak.get() - before) / 1024.0 / 1024.0);
        System.out.printf("BENCH certificate.zip.1000.heap.live-after-gc.peak %.0f MB%n", liveAfterGc.get() / 1024.0 / 1024.0);
        System.out.printf("BENCH certificate.zip.1000.heap.live-before %.0f MB%n", before / 1024.0 / 1024.0);
        System.out.printf("BENCH certificate.zip.1000.size %d MB%n", bytes / 1024 / 1024);
        assertThat(bytes).isPositive();
    }

    private long zip(BulkRequest request) {
        CountingSink sink = new CountingSink();
        int[] last = {0};
        CertificateFixture.as("t-admin", "ADMIN", () -> certificates.writeZip(request, sink, n -> last[0] = n));
        assertThat(last[0]).isEqualTo(PEOPLE);
        return sink.count;
    }

    /** A thousand people in a ward of their own, each with one completion. */
    private void thousandCompletions() {
        CertificateFixture.load(jdbc);
        jdbc.update("insert ignore into unit (id, code, name, type, valid_from) values (?, 'T-BENCH', 'Phường Đo Hiệu Năng', 'WARD', '2025-07-01')", UNIT);
        jdbc.update("insert ignore into unit_parent (id, unit_id, parent_id, valid_from) values (?, ?, 9001, '2025-07-01')", UNIT, UNIT);
        jdbc.update("insert ignore into unit_closure (ancestor_id, descendant_id, depth) values (?, ?, 0), (9001, ?, 1)", UNIT, UNIT, UNIT);
        String[] family = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"};
        String[] middle = {"Thị", "Văn", "Đức", "Ngọc", "Minh", "Thu"};
        String[] given = {"Hương", "Việt", "Ánh", "Lan", "Dũng", "Hải", "Yến", "Quỳnh", "Tuấn", "Thảo", "Phương"};
        List<Object[]> people = new ArrayList<>();
        List<Object[]> memberships = new ArrayList<>();
        List<Object[]> completions = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            long id = 700_000 + i;
            people.add(new Object[] {id, family[i % 10] + " " + middle[i % 6] + " " + given[i % 11], i % 2 == 0 ? "F" : "M"});
            memberships.add(new Object[] {id, id, UNIT});
            completions.add(new Object[] {id, CertificateFixture.KNOWLEDGE_COURSE, CertificateFixture.KNOWLEDGE_COURSE,
                    LocalDate.of(2026, 1 + i % 10, 1 + i % 27)});
        }
        jdbc.batchUpdate("insert ignore into person (id, full_name, sex) values (?, ?, ?)", people);
        jdbc.batchUpdate("""
                insert ignore into membership (id, person_id, unit_id, category, in_target, valid_from)
                values (?, ?, ?, 'CONG_TAC_VIEN', true, '2025-07-01')""", memberships);
        jdbc.update("update certificate set replaced_by_id = null where person_id between 700000 and 709999");
        jdbc.update("delete from certificate where person_id between 700000 and 709999");
        jdbc.update("delete from completion where person_id between 700000 and 709999");
        jdbc.batchUpdate("""
                insert into completion (person_id, course_id, course_version_id, completed_on, score_percent, source, recorded_by)
                values (?, ?, ?, ?, 90, 'ONLINE', 'benchmark')""", completions);
    }

    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
