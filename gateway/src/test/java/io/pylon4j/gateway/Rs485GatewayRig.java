package io.pylon4j.gateway;

import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.ByteStreamTransport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

/**
 * The RS485 gateway between real parts, on manual time: the simulator read by an RS485 driver (the source,
 * {@link Rs485SourceRig}), the gateway, and on the inverter's side a second real RS485 driver polling the gateway as
 * an inverter would. The inverter's side is an in-memory byte bus unless the caller hands two transports (a loopback
 * socket, a pty pair). {@link #second()} moves one simulated second in a fixed order: the source polls the bank, the
 * gate ticks, the inverter polls the gateway.
 */
final class Rs485GatewayRig implements AutoCloseable {

    final Rs485SourceRig bank;
    final ManualScheduler gatewayTime;
    final ManualScheduler inverterTime;
    final ByteStreamTransport gatewaySide;
    final ByteStreamTransport inverterSide;
    final Rs485Gateway gateway;
    final PylonDriver inverter;
    final List<GatewayEvent> events = new CopyOnWriteArrayList<>();
    private final InverterLink link;

    /** On an in-memory byte bus. */
    Rs485GatewayRig(GatewayProfile profile, boolean faultFromStart) throws Exception {
        this(profile, faultFromStart, null, null);
    }

    /**
     * On the given link, or an in-memory one when both are null.
     *
     * @param gatewayEnd  the gateway's end, not yet open
     * @param inverterEnd the inverter's end, not yet open
     */
    Rs485GatewayRig(GatewayProfile profile, boolean faultFromStart, ByteStreamTransport gatewayEnd,
                    ByteStreamTransport inverterEnd) throws Exception {
        bank = Rs485SourceRig.standalone();
        if (faultFromStart) {
            bank.bank.updateFaults(f -> f.withCommunicationLost(true));
        }
        gatewayTime = new ManualScheduler(bank.clock);
        inverterTime = new ManualScheduler(bank.clock);
        link = new InverterLink(gatewayEnd != null ? gatewayEnd : bank.buses.byteBus("inverter").newMember(),
                inverterEnd != null ? inverterEnd : bank.buses.byteBus("inverter").newMember(),
                side -> Rs485Gateway.builder(new DriverBankSource(bank.driver, 100), side, profile)
                        .scheduler(gatewayTime).time(bank.clock).listener(events::add).build(),
                DriverOptions.builder("inverter").profile(InverterProfile.GENERIC_PYLON).time(bank.clock)
                        .scheduler(inverterTime).eventExecutor(Runnable::run).build());
        gatewaySide = link.gatewaySide;
        inverterSide = link.inverterSide;
        gateway = link.gateway;
        inverter = link.inverter;
    }

    /** Lets {@code n} simulated seconds pass, one at a time. */
    void seconds(int n) throws TimeoutException, InterruptedException {
        for (int i = 0; i < n; i++) {
            second();
        }
    }

    /**
     * One second: the source polls the bank, the gate ticks, the inverter polls the gateway; then this waits until
     * the inverter's side is quiet ({@link InverterLink#quiet()}).
     */
    void second() throws TimeoutException, InterruptedException {
        bank.pollCycle();
        gatewayTime.advance(Duration.ofSeconds(1));
        Rs485SourceRig.oneSecondInSteps(inverterTime, link::quiet, "the inverter's poll cycle");
    }

    @Override
    public void close() {
        link.close();
        bank.close();
    }
}
