package io.pylon4j.simulator;

import static io.pylon4j.simulator.Banks.M0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.From;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the bank model over random load sequences. */
class BankProperties {

    record Segment(int seconds, double amps) {
    }

    @Provide
    Arbitrary<Segment> segments() {
        return Combinators.combine(Arbitraries.integers().between(1, 4 * 3600),
                Arbitraries.doubles().between(-120, 120).ofScale(1)).as(Segment::new);
    }

    /**
     * Coulomb counting against a reference: within one constant-current segment the charge moves monotonically, so
     * the exact answer is the previous charge plus current × time, clamped to 0…capacity.
     */
    @Property(tries = 200)
    void remainingCapacityFollowsTheClampedIntegral(@ForAll @Size(max = 12) List<@From("segments") Segment> segments,
                                                   @ForAll @IntRange(max = 100) int startSoc) {
        SimulatedBank bank = Banks.us3000c(1, startSoc);
        double expectedAh = 74.0 * startSoc / 100;
        for (Segment s : segments) {
            bank.setCurrent(s.amps());
            bank.advance(Duration.ofSeconds(s.seconds()));
            expectedAh = Math.max(0, Math.min(74.0, expectedAh + s.amps() * s.seconds() / 3600));
        }
        ModuleSnapshot m = bank.snapshot().module(M0);
        assertThat((double) m.remainingCapacityMilliampHours()).isCloseTo(expectedAh * 1000, within(1.0));
        assertThat(m.stateOfChargePercent()).isBetween(0, 100);
        assertThat(m.limits().chargeCurrentDeciAmps()).isBetween(0, 370);
        assertThat(m.limits().dischargeCurrentDeciAmps()).isBetween(0, 370);
    }

    /** Splitting an advance anywhere gives the same state (to the last mAh and 0.1 °C). */
    @Property(tries = 200)
    void advancingInPiecesEqualsAdvancingAtOnce(@ForAll @IntRange(min = 1, max = 20_000) int first,
                                               @ForAll @IntRange(min = 1, max = 20_000) int second,
                                               @ForAll @IntRange(min = -100, max = 100) int amps) {
        SimulatedBank once = Banks.us3000c(2, 50);
        SimulatedBank pieces = Banks.us3000c(2, 50);
        once.setCurrent(amps);
        pieces.setCurrent(amps);
        ModuleSnapshot a = once.advance(Duration.ofSeconds(first + second)).module(M0);
        pieces.advance(Duration.ofSeconds(first));
        ModuleSnapshot b = pieces.advance(Duration.ofSeconds(second)).module(M0);
        assertThat(b.remainingCapacityMilliampHours()).isCloseTo(a.remainingCapacityMilliampHours(), within(1));
        for (int i = 0; i < ModuleSnapshot.TEMPERATURE_COUNT; i++) {
            assertThat(b.temperaturesDeciCelsius().get(i)).isCloseTo(a.temperaturesDeciCelsius().get(i), within(1));
        }
        assertThat(pieces.now()).isEqualTo(once.now());
    }

    /** The bank's CCL is the smallest module figure times the modules online, whatever the SOCs. */
    @Property(tries = 200)
    void bankLimitsAggregateTheModules(@ForAll @Size(min = 1, max = 16) List<@IntRange(max = 100) Integer> socs,
                                       @ForAll @IntRange(max = 15) int offline) {
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(socs.size()).spread(0, 0)
                .build();
        for (int i = 0; i < socs.size(); i++) {
            bank.setStateOfCharge(ModuleId.of(0, i), socs.get(i));
        }
        if (offline < socs.size()) {
            bank.setModuleOnline(ModuleId.of(0, offline), false);
        }
        BankSnapshot s = bank.snapshot();
        List<ModuleSnapshot> online = s.modules().stream().filter(ModuleSnapshot::online).toList();
        assertThat(s.modulesOnline()).isEqualTo(online.size());
        int minCcl = online.stream().mapToInt(m -> m.limits().chargeCurrentDeciAmps()).min().orElse(0);
        int minDcl = online.stream().mapToInt(m -> m.limits().dischargeCurrentDeciAmps()).min().orElse(0);
        assertThat(s.limits().chargeCurrentDeciAmps()).isEqualTo(minCcl * online.size());
        assertThat(s.limits().dischargeCurrentDeciAmps()).isEqualTo(minDcl * online.size());
        assertThat(s.requests().chargeEnable()).isEqualTo(minCcl > 0 && !online.isEmpty());
    }
}
