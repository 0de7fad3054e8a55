package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pylon4j.driver.internal.Rs485Strategy;
import io.pylon4j.rs485.AlarmInfo;
import io.pylon4j.rs485.AlarmInfoRequest;
import io.pylon4j.rs485.Rs485Codec;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The RS485 poll state machine against a fake stack answering with captured frames, on a virtual clock. */
class Rs485DriverTest {

    final ManualClock clock = new ManualClock();
    final ManualScheduler scheduler = new ManualScheduler(clock.source());
    final ManualExecutor executor = new ManualExecutor();
    final FakeRs485Battery battery = new FakeRs485Battery();
    final FakeByteTransport link = new FakeByteTransport("fake-serial:test", battery);
    final List<BankEvent> events = new ArrayList<>();
    PylonDriver driver;

    void start() {
        driver = PylonDriver.rs485(link, DriverOptions.builder("bank-485").time(clock).scheduler(scheduler)
                .eventExecutor(executor).build());
        driver.addListener(events::add);
        driver.start();
    }

    /** Lets the due tasks run, then delivers every reply (each releases the next request). */
    void step(Duration d) {
        scheduler.advance(d);
        link.pump();
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void firstCycleAsksStartupThenStackThenPerModuleOnce() {
        start();
        step(Duration.ZERO);
        assertThat(battery.commands()).containsExactly("51@02", "47@02", "42@02", "44@02", "92@02",
                "93@02", "96@02", "93@03", "96@03", "93@04", "96@04");
        battery.received.clear();
        step(Duration.ofSeconds(1));
        assertThat(battery.commands()).containsExactly("42@02", "44@02", "92@02");
        assertThat(driver.counters().rs485Cycles()).isEqualTo(2);
        assertThat(driver.counters().rs485Replies()).isEqualTo(14);
        assertThat(driver.counters().rs485Timeouts()).isZero();
    }

    @Test
    void decodedValuesReachTheModel() {
        start();
        step(Duration.ZERO);
        BankStatus s = driver.status();
        assertThat(s.supervisionState()).isEqualTo(SupervisionState.FRESH);
        // 0x92 (tomcat42 US2000B): 53.25 V, 25.0 A, -25.0 A per module → times the 3 modules of the whole-stack
        // 0x42 reply: 75 A magnitudes, 47.0 V, status C0
        assertThat(s.batteryLimits()).hasValue(Limits.of(53.25, 75.0, 75.0, 47.0));
        assertThat(s.requestFlags()).hasValueSatisfying(f -> {
            assertThat(f.chargeEnable()).isTrue();
            assertThat(f.dischargeEnable()).isTrue();
        });
        // 0x42 stack (python-pylontech frame 1): 3 modules, -2.6/-2.5/-2.7 A, 49.545/49.52/49.504 V, 33.5 of 50 Ah
        assertThat(s.moduleCount()).hasValue(3);
        assertThat(s.measurements().currentAmps().getAsDouble()).isCloseTo(-7.8, within(1e-9));
        assertThat(s.measurements().voltageVolts().getAsDouble()).isCloseTo((49.545 + 49.52 + 49.504) / 3,
                within(1e-9));
        assertThat(s.measurements().socPercent().getAsDouble()).isCloseTo(67.0, within(1e-9));
        assertThat(s.modules()).containsOnlyKeys(2, 3, 4);
        ModuleDetails m1 = s.modules().get(2);
        assertThat(m1.voltageVolts()).hasValue(49.545);
        assertThat(m1.currentAmps()).hasValue(-2.6);
        assertThat(m1.cycles()).hasValue(31);
        assertThat(m1.cellVoltagesVolts()).hasSize(15).startsWith(3.303, 3.304, 3.302);
        assertThat(m1.serialNumber()).hasValue("PPTBH02123456789");
        assertThat(s.modules().get(4).serialNumber()).hasValue("PPTBH04123456789");
        assertThat(m1.mainlineVersion()).isPresent();
        assertThat(s.activeAlarms()).isEmpty();
        executor.runAll();
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).contains("LimitsChanged",
                "MeasurementsUpdated", "ModuleDetailsUpdated", "ModuleCountChanged");
    }

