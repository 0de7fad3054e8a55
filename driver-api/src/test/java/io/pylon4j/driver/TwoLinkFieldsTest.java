package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.simulator.Alarm;
import io.pylon4j.simulator.LoadProfile;
import io.pylon4j.simulator.ModuleId;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.CanFrameSet;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.virtual.VirtualTransportProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One simulated 4 × US3000C bank served on CAN and RS485 at once, read by one driver with both links, everything on
 * manual time and one test thread: the in-memory buses deliver on a {@link ManualExecutor} that each step runs dry,
 * so a step is a whole CAN cycle or RS485 poll cycle. The bank's CAN cycle falls on whole seconds, the driver's
 * RS485 cycles half a second later. Every published field stays with the link it started on while that link
 * reports it (docs/driver-model.md, "Two links: a field stays with its link"), moves to the other link within the
 * hold when its link falls silent or at the other's next value when it goes down, never through STALE, and stays
 * there when the first link returns.
 */
class TwoLinkFieldsTest {

    static final Duration STEP = Duration.ofMillis(100);
    /** GENERIC_PYLON: half its 3 s stale timeout (FieldStamps.holdNanos). */
    static final Duration HOLD = Duration.ofMillis(1500);
    static final List<BankField> FIELDS = List.of(BankField.LIMITS, BankField.SOC, BankField.SOH, BankField.VOLTAGE,
            BankField.CURRENT, BankField.TEMPERATURE, BankField.REQUEST_FLAGS, BankField.MODULE_COUNT);

    final ManualClock clock = new ManualClock();
    final ManualScheduler scheduler = new ManualScheduler(clock.source());
    final ManualExecutor io = new ManualExecutor();
    final VirtualTransportProvider buses = new VirtualTransportProvider(io);
    final SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(4).stateOfCharge(60)
            .seed(11).loadProfile(LoadProfile.constant(0)).build();
    final CanTransport batteryCan = buses.canBus("two-can").newMember();
    final ByteStreamTransport batteryRs485 = buses.byteBus("two-485").newMember();
    final CanTransport driverCan = buses.canBus("two-can").newMember();
    final ByteStreamTransport driverRs485 = buses.byteBus("two-485").newMember();
    final List<BankEvent> events = new ArrayList<>();
    SimulatorServer server;
    PylonDriver driver;

    @BeforeEach
    void bothLinksReportTheBank() {
        batteryCan.open();
        batteryRs485.open();
        io.runAll();
        server = SimulatorServer.builder(bank).frameSet(CanFrameSet.PYLON_V12).can(batteryCan).rs485(batteryRs485)
                .scheduler(scheduler).build();
        server.start();                                   // the bank's CAN cycle: T0, T0 + 1 s, …
        io.runAll();
        run(Duration.ofMillis(500));
        driver = PylonDriver.canAndRs485(driverCan, driverRs485, DriverOptions.builder("two-links").time(clock)
                .scheduler(scheduler).eventExecutor(io).build());
        driver.addListener(events::add);
        driver.start();                                   // RS485 cycles: T0 + 0.5 s, T0 + 1.5 s, …
        io.runAll();
        run(Duration.ofSeconds(3));
        BankStatus s = driver.status();
        assertThat(s.supervisionState()).isEqualTo(SupervisionState.FRESH);
        assertThat(s.source(Source.CAN).lastReceived()).isPresent();
        assertThat(s.source(Source.RS485).lastReceived()).isPresent();
        assertThat(s.publishedLimits().chargeCurrentLimitAmps()).isEqualTo(148.0);
    }

    @AfterEach
    void close() {
        driver.close();
        driverCan.close();
        driverRs485.close();
        server.close();
        io.runAll();
    }

