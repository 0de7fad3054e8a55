package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The event thread many drivers share: order, failures, parking when idle, and a close that leaves no thread. */
class SharedEventThreadTest {

    @Test
    void runsTasksOnItsOwnNamedThreadInTheOrderTheyWereHandedOver() throws Exception {
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<String> threadName = new AtomicReference<>();
        try (SharedEventThread events = new SharedEventThread("order")) {
            for (int i = 0; i < 10_000; i++) {
                int n = i;
                events.execute(() -> ran.add(n));
            }
            CountDownLatch done = new CountDownLatch(1);
            events.execute(() -> {
                threadName.set(Thread.currentThread().getName());
                done.countDown();
            });
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(events.submittedTasks()).isEqualTo(10_001);
        }
        assertThat(threadName.get()).isEqualTo("pylon4j-events-order");
        assertThat(ran).hasSize(10_000);
        for (int i = 0; i < ran.size(); i++) {
            assertThat(ran.get(i)).isEqualTo(i);
        }
    }

    @Test
    void manyProducersEachKeepTheirOrderAndNoTaskIsLostAcrossParks() throws Exception {
        int producers = 4;
        int perProducer = 2_000;
        int[] last = new int[producers];
        AtomicInteger outOfOrder = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(producers * perProducer);
        try (SharedEventThread events = new SharedEventThread("producers", Duration.ZERO)) {
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int producer = p;
                last[p] = -1;
                Thread t = new Thread(() -> {
                    for (int i = 0; i < perProducer; i++) {
                        int n = i;
                        events.execute(() -> { // runs on the one event thread: last[] needs no lock
                            if (n != last[producer] + 1) {
                                outOfOrder.incrementAndGet();
                            }
                            last[producer] = n;
                            all.countDown();
                        });
                        if (i % 100 == 0) {
                            LockSupportSleep.micros(200); // let the event thread run dry and park between bursts
                        }
                    }
                }, "test-producer-" + p);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(all.await(10, TimeUnit.SECONDS)).as("every task ran, none lost to a missed wake-up").isTrue();
            assertThat(outOfOrder).hasValue(0);
        }
    }

    @Test
    void aTaskThatThrowsIsCountedAndTheThreadGoesOn() throws Exception {
        try (SharedEventThread events = new SharedEventThread("failing")) {
            CountDownLatch after = new CountDownLatch(1);
            events.execute(() -> {
                throw new IllegalStateException("a listener's bug");
            });
            events.execute(() -> {
                throw new AssertionError("an error, too");
            });
            events.execute(after::countDown);
            assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(events.failedTasks()).isEqualTo(2);
            assertThat(events.isAlive()).isTrue();
        }
    }

    @Test
    void parksWhenIdleAfterItsSpinAndWakesForTheNextTask() throws Exception {
        try (SharedEventThread events = new SharedEventThread("idle", Duration.ofNanos(50_000))) {
            CountDownLatch first = new CountDownLatch(1);
            events.execute(first::countDown);
            assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
            Thread thread = threadNamed("pylon4j-events-idle");
            awaitState(thread, Thread.State.WAITING); // parked, not spinning: an idle application costs no CPU
            long parks = events.parks();
            assertThat(parks).isPositive();

            CountDownLatch second = new CountDownLatch(1);
            events.execute(second::countDown);
            assertThat(second.await(10, TimeUnit.SECONDS)).as("a parked thread is woken").isTrue();
            awaitState(thread, Thread.State.WAITING);
            assertThat(events.parks()).isGreaterThan(parks);
        }
    }

    @Test
    void closeRunsWhatIsQueuedThenEndsTheThreadAndRefusesNewTasks() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        SharedEventThread events = new SharedEventThread("closing");
        CountDownLatch release = new CountDownLatch(1);
        events.execute(() -> awaitQuietly(release));
        for (int i = 0; i < 100; i++) {
            events.execute(ran::incrementAndGet);
        }
        release.countDown();
        events.close();
        assertThat(ran).hasValue(100);
        assertThat(events.isAlive()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("pylon4j-events-closing"));
        assertThatThrownBy(() -> events.execute(ran::incrementAndGet)).isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("pylon4j-events-closing is closed");
        events.close(); // idempotent
    }

    @Test
    void closeFromATaskOnTheEventThreadDoesNotWaitForItself() throws Exception {
        SharedEventThread events = new SharedEventThread("self-close");
        CountDownLatch closed = new CountDownLatch(1);
        events.execute(() -> {
            events.close();
            closed.countDown();
        });
        assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
        events.close();
        assertThat(events.isAlive()).isFalse();
    }

    @Test
    void rejectsASpinOutsideZeroToOneMillisecond() {
        assertThatThrownBy(() -> new SharedEventThread("x", Duration.ofMillis(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spin");
        assertThatThrownBy(() -> new SharedEventThread("x", Duration.ofNanos(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Thread threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != state && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(thread.getState()).isEqualTo(state);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A short pause for the producers, without a checked exception. */
    private static final class LockSupportSleep {
        static void micros(long micros) {
            java.util.concurrent.locks.LockSupport.parkNanos(micros * 1_000);
        }
    }
}
