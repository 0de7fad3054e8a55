package io.pylon4j.driver.commission;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.DriverCounters;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.LimitPlausibility;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.Source;
import io.pylon4j.driver.internal.BankModel;
import io.pylon4j.transport.time.Moment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each check on crafted snapshots (a real {@link BankModel} fed values, one snapshot per step) and crafted frame
 * sequences: one passing and one failing case per check, and the thresholds at their edges.
 */
class CommissioningChecksTest {

    static final ModuleRating US3000C = new ModuleRating("US3000C", 37, 37);
    static final DriverCounters NO_COUNTERS = new DriverCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Feeds a bank model step by step and keeps a snapshot after each step. */
    static final class Scenario {
        final BankModel model = BankModel.create("bank-1", InverterProfile.GENERIC_PYLON, e -> { }, T0);
        final List<BankStatus> samples = new ArrayList<>();
        final List<Observation.SeenFrame> frames = new ArrayList<>();
        DriverCounters counters = NO_COUNTERS;
        Instant now = T0;
        boolean can = true;
        boolean rs485;

        Scenario step(double ccl, double volts, double amps, double soc, double temp, int modules) {
            now = now.plusSeconds(1);
            model.onLimits(Source.CAN, Limits.of(53.2, ccl, ccl, 45), now);
            model.onMeasurements(Source.CAN, Measurements.of(soc, 99, volts, amps, temp), now);
            model.onModuleCount(Source.CAN, modules, now);
            samples.add(model.status());
            return this;
        }

        Scenario module(int address, double remainingAh, double totalAh, double... temps) {
            List<Double> t = new ArrayList<>();
            for (double d : temps) {
                t.add(d);
            }
            model.onModuleDetails(Source.RS485, ModuleDetails.builder(address).remainingCapacityAh(remainingAh)
                    .totalCapacityAh(totalAh).temperaturesCelsius(t).build(), now);
            rs485 = true;
            samples.add(model.status());
            return this;
        }

        Scenario frame(int id, String hex) {
            frames.add(new Observation.SeenFrame(frames.size(), CanFrame.ofHex(id, hex)));
            return this;
        }

        Observation observation() {
            return new Observation(samples, frames, 0, counters, can, rs485,
                    Duration.between(T0, now));
        }

        CheckResult run(CommissioningCheck check, Expectations e) {
            CheckResult r = check.evaluate(observation(), e);
            assertThat(r.id()).isEqualTo(check.id());
            return r;
        }
    }

    static Scenario healthy(int modules) {
        Scenario s = new Scenario();
        for (int i = 0; i < 5; i++) {
            s.step(37.0 * modules, 52.0 - 0.01 * i, -20, 60, 24 + 0.1 * i, modules);
        }
        return s;
    }

    // --- communication