    @Test
    void theNextRequestIsWrittenBeforeTheReplyIsApplied() {
        // the line is idle from a reply's last byte to the next request's first: applying the reply (model, events)
        // waits until the next request is on its way (benchmarks/README.md, "RS485 poll cycle against wire time")
        List<String> modulesKnownAtWrite = new ArrayList<>();
        PylonDriver[] d = new PylonDriver[1];
        FakeByteTransport watched = new FakeByteTransport("fake-serial:watched", bytes -> {
            String command = new String(bytes, 7, 2, java.nio.charset.StandardCharsets.US_ASCII);
            modulesKnownAtWrite.add(command + ":" + d[0].status().modules().size());
            return battery.apply(bytes);
        });
        driver = d[0] = PylonDriver.rs485(watched, DriverOptions.builder("bank-485").time(clock)
                .scheduler(scheduler).eventExecutor(executor).build());
        driver.start();
        scheduler.advance(Duration.ZERO);
        watched.pump();

        // 0x44 goes out before the 0x42 reply's three modules reach the model; 0x92 after they did
        assertThat(modulesKnownAtWrite).startsWith("51:0", "47:0", "42:0", "44:0", "92:3");
        // and every reply was still applied: the same values as with the usual order
        assertThat(driver.status().modules()).containsOnlyKeys(2, 3, 4);
        assertThat(driver.status().batteryLimits()).hasValue(Limits.of(53.25, 75.0, 75.0, 47.0));
        assertThat(driver.status().modules().get(4).serialNumber()).hasValue("PPTBH04123456789");
    }

    @Test
    void repliesDeliveredWithinWriteAreStillAppliedInOrder() {
        // a transport that hands over the reply before write returns: the reply to the request just sent arrives
        // while the previous reply is still waiting to be applied, and must not overtake it or replace it
        link.deliverInline();
        start();
        scheduler.advance(Duration.ZERO);

        assertThat(battery.commands()).containsExactly("51@02", "47@02", "42@02", "44@02", "92@02",
                "93@02", "96@02", "93@03", "96@03", "93@04", "96@04");
        BankStatus s = driver.status();
        assertThat(s.bankInfo()).hasValueSatisfying(i -> {
            assertThat(i.deviceName()).hasValue("US2KBPL"); // 0x51, applied before 0x47's reply came in
            assertThat(i.systemParameters()).isPresent();
        });
        assertThat(s.batteryLimits()).hasValue(Limits.of(53.25, 75.0, 75.0, 47.0));
        assertThat(s.moduleCount()).hasValue(3);
        assertThat(s.measurements().currentAmps().getAsDouble()).isCloseTo(-7.8, within(1e-9));
        assertThat(s.modules().get(4).serialNumber()).hasValue("PPTBH04123456789");
        assertThat(driver.counters().rs485Replies()).isEqualTo(11);
        battery.received.clear();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(battery.commands()).containsExactly("42@02", "44@02", "92@02");
        assertThat(driver.counters().rs485Cycles()).isEqualTo(2);
    }

    @Test
    void manufacturerInfoAndSystemParametersOfTheCapturedUs2000BecomeBankInfo() {
        start();
        step(Duration.ZERO);
        BankInfo info = driver.status().bankInfo().orElseThrow();
        // rs485-tomcat42-lowlevel-us2000b.txt (docs/protocol.md §2.5.2, §2.5.5)
        assertThat(info.deviceName()).hasValue("US2KBPL");
        assertThat(info.manufacturerName()).hasValue("Pylon---------------");
        assertThat(info.softwareVersion()).hasValue("2.3");
        assertThat(info.systemParameters()).hasValue(new BankInfo.SystemParameters(3.65, 3.05, 2.9, 61.0, -11.0,
                102.0, 54.0, 46.0, 44.5, 61.0, -11.0, 100.0));
        executor.runAll();
        assertThat(events).filteredOn(e -> e instanceof BankEvent.BankInfoUpdated)
                .extracting(e -> ((BankEvent.BankInfoUpdated) e).info())
                .containsExactly(BankInfo.ofManufacturerInfo("US2KBPL", "Pylon---------------", "2.3"), info);
        // the master's own 0x92 figures (53.25 V, 47.0 V, 25.0 A, −25.0 A) are in its details
        ModuleDetails master = driver.status().modules().get(2);
        assertThat(master.chargeVoltageLimitVolts()).hasValue(53.25);
        assertThat(master.dischargeVoltageLimitVolts()).hasValue(47.0);
        assertThat(master.chargeCurrentLimitAmps()).hasValue(25.0);
        assertThat(master.dischargeCurrentLimitAmps()).hasValue(25.0);
    }