    @Test
    void aSteadyBankOnBothLinksPublishesEachFieldFromOneLinkWithoutFlipping() {
        Map<BankField, Source> owners = owners(driver.status());
        PublishedLimits limits = driver.status().publishedLimits();
        events.clear();

        List<String> moved = new ArrayList<>();
        List<PublishedLimits> published = new ArrayList<>();
        for (int i = 0; i < 300; i++) {                   // 30 s: 30 CAN cycles and 30 RS485 cycles
            run(STEP);
            BankStatus s = driver.status();
            owners(s).forEach((field, link) -> {
                if (link != owners.get(field)) {
                    moved.add(clock.instant() + " " + field + " from " + link);
                }
            });
            if (!s.publishedLimits().equals(limits)) {
                published.add(s.publishedLimits());
            }
        }

        BankStatus s = driver.status();
        // both links kept reporting all along, each within its last second
        assertThat(s.source(Source.CAN).age(clock.now()).orElseThrow()).isLessThan(Duration.ofSeconds(1));
        assertThat(s.source(Source.RS485).age(clock.now()).orElseThrow()).isLessThan(Duration.ofSeconds(1));
        assertThat(new long[] {count(BankEvent.LimitsChanged.class), count(BankEvent.MeasurementsUpdated.class),
                count(BankEvent.RequestFlagsChanged.class), count(BankEvent.ModuleCountChanged.class)})
                .as("LIMITS_CHANGED, MEASUREMENTS_UPDATED, REQUEST_FLAGS_CHANGED, MODULE_COUNT_CHANGED in 30 s")
                .containsExactly(0, 0, 0, 0);
        assertThat(published).as("published limits other than the first").isEmpty();
        assertThat(moved).as("fields read from the other link").isEmpty();
    }

    /**
     * Alarms keep their own rule (each link's channels, published as their union) and do not flip either: an alarm
     * both links report is raised once and stays raised while both keep reporting it.
     */
    @Test
    void anAlarmOnBothLinksIsRaisedOnceAndDoesNotFlip() {
        events.clear();
        bank.forceAlarm(ModuleId.of(0, 1), Alarm.CELL_HIGH_TEMPERATURE);
        run(Duration.ofSeconds(2));                        // one report of each link
        List<ActiveAlarm> active = List.copyOf(driver.status().activeAlarms());
        assertThat(active).isNotEmpty();
        assertThat(driver.status().stamp(BankField.ALARMS)).isPresent();
        long raised = count(BankEvent.AlarmRaised.class);
        assertThat(raised).isEqualTo(active.size());
        run(Duration.ofSeconds(30));
        assertThat(List.copyOf(driver.status().activeAlarms())).isEqualTo(active);
        assertThat(count(BankEvent.AlarmRaised.class)).isEqualTo(raised);
        assertThat(count(BankEvent.AlarmCleared.class)).isZero();
    }

