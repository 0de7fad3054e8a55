package io.pylon4j.driver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.Alarm;
import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.EventSubscription;
import io.pylon4j.driver.LimitProvenance;
import io.pylon4j.driver.LimitSource;
import io.pylon4j.driver.ManualClock;
import io.pylon4j.driver.ManualExecutor;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.PublishedLimits;
import io.pylon4j.driver.RequestFlags;
import io.pylon4j.driver.Source;
import io.pylon4j.driver.SupervisionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
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

    static BankEvent limits(int i) {
        LimitProvenance p = new LimitProvenance(LimitSource.BATTERY, OptionalDouble.of(i), "test");
        return new BankEvent.LimitsChanged("b", ManualClock.T0.plusMillis(i),
                new PublishedLimits(53.2, i, 100, OptionalDouble.empty(), p, p, p, p));
    }

    static BankEvent raised(Alarm alarm) {
        return new BankEvent.AlarmRaised("b", ManualClock.T0, Source.CAN, alarm, Alarm.Level.ALARM);
    }

    static BankEvent cleared(Alarm alarm) {
        return new BankEvent.AlarmCleared("b", ManualClock.T0, Source.CAN, alarm, Alarm.Level.ALARM);
    }

    static BankEvent transition(SupervisionState from, SupervisionState to) {
        return new BankEvent.SupervisionStateChanged("b", ManualClock.T0, from, to, "test " + from + " → " + to);
    }

    static BankEvent flags(boolean chargeEnable) {
        return new BankEvent.RequestFlagsChanged("b", ManualClock.T0, Source.CAN,
                new RequestFlags(chargeEnable, true, false, false, false));
    }

    static BankEvent moduleCount(int previous, int current) {
        return new BankEvent.ModuleCountChanged("b", ManualClock.T0, Source.CAN, OptionalInt.of(previous), current);
    }

    static BankEvent link(Source source, io.pylon4j.transport.ConnectionState from,
                          io.pylon4j.transport.ConnectionState to, String cause) {
        return new BankEvent.LinkStateChanged("b", ManualClock.T0, source, from, to,
                java.util.Optional.ofNullable(cause), 1, java.time.Duration.ofMillis(500));
    }

    static BankEvent details(int address, int cycles) {
        return new BankEvent.ModuleDetailsUpdated("b", ManualClock.T0, Source.RS485,
                ModuleDetails.builder(address).cycles(cycles).build());
    }

    /** The last event of {@code type} in {@code events}. */
    static <T extends BankEvent> T last(List<BankEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).reduce((a, b) -> b).orElseThrow();
    }

    /** Each delivered supervision change starts where the one before ended. */
    static void assertChained(List<BankEvent> events) {
        SupervisionState at = null;
        for (BankEvent e : events) {
            if (e instanceof BankEvent.SupervisionStateChanged t) {
                if (at != null) {
                    assertThat(t.previous()).as("%s after %s", t, at).isEqualTo(at);
                }
                at = t.current();
            }
        }
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
    void aFullQueueFoldsTheNewestMeasurementIntoTheQueuedOneInItsPlace() {
        List<BankEvent> got = new ArrayList<>();
        EventSubscription sub = publisher.addListener(got::add);
        executor.runAll();
        // the listener's executor never runs while we submit: a stalled consumer
        publisher.submit(measurement(1));
        publisher.submit(alarm(2));
        publisher.submit(measurement(3));
        publisher.submit(limits(4));
        publisher.submit(measurement(5)); // full: supersedes measurement 3, the newest queued
        publisher.submit(limits(6)); // full: supersedes limits 4
        assertThat(sub.coalescedEvents()).isEqualTo(2);
        assertThat(publisher.coalescedEvents()).isEqualTo(2);
        assertThat(sub.droppedEvents()).isZero();
        assertThat(publisher.droppedEvents()).isZero();
        assertThat(sub.queuedEvents()).isEqualTo(4);
        executor.runAll();
        assertThat(got).containsExactly(measurement(1), alarm(2), measurement(5), limits(6));
    }

    @Test
    void belowTheBoundEveryEventIsKeptEvenIfANewerOneSupersedesIt() {
        List<BankEvent> got = new ArrayList<>();
        EventSubscription sub = publisher.addListener(got::add);
        executor.runAll();
        publisher.submit(limits(1));
        publisher.submit(limits(2));
        publisher.submit(limits(3));
        publisher.submit(limits(4)); // the fourth fills the queue but fits
        executor.runAll();
        assertThat(got).containsExactly(limits(1), limits(2), limits(3), limits(4));
        assertThat(sub.coalescedEvents()).isZero();
    }

    @Test
    void aFullQueueStaysBoundedForEveryTypeOfEvent() {
        List<BankEvent> got = new ArrayList<>();
        EventSubscription sub = publisher.addListener(got::add);
        executor.runAll();
        for (int i = 0; i < 10_000; i++) {
            publisher.submit(limits(i));
            publisher.submit(flags(i % 2 == 0));
            publisher.submit(moduleCount(i % 3 + 1, i % 3 + 2));
            publisher.submit(i % 2 == 0 ? raised(Alarm.HIGH_VOLTAGE) : cleared(Alarm.HIGH_VOLTAGE));
            publisher.submit(transition(i % 2 == 0 ? SupervisionState.FRESH : SupervisionState.STALE,
                    i % 2 == 0 ? SupervisionState.STALE : SupervisionState.FRESH));
            publisher.submit(measurement(i));
        }
        // six things, at most one queued each beyond the bound of 4
        assertThat(sub.maxQueuedEvents()).isLessThanOrEqualTo(4 + 6);
        assertThat(sub.queuedEvents()).isLessThanOrEqualTo(4 + 6);
        executor.runAll();
        assertThat(got.size() + sub.coalescedEvents()).isEqualTo(60_000);
        assertThat(last(got, BankEvent.LimitsChanged.class)).isEqualTo(limits(9_999));
        assertThat(last(got, BankEvent.MeasurementsUpdated.class)).isEqualTo(measurement(9_999));
        assertThat(last(got, BankEvent.RequestFlagsChanged.class).flags().chargeEnable()).isFalse();
        assertThat(last(got, BankEvent.ModuleCountChanged.class).current()).isEqualTo(9_999 % 3 + 2);
    }

    @Test
    void aLinkThatFlapsWhileQueuedFoldsIntoOneChangePerLinkWithTheNewestCause() {
        var up = io.pylon4j.transport.ConnectionState.CONNECTED;
        var waiting = io.pylon4j.transport.ConnectionState.WAITING_TO_RECONNECT;
        var connecting = io.pylon4j.transport.ConnectionState.CONNECTING;
        List<BankEvent> got = new ArrayList<>();
        EventSubscription sub = publisher.addListener(got::add);
        executor.runAll();
        publisher.submit(limits(1));
        publisher.submit(link(Source.RS485, up, waiting, "connection reset by peer"));
        publisher.submit(link(Source.CAN, up, waiting, "no such device can0"));
        publisher.submit(limits(2));
        // full from here: a thousand retries of the RS485 link cost no memory, the CAN link keeps its own change
        for (int i = 0; i < 1_000; i++) {
            publisher.submit(link(Source.RS485, waiting, connecting, null));
            publisher.submit(link(Source.RS485, connecting, waiting, "connection refused by 127.0.0.1:1"));
        }
        assertThat(sub.maxQueuedEvents()).isLessThanOrEqualTo(4 + 1);
        executor.runAll();
        assertThat(got).containsExactly(limits(1),
                link(Source.RS485, up, waiting, "connection refused by 127.0.0.1:1"),
                link(Source.CAN, up, waiting, "no such device can0"), limits(2));
        assertThat(sub.coalescedEvents()).isEqualTo(2_000);
    }

    @Test
    void aMeasurementArrivingAtAQueueFullOfAlarmsIsKeptBeyondTheBound() {
        List<BankEvent> got = new ArrayList<>();
        EventSubscription sub = publisher.addListener(got::add);
        executor.runAll();
        List<Alarm> four = List.of(Alarm.HIGH_VOLTAGE, Alarm.LOW_VOLTAGE, Alarm.HIGH_TEMPERATURE,
                Alarm.LOW_TEMPERATURE);
        four.forEach(a -> publisher.submit(raised(a)));
        publisher.submit(measurement(9)); // nothing to supersede: the newest measurement is kept
        assertThat(sub.queuedEvents()).isEqualTo(5);
        assertThat(sub.coalescedEvents()).isZero();
        executor.runAll();
        assertThat(got).containsExactly(raised(four.get(0)), raised(four.get(1)), raised(four.get(2)),
                raised(four.get(3)), measurement(9));
    }

    @Test
    void supervisionTransitionsStayInOrderAndFoldIntoOneFromTheStateTheSubscriberLastSaw() {
        List<BankEvent> got = new ArrayList<>();
        EventSubscription sub = publisher.addListener(got::add);
        executor.runAll();
        publisher.submit(transition(SupervisionState.CONNECTING, SupervisionState.FRESH));
        publisher.submit(raised(Alarm.HIGH_VOLTAGE));
        publisher.submit(transition(SupervisionState.FRESH, SupervisionState.STALE));
        publisher.submit(limits(1));
        // full from here
        publisher.submit(transition(SupervisionState.STALE, SupervisionState.LOST));
        publisher.submit(transition(SupervisionState.LOST, SupervisionState.RECOVERED));
        executor.runAll();
        assertThat(got).containsExactly(transition(SupervisionState.CONNECTING, SupervisionState.FRESH),
                raised(Alarm.HIGH_VOLTAGE),
                new BankEvent.SupervisionStateChanged("b", ManualClock.T0, SupervisionState.FRESH,
                        SupervisionState.RECOVERED, "test LOST → RECOVERED"),
                limits(1));
        assertThat(sub.coalescedEvents()).isEqualTo(2);
        assertChained(got);
    }

    @Test
    void aTransitionBackToTheStateTheSubscriberLastSawFoldsToNothing() {
        List<BankEvent> got = new ArrayList<>();
        EventSubscription sub = publisher.addListener(got::add);
        executor.runAll();
        publisher.submit(transition(SupervisionState.CONNECTING, SupervisionState.FRESH));
        publisher.submit(limits(1));
        publisher.submit(limits(2));
        publisher.submit(transition(SupervisionState.FRESH, SupervisionState.STALE));
        publisher.submit(transition(SupervisionState.STALE, SupervisionState.FRESH)); // full: STALE undone
        executor.runAll();
        assertThat(got).containsExactly(transition(SupervisionState.CONNECTING, SupervisionState.FRESH),
                limits(1), limits(2));
        assertThat(sub.coalescedEvents()).isEqualTo(2);
    }

    @Test
    void anAlarmRaisedAndClearedWhileQueuedVanishesAndOthersKeepTheirOrder() {
        List<BankEvent> got = new ArrayList<>();
        EventSubscription sub = publisher.addListener(got::add);
        executor.runAll();
        publisher.submit(raised(Alarm.HIGH_VOLTAGE));
        publisher.submit(limits(1));
        publisher.submit(limits(2));
        publisher.submit(limits(3));
        publisher.submit(cleared(Alarm.HIGH_VOLTAGE)); // full: undoes the queued raise, both vanish
        publisher.submit(raised(Alarm.LOW_VOLTAGE)); // room again: kept
        publisher.submit(raised(Alarm.HIGH_VOLTAGE)); // full, nothing to fold into: kept beyond the bound
        publisher.submit(cleared(Alarm.LOW_VOLTAGE)); // full: undoes the queued raise
        executor.runAll();
        assertThat(got).containsExactly(limits(1), limits(2), limits(3), raised(Alarm.HIGH_VOLTAGE));
        assertThat(sub.coalescedEvents()).isEqualTo(4);
    }

    @Test
    void aFoldedModuleCountKeepsTheCountTheSubscriberLastSaw() {
        List<BankEvent> got = new ArrayList<>();
        publisher.addListener(got::add);
        executor.runAll();
        for (int i = 0; i < 4; i++) {
            publisher.submit(limits(i));
        }
        publisher.submit(moduleCount(4, 5)); // full: appended, nothing to fold into
        publisher.submit(moduleCount(5, 3)); // folds: 4 → 3
        publisher.submit(moduleCount(3, 6)); // folds: 4 → 6
        executor.runAll();
        BankEvent.ModuleCountChanged count = last(got, BankEvent.ModuleCountChanged.class);
        assertThat(count.previous()).hasValue(4);
        assertThat(count.current()).isEqualTo(6);
    }

    @Test
    void aModuleThatLeftWhileItsDetailsWereQueuedIsReportedGone() {
        List<BankEvent> got = new ArrayList<>();
        publisher.addListener(got::add);
        executor.runAll();
        for (int i = 0; i < 3; i++) {
            publisher.submit(limits(i));
        }
        publisher.submit(details(0x12, 1));
        publisher.submit(new BankEvent.ModuleLeft("b", ManualClock.T0, Source.RS485, 0x12)); // full
        publisher.submit(details(0x13, 1)); // full, another module: kept beyond the bound
        executor.runAll();
        assertThat(got).containsExactly(limits(0), limits(1), limits(2),
                new BankEvent.ModuleLeft("b", ManualClock.T0, Source.RS485, 0x12), details(0x13, 1));
    }

    @Test
    void aSubscriberThatNeverRequestsHoldsABoundedQueueAndGetsTheNewestLimitsWhenItDoes() {
        Recorder r = new Recorder(0);
        publisher.subscribe(r);
        executor.runAll();
        publisher.submit(transition(SupervisionState.CONNECTING, SupervisionState.FRESH));
        for (int i = 0; i < 100_000; i++) {
            publisher.submit(limits(i));
            if (i % 1000 == 0) {
                publisher.submit(raised(Alarm.HIGH_VOLTAGE));
                publisher.submit(cleared(Alarm.HIGH_VOLTAGE));
            }
        }
        EventSubscription sub = (EventSubscription) r.subscription;
        assertThat(sub.maxQueuedEvents()).isLessThanOrEqualTo(4 + 3);
        r.subscription.request(Long.MAX_VALUE);
        executor.runAll();
        assertThat(last(r.items, BankEvent.LimitsChanged.class)).isEqualTo(limits(99_999));
        assertThat(r.items.size() + sub.coalescedEvents()).isEqualTo(1 + 100_000 + 2 * 100);
        assertThat(sub.queuedEvents()).isZero();
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
            // the first 16 measurements filled the queue; every later one superseded the newest queued
            assertThat(sub.coalescedEvents()).isEqualTo(100_000 - 16);
            assertThat(sub.queuedEvents()).isEqualTo(17);
            release.countDown();
            assertThat(drained.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(sub.queuedEvents()).isZero();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        // the alarm before the flood, the first 15 measurements, the newest one, the alarm after it
        assertThat(got).hasSize(18);
        assertThat(got.get(0)).isEqualTo(alarm(-1));
        assertThat(got.subList(1, 16)).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 15).mapToObj(EventPublisherTest::measurement).toList());
        assertThat(got.get(16)).isEqualTo(measurement(99_999));
        assertThat(got.get(17)).isEqualTo(alarm(100_000));
    }

    @Test
    void aBlockedListenerHoldsABoundedQueueThrough100kLimitChangesAndGetsTheNewestWhenReleased() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-blocked-listener"));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch drained = new CountDownLatch(1);
        List<BankEvent> got = new CopyOnWriteArrayList<>();
        BankEvent end = raised(Alarm.GENERAL);
        SupervisionState[] cycle = {SupervisionState.FRESH, SupervisionState.STALE, SupervisionState.LOST,
                SupervisionState.RECOVERED};
        EventSubscription sub;
        try (EventPublisher pub = new EventPublisher(pool, 16, 64)) {
            sub = pub.addListener(e -> {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                got.add(e);
                if (e.equals(end)) {
                    drained.countDown();
                }
            });
            pub.submit(transition(SupervisionState.CONNECTING, SupervisionState.FRESH));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue(); // stuck inside onNext from here
            for (int i = 0; i < 100_000; i++) {
                pub.submit(limits(i));
                if (i % 100 == 99) { // a flapping link: FRESH → STALE → LOST → RECOVERED → FRESH …
                    int k = i / 100;
                    pub.submit(transition(cycle[k % 4], cycle[(k + 1) % 4]));
                }
            }
            pub.submit(end);
            // 16, plus at most one each for limits, supervision and the alarm beyond the bound
            assertThat(sub.maxQueuedEvents()).isLessThanOrEqualTo(16 + 3);
            release.countDown();
            assertThat(drained.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(last(got, BankEvent.LimitsChanged.class)).isEqualTo(limits(99_999));
        assertChained(got);
        // 1,000 transitions: 999 % 4 + 1 = 4 steps from FRESH, back at FRESH
        assertThat(last(got, BankEvent.SupervisionStateChanged.class).current()).isEqualTo(SupervisionState.FRESH);
        assertThat(got.size() + sub.coalescedEvents()).isEqualTo(1 + 100_000 + 1_000 + 1);
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
        assertThat(fastSub.coalescedEvents()).isZero();
        assertThat(((EventSubscription) slow.subscription).coalescedEvents()).isEqualTo(6);
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
