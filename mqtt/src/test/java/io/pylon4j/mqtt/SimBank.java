package io.pylon4j.mqtt;

import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.simulator.LoadProfile;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.CanFrameSet;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.time.ManualTimeSource;
import io.pylon4j.transport.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import io.pylon4j.transport.virtual.VirtualTransportProvider;
import java.util.concurrent.TimeUnit;

/**
 * A simulated bank (the real simulator, CAN and RS485 on in-memory buses, real time) read by the real driver: what
 * the bridge publishes in these tests comes from frames, not from a mock.
 */
final class SimBank implements AutoCloseable {

    final SimulatedBank bank;
    final PylonDriver driver;
    private final SimulatorServer server;
    private final CanTransport can;
    private final ByteStreamTransport rs485;

    SimBank(String bankId, int modules) throws Exception {
        this(bankId, modules, TimeSource.system(), true);
    }

    /**
     * A bank read over RS485 only by a driver whose time never moves: every age stays zero, so once the bank's
     * values are frozen ({@link SimulatedBank#freezeValues()}) the driver's status stays the same, byte for byte,
     * however loaded the machine. One link only: with two, which link each field is read from depends on which
     * reported first (the same instant, different resolutions: 53.2 V over CAN, 53.25 V over RS485).
     */
    static SimBank rs485OnStoppedTime(String bankId, int modules) throws Exception {
        return new SimBank(bankId, modules, new ManualTimeSource(Instant.parse("2026-01-01T00:00:00Z")), false);
    }

    private SimBank(String bankId, int modules, TimeSource driverTime, boolean readCan) throws Exception {
        VirtualTransportProvider buses = new VirtualTransportProvider();
        // a discharge of 20 A and 21 A in turn, integrated every second: the values move every second on both links,
        // whichever link the driver reads each field from (a steady bank's fields no longer flip between the links,
        // so without it a state could stay the same for the 10 s of the default integration step)
        bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(modules).stateOfCharge(62)
                .integrationStep(Duration.ofSeconds(1)).loadProfile(LoadProfile.repeating(List.of(
                        LoadProfile.step(Duration.ofSeconds(1), -20), LoadProfile.step(Duration.ofSeconds(1), -21))))
                .build();
        server = SimulatorServer.builder(bank).frameSet(CanFrameSet.PYLON_V12)
                .can(buses.canBus(bankId + "-can").newMember()).rs485(buses.byteBus(bankId + "-rs485").newMember())
                .build();
        can = readCan ? buses.canBus(bankId + "-can").newMember() : null;
        rs485 = buses.byteBus(bankId + "-rs485").newMember();
        DriverOptions options = DriverOptions.builder(bankId).time(driverTime).build();
        driver = readCan ? PylonDriver.canAndRs485(can, rs485, options) : PylonDriver.rs485(rs485, options);
        server.start();
        driver.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        driver.close();
        if (can != null) {
            can.close();
        }
        rs485.close();
        server.close();
    }
}
