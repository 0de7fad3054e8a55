package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.transport.Transports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * {@code monitor}, {@code commission} and {@code scan} against a link that never comes up (a real refused loopback
 * port through the real {@code tcp:} transport, a missing serial device through the real {@code serial:} one) name
 * the cause as soon as the first attempt fails, instead of waiting for a timeout and blaming the battery. The
 * timeouts given are long on purpose: a command that waited them out would still fail the cause assertions, and
 * the JUnit {@code @Timeout} only stops a hang.
 */
class LinkDownCommandsTest {

    record Result(int status, String out, String err) {
    }

    int port;
    String refused;

    @BeforeEach
    void closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        refused = "connection refused by 127.0.0.1:" + port;
    }

    static Result run(Callable<Integer> command, Transports transports, String... args) {
        if (command instanceof MonitorCommand m) {
            m.transports = transports;
        } else if (command instanceof CommissionCommand c) {
            c.transports = transports;
        } else if (command instanceof ScanCommand s) {
            s.transports = transports;
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void monitorOnceNamesARefusedPortInsteadOfWaiting() {
        Result r = run(new MonitorCommand(), Transports.fromServiceLoader(),
                "--rs485", "tcp:127.0.0.1:" + port, "--once", "--timeout", "60");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("monitor: the RS485 link did not come up: " + refused)
                .doesNotContain("no complete snapshot");
        assertThat(r.out()).contains("\"linkCause\":\"" + refused + "\"");
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void monitorOnceNamesAMissingSerialDevice() {
        Result r = run(new MonitorCommand(), Transports.fromServiceLoader(),
                "--rs485", "serial:/dev/ttyNOPE", "--once", "--timeout", "60");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("monitor: the RS485 link did not come up: no such device /dev/ttyNOPE");
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void monitorJsonPrintsTheLinkEventWithItsCause() {
        Result r = run(new MonitorCommand(), Transports.fromServiceLoader(),
                "--can", "socketcand:127.0.0.1:" + port + "/can0", "--json", "--max-events", "2");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).hasSize(2).last().asString()
                .contains("\"type\":\"LINK_STATE_CHANGED\"", "\"source\":\"CAN\"",
                        "\"current\":\"WAITING_TO_RECONNECT\"", "\"cause\":\"" + refused + "\"");
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void commissionNamesTheRefusedPortAndDoesNotBlameTheBattery() {
        Result r = run(new CommissionCommand(), Transports.fromServiceLoader(),
                "--rs485", "--seconds", "60", "tcp:127.0.0.1:" + port);

        assertThat(r.err()).contains("commission: the link to the bank did not come up: " + refused);
        assertThat(r.out()).contains("The link to the bank never came up: " + refused)
                .doesNotContain("check that the battery is on");
        assertThat(r.status()).isNotZero();
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void scanNamesTheRefusedPort() {
        Result r = run(new ScanCommand(), Transports.fromServiceLoader(), "tcp:127.0.0.1:" + port);

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("pylon scan: cannot open tcp:127.0.0.1:" + port + ": " + refused);
    }
}
