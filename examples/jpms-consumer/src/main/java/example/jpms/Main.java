package example.jpms;

import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.driver.SupervisionState;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.tcplisten.TcpListenTransport;
import java.time.Duration;

/**
 * Starts a simulated bank and reads its limits with the driver: on an in-memory CAN bus ({@code virtual:}), or with
 * the argument {@code tcp} over RS485 on loopback TCP ({@code tcp-listen:0} served, {@code tcp:} read through Netty).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        BankStatus status = args.length > 0 && args[0].equals("tcp") ? readSimulatedBankOverTcp(Duration.ofSeconds(30))
                : readSimulatedBank(Duration.ofSeconds(30));
        System.out.println(status.supervisionState() + " " + status.publishedLimits());
    }

    /** The first fresh status the driver reads from a 2 x US3000C simulated bank on {@code virtual:}. */
    public static BankStatus readSimulatedBank(Duration timeout) throws Exception {
        Transports transports = Transports.fromServiceLoader(); // virtual: (transport-api) and tcp: (Netty), found
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(2).build();
        try (SimulatorServer battery = SimulatorServer.builder(bank).can(transports.can("virtual:jpms")).build();
             PylonDriver driver = PylonDriver.openCan(transports, "virtual:jpms",
                     DriverOptions.builder("jpms-bank").build())) {
            battery.start();
            driver.start();
            return awaitFresh(driver, timeout);
        }
    }

    /** The first fresh status the driver reads, through Netty's {@code tcp:}, from a bank on {@code tcp-listen:0}. */
    public static BankStatus readSimulatedBankOverTcp(Duration timeout) throws Exception {
        Transports transports = Transports.fromServiceLoader();
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(2).build();
        TcpListenTransport listen = (TcpListenTransport) transports.byteStream("tcp-listen:0");
        try (SimulatorServer battery = SimulatorServer.builder(bank).rs485(listen).build()) {
            battery.start();
            try (PylonDriver driver = PylonDriver.openRs485(transports, "tcp:127.0.0.1:" + listen.localPort(),
                    DriverOptions.builder("jpms-bank").build())) {
                driver.start();
                return awaitFresh(driver, timeout);
            }
        }
    }

    /** Waits for FRESH limits; the reading is the driver's, the wait is this example's. */
    public static BankStatus awaitFresh(PylonDriver driver, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (driver.status().supervisionState() != SupervisionState.FRESH) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no fresh limits within " + timeout + ": " + driver.status());
            }
            Thread.sleep(10);
        }
        return driver.status();
    }
}
