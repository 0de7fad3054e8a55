package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.stream.StreamTransports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The late-reply case over a real TCP socket on loopback, on real time: a battery that holds its 0x93 reply back and
 * sends it when the 0x96 request arrives, just before the 0x96 reply, so that it lands on the request after its own
 * timeout whatever the machine's load (the peer reacts to requests, never to a clock). The driver must refuse it by
 * its length, count it, and publish the software version from 0x96's own reply (docs/safety.md, "A late RS485
 * reply").
 */
class Rs485LateReplyOnASocketTest {

    static final Duration WAIT = Duration.ofSeconds(10); // an upper bound for a loaded machine, not a speed claim

    @Test
    void aSerialNumberReplySentWithTheNextRequestsReplyIsRefusedAndTheVersionIsRight() throws Exception {
        FakeRs485Battery battery = new FakeRs485Battery();
        battery.holdOnce.add(0x93);
        InverterProfile noRetries = InverterProfile.GENERIC_PYLON.toBuilder()
                .rs485ResponseTimeout(Duration.ofMillis(300)).rs485Retries(0).build();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket peer = server.accept()) {
            Thread answering = new Thread(() -> answer(battery, peer), "pylon4j-test-late-battery");
            answering.setDaemon(true);
            answering.start();
            ByteStreamTransport link = StreamTransports.of(client.getInputStream(), client.getOutputStream(),
                    "late-socket");
            try (link; PylonDriver driver = PylonDriver.rs485(link,
                    DriverOptions.builder("bank-late-socket").profile(noRetries).build())) {
                driver.start();
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (System.nanoTime() < deadline && (module2(driver) == null
                        || module2(driver).manufacturerVersion().isEmpty())) {
                    Thread.sleep(20);
                }
                ModuleDetails m = module2(driver);
                assertThat(m).as("module 2 within " + WAIT).isNotNull();
                assertThat(m.manufacturerVersion()).hasValue("2.3"); // not "80.80", the serial number's bytes
                assertThat(m.mainlineVersion()).hasValue("0.6.5");
                assertThat(m.serialNumber()).isEmpty();
                assertThat(driver.counters().rs485RepliesNotMatchingRequest()).isEqualTo(1);
            }
        }
    }

    static ModuleDetails module2(PylonDriver driver) {
        return driver.status().modules().get(2);
    }

    /** The battery's side: one request a line; the held 0x93 reply goes out just before the 0x96 reply. */
    static void answer(FakeRs485Battery battery, Socket socket) {
        try (InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                request.write(b);
                if (b != '\r') {
                    continue;
                }
                byte[] frame = request.toByteArray();
                request.reset();
                byte[] reply = battery.apply(frame);
                if (battery.commands().get(battery.commands().size() - 1).startsWith("96") && !battery.held.isEmpty()) {
                    out.write(battery.held.poll()); // late: after its request's timeout, before this reply
                }
                if (reply != null) {
                    out.write(reply);
                }
                out.flush();
            }
        } catch (IOException e) {
            // the driver closed the link: the test is over
        }
    }
}
