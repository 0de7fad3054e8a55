package io.pylon4j.driver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.BankField;
import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.FieldStamp;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.ManualClock;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.Source;
import io.pylon4j.transport.ConnectionState;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * Random reports of limits and SOC from both links, with the links going down and up and time passing by random
 * steps: a field never changes link unless its link was down or its value was at least the hold old, and it always
 * holds the value of the report that stamped it.
 */
class TwoLinkHoldProperties {

    static final long HOLD_NANOS = FieldStamps.holdNanos(InverterProfile.GENERIC_PYLON);

    sealed interface Step permits Report, LinkState {
    }

    /** A report of limits and SOC from {@code source}, {@code advanceMs} after the previous step. */
    record Report(Source source, int advanceMs, int value) implements Step {
    }

    record LinkState(Source source, boolean up) implements Step {
    }

    @Provide
    Arbitrary<Step> steps() {
        Arbitrary<Source> src = Arbitraries.of(Source.class);
        Arbitrary<Step> report = Combinators.combine(src, Arbitraries.integers().between(0, 2500),
                Arbitraries.integers().between(10, 90)).as((source, ms, value) -> new Report(source, ms, value));
        Arbitrary<Step> link = Combinators.combine(src, Arbitraries.of(true, false))
                .as((source, isUp) -> new LinkState(source, isUp));
        return Arbitraries.frequencyOf(Tuple.of(8, report), Tuple.of(1, link));
    }

    @Property(tries = 300)
    void aFieldChangesLinkOnlyWhenItsLinkIsDownOrItsValueIsTheHoldOld(
            @ForAll @Size(max = 80) List<@net.jqwik.api.From("steps") Step> script) {
        ManualClock clock = new ManualClock();
        BankModel model = BankModel.create("p", InverterProfile.GENERIC_PYLON, e -> { }, clock.instant());
        Map<Source, Boolean> up = new EnumMap<>(Map.of(Source.CAN, true, Source.RS485, true));
        for (Step step : script) {
            BankStatus before = model.status();
            if (step instanceof LinkState l) {
                up.put(l.source(), l.up());
                model.onTransportState(l.source(), l.up() ? ConnectionState.CONNECTED
                        : ConnectionState.WAITING_TO_RECONNECT, clock.instant());
                continue;
            }
            Report r = (Report) step;
            Instant at = clock.advanceMillis(r.advanceMs());
            model.onLimits(r.source(), Limits.of(50 + r.value() / 100.0, r.value(), r.value(), 45), at);
            model.onMeasurements(r.source(), Measurements.builder().socPercent(r.value()).build(), at);
            BankStatus after = model.status();
            for (BankField f : List.of(BankField.LIMITS, BankField.SOC)) {
                FieldStamp was = before.stamp(f).orElse(null);
                FieldStamp now = after.stamp(f).orElseThrow();
                if (was != null && now.source() != was.source()) {
                    assertThat(!up.get(was.source()) || now.atNanos() - was.atNanos() >= HOLD_NANOS)
                            .as("%s moved from %s to %s after %s with %s up", f, was.source(), now.source(),
                                    Duration.ofNanos(now.atNanos() - was.atNanos()), was.source())
                            .isTrue();
                }
                if (now.atNanos() == after.source(r.source()).lastReceivedNanos().orElseThrow()
                        && now.source() == r.source()) {
                    double value = f == BankField.SOC ? after.measurements().socPercent().orElseThrow()
                            : after.batteryLimits().orElseThrow().chargeCurrentLimitAmps();
                    assertThat(value).as("%s holds the report that stamped it", f).isEqualTo(r.value());
                }
            }
        }
    }
}
