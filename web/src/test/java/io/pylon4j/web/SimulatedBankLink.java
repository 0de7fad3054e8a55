package io.pylon4j.web;

import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.simulator.LoadProfile;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.CanFrameSet;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.virtual.VirtualTransportProvider;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A simulated 4-module US3000C bank speaking CAN and RS485 on in-memory buses, read by the real driver in real time
 * (as {@code pylon demo} does), with short supervision timeouts so that a silenced bank turns STALE after 2 s and LOST
 * after 4 s; on demand, a second CAN master on the same bus.
 */
final class SimulatedBankLink implements AutoCloseable {

    final SimulatedBank bank;
    final SimulatorServer battery;
    final PylonDriver driver;
    private final CanTransport inverterCan;
    private final ByteStreamTransport inverterRs485;
    private final VirtualTransportProvider buses = new VirtualTransportProvider();
    private final String bankId;
    private SimulatorServer secondMaster;

    SimulatedBankLink(String bankId) throws Exception {
        this.bankId = bankId;
        bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(4).stateOfCharge(62)
                .loadProfile(LoadProfile.constant(-20)).build();
        inverterCan = buses.canBus(bankId + "-can").newMember();
        inverterRs485 = buses.byteBus(bankId + "-rs485").newMember();
        battery = SimulatorServer.builder(bank).frameSet(CanFrameSet.PYLON_V12)
                .can(buses.canBus(bankId + "-can").newMember()).rs485(buses.byteBus(bankId + "-rs485").newMember())
                .build();
        InverterProfile quick = InverterProfile.defaults().toBuilder().staleTimeout(Duration.ofSeconds(2))
                .lostTimeout(Duration.ofSeconds(4)).build();
        driver = PylonDriver.canAndRs485(inverterCan, inverterRs485,
                DriverOptions.builder(bankId).profile(quick).build());
        battery.start();
        driver.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Silences the bank on both buses, as if its cable were pulled. */
    void silence() {
        bank.updateFaults(f -> f.withCommunicationLost(true));
    }

    /**
     * Wires a second master to the same CAN bus (virtual:&lt;bank&gt;-can): another group's master, a 2-module bank whose
     * limits differ from the first one's, sending its own 1 s frame set (a slave's CAN port wired to the inverter).
     */
    void addSecondCanMaster() {
        SimulatedBank other = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(2).stateOfCharge(40)
                .build();
        secondMaster = SimulatorServer.builder(other).frameSet(CanFrameSet.PYLON_V12)
                .can(buses.canBus(bankId + "-can").newMember()).build();
        secondMaster.start();
    }

    @Override
    public void close() {
        if (secondMaster != null) {
            secondMaster.close();
        }
        driver.close();
        battery.close();
        inverterCan.close();
        inverterRs485.close();
    }
}
