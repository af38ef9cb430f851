package vn.gbv.portal.pasttraining;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap an action needs, measured two ways while it runs: the highest heap in use sampled every
 * 5 ms (garbage included, so an upper bound that depends on when the collector runs), and the
 * highest heap still in use right after a full collection, forced every 300 ms (what the action
 * holds on to at that moment). Both are reported as growth over the heap in use, after a
 * collection, before the action. The second used to be read from the collector's own
 * notifications; after a young collection those still count old-generation garbage, which made
 * the figure depend on the collector's timing (a bounded import measured 60 MB in one run and
 * 160 MB in the next).
 */
final class HeapPeak implements AutoCloseable {

    private static final long FULL_GC_EVERY_MS = 300;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long baseline;
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final Thread sampler;
    private final Thread collector;
    private volatile boolean running = true;

    HeapPeak() {
        System.gc();
        baseline = memory.getHeapMemoryUsage().getUsed();
        peakUsed.set(baseline);
        peakAfterGc.set(baseline);
        sampler = Thread.ofPlatform().daemon().name("heap-peak").start(() -> {
            while (running) {
                peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                if (!pause(5)) {
                    return;
                }
            }
        });
        collector = Thread.ofPlatform().daemon().name("heap-live").start(() -> {
            while (pause(FULL_GC_EVERY_MS) && running) {
                System.gc();
                peakAfterGc.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            }
        });
    }

    private static boolean pause(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Growth of the sampled heap in use, in MB. */
    double usedMb() {
        return (peakUsed.get() - baseline) / 1024.0 / 1024.0;
    }

    /** Growth of the heap in use after a forced full collection, in MB (0 when the action ended before the first). */
    double afterGcMb() {
        return Math.max(0, peakAfterGc.get() - baseline) / 1024.0 / 1024.0;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        collector.interrupt();
        try {
            collector.join();
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
