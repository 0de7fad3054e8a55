package io.pylon4j.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.can.ChargeDischargeLimits;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.time.Scheduler;
import io.pylon4j.transport.virtual.VirtualCanBus;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CanGateway} with an application's pushed model on an in-memory bus and manual time: remote overrides,
 * a failing source, and the counters. A tap on the bus decodes what the gateway sent.
 */
class CanGatewayTest {

    final ManualScheduler time = new ManualScheduler();
    final VirtualCanBus bus = new VirtualCanBus("gateway-test");
    final CanTransport gatewaySide = bus.newMember();
    final CanTransport tap = bus.newMember();
    final List<CanFrame> heard = new CopyOnWriteArrayList<>();
    final List<GatewayEvent> events = new CopyOnWriteArrayList<>();
    final PushedBankSource source = new PushedBankSource(time.timeSource(), Duration.ofSeconds(10));
    CanGateway gateway;

    CanGateway start(BankSource s) throws Exception {
        tap.addFrameListener((f, t) -> heard.add(f));
        tap.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        gatewaySide.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        gateway = CanGateway.builder(s, gatewaySide, GatewayProfile.PYLON_V12).scheduler(time)
                .time(time.timeSource()).listener(events::add).build();
        gateway.start();
        return gateway;
    }

    @AfterEach
    void close() {
        if (gateway != null) {
            gateway.close();
        }
        gatewaySide.close();
        tap.close();
    }

    /** Runs the cycles due within {@code d} and waits until the tap heard every frame sent. */
    void advance(Duration d) {
        time.advance(d);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (heard.size() < gateway.counters().framesSent()) {
            assertThat(System.nanoTime() - deadline).as("the bus delivered in 10 s").isNegative();
            LockSupport.parkNanos(1_000_000);
        }
    }

    ChargeDischargeLimits lastLimits() {
        List<CanFrame> limits = heard.stream().filter(f -> f.id() == ChargeDischargeLimits.ID).toList();
        return (ChargeDischargeLimits) PylonCanCodec.standard().decode(limits.get(limits.size() - 1));
    }

    @Test
    void anOverrideOnlyLowersTheLimitsAndExpiresByItself() throws Exception {
        source.push(Views.fresh(53.2, 100, 150, 60, 400));
        start(source);
        advance(Duration.ZERO);
        assertThat(lastLimits().chargeCurrentLimitDeciAmps()).isEqualTo(1000);

        gateway.override(new LimitOverride(OptionalDouble.of(20), OptionalDouble.of(500), Duration.ofSeconds(5),
                "ems"));
        advance(Duration.ofSeconds(1));
        source.push(Views.fresh(53.2, 100, 150, 60, 400));
        assertThat(lastLimits().chargeCurrentLimitDeciAmps()).isEqualTo(200);
        assertThat(lastLimits().dischargeCurrentLimitDeciAmps()).as("never raised").isEqualTo(1500);

        advance(Duration.ofSeconds(3));
        assertThat(gateway.activeOverride()).isPresent();
        advance(Duration.ofSeconds(1)); // 5 s after it was set

        assertThat(gateway.activeOverride()).isEmpty();
        assertThat(lastLimits().chargeCurrentLimitDeciAmps()).isEqualTo(1000);
        assertThat(events).filteredOn(GatewayEvent.OverrideChanged.class::isInstance)
                .extracting(e -> ((GatewayEvent.OverrideChanged) e).reason())
                .containsExactly("set by ems for 5000 ms", "expired after 5000 ms (set by ems)");
    }

    @Test
    void anOverrideDoesNotLiftTheFailSafe() throws Exception {
        source.push(Views.fresh());
        start(source);
        advance(Duration.ZERO);
        gateway.override(new LimitOverride(OptionalDouble.of(50), OptionalDouble.empty(), Duration.ofHours(1), "ems"));

        advance(Duration.ofSeconds(11)); // nothing pushed: the source is stale
        assertThat(gateway.state()).isEqualTo(GatewayState.FAIL_SAFE);
        assertThat(lastLimits().chargeCurrentLimitDeciAmps()).isZero();
        assertThat(lastLimits().dischargeCurrentLimitDeciAmps()).isZero();
    }

    @Test
    void aSourceThatThrowsCountsAsStaleNotACrash() throws Exception {
        boolean[] fail = {false};
        start(() -> {
            if (fail[0]) {
                throw new IllegalStateException("BMS reader broke");
            }
            return Views.fresh();
        });
        advance(Duration.ZERO);
        fail[0] = true;
        advance(Duration.ofSeconds(2));

        assertThat(gateway.state()).isEqualTo(GatewayState.FAIL_SAFE);
        assertThat(gateway.counters().sourceFailures()).isEqualTo(2);
        assertThat(gateway.counters().cycles()).isEqualTo(3);
        assertThat(lastLimits().chargeCurrentLimitDeciAmps()).isZero();
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(GatewayEvent.StateChanged.class,
                s -> assertThat(s.reason()).contains("BMS reader broke")));
    }

    @Test
    void aRunRepeatedToCatchUpAfterAStallSendsNothingAndIsCounted() throws Exception {
        List<Runnable> cycle = new CopyOnWriteArrayList<>();
        Scheduler catchingUp = (task, initialDelay, period) -> {
            cycle.add(task);
            return time.scheduleAtFixedRate(task, initialDelay, period);
        };
        source.push(Views.fresh(53.2, 100, 150, 60, 400));
        tap.addFrameListener((f, t) -> heard.add(f));
        tap.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        gatewaySide.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        gateway = CanGateway.builder(source, gatewaySide, GatewayProfile.PYLON_V12).scheduler(catchingUp)
                .time(time.timeSource()).listener(events::add).build();
        gateway.start();
        advance(Duration.ZERO);
        long sent = gateway.counters().framesSent();
        assertThat(sent).isPositive();

        cycle.get(0).run(); // what a real executor does after a stall: the missed run at once, no time passed
        assertThat(gateway.counters().framesSent()).isEqualTo(sent);
        assertThat(gateway.counters().cyclesSkipped()).isEqualTo(1);

        advance(GatewayProfile.PYLON_V12.cycle()); // the next run on time sends its set
        assertThat(gateway.counters().framesSent()).isEqualTo(2 * sent);
    }
}
