package io.pylon4j.benchmarks.scale;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/**
 * Bytes allocated so far by this JVM's Netty event-loop threads ({@code pylon4j-netty-…}), the I/O threads on which
 * every RS485 reply is framed, decoded and applied to its bank's model: over a window, divided by the replies, it is
 * the garbage one reply costs, a figure the load of the machine hardly changes (unlike CPU time). HotSpot's
 * {@code com.sun.management.ThreadMXBean}; −1 where the JVM does not count allocations.
 */
final class IoThreadAllocation {

    private static final String IO_THREAD_PREFIX = "pylon4j-netty-";

    private IoThreadAllocation() {
    }

    /** The I/O threads' allocated bytes so far (a thread that ended meanwhile no longer counts), or −1. */
    static long allocatedBytes() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)
                || !threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
            return -1;
        }
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            if (info != null && info.getThreadName().startsWith(IO_THREAD_PREFIX)) {
                long bytes = threads.getThreadAllocatedBytes(id);
                sum += Math.max(0, bytes);
            }
        }
        return sum;
    }
}
