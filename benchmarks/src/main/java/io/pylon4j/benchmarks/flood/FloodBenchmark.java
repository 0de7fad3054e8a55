package io.pylon4j.benchmarks.flood;

import io.pylon4j.can.CanFrame;
import io.pylon4j.can.ChargeDischargeLimits;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.EventSubscription;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.virtual.VirtualTransportProvider;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * The flood of issue 13, run by hand: a CAN peer on a {@code virtual:} bus sends 0x351 with a new charge current
 * limit every frame, as fast as the bus takes it, against a driver whose two consumers are stuck (a listener blocked
 * inside its first event, a {@link Flow.Subscriber} that never requests). Every {@code step} seconds it prints the
 * frames sent and received, the events coalesced, the largest queue and the heap in use after a full GC. The heap
 * must stay flat; run with a small heap so that growth would end in an {@code OutOfMemoryError}:
 *
 * <pre>
 * java -Xmx64m -cp benchmarks/target/benchmarks.jar io.pylon4j.benchmarks.flood.FloodBenchmark 60 5
 * </pre>
 *
 * Figures: {@code benchmarks/README.md}, "Flood against a blocked consumer".
 */
public final class FloodBenchmark {

    private FloodBenchmark() {
    }

    /**
     * Runs the flood.
     *
     * @param args the run's length in seconds (60) and the reporting step in seconds (5)
     */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int step = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        PylonCanCodec codec = PylonCanCodec.standard();
        CanFrame[] flapping = {codec.encode(new ChargeDischargeLimits(532, 500, 1000, 450)),
                codec.encode(new ChargeDischargeLimits(532, 600, 1000, 450))};
        VirtualTransportProvider virtual = new VirtualTransportProvider();
        CountDownLatch never = new CountDownLatch(1);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (CanTransport peer = virtual.canBus("flood").newMember();
             CanTransport link = virtual.canBus("flood").newMember();
             PylonDriver driver = PylonDriver.can(link, DriverOptions.defaults("flood"))) {
            peer.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            EventSubscription blocked = driver.addListener(e -> {
                try {
                    never.await(); // a consumer whose output is blocked for good
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            });
            EventSubscription[] silent = new EventSubscription[1];
            driver.events().subscribe(new Flow.Subscriber<BankEvent>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {
                    silent[0] = (EventSubscription) s; // and never requests
                }

                @Override
                public void onNext(BankEvent item) {
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onComplete() {
                }
            });
            driver.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
            System.out.printf(Locale.ROOT, "%6s %12s %12s %12s %10s %10s %10s%n", "t [s]", "frames sent",
                    "frames in", "coalesced", "max queue", "queued", "heap [MB]");
            report(0, 0, driver.counters().canFrames(), 0, 0, 0, memory);
            long start = System.nanoTime();
            long sent = 0;
            for (int s = step; s <= seconds; s += step) {
                long due = start + TimeUnit.SECONDS.toNanos(s);
                while (System.nanoTime() < due) {
                    for (int i = 0; i < 200; i++) {
                        peer.send(flapping[(int) (sent++ & 1)]);
                    }
                    Thread.onSpinWait();
                }
                int maxQueue = Math.max(blocked.maxQueuedEvents(), silent[0].maxQueuedEvents());
                int queued = blocked.queuedEvents() + silent[0].queuedEvents();
                report(s, sent, driver.counters().canFrames(), driver.counters().coalescedEvents(), maxQueue,
                        queued, memory);
            }
            never.countDown();
        }
    }

    private static void report(int second, long sent, long received, long coalesced, int maxQueue, int queued,
                               MemoryMXBean memory) {
        System.gc();
        double heapMegabytes = memory.getHeapMemoryUsage().getUsed() / 1e6;
        System.out.printf(Locale.ROOT, "%6d %12d %12d %12d %10d %10d %10.1f%n", second, sent, received, coalesced,
                maxQueue, queued, heapMegabytes);
    }
}