    @Test
    void aBankThatWasOffAtStartIsAskedForItsInfoWhenItAnswers() {
        battery.dropNext = Integer.MAX_VALUE;
        start();
        for (int i = 0; i < 20; i++) {
            step(Duration.ofSeconds(1));
        }
        assertThat(driver.status().bankInfo()).isEmpty();
        battery.dropNext = 0;
        battery.received.clear();
        for (int i = 0; i < 3; i++) {
            step(Duration.ofSeconds(1));
        }
        assertThat(battery.commands()).contains("51@02", "47@02");
        assertThat(driver.status().bankInfo()).hasValueSatisfying(i -> {
            assertThat(i.deviceName()).hasValue("US2KBPL");
            assertThat(i.systemParameters()).isPresent();
        });
        assertThat(driver.status().modules().get(4).serialNumber()).hasValue("PPTBH04123456789");
        battery.received.clear();
        step(Duration.ofSeconds(1));
        assertThat(battery.commands()).containsExactly("42@02", "44@02", "92@02");
    }

    @Test
    void alarmsOfEachModuleAreReportedPerChannel() {
        AlarmInfo captured = (AlarmInfo) Rs485Codec.decodeResponse(AlarmInfoRequest.of(2),
                FakeRs485Battery.frame(FakeRs485Battery.R44_ONE));
        var a = captured.modules().get(0);
        int[] cells = a.cellStates();
        cells[3] = 0x02; // cell 4 above its upper limit
        battery.alarm = new io.pylon4j.rs485.ModuleAlarm(cells, a.temperatureStates(), a.chargeCurrentState(),
                a.moduleVoltageState(), a.dischargeCurrentState(), a.status1(), a.status2(), a.status3(), a.status4(),
                a.status5());
        start();
        step(Duration.ZERO);
        assertThat(driver.status().activeAlarms()).extracting(ActiveAlarm::alarm).containsExactly(Alarm.CELL_OVER_VOLTAGE);
        assertThat(driver.model().channelAlarms(Source.RS485, "0x44@3")).hasSize(1);
    }

    @Test
    void unansweredRequestIsRetriedThenGivenUpAndTheCycleGoesOn() {
        start();
        step(Duration.ZERO);
        battery.received.clear();
        battery.silentFor.add(0x44);
        step(Duration.ofSeconds(1)); // 0x42 answered, 0x44 sent, no answer
        assertThat(battery.commands()).containsExactly("42@02", "44@02");
        // each timeout (1 s) is followed by the quiet guard (a quarter of it) before the next write
        step(Duration.ofMillis(1250)); // timeout, guard → retry 1
        step(Duration.ofMillis(1250)); // timeout, guard → retry 2 (profile default 2 retries)
        step(Duration.ofMillis(1250)); // timeout, guard → give up, 0x92 follows
        assertThat(battery.commands()).containsExactly("42@02", "44@02", "44@02", "44@02", "92@02");
        assertThat(driver.counters().rs485Retries()).isEqualTo(2);
        assertThat(driver.counters().rs485Timeouts()).isEqualTo(1);
    }

    /** Delivers {@code bytes} in {@code parts} pieces, {@code gap} apart, the first after one gap. */
    void trickle(byte[] bytes, int parts, Duration gap) {
        int from = 0;
        for (int i = 1; i <= parts; i++) {
            int to = bytes.length * i / parts;
            scheduler.advance(gap);
            link.inject(java.util.Arrays.copyOfRange(bytes, from, to));
            link.pump();
            from = to;
        }
    }

    /**
     * At 9600 baud a long stack's whole-stack 0x42 reply takes longer than the 1 s response timeout to arrive; a retry
     * written while it arrives would collide with it on the half-duplex bus. While the reply's bytes keep coming the
     * driver waits for it.
     */
    @Test
    void aReplyStillArrivingWhenTheTimeoutFallsIsWaitedForNotRetried() {
        start();
        step(Duration.ZERO);
        battery.received.clear();
        battery.dropNext = 1; // the 0x42 reply comes by hand below, in three parts 0.6 s apart: 1.8 s in all
        step(Duration.ofSeconds(1));
        trickle(FakeRs485Battery.wire(FakeRs485Battery.R42_STACK), 3, Duration.ofMillis(600));

        assertThat(battery.commands()).containsExactly("42@02", "44@02", "92@02");
        assertThat(driver.counters().rs485Retries()).isZero();
        assertThat(driver.counters().rs485Timeouts()).isZero();
        assertThat(driver.counters().rs485BadFrames()).isZero();
        assertThat(driver.status().modules()).containsOnlyKeys(2, 3, 4);
    }

