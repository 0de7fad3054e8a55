package io.pylon4j.osgi.it.binding;

import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.tcplisten.TcpListenTransport;
import java.util.function.Consumer;

/**
 * A binding that reads a bank behind a serial-over-IP bridge, {@code PylonDriver.openRs485("tcp:HOST:PORT")}, as a
 * user configures it: the {@code tcp:} scheme is Netty's, in another bundle, found only through the ServiceLoader
 * Mediator (SPI Fly). Its bench, a 2 x US3000C simulated bank served on {@code tcp-listen:0} by the simulator bundle,
 * stands in for the bridge and the battery.
 */
public final class TcpBinding {

    private Consumer<Object> sink;
    private SimulatorServer battery;
    private PylonDriver driver;

    /** DS: the test's report service (static, mandatory: set before {@link #activate()}). */
    public void setReport(Consumer<Object> sink) {
        this.sink = sink;
    }

    /** DS: starts the bench and the driver; does not wait for the bank (an activator must not block). */
    public void activate() {
        BindingReport report = new BindingReport(sink);
        try {
            SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(2).build();
            TcpListenTransport listen = (TcpListenTransport) Transports.fromServiceLoader().byteStream("tcp-listen:0");
            battery = SimulatorServer.builder(bank).rs485(listen).build();
            battery.start();
            driver = PylonDriver.openRs485("tcp:127.0.0.1:" + listen.localPort(),
                    DriverOptions.builder("osgi-tcp").build());
            PylonDriver d = driver;
            d.addListener(event -> report.onStatus("tcp", d));
            d.start();
        } catch (RuntimeException | LinkageError e) { // a class that cannot load is the test's answer too
            report.onError("tcp", e);
        }
    }

    /** DS: closes the driver and the bench (their threads end with them). */
    public void deactivate() {
        if (driver != null) {
            driver.close();
        }
        if (battery != null) {
            battery.close();
        }
    }
}
