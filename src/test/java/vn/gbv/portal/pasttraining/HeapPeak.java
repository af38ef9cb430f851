package vn.gbv.portal.pasttraining;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap an action needs, measured two ways while it runs: the highest heap in use sampled every
 * 5 ms (garbage included, so an upper bound that depends on when the collector runs), and the
 * highest heap still in use after a garbage collection (close to what the action holds on to).
 * Both are reported as growth over the heap in use, after a collection, before the action.
 */
final class HeapPeak implements AutoCloseable {

    private final long baseline;
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final Thread sampler;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener;
    private volatile boolean running = true;

    HeapPeak() {
        System.gc();
        baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        peakUsed.set(baseline);
        peakAfterGc.set(baseline);
        listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                        .filter(u -> u != null).mapToLong(MemoryUsage::getUsed).sum();
                // Only the heap pools: subtract the non-heap ones listed by name.
                long nonHeap = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> isNonHeap(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                peakAfterGc.accumulateAndGet(after - nonHeap, Math::max);
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        sampler = Thread.ofPlatform().daemon().name("heap-peak").start(() -> {
            while (running) {
                peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private static boolean isNonHeap(String pool) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .anyMatch(p -> p.getName().equals(pool) && p.getType() == java.lang.management.MemoryType.NON_HEAP);
    }

    /** Growth of the sampled heap in use, in MB. */
    double usedMb() {
        return (peakUsed.get() - baseline) / 1024.0 / 1024.0;
    }

    /** Growth of the heap in use after a collection, in MB (0 when no collection ran). */
    double afterGcMb() {
        return Math.max(0, peakAfterGc.get() - baseline) / 1024.0 / 1024.0;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
