package io.pylon4j.driver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.ActiveAlarm;
import io.pylon4j.driver.Alarm;
import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.BankField;
import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.EventSubscription;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.LimitPolicy;
import io.pylon4j.driver.LimitSource;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.ManualClock;
import io.pylon4j.driver.ManualExecutor;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.PublishedLimits;
import io.pylon4j.driver.Source;
import io.pylon4j.driver.SupervisionState;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.time.Moment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Invariants of {@link BankModel} and {@link EventPublisher} over random sequences of inputs: whatever the links
 * deliver and whenever, old limits are never published as current ones, and the events tell the same story as the
 * snapshot.
 */
class BankModelProperties {

    static final List<ActiveAlarm> ALARMS = List.of(ActiveAlarm.of(Alarm.HIGH_VOLTAGE, Alarm.Level.PROTECTION),
            ActiveAlarm.of(Alarm.HIGH_VOLTAGE, Alarm.Level.WARNING),
            ActiveAlarm.of(Alarm.LOW_TEMPERATURE, Alarm.Level.ALARM),
            ActiveAlarm.of(Alarm.CHARGE_OVER_CURRENT, Alarm.Level.PROTECTION));

    sealed interface Step permits LimitsStep, MeasureStep, AlarmStep, CountStep, LinkStep, TickStep {
    }

    record LimitsStep(Source source, int ccl, int lagMs) implements Step {
    }

    record MeasureStep(Source source, int soc, int lagMs) implements Step {
    }

    record AlarmStep(Source source, int channel, int mask) implements Step {
    }

    record CountStep(int count) implements Step {
    }

    record LinkStep(Source source, ConnectionState state) implements Step {
    }

    record TickStep(int advanceMs) implements Step {
    }

