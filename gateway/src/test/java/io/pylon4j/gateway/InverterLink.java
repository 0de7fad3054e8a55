package io.pylon4j.gateway;

import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.transport.ByteStreamTransport;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The inverter's side of the RS485 gateway rigs: an {@link Rs485Gateway} on one end of a link and, on the other, a
 * real RS485 driver polling it as an inverter would, with the frame counts that tell when that side is quiet.
 * {@link Rs485GatewayRig} (one bank) and {@code CombinedRs485GatewayTest}'s hub (two banks behind a
 * {@link CombinedBankSource}) both stand on it; each adds its own source side and its own way of letting a second
 * pass. Closed inverter first, then the gateway, then both ends of the link.
 */
final class InverterLink implements AutoCloseable {

    final ByteStreamTransport gatewaySide;
    final ByteStreamTransport inverterSide;
    final Rs485Gateway gateway;
    final PylonDriver inverter;
    private final FrameEnds gatewayEnds = new FrameEnds();
    private final FrameEnds inverterEnds = new FrameEnds();

    /**
     * Opens the gateway's end and starts the gateway, then starts the inverter's driver on the other end.
     *
     * @param gatewaySide  the gateway's end, not yet open
     * @param inverterSide the inverter's end, not yet open
     * @param gatewayOn    builds the gateway on the gateway's end (its source, profile, scheduler, clock)
     * @param inverter     the inverter driver's options (its time, scheduler, groups)
     */
    InverterLink(ByteStreamTransport gatewaySide, ByteStreamTransport inverterSide,
                 Function<ByteStreamTransport, Rs485Gateway> gatewayOn, DriverOptions inverter) throws Exception {
        this.gatewaySide = gatewaySide;
        this.inverterSide = inverterSide;
        gateway = gatewayOn.apply(gatewaySide);
        gatewaySide.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        gateway.start();
        gatewaySide.addByteListener(gatewayEnds); // after the gateway's own listener
        this.inverter = PylonDriver.rs485(inverterSide, inverter);
        inverterSide.addByteListener(inverterEnds); // after the driver's own listener, added when it was made
        this.inverter.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /**
     * Whether the inverter's side is quiet: every request the inverter wrote taken in by the gateway, every reply the
     * gateway wrote applied by the inverter (its driver writes the next request before it applies a reply).
     */
    boolean quiet() {
        Rs485GatewayCounters g = gateway.counters();
        return gatewayEnds.count() == inverter.counters().rs485Requests()
                && inverterEnds.count() == g.answered() + g.refused();
    }

    @Override
    public void close() {
        inverter.close();
        gateway.close();
        gatewaySide.close();
        inverterSide.close();
    }
}