    @Test
    void communicationFailsWithNoDataAndNamesTheBaudRateWhenRs485BytesNeverFormAFrame() {
        Scenario s = new Scenario();
        s.can = false;
        s.rs485 = true;
        s.now = T0.plusSeconds(10);
        s.samples.add(s.model.status());
        s.counters = new DriverCounters(0, 0, 0, 0, 0, 30, 0, 20, 10, 0, 0, 4200, 10, 0, 0);
        CheckResult r = s.run(new CommunicationCheck(), Expectations.NONE);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.explanation()).contains("baud rate").contains("DIP switch 1").contains("4200 bytes");
    }

    @Test
    void communicationFailsWithNothingAtAllAndPassesWithData() {
        Scenario s = new Scenario();
        s.samples.add(s.model.status());
        assertThat(s.run(new CommunicationCheck(), Expectations.NONE).explanation()).startsWith("Nothing arrived");
        assertThat(healthy(4).run(new CommunicationCheck(), Expectations.NONE).verdict()).isEqualTo(Verdict.PASS);
    }

    // --- values move

    @Test
    void frozenValuesUnderLoadFailIdleOnesWarnMovingOnesPass() {
        Scenario frozen = new Scenario();
        Scenario idle = new Scenario();
        for (int i = 0; i < 5; i++) {
            frozen.step(148, 52.0, -20, 60, 24, 4);
            idle.step(148, 52.0, 0, 60, 24, 4);
        }
        CheckResult r = frozen.run(new ValuesMoveCheck(), Expectations.NONE);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.explanation()).contains("frozen").contains("20.0 A");
        assertThat(idle.run(new ValuesMoveCheck(), Expectations.NONE).verdict()).isEqualTo(Verdict.WARN);
        assertThat(healthy(4).run(new ValuesMoveCheck(), Expectations.NONE).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void moduleDetailsThatArriveLateAreNotMovementButAChangedModuleValueIs() {
        Scenario frozen = new Scenario();
        frozen.step(148, 52.0, -20, 60, 24, 4); // CAN first: no module details yet
        for (int i = 0; i < 4; i++) {
            frozen.module(2, 44.4, 74, 24).step(148, 52.0, -20, 60, 24, 4);
        }
        assertThat(frozen.run(new ValuesMoveCheck(), Expectations.NONE).verdict()).isEqualTo(Verdict.FAIL);

        Scenario moving = new Scenario();
        for (int i = 0; i < 4; i++) {
            moving.module(2, 44.4 - 0.01 * i, 74, 24).step(148, 52.0, -20, 60, 24, 4);
        }
        assertThat(moving.run(new ValuesMoveCheck(), Expectations.NONE).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aFrozenBankReadOverCanAndRs485AtOnceIsStillFrozen() {
        Scenario frozen = new Scenario();
        for (int i = 0; i < 4; i++) {
            frozen.step(148, 52.0, -20, 60, 24, 4); // CAN: whole percent, 0.1 V
            frozen.now = frozen.now.plusMillis(300);
            // RS485 a moment later: the same frozen bank at its own resolution (SOC from capacities)
            frozen.model.onMeasurements(Source.RS485, Measurements.of(59.99, 99, 52.013, -20.1, 24.2), frozen.now);
            frozen.samples.add(frozen.model.status());
        }
        assertThat(frozen.run(new ValuesMoveCheck(), Expectations.NONE).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void valuesMoveIsSkippedWithOneSnapshot() {
        Scenario s = new Scenario().step(148, 52, -20, 60, 24, 4);
        assertThat(s.run(new ValuesMoveCheck(), Expectations.NONE).verdict()).isEqualTo(Verdict.SKIPPED);
    }

    // --- charge current limit

    @Test
    void cclOfOneModuleOnAFourModuleBankFailsAsOneModuleTalking() {
        CheckResult r = healthy(1).run(new ChargeCurrentLimitCheck(), Expectations.of(4, US3000C));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.explanation()).contains("only one module talks");
        assertThat(r.measured()).isEqualTo("37.0 A");
        assertThat(r.expected()).startsWith("148.0 A (4 × 37.0 A");
    }

    @Test
    void cclOfSomeModulesFailsDeratedWarnsFullPassesAboveWarns() {
        var check = new ChargeCurrentLimitCheck();
        Expectations four = Expectations.of(4, US3000C);
        CheckResult three = healthy(3).run(check, four);
        assertThat(three.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(three.explanation()).contains("only 3 of 4 modules");
        assertThat(healthy(4).run(check, four).verdict()).isEqualTo(Verdict.PASS);
        assertThat(new Scenario().step(100, 52, -20, 97, 24, 4).run(check, four).explanation())
                .contains("derating");
        assertThat(healthy(5).run(check, four).verdict()).isEqualTo(Verdict.WARN);
        assertThat(new Scenario().step(148.4, 52, 0, 60, 24, 4).run(check, four).verdict())
                .as("within the 0.5 A tolerance").isEqualTo(Verdict.PASS);
        assertThat(healthy(4).run(check, Expectations.NONE).verdict()).isEqualTo(Verdict.SKIPPED);
    }

    // --- temperature

    @Test
    void temperatureOfExactlyZeroThroughoutFailsAndPlausibleOnesPass() {
        Scenario zero = new Scenario();
        for (int i = 0; i < 3; i++) {
            zero.step(148, 52 - 0.01 * i, -20, 60, 0, 4);
        }
        CheckResult r = zero.run(new TemperatureCheck(), Expectations.NONE);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.explanation()).contains("exactly 0 °C").contains("baud rate");
        assertThat(healthy(4).run(new TemperatureCheck(), Expectations.NONE).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void garbageTemperatureFails() {
        Scenario s = healthy(4).module(2, 40, 74, 24, 25, 6553.5, 24, 24);
        CheckResult r = s.run(new TemperatureCheck(), Expectations.NONE);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.explanation()).contains("6553.5 °C").contains("not plausible");
    }

    // --- single CAN master

    @Test
    void twoAlternating0x351PayloadsFail() {
        Scenario s = healthy(4);
        for (int i = 0; i < 4; i++) {
            s.frame(0x351, "14 02 C8 05 C8 05 C2 01").frame(0x355, "3C 00 63 00").frame(0x351,
                    "14 02 72 01 72 01 C2 01");
        }
        CheckResult r = s.run(new SingleCanMasterCheck(), Expectations.NONE);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.explanation()).contains("alternate").contains("no sender address");
    }

    @Test
    void the0x351AtTwiceTheRateOfTheOtherFramesFailsAndOnePerCyclePasses() {
        Scenario twice = healthy(4);
        Scenario once = healthy(4);
        for (int i = 0; i < 5; i++) {
            twice.frame(0x351, "14 02 C8 05 C8 05 C2 01").frame(0x351, "14 02 C8 05 C8 05 C2 01")
                    .frame(0x355, "3C 00 63 00").frame(0x359, "00 00 00 00 04 50 4E");
            once.frame(0x351, i < 3 ? "14 02 C8 05 C8 05 C2 01" : "14 02 00 05 C8 05 C2 01")
                    .frame(0x355, "3C 00 63 00").frame(0x359, "00 00 00 00 04 50 4E");
        }
        CheckResult r = twice.run(new SingleCanMasterCheck(), Expectations.NONE);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.explanation()).contains("2.0 times as often");
        assertThat(once.run(new SingleCanMasterCheck(), Expectations.NONE).verdict())
                .as("a limit that changes once is not a second sender").isEqualTo(Verdict.PASS);
    }

    @Test
    void singleMasterIsSkippedWithoutCan() {
        Scenario s = healthy(4);
        s.can = false;
        assertThat(s.run(new SingleCanMasterCheck(), Expectations.NONE).verdict()).isEqualTo(Verdict.SKIPPED);
    }

    @Test
    void singleMasterSaysPlainlyThatItDoesNotApplyToAnRs485Bank() {
        Scenario s = healthy(4).module(2, 30, 37, 20);
        s.can = false;
        CheckResult r = s.run(new SingleCanMasterCheck(), Expectations.NONE);
        assertThat(r.verdict()).isEqualTo(Verdict.SKIPPED);
        assertThat(r.explanation()).isEqualTo("Does not apply: this bank is read over RS485, and a second CAN master "
                + "can only be seen on a CAN bus.");
    }

    @Test
    void anObservationKeepsTheLimitsAndTheThreeCyclicFramesBesideThem() {
        assertThat(List.of(0x351, 0x355, 0x356, 0x359)).allMatch(Observation::isBankFrame);
        assertThat(List.of(0x305, 0x35C, 0x35E, 0x350, 0x352, 0x7FF)).noneMatch(Observation::isBankFrame);
    }

    // --- module count

    @Test
    void moduleCountBelowOrAboveTheExpectedFailsEqualPasses() {
        var check = new ModuleCountCheck();
        Expectations four = Expectations.of(4, US3000C);
        CheckResult fewer = healthy(3).run(check, four);
        assertThat(fewer.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(fewer.explanation()).contains("counts 3 of the 4 modules: 1 does not talk");
        assertThat(healthy(5).run(check, four).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(healthy(4).run(check, four).verdict()).isEqualTo(Verdict.PASS);
        assertThat(healthy(4).run(check, Expectations.NONE).verdict()).isEqualTo(Verdict.SKIPPED);
    }

    // --- SOC spread and new module

    @Test
    void socSpreadPassesWarnsAndFailsAtItsThresholds() {
        var check = new SocSpreadCheck();
        assertThat(healthy(2).module(2, 44.4, 74, 24).module(3, 48.1, 74, 24).run(check, Expectations.NONE)
                .verdict()).as("60 %% and 65 %%: 5 %% spread").isEqualTo(Verdict.PASS);
        assertThat(healthy(2).module(2, 44.4, 74, 24).module(3, 50.32, 74, 24).run(check, Expectations.NONE)
                .verdict()).as("60 %% and 68 %%").isEqualTo(Verdict.WARN);
        CheckResult r = healthy(2).module(2, 44.4, 74, 24).module(3, 59.2, 74, 24).run(check, Expectations.NONE);
        assertThat(r.verdict()).as("60 %% and 80 %%").isEqualTo(Verdict.FAIL);
        assertThat(r.measured()).isEqualTo("20.0 % (module 0x02 60.0 %, module 0x03 80.0 %)");
        assertThat(healthy(2).run(check, Expectations.NONE).verdict()).isEqualTo(Verdict.SKIPPED);
    }

    @Test
    void aNamedNewModuleMoreThanTwoPercentOffFailsAndWithinPasses() {
        var check = new NewModuleSocCheck();
        Expectations newFifth = Expectations.of(5, US3000C).withNewModules(Set.of(6));
        Scenario s = healthy(5);
        for (int adr = 2; adr <= 5; adr++) {
            s.module(adr, 44.4, 74, 24); // 60 %
        }
        Scenario off = healthy(5);
        Scenario close = healthy(5);
        for (int adr = 2; adr <= 5; adr++) {
            off.module(adr, 44.4, 74, 24);
            close.module(adr, 44.4, 74, 24);
        }
        off.module(6, 46.62, 74, 24); // 63 %
        close.module(6, 45.14, 74, 24); // 61 %
        CheckResult r = off.run(check, newFifth);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.explanation()).contains("module 0x06 63.0 %, bank 60.0 %").contains("within 2.0 %");
        assertThat(close.run(check, newFifth).verdict()).isEqualTo(Verdict.PASS);
        assertThat(off.run(check, Expectations.of(5, US3000C)).verdict()).as("unnamed: it cannot know which is new")
                .isEqualTo(Verdict.WARN);
        assertThat(s.run(check, newFifth).verdict()).as("named but not seen").isEqualTo(Verdict.WARN);
    }

    // --- groups and the LV-Hub

    @Test
    void seventeenModulesInOneGroupFail() {
        CheckResult r = healthy(17).run(new GroupLimitsCheck(), Expectations.of(17, US3000C));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.explanation()).contains("17 modules").contains("at most 16").contains("LV-Hub");
        assertThat(healthy(16).run(new GroupLimitsCheck(), Expectations.of(16, US3000C)).verdict())
                .isEqualTo(Verdict.PASS);
        assertThat(healthy(17).run(new GroupLimitsCheck(), Expectations.of(17, US3000C).withGroups(2)).verdict())
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void sevenGroupsFailAndTheCountTheBankReportsCountsToo() {
        assertThat(healthy(4).run(new GroupLimitsCheck(), Expectations.of(4, US3000C).withGroups(7)).explanation())
                .contains("7 groups are more than an LV-Hub joins");
        CheckResult reported = healthy(17).run(new GroupLimitsCheck(), Expectations.NONE);
        assertThat(reported.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(reported.explanation()).startsWith("The bank reports 17 modules in 1 group.");
        assertThat(healthy(4).run(new GroupLimitsCheck(), Expectations.NONE).verdict()).isEqualTo(Verdict.PASS);
    }

    // --- the report

    @Test
    void reportOverallIsTheWorstVerdictAndItsExitCodeFollows() {
        CommissioningReport healthy = Commissioning.evaluate(healthy(4).observation(), Expectations.of(4, US3000C));
        assertThat(healthy.result(ChargeCurrentLimitCheck.ID).orElseThrow().verdict()).isEqualTo(Verdict.PASS);
        assertThat(healthy.overall()).isEqualTo(Verdict.PASS);
        assertThat(healthy.exitCode()).isZero();
        CommissioningReport one = Commissioning.evaluate(healthy(1).observation(), Expectations.of(4, US3000C));
        assertThat(one.overall()).isEqualTo(Verdict.FAIL);
        assertThat(one.exitCode()).isEqualTo(1);
        Scenario idle = new Scenario();
        idle.step(148, 52, 0, 60, 24, 4).step(148, 52, 0, 60, 24, 4);
        CommissioningReport warn = Commissioning.evaluate(idle.observation(), Expectations.of(4, US3000C));
        assertThat(warn.overall()).isEqualTo(Verdict.WARN);
        assertThat(warn.exitCode()).isEqualTo(3);
    }

    @Test
    void aCheckThatThrowsIsReportedAsItsOwnFailureAndTheOthersStillRun() {
        CommissioningCheck broken = new CommissioningCheck() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public CheckResult evaluate(Observation o, Expectations e) {
                throw new IllegalStateException("boom");
            }
        };
        CommissioningReport r = Commissioning.evaluate(healthy(4).observation(), Expectations.NONE,
                List.of(broken, new CommunicationCheck()));
        assertThat(r.results()).extracting(CheckResult::verdict).containsExactly(Verdict.FAIL, Verdict.PASS);
        assertThat(r.results().get(0).explanation()).contains("boom");
    }

    @Test
    void jsonHasStableFieldsAndEscapes() {
        CommissioningReport r = new CommissioningReport("b\"1", 10, 3, List.of(
                CheckResult.of("module-count", Verdict.FAIL, "line\nbreak", "3", "4")));
        assertThat(r.toJson()).isEqualTo("{\"bankId\":\"b\\\"1\",\"overall\":\"FAIL\",\"windowSeconds\":10,"
                + "\"samples\":3,\"checks\":[{\"id\":\"module-count\",\"verdict\":\"FAIL\","
                + "\"explanation\":\"line\\nbreak\",\"measured\":\"3\",\"expected\":\"4\"}]}");
        assertThat(r.toText()).contains("FAIL    module-count").contains("measured: 3   expected: 4")
                .endsWith("Overall: FAIL\n");
    }

    // --- limits plausible

    @Test
    void limitsPlausibleFailsWhenTheDriverRefusedLimitsAndSaysWhy() {
        Scenario s = healthy(4);
        s.now = s.now.plusSeconds(1);
        // the 0x351 FF FF FF 7F FF 7F FF FF, as the CAN strategy hands it over
        boolean taken = s.model.onLimits(Source.CAN, Limits.of(6553.5, 3276.7, 3276.7, 6553.5),
                Set.of(LimitPlausibility.Field.CVL, LimitPlausibility.Field.DVL), Moment.ofInstant(s.now));
        assertThat(taken).isFalse();
        s.samples.add(s.model.status());
        s.counters = new DriverCounters(5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        CheckResult r = s.run(new LimitsPlausibleCheck(), Expectations.NONE);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.explanation()).contains("CCL 3276.7 A from the battery is implausible for 4 modules, at most 400 A");
        assertThat(r.measured()).isEqualTo("1 limit set refused");
    }

    @Test
    void limitsPlausibleNamesTheRefusedFrameEvenWhenAPlausibleOneFollowed() {
        Scenario s = healthy(4);
        s.frame(0x351, "FF FF FF 7F FF 7F FF FF").frame(0x351, "14 02 C8 05 C8 05 C2 01");
        s.counters = new DriverCounters(5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        CheckResult r = s.run(new LimitsPlausibleCheck(), Expectations.NONE);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.explanation()).contains("CCL 3276.7 A from the battery is implausible for 4 modules, at most 400 A");
    }

    @Test
    void limitsPlausibleChecksTheChargeVoltageLimit() {
        CheckResult ok = healthy(4).run(new LimitsPlausibleCheck(), Expectations.NONE);
        assertThat(ok.verdict()).isEqualTo(Verdict.PASS);
        assertThat(ok.measured()).isEqualTo("CVL 53.20 V, DVL 45.00 V");

        // a driver given wider bounds took a 24 V CVL: against a 48 V bank's window it fails
        BankModel wide = new BankModel("bank-1", InverterProfile.GENERIC_PYLON, io.pylon4j.driver.LimitPolicy
                .defaults().withPlausibility(LimitPlausibility.lfpCells(8, 16)), e -> { }, T0);
        wide.onLimits(Source.CAN, Limits.of(28.4, 50, 50, 23.2), T0.plusSeconds(1));
        Observation o = new Observation(List.of(wide.status()), List.of(), 0, NO_COUNTERS, true, false,
                Duration.ofSeconds(1));
        CheckResult low = new LimitsPlausibleCheck().evaluate(o, Expectations.NONE);
        assertThat(low.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(low.explanation()).contains("CVL 28.4 V from the battery is implausible: outside 37.5–58.4 V");
        assertThat(new LimitsPlausibleCheck(LimitPlausibility.lfpCells(8, 8)).evaluate(o, Expectations.NONE)
                .verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void limitsPlausibleIsSkippedWithoutLimits() {
        Scenario s = new Scenario();
        s.samples.add(s.model.status());
        assertThat(s.run(new LimitsPlausibleCheck(), Expectations.NONE).verdict()).isEqualTo(Verdict.SKIPPED);
    }
}