    @Test
    void theOwningLinkFallingSilentHandsItsFieldsOverWithinTheHoldNeverStaleAndTheyStayWhenItReturns() {
        Source first = driver.status().stamp(BankField.LIMITS).orElseThrow().source();
        assertThat(first).as("the link that reported first: RS485's first cycle runs at the driver's start")
                .isEqualTo(Source.RS485);
        Map<BankField, Source> before = owners(driver.status());
        assertThat(before).containsOnlyKeys(FIELDS);
        assertThat(before).as("RS485 reports no SOH").containsEntry(BankField.SOH, Source.CAN);
        before.remove(BankField.SOH);
        assertThat(before.values()).containsOnly(Source.RS485);
        events.clear();

        server.rs485().orElseThrow().close();             // the battery stops answering; the link stays up
        long lastNanos = driver.status().stamp(BankField.LIMITS).orElseThrow().atNanos();
        runUntil(s -> owners(s).values().stream().allMatch(l -> l == Source.CAN), Duration.ofSeconds(5));
        Duration handedOverAfter = Duration.ofNanos(clock.now().nanos() - lastNanos);
        // not before the hold ran out, and at CAN's first value after it: within the hold and one CAN period
        assertThat(handedOverAfter).isGreaterThanOrEqualTo(HOLD)
                .isLessThanOrEqualTo(HOLD.plus(Duration.ofSeconds(1)));
        assertThat(driver.status().publishedLimits().chargeCurrentLimitProvenance().source())
                .isEqualTo(LimitSource.BATTERY);

        server.rs485().orElseThrow().start();             // RS485 answers again: the fields stay with CAN
        run(Duration.ofSeconds(10));
        BankStatus back = driver.status();
        assertThat(back.source(Source.RS485).age(clock.now()).orElseThrow()).isLessThan(Duration.ofSeconds(1));
        assertThat(owners(back).values()).containsOnly(Source.CAN);
        assertThat(count(BankEvent.SupervisionStateChanged.class)).as("never STALE while CAN was fresh").isZero();
        assertThat(events).filteredOn(e -> e instanceof BankEvent.LimitsChanged)
                .as("one change of published limits at most: RS485's to CAN's, never back")
                .hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aLinkThatGoesDownHandsItsFieldsToTheOtherAtItsNextValueWithoutWaitingForTheHold() {
        runUntil(s -> s.source(Source.RS485).age(clock.now()).orElseThrow().equals(STEP.multipliedBy(1)),
                Duration.ofSeconds(2));                   // just after an RS485 cycle: its values are 0.1 s old
        events.clear();
        long killedNanos = clock.now().nanos();
        driverRs485.close();                              // the RS485 link dies (a pulled adapter)
        io.runAll();

        runUntil(s -> owners(s).values().stream().allMatch(l -> l == Source.CAN), Duration.ofSeconds(2));
        assertThat(Duration.ofNanos(clock.now().nanos() - killedNanos)).as("CAN's next cycle, not after the hold")
                .isLessThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(HOLD);
        assertThat(driver.status().supervisionState()).isEqualTo(SupervisionState.FRESH);
        assertThat(events).filteredOn(e -> e instanceof BankEvent.SupervisionStateChanged).isEmpty();
    }

    @Test
    void aValueThatChangesOnTheOwningLinkIsPublishedAtItsNextReportAndOnlyOnce() {
        Map<BankField, Source> owners = owners(driver.status());
        events.clear();
        bank.setModuleOnline(ModuleId.of(0, 3), false);   // module 4 drops out: 4 × 37 A → 3 × 37 A
        runUntil(s -> s.publishedLimits().chargeCurrentLimitAmps() == 111.0, Duration.ofSeconds(2));
        BankStatus s = driver.status();
        assertThat(s.stamp(BankField.LIMITS).orElseThrow().source()).isEqualTo(Source.RS485);
        assertThat(s.stamp(BankField.LIMITS).orElseThrow().atNanos()).isEqualTo(clock.now().nanos());

        run(Duration.ofSeconds(10));
        assertThat(events).filteredOn(e -> e instanceof BankEvent.LimitsChanged)
                .extracting(e -> ((BankEvent.LimitsChanged) e).limits().chargeCurrentLimitAmps())
                .containsExactly(111.0);
        assertThat(events).filteredOn(e -> e instanceof BankEvent.ModuleCountChanged).hasSize(1);
        assertThat(owners(driver.status())).isEqualTo(owners);
    }

    /** Lets {@code d} pass in steps, each delivered to the end. */
    private void run(Duration d) {
        for (long n = d.dividedBy(STEP); n > 0; n--) {
            scheduler.advance(STEP);
            io.runAll();
        }
    }

    /** Steps until {@code done} holds of the status, for at most {@code limit}. */
    private void runUntil(Predicate<BankStatus> done, Duration limit) {
        for (long n = limit.dividedBy(STEP); !done.test(driver.status()); n--) {
            assertThat(n).as("within %s", limit).isPositive();
            assertThat(driver.status().publishedLimits().chargeCurrentLimitProvenance().source())
                    .isEqualTo(LimitSource.BATTERY);
            run(STEP);
        }
    }

    private static Map<BankField, Source> owners(BankStatus s) {
        Map<BankField, Source> owners = new EnumMap<>(BankField.class);
        for (BankField f : FIELDS) {
            s.stamp(f).ifPresent(stamp -> owners.put(f, stamp.source()));
        }
        return owners;
    }

    private long count(Class<? extends BankEvent> type) {
        return events.stream().filter(type::isInstance).count();
    }
}