    /** Part of a reply, then silence: the wait is extended once, for the bytes that came, then the request retried. */
    @Test
    void aReplyThatStopsHalfwayIsRetriedAfterOneMoreTimeout() {
        start();
        step(Duration.ZERO);
        battery.received.clear();
        battery.dropNext = 1;
        step(Duration.ofSeconds(1)); // 0x42 at 1 s
        byte[] reply = FakeRs485Battery.wire(FakeRs485Battery.R42_STACK);
        scheduler.advance(Duration.ofMillis(600));
        link.inject(java.util.Arrays.copyOf(reply, reply.length / 2));
        link.pump();
        step(Duration.ofMillis(400)); // 2 s: the timeout falls while the reply was arriving: wait on
        assertThat(battery.commands()).containsExactly("42@02");
        step(Duration.ofMillis(999));
        assertThat(battery.commands()).containsExactly("42@02");
        step(Duration.ofMillis(1)); // 3 s: nothing more came: the line is kept quiet for the guard (250 ms)
        assertThat(battery.commands()).containsExactly("42@02");
        step(Duration.ofMillis(250)); // then retry, answered this time
        assertThat(battery.commands()).containsExactly("42@02", "42@02", "44@02", "92@02");
        assertThat(driver.counters().rs485Retries()).isEqualTo(1);
        assertThat(driver.counters().rs485Timeouts()).isZero();
    }

    /** An endless unfinished frame (a babbling line) holds a request no longer than the longest frame at 9600 baud. */
    @Test
    void aBabblingLineHoldsTheRequestNoLongerThanTheLongestFrameAt9600Baud() {
        start();
        step(Duration.ZERO);
        battery.received.clear();
        battery.silentFor.add(0x42);
        step(Duration.ofSeconds(1)); // 0x42 at 1 s
        byte[] babble = new byte[100];
        java.util.Arrays.fill(babble, (byte) 'A');
        babble[0] = '~';
        scheduler.advance(Duration.ofMillis(100));
        link.inject(babble); // an SOI and what follows, no CR ever
        link.pump();
        java.util.Arrays.fill(babble, (byte) 'A');
        Duration waited = Duration.ofMillis(100);
        while (battery.commands().size() == 1 && waited.compareTo(Duration.ofSeconds(20)) < 0) {
            scheduler.advance(Duration.ofMillis(250));
            link.inject(babble);
            link.pump();
            waited = waited.plusMillis(250);
        }
        assertThat(battery.commands()).startsWith("42@02", "42@02"); // retried, not waited on for ever
        // the first timeout (1 s), then whole timeouts up to and including the one that passes the bound, then the
        // quiet guard (250 ms), which the bound does not extend
        assertThat(waited).isGreaterThan(Rs485Strategy.MAX_REPLY_WIRE_TIME)
                .isLessThanOrEqualTo(Rs485Strategy.MAX_REPLY_WIRE_TIME.plusSeconds(2).plusMillis(500));
    }

    @Test
    void aCycleStillRunningIsNotOverlapped() {
        start();
        step(Duration.ZERO);
        battery.received.clear();
        battery.dropNext = 1;
        step(Duration.ofSeconds(1)); // 0x42 unanswered; the next tick falls while it waits
        step(Duration.ofMillis(999));
        assertThat(battery.commands()).containsExactly("42@02");
        step(Duration.ofMillis(1)); // the timeout fires: quiet guard; the cycle tick at the same instant is skipped
        assertThat(battery.commands()).containsExactly("42@02");
        step(Duration.ofMillis(250)); // retry after the guard
        assertThat(battery.commands()).containsExactly("42@02", "42@02", "44@02", "92@02");
    }

