package example.jpms;

import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.driver.SupervisionState;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.transport.Transports;
import java.time.Duration;

/** Starts a simulated bank on an in-memory CAN bus and reads its limits with the driver. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        BankStatus status = readSimulatedBank(Duration.ofSeconds(30));
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
