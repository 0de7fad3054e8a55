package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pylon4j.rs485.AlarmInfo;
import io.pylon4j.rs485.InfoFlag;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.ByteListener;
import io.pylon4j.transport.ByteStreamTransport;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How many bytes the driver allocates, on the thread that delivers it, for one RS485 reply of a steady poll cycle
 * (0x42 whole stack, 0x44 whole stack, 0x92) of a three-module stack answering with captured frames, once its classes
 * are loaded: the frame reader, the reply's decoding, the mapping, the model, the snapshot, the events handed to the
 * publisher and the next request. Allocation is a count, not a time, so it is the same on a loaded machine; it is
 * what the I/O thread of the scale benchmark allocates per reply (benchmarks/README.md, "what a reply allocates").
 * The transport here allocates nothing per reply (its replies are made once), so every byte counted is the driver's
 * (and the {@link ManualScheduler}'s response timer, a task per request, as a real scheduler's).
 */
class ReplyAllocationTest {

    /** Replies of the steady cycle measured (each type this many times, after as many to warm up). */
    private static final int CYCLES = 200;

    /*
     * The budget per reply type, a little above what the driver allocates (bytes per reply, JDK 17; the figures of
     * benchmarks/README.md, "what a reply allocates"). Before branch s10-alloc: 0x42 8,744, 0x44 7,944, 0x92 4,968
     * (the snapshot copied the field stamps and links twice and the alarms and module stamps into new trees, a
     * reply's unchanged module details were merged into a new record to find them equal, each alarm report built
     * its channel's key, each input's events were copied into the batch through a new array); after it: 7,864,
     * 6,968, 4,040; with branch s10-groups' silent-group bookkeeping merged: 7,920, 7,024, 4,152. Branch s11-cpu
     * (cells, temperatures and state bytes wrapped as primitive-backed immutable lists instead of boxed into lists
     * copied twice, a 0x44 block's state arrays read once, the alarm channels made once, no builder per module, an
     * input's events list reused, no lambdas per reply in the strategy): 4,808, 3,720, 3,808; its second round (the fields
     * and modules of one reply share one stamp, a snapshot's link statuses made without optionals of optionals, the
     * frozen enum maps without a second wrapper): 4,632, 3,576, 3,352.
     */
    private static final long MAX_42 = 4_680;
    private static final long MAX_44 = 3_620;
    private static final long MAX_92 = 3_400;

    final ManualClock clock = new ManualClock();
    final ManualScheduler scheduler = new ManualScheduler(clock.source());
    final ManualExecutor executor = new ManualExecutor();
    final CannedBattery link = new CannedBattery();
    PylonDriver driver;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void aSteadyCycleReplyAllocatesWithinItsBudget() {
        AllocatedBytes threads = AllocatedBytes.ofCurrentThread();
        assumeTrue(threads != null, "this JVM does not count a thread's allocated bytes");
        driver = PylonDriver.rs485(link, DriverOptions.builder("bank-485").time(clock).scheduler(scheduler)
                .eventExecutor(executor).build());
        driver.addListener(e -> { });
        driver.start();
        scheduler.advance(Duration.ZERO);
        while (link.deliver()) {
            executor.runAll(); // the start-up cycle: 0x51, 0x47, then per-module 0x93/0x96
        }
        assertThat(driver.status().modules()).containsOnlyKeys(2, 3, 4);

        long[] warm = cycles(threads, CYCLES);
        long[] bytes = cycles(threads, CYCLES);
        System.out.printf("bytes per reply: 0x42 %d, 0x44 %d, 0x92 %d (warm-up: %d, %d, %d)%n",
                bytes[0] / CYCLES, bytes[1] / CYCLES, bytes[2] / CYCLES,
                warm[0] / CYCLES, warm[1] / CYCLES, warm[2] / CYCLES);

        assertThat(driver.status().supervisionState()).isEqualTo(SupervisionState.FRESH);
        assertThat(driver.counters().rs485Timeouts()).isZero();
        assertThat(bytes[0] / CYCLES).as("bytes allocated per 0x42 reply").isLessThanOrEqualTo(MAX_42);
        assertThat(bytes[1] / CYCLES).as("bytes allocated per 0x44 reply").isLessThanOrEqualTo(MAX_44);
        assertThat(bytes[2] / CYCLES).as("bytes allocated per 0x92 reply").isLessThanOrEqualTo(MAX_92);
    }

