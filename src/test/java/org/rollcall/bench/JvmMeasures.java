package org.rollcall.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * What a benchmark step costs the JVM: the peak heap (reset the pools' peaks before, sum them after:
 * an upper bound) and the process's CPU time (robust to a busy shared machine, unlike wall time).
 */
public final class JvmMeasures {

    private JvmMeasures() {
    }

    public static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Bytes: the sum of the heap pools' peaks since {@link #resetPeaks}. */
    public static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Nanoseconds of CPU the whole process (all its threads, H2's writers too) has used. */
    public static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
