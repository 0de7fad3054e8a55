package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.can.ChargeDischargeLimits;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.EventSubscription;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.virtual.VirtualTransportProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code pylon monitor --json} against a CAN peer on a {@code virtual:} bus that flaps 0x351 (a new charge current
 * limit every frame) while the command's output is blocked: the events waiting for the output stay bounded (the
 * driver's coalescing queue, nothing of the command's own), and once the output drains the newest limits are printed.
 */
class MonitorFloodTest {

    /** An output that blocks every write until released, as a full pipe to a stopped reader does. */
    static final class BlockedWriter extends Writer {
        final CountDownLatch released = new CountDownLatch(1);
        final CountDownLatch firstWrite = new CountDownLatch(1);
        final StringWriter written = new StringWriter();

        @Override
        public void write(char[] buf, int off, int len) {
            firstWrite.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (written) {
                written.write(buf, off, len);
            }
        }

        String text() {
            synchronized (written) {
                return written.toString();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    static CanFrame limits(int chargeCurrentDeciAmps) {
        return PylonCanCodec.standard().encode(new ChargeDischargeLimits(532, chargeCurrentDeciAmps, 1000, 450));
    }

    @Test
    void aFloodOfLimitsAgainstABlockedOutputHoldsABoundedQueueAndPrintsTheNewestLimitsWhenItDrains()
            throws Exception {
        VirtualTransportProvider virtual = new VirtualTransportProvider();
        MonitorCommand command = new MonitorCommand();
        command.transports = new Transports(List.of(virtual));
        BlockedWriter out = new BlockedWriter();
        Thread monitor = new Thread(() -> new CommandLine(command).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(new StringWriter())).execute("--can", "virtual:flood", "--json"),
                "test-monitor");
        try (CanTransport peer = virtual.canBus("flood").newMember()) {
            peer.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            monitor.start();
            // the first event (CONNECTING → FRESH) gets stuck in the output: a blocked consumer from here on
            while (!out.firstWrite.await(20, TimeUnit.MILLISECONDS)) {
                peer.send(limits(1000));
            }
            int frames = 30_000;
            for (int i = 0; i < frames; i++) {
                peer.send(limits(i % 2 == 0 ? 500 : 600)); // flapping: every frame new limits
                if (i % 200 == 199) {
                    Thread.sleep(2); // let the driver keep up with the bus (whose own queue drops, counted)
                }
            }
            EventSubscription sub = (EventSubscription) command.events.subscription();
            // far more limits than the bound reached the queue while the output was blocked
            awaitTrue(() -> sub.coalescedEvents() > 2_000);
            // the bound (256) plus one per distinct thing; nothing else of the command's holds events
            assertThat(sub.maxQueuedEvents()).isLessThanOrEqualTo(DriverOptions.defaults("b").eventBuffer() + 10);
            peer.send(limits(777));
            out.released.countDown();
            awaitTrue(() -> out.text().contains("\"chargeCurrentLimitAmps\":77.7"));
            String[] lines = out.text().strip().split("\n");
            assertThat(lines.length).isLessThan(frames / 10);
        } finally {
            out.released.countDown();
            monitor.interrupt();
            monitor.join(10_000);
        }
        assertThat(monitor.isAlive()).isFalse();
    }

    static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