    @Test
    void noPollWhileTheLinkIsDown() {
        start();
        step(Duration.ZERO);
        battery.received.clear();
        link.setState(io.pylon4j.transport.ConnectionState.WAITING_TO_RECONNECT);
        step(Duration.ofSeconds(3));
        assertThat(battery.received).isEmpty();
        assertThat(driver.counters().rs485Timeouts()).isZero();
        link.setState(io.pylon4j.transport.ConnectionState.CONNECTED);
        step(Duration.ofSeconds(1));
        // back: the cycle, and the static info read again (another bank may be behind the link now)
        assertThat(battery.commands()).containsExactly("51@02", "47@02", "42@02", "44@02", "92@02",
                "93@02", "96@02", "93@03", "96@03", "93@04", "96@04");
        assertThat(driver.counters().reconnects()).isEqualTo(1);
    }

    /** A link the caller opened before the driver: its first drop and return is a reconnect all the same. */
    @Test
    void aLinkOpenedBeforeTheDriverReconnectsLikeAnyOther() {
        link.open();
        start();
        step(Duration.ZERO);
        battery.received.clear();
        link.setState(io.pylon4j.transport.ConnectionState.WAITING_TO_RECONNECT);
        step(Duration.ofSeconds(1));
        link.setState(io.pylon4j.transport.ConnectionState.CONNECTED);
        step(Duration.ofSeconds(1));
        assertThat(driver.counters().reconnects()).isEqualTo(1);
        assertThat(battery.commands()).containsExactly("51@02", "47@02", "42@02", "44@02", "92@02",
                "93@02", "96@02", "93@03", "96@03", "93@04", "96@04");
    }

    @Test
    void aRejectionIsCountedAndThePollGoesOn() {
        battery.rejectFor.add(0x47);
        start();
        step(Duration.ZERO);
        assertThat(driver.counters().rs485Rejections()).isEqualTo(1);
        assertThat(driver.counters().rs485Timeouts()).isZero();
        assertThat(battery.commands()).startsWith("51@02", "47@02", "42@02");
        assertThat(driver.status().batteryLimits()).isPresent();
    }

    @Test
    void garbageAndUnaskedFramesAreCountedNotFatal() {
        start();
        step(Duration.ZERO);
        link.inject("~2002ZZ\r~junk".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        link.inject(FakeRs485Battery.wire(FakeRs485Battery.R92)); // unasked
        link.pump();
        assertThat(driver.counters().rs485BadFrames()).isPositive();
        step(Duration.ofSeconds(1));
        assertThat(driver.counters().rs485Cycles()).isEqualTo(2);
        assertThat(driver.status().supervisionState()).isEqualTo(SupervisionState.FRESH);
    }

    /**
     * docs/metrics.md: a checksum error (CHKSUM or LCHKSUM) counts once in {@code rs485ChecksumErrors} and once in
     * {@code rs485BadFrames}; other bad frames only in the latter.
     */
    @Test
    void aChecksumErrorCountsAsOneChecksumErrorOneBadFrameAndNoReply() {
        start();
        step(Duration.ZERO);
        DriverCounters before = driver.counters();
        byte[] corrupt = io.pylon4j.simulator.frontend.Rs485WireFaults.corruptChecksum(
                FakeRs485Battery.wire(FakeRs485Battery.R92));
        link.inject(corrupt);
        link.pump();
        DriverCounters after = driver.counters();
        assertThat(after.rs485ChecksumErrors()).isEqualTo(before.rs485ChecksumErrors() + 1);
        assertThat(after.rs485BadFrames()).isEqualTo(before.rs485BadFrames() + 1);
        assertThat(after.rs485Replies()).isEqualTo(before.rs485Replies());
        // the reader discards the bad frame's bytes, CR included, so they show in the resync counter as well
        assertThat(after.rs485Resyncs()).isEqualTo(before.rs485Resyncs() + corrupt.length);

        // LENGTH "B014": LCHKSUM B is right for LENID 014; A is not (docs/protocol.md §2.2)
        String r92 = FakeRs485Battery.R92;
        int at = r92.indexOf("B014");
        link.inject(FakeRs485Battery.wire(r92.substring(0, at) + "A014" + r92.substring(at + 4)));
        link.pump();
        assertThat(driver.counters().rs485ChecksumErrors()).isEqualTo(before.rs485ChecksumErrors() + 2);
        assertThat(driver.counters().rs485BadFrames()).isEqualTo(before.rs485BadFrames() + 2);

        link.inject("~2002ZZ\r".getBytes(java.nio.charset.StandardCharsets.US_ASCII)); // too short: not a checksum
        link.pump();
        assertThat(driver.counters().rs485BadFrames()).isEqualTo(before.rs485BadFrames() + 3);
        assertThat(driver.counters().rs485ChecksumErrors()).isEqualTo(before.rs485ChecksumErrors() + 2);
    }

    @Test
    void silentBatteryGoesStaleWithFailSafeLimits() {
        start();
        step(Duration.ZERO);
        battery.dropNext = Integer.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            step(Duration.ofMillis(1250)); // a timeout and its quiet guard
        }
        assertThat(driver.status().supervisionState()).isEqualTo(SupervisionState.STALE);
        assertThat(driver.status().publishedLimits().chargeCurrentLimitAmps()).isZero();
        assertThat(driver.status().chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.FAIL_SAFE_STALE);
        assertThat(driver.counters().rs485Retries()).isEqualTo(2);
        for (int i = 0; i < 7; i++) {
            step(Duration.ofSeconds(1));
        }
        assertThat(driver.status().supervisionState()).isEqualTo(SupervisionState.LOST);
        assertThat(driver.counters().rs485Timeouts()).isPositive();
        battery.dropNext = 0;
        step(Duration.ofSeconds(3)); // the running cycle gives up its last request; the next one is answered
        assertThat(driver.status().supervisionState()).isIn(SupervisionState.RECOVERED, SupervisionState.FRESH);
        assertThat(driver.status().publishedLimits().chargeCurrentLimitAmps()).isEqualTo(75.0); // 3 × 25 A
    }

