package example.jpms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.simulator.junit.PylonBank;
import io.pylon4j.simulator.junit.SimulatedBankHandle;
import io.pylon4j.transport.Transports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** On the module path: the driver, ServiceLoader-found transports, the simulator, and {@code @PylonBank}. */
class ConsumerTest {

    @Test
    void runsOnTheModulePath() {
        assertEquals("example.jpms", Main.class.getModule().getName());
        assertEquals("io.pylon4j.driver", PylonDriver.class.getModule().getName());
        assertEquals("io.pylon4j.simulator", PylonBank.class.getModule().getName());
        assertTrue(ModuleLayer.boot().findModule("io.pylon4j.transport.netty").isPresent(), "Netty transport module");
    }

    @Test
    void theMainCodeReadsASimulatedBank() throws Exception {
        BankStatus status = Main.readSimulatedBank(Duration.ofSeconds(30));
        assertEquals(74.0, status.publishedLimits().chargeCurrentLimitAmps()); // 2 x 37 A (US3000C)
    }

    /**
     * The application launched as users launch one, {@code java --module-path ... -m example.jpms/example.jpms.Main}
     * (only what the application requires is resolved, unlike under surefire): it reads a bank through Netty, and
     * Netty logs nothing at INFO, such as its "platform does not provide complete low-level API" when it cannot read
     * jdk.unsupported (io.pylon4j.transport.netty requires it).
     */
    @Test
    void launchedWithJavaMOverNettyItReadsTheBankAndNettyLogsNothing() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "--module-path", System.getProperty("jdk.module.path"),
                "-m", "example.jpms/example.jpms.Main", "tcp").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("FRESH"), output);
        // a java.util.logging record names its source (io.netty.…) on a header line that starts with the date; the
        // JVM's own "WARNING: sun.misc.Unsafe::… has been called by io.netty…" lines (JDK 24 and later) are not Netty's
        assertEquals(List.of(), output.lines().filter(l -> l.contains("io.netty") && !l.startsWith("WARNING: "))
                .toList(), output);
    }

    /** A bank served on tcp-listen:0 by @PylonBank, read through Netty's tcp: transport, found by ServiceLoader. */
    @Test
    @PylonBank(modules = 3, transport = PylonBank.Transport.TCP, can = false, manualTime = false)
    void theDriverReadsAPylonBankOverNettyAndNettyLogsNothingAtInfo(SimulatedBankHandle bank) throws Exception {
        List<LogRecord> netty = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLoggerName() != null && record.getLoggerName().startsWith("io.netty")
                        && record.getLevel().intValue() >= Level.INFO.intValue()) {
                    netty.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try (PylonDriver driver = PylonDriver.openRs485(Transports.fromServiceLoader(),
                "tcp:127.0.0.1:" + bank.rs485Port().orElseThrow(), DriverOptions.builder("tcp-bank").build())) {
            driver.start();
            BankStatus status = Main.awaitFresh(driver, Duration.ofSeconds(30));
            assertEquals(3, status.moduleCount().orElseThrow());
        } finally {
            root.removeHandler(capture);
        }
        assertEquals(List.of(), netty.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": "
                + r.getMessage()).toList(), "Netty's INFO and above on the module path");
    }
}
