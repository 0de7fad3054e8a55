package io.pylon4j.osgi.it.binding;

import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.stream.StreamTransports;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;

/**
 * A binding whose framework owns the serial port, as openHAB's {@code SerialPortManager} does: it is handed the
 * port's {@code InputStream} and {@code OutputStream} and gives them to {@link StreamTransports}, so no serial
 * library of pylon4j's is involved. The port is one end of a pseudo-terminal pair the test made (framework
 * property {@code pylon4j.it.port}); the bench, a 2 x US3000C simulated bank, answers on the other end
 * ({@code pylon4j.it.battery}).
 */
public final class SerialPortBinding {

    private Consumer<Object> sink;
    private SimulatorServer battery;
    private ByteStreamTransport port;
    private PylonDriver driver;

    /** DS: the test's report service (static, mandatory: set before {@link #activate(BundleContext)}). */
    public void setReport(Consumer<Object> sink) {
        this.sink = sink;
    }

    /** DS: starts the bench and the driver on the port's streams; does not wait for the bank. */
    public void activate(BundleContext context) {
        BindingReport report = new BindingReport(sink);
        try {
            SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(2).build();
            battery = SimulatorServer.builder(bank)
                    .rs485(streamsOf(Path.of(context.getProperty("pylon4j.it.battery")), "battery")).build();
            battery.start();
            port = streamsOf(Path.of(context.getProperty("pylon4j.it.port")), "ttyUSB0");
            driver = PylonDriver.rs485(port, DriverOptions.builder("osgi-serial").build());
            PylonDriver d = driver;
            d.addListener(event -> report.onStatus("serial", d));
            d.start();
        } catch (IOException | RuntimeException | LinkageError e) { // a class that cannot load is an answer too
            report.onError("serial", e);
        }
    }

    /**
     * The streams of an open port. Over channels, so that closing the transport ends a read blocked on the terminal
     * (as a serial library's stream does when its port is closed); two of them, because one FileChannel holds a lock
     * across a blocking read that its writes would wait for.
     */
    private static ByteStreamTransport streamsOf(Path tty, String name) throws IOException {
        InputStream in = Channels.newInputStream(FileChannel.open(tty, StandardOpenOption.READ));
        OutputStream out = Channels.newOutputStream(FileChannel.open(tty, StandardOpenOption.WRITE));
        return StreamTransports.of(in, out, name);
    }

    /**
     * DS: closes the driver, then the port's transport (the binding's: a driver closes only what it opened) and the
     * bench; the transports close the streams and end their threads.
     */
    public void deactivate() {
        if (driver != null) {
            driver.close();
        }
        if (port != null) {
            port.close();
        }
        if (battery != null) {
            battery.close();
        }
    }
}