    /** The wall clock stepped back or forward while the battery is silent moves neither STALE nor LOST. */
    @ParameterizedTest(name = "wall clock stepped by {0} s after 1 s of silence")
    @ValueSource(longs = {0, -3600, 3600})
    void aWallClockStepDuringSilenceMovesNeitherStaleNorLost(long stepSeconds) {
        start();
        step(Duration.ZERO);
        long limitsAt = driver.status().stamp(BankField.LIMITS).orElseThrow().atNanos();
        battery.dropNext = Integer.MAX_VALUE;
        List<Map.Entry<SupervisionState, Duration>> changes = new ArrayList<>();
        SupervisionState last = driver.status().supervisionState();
        for (int ms = 100; ms <= 12_000; ms += 100) {
            step(Duration.ofMillis(100));
            if (ms == 1000) {
                clock.stepWallClock(Duration.ofSeconds(stepSeconds));
            }
            SupervisionState now = driver.status().supervisionState();
            if (now != last) {
                changes.add(Map.entry(now, Duration.ofNanos(clock.nanoTime() - limitsAt)));
                last = now;
            }
        }
        assertThat(changes).containsExactly(Map.entry(SupervisionState.STALE, Duration.ofSeconds(3)),
                Map.entry(SupervisionState.LOST, Duration.ofSeconds(10)));
        assertThat(driver.status().supervisionSince()).isEqualTo(clock.instant().minusSeconds(2));
    }

    @Test
    void closeCancelsPollsAndTimeouts() {
        start();
        step(Duration.ZERO);
        battery.dropNext = 1;
        step(Duration.ofSeconds(1)); // a timeout is pending
        driver.close();
        driver.close();
        assertThat(scheduler.pending()).isZero();
        assertThat(link.listenerCount()).isZero();
        battery.received.clear();
        step(Duration.ofSeconds(5));
        assertThat(battery.received).isEmpty();
    }

    @Test
    void aTimeoutThatFiresAfterItsReplyDoesNotTimeOutTheNextRequest() {
        // a timer that had begun to fire when its reply came in on the I/O thread: cancelling it comes too late
        Scheduler lateCancel = new Scheduler() {
            @Override
            public Cancellable scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period) {
                return scheduler.scheduleAtFixedRate(task, initialDelay, period);
            }

            @Override
            public Cancellable schedule(Runnable task, Duration delay) {
                scheduler.schedule(task, delay);
                return () -> { };
            }
        };
        driver = PylonDriver.rs485(link, DriverOptions.builder("bank-485").time(clock).scheduler(lateCancel)
                .eventExecutor(executor).build());
        driver.start();
        step(Duration.ZERO); // the first cycle, every request answered at once: every response timer still fires
        battery.received.clear();
        step(Duration.ofSeconds(1)); // they fire while the next cycle's first request waits for its reply
        assertThat(driver.counters().rs485Retries()).isZero();
        assertThat(driver.counters().rs485Timeouts()).isZero();
        assertThat(battery.commands()).containsExactly("42@02", "44@02", "92@02");
    }
}
