package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Delivery, ordering, demand, back-pressure and completion of {@link EventPublisher}, on a manual executor. */
class EventPublisherTest {

    final ManualExecutor executor = new ManualExecutor();
    final EventPublisher publisher = new EventPublisher(executor, 4, 64);

    static BankEvent measurement(int i) {
        return new BankEvent.MeasurementsUpdated("b", ManualClock.T0.plusMillis(i), Source.CAN,
                Measurements.builder().socPercent(i).build());
    }

    static BankEvent alarm(int i) {
        return new BankEvent.AlarmRaised("b", ManualClock.T0.plusMillis(i), Source.CAN, Alarm.HIGH_VOLTAGE,
                Alarm.Level.WARNING);
    }

    static BankEvent state(int i) {
        return new BankEvent.SupervisionStateChanged("b", ManualClock.T0.plusMillis(i), SupervisionState.FRESH,
                SupervisionState.STALE, "test " + i);
    }

    /** Records every signal; requests {@code initial} on subscribe. */
    static class Recorder implements Flow.Subscriber<BankEvent> {
        final long initial;
        final List<BankEvent> items = new ArrayList<>();
        final List<String> signals = new ArrayList<>();
        Flow.Subscription subscription;
        Throwable error;

        Recorder(long initial) {
            this.initial = initial;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            signals.add("subscribe");
            if (initial > 0) {
                s.request(initial);
            }
        }

        @Override
        public void onNext(BankEvent item) {
            items.add(item);
            signals.add("next");
        }

        @Override
        public void onError(Throwable t) {
            error = t;
            signals.add("error");
        }

        @Override
        public void onComplete() {
            signals.add("complete");
        }
    }

    @Test
    void nothingIsDeliveredOnTheSubmittingThread() {
        List<BankEvent> got = new ArrayList<>();
        publisher.addListener(got::add);
        executor.runAll();
        assertThat(publisher.submit(alarm(1))).isTrue();
        assertThat(got).isEmpty();
        assertThat(executor.pending()).isEqualTo(1);
        executor.runAll();
        assertThat(got).containsExactly(alarm(1));
    }

