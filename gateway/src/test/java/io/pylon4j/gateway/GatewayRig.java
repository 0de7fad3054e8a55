package io.pylon4j.gateway;

import io.pylon4j.can.CanFrame;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.CanFrameSet;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.time.ManualTimeSource;
import io.pylon4j.transport.virtual.VirtualTransportProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The gateway between real parts on in-memory CAN buses, on manual time: simulated banks (the real simulator) read
 * by real pylon4j drivers (the source), the gateway, and on the inverter's bus a second pylon4j driver as the
 * inverter's ears (it decodes what the gateway sends, and sends the keep-alive 0x305 each second) plus a tap that
 * keeps every frame the gateway sent. {@link #second()} moves one simulated second in a fixed order — banks send,
 * drivers tick, the gateway cycles, the ears take it in — waiting (bounded, never sleeping) for the buses'
 * delivery threads in between.
 */
final class GatewayRig implements AutoCloseable {

    private static final Set<Integer> INVERTER_IDS = Set.of(0x305, 0x306, 0x307);

    final ManualTimeSource clock = new ManualTimeSource(Instant.parse("2026-01-01T00:00:00Z"));
    final ManualScheduler bankTime = new ManualScheduler(clock);
    final ManualScheduler driverTime = new ManualScheduler(clock);
    final ManualScheduler gatewayTime = new ManualScheduler(clock);
    final VirtualTransportProvider buses = new VirtualTransportProvider();
    final List<SimulatedBank> banks = new ArrayList<>();
    final List<SimulatorServer> servers = new ArrayList<>();
    final List<PylonDriver> sources = new ArrayList<>();
    final List<CanTransport> transports = new ArrayList<>();
    final PylonDriver ears;
    final CanTransport gatewaySide;
    final CanGateway gateway;
    final List<CanFrame> tapped = new CopyOnWriteArrayList<>();
    /** When each frame of {@link #tapped} arrived (the same index), the rig's manual clock's nanoseconds. */
    final List<Long> tappedAt = new CopyOnWriteArrayList<>();
    final List<GatewayEvent> events = new CopyOnWriteArrayList<>();
    private boolean earsClosed;

    /**
     * A rig of {@code bankCount} banks of four US5000 each, combined when there are several.
     *
     * @param bankCount how many banks feed the gateway
     * @param profile   the gateway's profile
     * @param faultFromStart whether the banks are silent from the start
     */
    GatewayRig(int bankCount, GatewayProfile profile, boolean faultFromStart) throws Exception {
        List<BankSource> members = new ArrayList<>();
        for (int i = 0; i < bankCount; i++) {
            SimulatedBank bank = SimulatedBank.builder(ModulePreset.named("US5000")).modulesPerGroup(4)
                    .stateOfCharge(40 + 20 * i).build();
            if (faultFromStart) {
                bank.updateFaults(f -> f.withCommunicationLost(true));
            }
            banks.add(bank);
            CanTransport bankSide = member("battery-" + i);
            servers.add(SimulatorServer.builder(bank).frameSet(CanFrameSet.PYLON_V12).scheduler(bankTime)
                    .can(bankSide).build());
            PylonDriver source = PylonDriver.can(member("battery-" + i), DriverOptions.builder("bank-" + i)
                    .profile(InverterProfile.GENERIC_PYLON).time(clock).scheduler(driverTime)
                    .eventExecutor(Runnable::run).build());
            sources.add(source);
            members.add(new DriverBankSource(source, 100));
        }
        gatewaySide = member("inverter");
        CanTransport tap = member("inverter");
        tap.addFrameListener((f, t) -> {
            if (!INVERTER_IDS.contains(f.id())) {
                tappedAt.add(clock.nanoTime()); // the rig waits for the tap before time moves on: this is the send time
                tapped.add(f);
            }
        });
        ears = PylonDriver.can(member("inverter"), DriverOptions.builder("ears")
                .profile(InverterProfile.GENERIC_PYLON).time(clock).scheduler(driverTime)
                .eventExecutor(Runnable::run).build());
        BankSource source = bankCount == 1 ? members.get(0) : new CombinedBankSource(members, 1);
        gateway = CanGateway.builder(source, gatewaySide, profile).scheduler(gatewayTime).time(clock)
                .listener(events::add).build();
        for (SimulatorServer s : servers) {
            s.start();
        }
        gatewaySide.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        tap.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        for (PylonDriver d : sources) {
            d.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        ears.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
        gateway.start();
    }

    private CanTransport member(String bus) {
        CanTransport t = buses.canBus(bus).newMember();
        transports.add(t);
        return t;
    }

    /** Lets {@code n} simulated seconds pass, one at a time. */
    void seconds(int n) throws TimeoutException, InterruptedException {
        for (int i = 0; i < n; i++) {
            second();
        }
    }

    /**
     * One simulated second, in two halves, so that a profile cycling every 500 ms (SMA) runs each cycle on its time
     * rather than two at once (which the gateway leaves out as a catch-up after a stall).
     */
    void second() throws TimeoutException, InterruptedException {
        halfSecond();
        halfSecond();
    }

    private void halfSecond() throws TimeoutException, InterruptedException {
        step(Duration.ofMillis(500));
    }

    /**
     * Lets {@code time} pass in one step: the banks send when due, the drivers tick, the gateway runs every cycle
     * that fell due (back to back, as a fixed-rate scheduler catches up after a stall), the ears take it in.
     */
    void step(Duration time) throws TimeoutException, InterruptedException {
        bankTime.advance(time);
        for (int i = 0; i < sources.size(); i++) {
            SimulatorServer s = servers.get(i);
            PylonDriver d = sources.get(i);
            Rs485SourceRig.await(() -> d.counters().canFrames() >= s.traffic().canFramesSent(),
                    "bank " + i + "'s frames");
        }
        driverTime.advance(Duration.ZERO);
        if (!earsClosed) {
            Rs485SourceRig.await(() -> gateway.counters().keepAlivesSeen() >= ears.counters().keepAlivesSent(),
                    "the keep-alives");
        }
        gatewayTime.advance(Duration.ZERO);
        Rs485SourceRig.await(() -> tapped.size() >= gateway.counters().framesSent(),
                "the gateway's frames at the tap");
        if (!earsClosed) {
            Rs485SourceRig.await(() -> ears.counters().canFrames() >= gateway.counters().framesSent(),
                    "the gateway's frames");
        }
        driverTime.advance(Duration.ZERO);
    }

    /** Closes the inverter's driver: its keep-alives stop. */
    void closeEars() {
        earsClosed = true;
        ears.close();
    }

    /** {@return the frames the tap received with this id, oldest first} */
    List<CanFrame> tapped(int id) {
        return tapped.stream().filter(f -> f.id() == id).toList();
    }

    @Override
    public void close() {
        gateway.close();
        ears.close();
        sources.forEach(PylonDriver::close);
        servers.forEach(SimulatorServer::close);
        transports.forEach(CanTransport::close);
    }
}
