package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.time.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where the RS485 driver's timed work runs ({@code Rs485Timing}, {@code Rs485ResponseTimer}): on the transport's I/O
 * scheduler when the caller's scheduler is on the system clock, on the caller's one on a virtual clock; and a poll's
 * answered requests cost no timer task each. Real threads, real time, the captured replies of
 * {@link FakeRs485Battery}; nothing is asserted about speed.
 */
class Rs485TimingTest {

    final ScheduledExecutorService ioThread = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "pylon4j-test-io"));
    final ScheduledExecutorService callersThread = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "pylon4j-test-callers"));
    final FakeRs485Battery battery = new FakeRs485Battery();
    final List<String> writers = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    final FakeByteTransport link = new FakeByteTransport("fake-serial:timing", bytes -> {
        writers.add(Thread.currentThread().getName());
        requests.incrementAndGet();
        return battery.apply(bytes);
    }).deliverInline();
    PylonDriver driver;

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.close();
        }
        ioThread.shutdownNow();
        callersThread.shutdownNow();
    }

    @Test
    void pollsAndTimeoutsRunOnTheTransportsIoThread() throws Exception {
        battery.dropNext = 1; // the first request (0x51) goes unanswered: its retry comes from the timeout
        link.withIoScheduler(Scheduler.of(ioThread));
        start(InverterProfile.GENERIC_PYLON.toBuilder().rs485ResponseTimeout(Duration.ofMillis(50)).build(),
                Scheduler.of(callersThread));

        await(() -> driver.counters().rs485Retries() >= 1 && requests.get() >= 5);

        assertThat(writers).isNotEmpty().allMatch("pylon4j-test-io"::equals);
    }

    @Test
    void onAVirtualClockEverythingStaysOnTheCallersScheduler() {
        CountingScheduler io = new CountingScheduler(Scheduler.of(ioThread));
        link.withIoScheduler(io);
        ManualClock clock = new ManualClock();
        ManualScheduler manual = new ManualScheduler(clock.source());
        driver = PylonDriver.rs485(link, DriverOptions.builder("timing").time(clock).scheduler(manual)
                .eventExecutor(Runnable::run).build());
        driver.start();

        manual.advance(Duration.ZERO); // the first cycle, on the test's thread, as before
        manual.advance(Duration.ofSeconds(3));

        assertThat(io.calls.get()).isZero();
        assertThat(writers).isNotEmpty().allMatch(Thread.currentThread().getName()::equals);
    }

    @Test
    void aThousandAnsweredRequestsCostOneTimeoutTask() throws Exception {
        CountingScheduler timers = new CountingScheduler(Scheduler.of(callersThread));
        start(InverterProfile.GENERIC_PYLON.toBuilder().rs485PollInterval(Duration.ofMillis(1))
                .rs485ResponseTimeout(Duration.ofSeconds(30)).build(), timers);

        await(() -> driver.counters().rs485Replies() >= 1_000);
        driver.close();

        assertThat(driver.counters().rs485Timeouts()).isZero();
        // before: one schedule and one cancel per request; now the one wake-up, 30 s out, waits for the last request
        assertThat(timers.oneShots.get()).isLessThanOrEqualTo(2);
        assertThat(timers.cancelledOneShots.get()).isLessThanOrEqualTo(1); // at close
    }

    private void start(InverterProfile profile, Scheduler scheduler) {
        driver = PylonDriver.rs485(link, DriverOptions.builder("timing").profile(profile).scheduler(scheduler)
                .eventExecutor(Runnable::run).build());
        driver.start();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited 20 s").isNegative();
            Thread.sleep(5);
        }
    }

    /** A scheduler on the system clock that counts what is asked of it. */
    static final class CountingScheduler implements Scheduler {
        final Scheduler delegate;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger oneShots = new AtomicInteger();
        final AtomicInteger cancelledOneShots = new AtomicInteger();

        CountingScheduler(Scheduler delegate) {
            this.delegate = delegate;
        }

        @Override
        public Cancellable scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period) {
            calls.incrementAndGet();
            return delegate.scheduleAtFixedRate(task, initialDelay, period);
        }

        @Override
        public Cancellable schedule(Runnable task, Duration delay) {
            calls.incrementAndGet();
            oneShots.incrementAndGet();
            Cancellable c = delegate.schedule(task, delay);
            return () -> {
                cancelledOneShots.incrementAndGet();
                c.close();
            };
        }

        @Override
        public boolean onSystemClock() {
            return true;
        }
    }
}