    @Provide
    Arbitrary<Step> steps() {
        Arbitrary<Source> src = Arbitraries.of(Source.class);
        Arbitrary<Integer> lag = Arbitraries.integers().between(0, 1500);
        return Arbitraries.oneOf(
                Combinators.combine(src, Arbitraries.integers().between(0, 3), lag)
                        .as((s, c, l) -> new LimitsStep(s, c * 50, l)),
                Combinators.combine(src, Arbitraries.integers().between(0, 100), lag).as(MeasureStep::new),
                Combinators.combine(src, Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 15))
                        .as(AlarmStep::new),
                Arbitraries.integers().between(1, 4).map(CountStep::new),
                Combinators.combine(src, Arbitraries.of(ConnectionState.class)).as(LinkStep::new),
                Arbitraries.integers().between(0, 12_000).map(TickStep::new));
    }

    @Property(tries = 300)
    void eventsAndSnapshotAgreeAndStaleLimitsAreNeverCurrent(
            @ForAll @Size(max = 60) List<@net.jqwik.api.From("steps") Step> script) {
        ManualClock clock = new ManualClock();
        List<BankEvent> events = new ArrayList<>();
        BankModel model = new BankModel("p", InverterProfile.VICTRON,
                LimitPolicy.defaults().withExpectedModuleCount(4), events::add, clock.instant());
        for (Step step : script) {
            Instant now = clock.advanceMillis(100);
            if (step instanceof LimitsStep s) {
                model.onLimits(s.source(), Limits.of(53.2, s.ccl(), 100, 45), now.minusMillis(s.lagMs()));
            } else if (step instanceof MeasureStep s) {
                model.onMeasurements(s.source(), Measurements.builder().socPercent(s.soc()).build(),
                        now.minusMillis(s.lagMs()));
            } else if (step instanceof AlarmStep s) {
                Set<ActiveAlarm> set = new TreeSet<>();
                for (int i = 0; i < ALARMS.size(); i++) {
                    if ((s.mask() & (1 << i)) != 0) {
                        set.add(ALARMS.get(i));
                    }
                }
                model.onAlarms(s.source(), "ch" + s.channel(), set, now);
            } else if (step instanceof CountStep s) {
                model.onModuleCount(Source.CAN, s.count(), now);
            } else if (step instanceof LinkStep s) {
                model.onTransportState(s.source(), s.state(), now);
            } else if (step instanceof TickStep s) {
                Instant later = clock.advanceMillis(s.advanceMs());
                model.tick(later);
                BankStatus st = model.status();
                if (st.supervisionState() == SupervisionState.FRESH) {
                    assertThat(st.age(BankField.LIMITS, Moment.ofInstant(later)).orElseThrow())
                            .isLessThan(Duration.ofSeconds(3));
                }
            }
            check(model.status(), events);
        }
    }

    static void check(BankStatus st, List<BankEvent> events) {
        PublishedLimits pub = st.publishedLimits();
        // 1. non-zero currents only from a fresh bank, and fail-safe otherwise
        if (!st.isFresh()) {
            assertThat(pub.chargeCurrentLimitAmps()).isZero();
            assertThat(pub.dischargeCurrentLimitAmps()).isZero();
            assertThat(pub.chargeCurrentLimitProvenance().source()).isIn(LimitSource.FAIL_SAFE_NO_DATA,
                    LimitSource.FAIL_SAFE_STALE, LimitSource.FAIL_SAFE_LOST);
        } else {
            assertThat(pub.chargeCurrentLimitProvenance().source()).isIn(LimitSource.BATTERY,
                    LimitSource.MODULE_COUNT_SCALING);
            assertThat(pub.chargeCurrentLimitProvenance().batteryValue())
                    .hasValue(st.batteryLimits().orElseThrow().chargeCurrentLimitAmps());
        }
        // 2. the last limits event is what the snapshot publishes
        events.stream().filter(e -> e instanceof BankEvent.LimitsChanged).reduce((a, b) -> b)
                .ifPresent(e -> assertThat(((BankEvent.LimitsChanged) e).limits()).isEqualTo(pub));
        // 3. supervision events form a chain ending in the snapshot's state
        SupervisionState state = SupervisionState.CONNECTING;
        for (BankEvent e : events) {
            if (e instanceof BankEvent.SupervisionStateChanged s) {
                assertThat(s.previous()).isEqualTo(state);
                assertThat(s.current()).isNotEqualTo(s.previous());
                state = s.current();
            }
        }
        assertThat(state).isEqualTo(st.supervisionState());
        // 4. folding alarm events gives the snapshot's active alarms
        Set<ActiveAlarm> active = new TreeSet<>();
        for (BankEvent e : events) {
            if (e instanceof BankEvent.AlarmRaised r) {
                assertThat(active.add(ActiveAlarm.of(r.alarm(), r.level()))).isTrue();
            } else if (e instanceof BankEvent.AlarmCleared c) {
                assertThat(active.remove(ActiveAlarm.of(c.alarm(), c.level()))).isTrue();
            }
        }
        assertThat(active).containsExactlyElementsOf(st.activeAlarms());
        // 5. the last measurement event is the snapshot's measurements
        events.stream().filter(e -> e instanceof BankEvent.MeasurementsUpdated).reduce((a, b) -> b)
                .ifPresent(e -> assertThat(((BankEvent.MeasurementsUpdated) e).measurements())
                        .isEqualTo(st.measurements()));
    }

    @Property(tries = 300)
    void publisherKeepsABoundedQueueTheNewestStateAndTheOrderOfTransitions(
            @ForAll @Size(max = 300) List<@net.jqwik.api.From("publisherOps") Integer> ops) {
        ManualExecutor executor = new ManualExecutor();
        EventPublisher publisher = new EventPublisher(executor, 8, 5);
        List<BankEvent> got = new ArrayList<>();
        EventSubscription sub = publisher.addListener(got::add);
        List<BankEvent> sent = new ArrayList<>();
        SupervisionState state = SupervisionState.CONNECTING;
        SupervisionState[] states = SupervisionState.values();
        Alarm[] alarms = {Alarm.HIGH_VOLTAGE, Alarm.LOW_VOLTAGE};
        Set<Alarm> active = new java.util.HashSet<>();
        int n = 0;
        for (int op : ops) {
            BankEvent e = switch (op) {
                case 0 -> null;
                case 1 -> EventPublisherTest.limits(n);
                case 2 -> EventPublisherTest.measurement(n);
                case 3 -> {
                    SupervisionState next = states[(state.ordinal() + 1 + n % (states.length - 1)) % states.length];
                    BankEvent t = EventPublisherTest.transition(state, next);
                    state = next;
                    yield t;
                }
                default -> {
                    Alarm a = alarms[n % 2];
                    yield active.add(a) ? EventPublisherTest.raised(a)
                            : active.remove(a) ? EventPublisherTest.cleared(a) : null;
                }
            };
            n++;
            if (e == null) {
                executor.runNext();
            } else {
                sent.add(e);
                publisher.submit(e);
            }
            // 8, plus at most one each for limits, measurements, supervision and two alarms beyond it
            assertThat(sub.queuedEvents()).isLessThanOrEqualTo(8 + 5);
        }
        executor.runAll();
        assertThat(got.size() + sub.coalescedEvents()).isEqualTo(sent.size());
        // the newest state of each kind arrives
        for (Class<? extends BankEvent> kind : List.of(BankEvent.LimitsChanged.class,
                BankEvent.MeasurementsUpdated.class)) {
            sent.stream().filter(kind::isInstance).reduce((a, b) -> b).ifPresent(newest ->
                    assertThat(EventPublisherTest.last(got, kind)).isEqualTo(newest));
        }
        // supervision changes chain from CONNECTING to the newest state
        SupervisionState seen = SupervisionState.CONNECTING;
        for (BankEvent e : got) {
            if (e instanceof BankEvent.SupervisionStateChanged t) {
                assertThat(t.previous()).isEqualTo(seen);
                seen = t.current();
            }
        }
        assertThat(seen).isEqualTo(state);
        // the alarms the subscriber ends up seeing active are the active ones, raised and cleared alternately
        Set<Alarm> seenActive = new java.util.HashSet<>();
        for (BankEvent e : got) {
            if (e instanceof BankEvent.AlarmRaised r) {
                assertThat(seenActive.add(r.alarm())).as("raised twice: %s", r).isTrue();
            } else if (e instanceof BankEvent.AlarmCleared c) {
                assertThat(seenActive.remove(c.alarm())).as("cleared while not raised: %s", c).isTrue();
            }
        }
        assertThat(seenActive).isEqualTo(active);
    }

    @Provide
    Arbitrary<Integer> publisherOps() {
        return Arbitraries.integers().between(0, 4);
    }
}