    @Test
    void listenerRunsOnTheExecutorThreadNotTheSubmitter() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-listener"));
        try (EventPublisher pub = new EventPublisher(pool)) {
            CountDownLatch seen = new CountDownLatch(1);
            List<String> threads = new CopyOnWriteArrayList<>();
            pub.addListener(e -> {
                threads.add(Thread.currentThread().getName());
                seen.countDown();
            });
            pub.submit(alarm(1));
            assertThat(seen.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(threads).containsExactly("test-listener");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eventsArriveInSubmissionOrder() {
        EventPublisher big = new EventPublisher(executor, 1000, 7);
        List<BankEvent> got = new ArrayList<>();
        big.addListener(got::add);
        List<BankEvent> sent = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            BankEvent e = i % 3 == 0 ? alarm(i) : measurement(i);
            sent.add(e);
            big.submit(e);
        }
        executor.runAll();
        assertThat(got).containsExactlyElementsOf(sent);
    }

    @Test
    void aTaskYieldsTheExecutorAfterOneBatch() {
        EventPublisher batched = new EventPublisher(executor, 1000, 10);
        List<BankEvent> got = new ArrayList<>();
        batched.addListener(got::add);
        executor.runAll();
        for (int i = 0; i < 25; i++) {
            batched.submit(alarm(i));
        }
        executor.runNext();
        assertThat(got).hasSize(10);
        assertThat(executor.pending()).isEqualTo(1);
        executor.runNext();
        assertThat(got).hasSize(20);
        executor.runAll();
        assertThat(got).hasSize(25);
    }

    @Test
    void fullQueueDropsTheOldestMeasurementAndCountsIt() {
        List<BankEvent> got = new ArrayList<>();
        EventSubscription sub = publisher.addListener(got::add);
        executor.runAll();
        // the listener's executor never runs while we submit: a stalled consumer
        publisher.submit(measurement(1));
        publisher.submit(alarm(2));
        publisher.submit(measurement(3));
        publisher.submit(measurement(4));
        publisher.submit(measurement(5)); // full: drops measurement 1
        publisher.submit(alarm(6)); // full: drops measurement 3
        assertThat(sub.droppedEvents()).isEqualTo(2);
        assertThat(publisher.droppedEvents()).isEqualTo(2);
        assertThat(sub.queuedEvents()).isEqualTo(4);
        executor.runAll();
        assertThat(got).containsExactly(alarm(2), measurement(4), measurement(5), alarm(6));
    }

    @Test
    void nonDroppableEventsAreNeverDroppedAndGrowPastTheBound() {
        List<BankEvent> got = new ArrayList<>();
        EventSubscription sub = publisher.addListener(got::add);
        executor.runAll();
        for (int i = 0; i < 10; i++) {
            publisher.submit(i % 2 == 0 ? alarm(i) : state(i));
        }
        assertThat(sub.droppedEvents()).isZero();
        assertThat(sub.queuedEvents()).isEqualTo(10);
        assertThat(sub.maxQueuedEvents()).isEqualTo(10);
        executor.runAll();
        assertThat(got).hasSize(10);
    }

    @Test
    void aMeasurementArrivingAtAQueueFullOfAlarmsIsItselfDropped() {
        List<BankEvent> got = new ArrayList<>();
        EventSubscription sub = publisher.addListener(got::add);
        executor.runAll();
        for (int i = 0; i < 4; i++) {
            publisher.submit(alarm(i));
        }
        publisher.submit(measurement(9));
        assertThat(sub.droppedEvents()).isEqualTo(1);
        executor.runAll();
        assertThat(got).containsExactly(alarm(0), alarm(1), alarm(2), alarm(3));
    }

    @Test
    void aBlockedListenerNeverBlocksTheProducer() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-slow-listener"));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch drained = new CountDownLatch(1);
        List<BankEvent> got = new CopyOnWriteArrayList<>();
        try (EventPublisher pub = new EventPublisher(pool, 16, 64)) {
            EventSubscription sub = pub.addListener(e -> {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                got.add(e);
                if (e.equals(alarm(100_000))) {
                    drained.countDown();
                }
            });
            pub.submit(alarm(-1));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue(); // the listener is now stuck inside onNext
            for (int i = 0; i < 100_000; i++) {
                pub.submit(measurement(i)); // returns at once although nothing is consumed
            }
            pub.submit(alarm(100_000));
            assertThat(sub.droppedEvents()).isEqualTo(100_000 - 15);
            assertThat(sub.queuedEvents()).isEqualTo(16);
            release.countDown();
            assertThat(drained.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(sub.queuedEvents()).isZero();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        // the alarm before the flood, the newest 15 measurements in order, the alarm after it
        assertThat(got).hasSize(17);
        assertThat(got.get(0)).isEqualTo(alarm(-1));
        assertThat(got.subList(1, 16)).containsExactlyElementsOf(
                java.util.stream.IntStream.range(100_000 - 15, 100_000).mapToObj(EventPublisherTest::measurement)
                        .toList());
        assertThat(got.get(16)).isEqualTo(alarm(100_000));
    }

    @Test
    void demandIsHonoured() {
        Recorder r = new Recorder(2);
        publisher.subscribe(r);
        executor.runAll();
        publisher.submit(alarm(1));
        publisher.submit(alarm(2));
        publisher.submit(alarm(3));
        executor.runAll();
        assertThat(r.items).containsExactly(alarm(1), alarm(2));
        r.subscription.request(1);
        executor.runAll();
        assertThat(r.items).containsExactly(alarm(1), alarm(2), alarm(3));
        publisher.submit(alarm(4));
        executor.runAll();
        assertThat(r.items).hasSize(3);
    }

    @Test
    void eventsSubmittedBeforeAnyRequestWaitForDemand() {
        Recorder r = new Recorder(0);
        publisher.subscribe(r);
        publisher.submit(alarm(1));
        executor.runAll();
        assertThat(r.signals).containsExactly("subscribe");
        r.subscription.request(5);
        executor.runAll();
        assertThat(r.items).containsExactly(alarm(1));
    }

    @Test
    void nonPositiveRequestSignalsIllegalArgument() {
        Recorder r = new Recorder(0);
        publisher.subscribe(r);
        executor.runAll();
        r.subscription.request(0);
        executor.runAll();
        assertThat(r.error).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.9");
        publisher.submit(alarm(1));
        executor.runAll();
        assertThat(r.items).isEmpty();
        assertThat(publisher.subscriberCount()).isZero();
    }

    @Test
    void cancelStopsDeliveryAndForgetsQueuedEvents() {
        Recorder r = new Recorder(Long.MAX_VALUE);
        publisher.subscribe(r);
        executor.runAll();
        publisher.submit(alarm(1));
        r.subscription.cancel();
        publisher.submit(alarm(2));
        executor.runAll();
        assertThat(r.items).isEmpty();
        assertThat(publisher.subscriberCount()).isZero();
    }

    @Test
    void closeCompletesAfterQueuedEvents() {
        Recorder r = new Recorder(Long.MAX_VALUE);
        publisher.subscribe(r);
        publisher.submit(alarm(1));
        publisher.close();
        assertThat(publisher.submit(alarm(2))).isFalse();
        executor.runAll();
        assertThat(r.signals).containsExactly("subscribe", "next", "complete");
        assertThat(r.items).containsExactly(alarm(1));
        assertThat(publisher.subscriberCount()).isZero();
        publisher.close(); // idempotent
    }

    @Test
    void closeWaitsForDemandBeforeCompleting() {
        Recorder r = new Recorder(0);
        publisher.subscribe(r);
        publisher.submit(alarm(1));
        publisher.close();
        executor.runAll();
        assertThat(r.signals).containsExactly("subscribe");
        r.subscription.request(1);
        executor.runAll();
        assertThat(r.signals).containsExactly("subscribe", "next", "complete");
    }

    @Test
    void subscribingAfterCloseCompletesAtOnce() {
        publisher.close();
        Recorder r = new Recorder(0);
        publisher.subscribe(r);
        executor.runAll();
        assertThat(r.signals).containsExactly("subscribe", "complete");
    }

    @Test
    void aThrowingListenerKeepsReceivingAndIsCounted() {
        List<BankEvent> got = new ArrayList<>();
        publisher.addListener(e -> {
            got.add(e);
            throw new IllegalStateException("listener bug");
        });
        publisher.submit(alarm(1));
        publisher.submit(alarm(2));
        executor.runAll();
        assertThat(got).containsExactly(alarm(1), alarm(2));
        assertThat(publisher.listenerFailures()).isEqualTo(2);
    }

    @Test
    void aThrowingSubscriberIsCancelled() {
        Recorder bad = new Recorder(Long.MAX_VALUE) {
            @Override
            public void onNext(BankEvent item) {
                super.onNext(item);
                throw new IllegalStateException("subscriber bug");
            }
        };
        publisher.subscribe(bad);
        publisher.submit(alarm(1));
        publisher.submit(alarm(2));
        executor.runAll();
        assertThat(bad.items).containsExactly(alarm(1));
        assertThat(publisher.subscriberCount()).isZero();
    }

    @Test
    void aSlowSubscriberDoesNotCostAFastOneAnything() {
        Recorder slow = new Recorder(0);
        List<BankEvent> fast = new ArrayList<>();
        publisher.subscribe(slow);
        EventSubscription fastSub = publisher.addListener(fast::add);
        for (int i = 0; i < 10; i++) {
            publisher.submit(measurement(i));
            executor.runAll();
        }
        assertThat(fast).hasSize(10);
        assertThat(fastSub.droppedEvents()).isZero();
        assertThat(((EventSubscription) slow.subscription).droppedEvents()).isEqualTo(6);
    }

    @Test
    void rejectedTasksLeaveEventsQueuedForTheNextSubmit() {
        List<BankEvent> got = new ArrayList<>();
        publisher.addListener(got::add);
        executor.runAll();
        executor.rejecting(true);
        publisher.submit(alarm(1));
        assertThat(publisher.rejectedExecutions()).isEqualTo(1);
        executor.rejecting(false);
        publisher.submit(alarm(2));
        executor.runAll();
        assertThat(got).containsExactly(alarm(1), alarm(2));
    }

    @Test
    void rejectedFirstTaskIsRetried() {
        executor.rejecting(true);
        List<BankEvent> got = new ArrayList<>();
        publisher.addListener(got::add);
        executor.rejecting(false);
        publisher.submit(alarm(1));
        executor.runAll();
        assertThat(got).containsExactly(alarm(1));
    }

    @Test
    void listenerCloseRemovesIt() {
        List<BankEvent> got = new ArrayList<>();
        EventSubscription sub = publisher.addListener(got::add);
        executor.runAll();
        sub.close();
        publisher.submit(alarm(1));
        executor.runAll();
        assertThat(got).isEmpty();
    }

    @Test
    void droppableClassification() {
        assertThat(measurement(1).droppable()).isTrue();
        assertThat(new BankEvent.ModuleDetailsUpdated("b", Instant.EPOCH, Source.RS485,
                ModuleDetails.builder(2).build()).droppable()).isTrue();
        assertThat(alarm(1).droppable()).isFalse();
        assertThat(state(1).droppable()).isFalse();
        assertThat(new BankEvent.AlarmCleared("b", Instant.EPOCH, Source.CAN, Alarm.GENERAL, Alarm.Level.ALARM)
                .droppable()).isFalse();
        assertThat(new BankEvent.RequestFlagsChanged("b", Instant.EPOCH, Source.CAN, RequestFlags.NORMAL)
                .droppable()).isFalse();
        assertThat(new BankEvent.ModuleCountChanged("b", Instant.EPOCH, Source.CAN, java.util.OptionalInt.empty(),
                4).droppable()).isFalse();
        assertThat(BankEvent.Type.LIMITS_CHANGED.droppable()).isFalse();
    }
}
