package io.pylon4j.simulator;

import static io.pylon4j.simulator.Banks.M0;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Force charge I/II with hysteresis and the 30-day full-charge request, US2000B-Plus thresholds (docs/protocol.md §1.3.2). */
class RequestFlagsTest {

    /** Moves the whole bank to {@code soc} and lets one second pass so that the flags see it. */
    private static RequestFlags at(SimulatedBank bank, double soc) {
        bank.setStateOfCharge(soc);
        return bank.advance(ofSeconds(1)).requests();
    }

    @Test
    void forceChargeFlagsFollowTheSocWithHysteresis() {
        SimulatedBank bank = Banks.us3000c(4, 20);
        assertThat(at(bank, 20)).isEqualTo(flags(false, false));
        assertThat(at(bank, 9.5)).isEqualTo(flags(false, false));
        assertThat(at(bank, 9)).as("II set at 9 %").isEqualTo(flags(false, true));
        assertThat(at(bank, 6)).isEqualTo(flags(false, true));
        assertThat(at(bank, 5)).as("I set at 5 %").isEqualTo(flags(true, true));
        assertThat(at(bank, 8)).as("both held on the way up").isEqualTo(flags(true, true));
        assertThat(at(bank, 10)).as("I cleared at 10 %").isEqualTo(flags(false, true));
        assertThat(at(bank, 12.9)).isEqualTo(flags(false, true));
        assertThat(at(bank, 13)).as("II cleared at 13 %").isEqualTo(flags(false, false));
        assertThat(at(bank, 11)).as("no set on the way down above 9 %").isEqualTo(flags(false, false));
    }

    private static RequestFlags flags(boolean forceI, boolean forceII) {
        return new RequestFlags(true, true, forceI, forceII, false);
    }

    @Test
    void socSetWithoutTimePassingIsSeenAtOnce() {
        SimulatedBank bank = Banks.us3000c(2, 50);
        bank.setStateOfCharge(5);
        assertThat(bank.snapshot().requests().toByte()).isEqualTo(0xF0);
        assertThat(bank.snapshot().module(M0).requests().toByte()).isEqualTo(0xF0);
        bank.setStateOfCharge(Banks.M1, 50);
        assertThat(bank.snapshot().requests().forceChargeI()).as("average 27.5 %").isFalse();
        assertThat(bank.snapshot().module(M0).requests().forceChargeI()).isTrue();
    }

    @Test
    void forceChargeIISetsDuringADischarge() {
        SimulatedBank bank = Banks.us3000c(1, 12);
        bank.setCurrent(-37);
        // 3 % of 74 Ah = 2.22 Ah = 216 s at 37 A
        assertThat(bank.advance(ofSeconds(200)).requests().forceChargeII()).isFalse();
        RequestFlags after = bank.advance(ofSeconds(20)).requests();
        assertThat(after.forceChargeII()).isTrue();
        assertThat(after.forceChargeI()).isFalse();
        assertThat(after.toByte()).isEqualTo(0xD0);
        assertThat(bank.snapshot().module(M0).requests()).as("module's own flags for RS485 0x92").isEqualTo(after);
    }

    @Test
    void us2000bPolicyUsesOnlyForceChargeI() {
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).stateOfCharge(50)
                .requestPolicy(RequestPolicy.US2000B).build();
        assertThat(at(bank, 17).forceChargeI()).isFalse();
        assertThat(at(bank, 15)).isEqualTo(new RequestFlags(true, true, true, false, false));
        assertThat(at(bank, 1).forceChargeII()).isFalse();
        assertThat(at(bank, 19).forceChargeI()).isFalse();
    }

    @Test
    void fullChargeRequestAfter30DaysBelow97Percent() {
        SimulatedBank bank = Banks.us3000c(4, 80);
        assertThat(bank.advance(ofDays(30).minusHours(1)).requests().fullChargeRequest()).isFalse();
        BankSnapshot s = bank.advance(ofHours(1));
        assertThat(s.requests().fullChargeRequest()).isTrue();
        assertThat(s.requests().toByte()).isEqualTo(0xC8);
        assertThat(s.module(M0).requests().fullChargeRequest()).isTrue();
    }

    @Test
    void fastForward31DaysInOneCall() {
        SimulatedBank bank = Banks.us3000c(4, 96.9);
        BankSnapshot s = bank.advance(ofDays(31));
        assertThat(s.requests().fullChargeRequest()).isTrue();
        assertThat(bank.now()).isEqualTo(java.time.Instant.EPOCH.plus(ofDays(31)));
    }

    @Test
    void fullChargeRequestClearsWhenSocReaches97AndTheTimerRestarts() {
        SimulatedBank bank = Banks.us3000c(1, 80);
        assertThat(bank.advance(ofDays(31)).requests().fullChargeRequest()).isTrue();
        bank.setCurrent(37);
        // 80 → 97 % = 12.58 Ah = 1224 s at 37 A
        assertThat(bank.advance(ofSeconds(1200)).requests().fullChargeRequest()).as("96.7 %").isTrue();
        assertThat(bank.advance(ofSeconds(30)).requests().fullChargeRequest()).as("97.1 %").isFalse();
        bank.setCurrent(0);
        bank.setStateOfCharge(90);
        assertThat(bank.advance(ofDays(29)).requests().fullChargeRequest()).as("timer restarted").isFalse();
        assertThat(bank.advance(ofDays(1)).requests().fullChargeRequest()).isTrue();
    }

    @Test
    void reaching97PercentBrieflyResetsTheTimer() {
        SimulatedBank bank = Banks.us3000c(1, 80);
        bank.advance(ofDays(20));
        at(bank, 97);
        bank.setStateOfCharge(80);
        assertThat(bank.advance(ofDays(20)).requests().fullChargeRequest()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            C0 normal                 | true  | true  | false | false | false | 192
            E0 force charge I         | true  | true  | true  | false | false | 224
            40 discharge only         | false | true  | false | false | false | 64
            80 charge only            | true  | false | false | false | false | 128
            08 full charge request    | false | false | false | false | true  | 8
            10 force charge II        | false | false | false | true  | false | 16
            """)
    void flagBitsAsOnTheWire(String name, boolean c, boolean d, boolean f1, boolean f2, boolean full, int value) {
        assertThat(new RequestFlags(c, d, f1, f2, full).toByte()).isEqualTo(value);
    }

    @Test
    void policyIsValidated() {
        assertThatThrownBy(() -> new RequestPolicy(10, 5, 9, 13, 97, ofDays(30)))
                .hasMessage("force charge I: clear threshold 5.0 must be at least the set threshold 10.0 and at most 100");
        assertThatThrownBy(() -> new RequestPolicy(5, 10, 9, 13, 97, Duration.ZERO))
                .hasMessage("fullChargeInterval must be positive: PT0S");
        assertThatThrownBy(() -> new RequestPolicy(5, 10, 9, 13, 101, ofDays(30)))
                .hasMessage("fullChargeSocPercent must be above 0 and at most 100: 101.0");
    }
}
