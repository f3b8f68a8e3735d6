package no.bosetting.allocation.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Peak heap use of one method: pools' peaks are reset before it runs and summed afterwards. */
final class HeapMeter {

    private HeapMeter() {
    }

    private static long cpuAtReset;

    static void reset() {
        System.gc();
        cpuAtReset = processCpuNanos();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** CPU seconds the whole process used since {@link #reset()}, all threads together. */
    static double cpuSeconds() {
        return (processCpuNanos() - cpuAtReset) / 1e9;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0L;
    }

    /** Sum of per-pool peaks; an upper estimate, as pools may peak at different moments. */
    static double peakMiB() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / (1024.0 * 1024.0);
    }
}