    /** Runs {@code n} poll cycles; the bytes the test thread allocated delivering each reply type, summed. */
    private long[] cycles(AllocatedBytes threads, int n) {
        long[] sum = new long[3];
        for (int i = 0; i < n; i++) {
            scheduler.advance(Duration.ofSeconds(1)); // the cycle starts: the 0x42 request is written
            for (int k = 0; k < 3; k++) {
                assertThat(link.pendingCommand).isEqualTo(CannedBattery.CYCLE[k]);
                long before = threads.read();
                link.deliver();
                sum[k] += threads.read() - before - threads.overhead;
                executor.runAll(); // the event thread's work, not counted
            }
        }
        return sum;
    }

    /**
     * The current thread's allocated bytes ({@code com.sun.management.ThreadMXBean}, which this module does not read
     * at compile time: called through a method handle, whose own allocation per reading is measured and subtracted).
     */
    static final class AllocatedBytes {

        private final MethodHandle read;
        final long overhead;

        private AllocatedBytes(MethodHandle read) {
            this.read = read;
            read();
            read();
            long a = read();
            long b = read();
            this.overhead = b - a;
        }

        static AllocatedBytes ofCurrentThread() {
            try {
                Object bean = ManagementFactory.getThreadMXBean();
                Class<?> type = Class.forName("com.sun.management.ThreadMXBean");
                if (!type.isInstance(bean)
                        || !(boolean) type.getMethod("isThreadAllocatedMemoryEnabled").invoke(bean)) {
                    return null;
                }
                MethodHandle h = MethodHandles.publicLookup()
                        .findVirtual(type, "getCurrentThreadAllocatedBytes", MethodType.methodType(long.class))
                        .bindTo(bean);
                return new AllocatedBytes(h);
            } catch (ReflectiveOperationException | UnsupportedOperationException e) {
                return null;
            }
        }

        long read() {
            try {
                return (long) read.invokeExact();
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }

    /**
     * The stack of {@link FakeRs485Battery} with its steady-cycle replies made once: a write only notes which reply
     * is due, and {@link #deliver} hands it to the driver as an I/O thread would.
     */
    static final class CannedBattery extends FakeTransport implements ByteStreamTransport {

        static final int[] CYCLE = {0x42, 0x44, 0x92};
        private final FakeRs485Battery startup = new FakeRs485Battery();
        private final byte[] r42 = FakeRs485Battery.wire(FakeRs485Battery.R42_STACK);
        private final byte[] r44 = new AlarmInfo(2, InfoFlag.of(0), 0xFF,
                List.of(startup.alarm, startup.alarm, startup.alarm)).toFrame().encode();
        private final byte[] r92 = FakeRs485Battery.wire(FakeRs485Battery.R92);
        private ByteListener listener;
        private byte[] pending;
        int pendingCommand = -1;

        CannedBattery() {
            super("canned:us2000");
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            requireConnected();
            int cid2 = Integer.parseInt(new String(data, offset + 7, 2, StandardCharsets.US_ASCII), 16);
            pendingCommand = cid2;
            pending = switch (cid2) {
                case 0x42 -> r42;
                case 0x44 -> r44;
                case 0x92 -> r92;
                default -> startup.apply(java.util.Arrays.copyOfRange(data, offset, offset + length));
            };
        }

        /** Hands the due reply to the driver; false if none is due. */
        boolean deliver() {
            byte[] reply = pending;
            if (reply == null) {
                return false;
            }
            pending = null;
            pendingCommand = -1;
            listener.onBytes(reply, 0, reply.length, 0L);
            return true;
        }

        @Override
        public void addByteListener(ByteListener l) {
            listener = l;
        }

        @Override
        public void removeByteListener(ByteListener l) {
            listener = null;
        }
    }
}
