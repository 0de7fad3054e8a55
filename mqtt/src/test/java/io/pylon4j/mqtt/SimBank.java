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
        VirtualTransportProvider buses = new VirtualTransportProvider();
        bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(modules).stateOfCharge(62)
                .loadProfile(LoadProfile.constant(-20)).build();
        server = SimulatorServer.builder(bank).frameSet(CanFrameSet.PYLON_V12)
                .can(buses.canBus(bankId + "-can").newMember()).rs485(buses.byteBus(bankId + "-rs485").newMember())
                .build();
        can = buses.canBus(bankId + "-can").newMember();
        rs485 = buses.byteBus(bankId + "-rs485").newMember();
        driver = PylonDriver.canAndRs485(can, rs485, DriverOptions.builder(bankId).build());
        server.start();
        driver.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        driver.close();
        can.close();
        rs485.close();
        server.close();
    }
}
