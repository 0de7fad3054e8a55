package io.pylon4j.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.rs485.Command;
import io.pylon4j.rs485.ReturnCode;
import io.pylon4j.rs485.Rs485Frame;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.serial.SocatPtyPair;
import io.pylon4j.transport.tcplisten.TcpListenTransport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RS485 responder on real links, polled by a real pylon4j RS485 driver on real time as the inverter: over a
 * loopback TCP socket ({@code tcp-listen:} against {@code tcp:}) and over a pseudo-terminal pair made by socat
 * ({@code serial:} at both ends). The source is the simulator read by a driver on manual time
 * ({@link Rs485SourceRig}); the gateway's gate runs on that manual clock, so the source's staleness and the silence
 * time are stepped, while the inverter's polls run at their own pace. Rule by rule: nothing before the first
 * complete data, the source's values, an unknown command refused with RTN 0x04, STALE → zero currents and cleared
 * enables, silence after the profile's time.
 */
class Rs485GatewayOnRealLinksTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Transports TRANSPORTS = Transports.fromServiceLoader();

    @Test
    void overALoopbackSocket() throws Exception {
        ByteStreamTransport gatewayEnd = TRANSPORTS.byteStream("tcp-listen:0");
        int port = ((TcpListenTransport) gatewayEnd).localPort();
        rules(gatewayEnd, "tcp:127.0.0.1:" + port);
    }

    @Test
    void overASocatPtyPair(@TempDir Path dir) throws Exception {
        try (SocatPtyPair ptys = SocatPtyPair.start(dir)) {
            rules(TRANSPORTS.byteStream("serial:" + ptys.a() + "?baud=115200"), "serial:" + ptys.b() + "?baud=115200");
        }
    }

    private static void rules(ByteStreamTransport gatewayEnd, String inverterEndpoint) throws Exception {
        GatewayProfile profile = Rs485GatewayOnVirtualBusTest.PROFILE;
        try (Rs485SourceRig source = Rs485SourceRig.standalone()) {
            source.bank.updateFaults(f -> f.withCommunicationLost(true));
            ManualScheduler gatewayTime = new ManualScheduler(source.clock);
            ByteStreamTransport inverterEnd = TRANSPORTS.byteStream(inverterEndpoint);
            ByteArrayOutputStream heard = new ByteArrayOutputStream();
            inverterEnd.addByteListener((b, off, len, t) -> {
                synchronized (heard) {
                    heard.write(b, off, len);
                }
            });
            try (Rs485Gateway gateway = Rs485Gateway.builder(new DriverBankSource(source.driver, 100), gatewayEnd,
                    profile).scheduler(gatewayTime).time(source.clock).build();
                 PylonDriver inverter = PylonDriver.rs485(inverterEnd, DriverOptions.builder("inverter")
                         .profile(InverterProfile.GENERIC_PYLON).build())) {
                gatewayEnd.open();
                gateway.start();
                inverter.start();

                // nothing before the first complete data
                await(() -> gateway.counters().requests() >= 3, "the inverter's first requests");
                assertThat(gateway.counters().answered() + gateway.counters().refused()).isZero();
                assertThat(inverter.counters().rs485Replies()).isZero();

                // the source's values
                source.bank.updateFaults(f -> f.withCommunicationLost(false));
                source.pollCycle();
                source.pollCycle();
                Limits published = source.driver.status().publishedLimits().asLimits();
                await(() -> inverter.status().isFresh() && inverter.status().batteryLimits()
                        .map(l -> l.chargeCurrentLimitAmps() == published.chargeCurrentLimitAmps()).orElse(false),
                        "the source's limits at the inverter");
                assertThat(inverter.status().modules()).containsKeys(2, 3, 4, 5);

                // an unknown command (CID2 0x4A) at a slave: the protocol's error reply, RTN 0x04
                String refusal = new String(Rs485Frame.of(Rs485Frame.PYLONTECH_VERSION, 0x03, Command.CID1,
                        ReturnCode.INVALID_COMMAND.code()).encode(), StandardCharsets.US_ASCII);
                inverterEnd.write(Rs485Frame.of(Rs485Frame.PYLONTECH_VERSION, 0x03, Command.CID1, 0x4A).encode());
                await(() -> {
                    synchronized (heard) {
                        return heard.toString(StandardCharsets.US_ASCII).contains(refusal.strip());
                    }
                }, "the error reply " + refusal.strip());

                // the source goes STALE: zero currents, cleared enables
                source.bank.updateFaults(f -> f.withCommunicationLost(true));
                for (int i = 0; i < 5; i++) {
                    source.pollCycle();
                }
                gatewayTime.advance(Duration.ZERO);
                await(() -> gateway.state() == GatewayState.FAIL_SAFE && inverter.status().batteryLimits()
                        .map(l -> l.chargeCurrentLimitAmps() == 0 && l.dischargeCurrentLimitAmps() == 0)
                        .orElse(false), "zero limits at the inverter");
                assertThat(inverter.status().requestFlags()).hasValueSatisfying(f -> {
                    assertThat(f.chargeEnable()).isFalse();
                    assertThat(f.dischargeEnable()).isFalse();
                });

                // silence after the profile's time
                gatewayTime.advance(profile.silenceAfter().orElseThrow().plusSeconds(1));
                assertThat(gateway.state()).isEqualTo(GatewayState.SILENT);
                long answers = gateway.counters().answered() + gateway.counters().refused();
                long requests = gateway.counters().requests();
                await(() -> gateway.counters().requests() >= requests + 3, "the inverter's requests while silent");
                assertThat(gateway.counters().answered() + gateway.counters().refused()).isEqualTo(answers);
            } finally {
                gatewayEnd.close();
                inverterEnd.close();
            }
        }
    }

    private static void await(BooleanSupplier done, String what) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException(what + " did not arrive within " + WAIT.toSeconds() + " s");
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
