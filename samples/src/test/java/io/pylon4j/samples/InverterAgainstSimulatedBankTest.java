package io.pylon4j.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CanMessage;
import io.pylon4j.can.ChargeDischargeLimits;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.simulator.ModuleId;
import io.pylon4j.simulator.junit.PylonBank;
import io.pylon4j.simulator.junit.SimulatedBankHandle;
import io.pylon4j.transport.CanTransport;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * How another project tests its inverter code against a simulated bank with the JUnit 5 extension: annotate, take a
 * {@link SimulatedBankHandle}, connect the code under test to the bank's endpoint, move the bank's clock, inject a
 * fault, assert what the code under test did.
 */
@PylonBank(modules = 4, preset = "US3000C", soc = 60)
class InverterAgainstSimulatedBankTest {

    /** The code under test, standing in for an inverter's charge controller: obeys the last 0x351 it saw. */
    static final class ChargeController {
        private final AtomicReference<ChargeDischargeLimits> limits = new AtomicReference<>();

        ChargeController(CanTransport can) {
            can.addFrameListener((frame, nanos) -> {
                CanMessage m = PylonCanCodec.standard().decode(frame);
                if (m instanceof ChargeDischargeLimits l) {
                    limits.set(l);
                }
            });
        }

        double chargeCurrentAmps(double wanted) {
            ChargeDischargeLimits l = limits.get();
            return l == null ? 0 : Math.min(wanted, l.chargeCurrentLimitAmps());
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Test
    void chargesAtTheBanksLimitAndFollowsItDownWhenAModuleDropsOut(SimulatedBankHandle bank) {
        CanTransport can = bank.newCanClient();
        ChargeController controller = new ChargeController(can);

        bank.advance(Duration.ofSeconds(1));
        await(() -> controller.chargeCurrentAmps(500) == 148.0); // 4 × 37 A

        bank.bank().setModuleOnline(ModuleId.of(0, 3), false);
        bank.advance(Duration.ofSeconds(1));
        await(() -> controller.chargeCurrentAmps(500) == 111.0); // 3 × 37 A
    }

    @Test
    void theInverterKeepAliveReachesTheBank(SimulatedBankHandle bank) {
        CanTransport can = bank.newCanClient();
        can.send(CanFrame.ofHex(0x305, "00 00 00 00 00 00 00 00"));
        await(() -> bank.traffic().keepAliveCount() == 1);
        assertThat(bank.traffic().lastKeepAlive()).hasValueSatisfying(f -> assertThat(f.id()).isEqualTo(0x305));
    }

    @Test
    void stopsChargingWhenTheBankFallsSilent(SimulatedBankHandle bank) {
        CanTransport can = bank.newCanClient();
        ChargeController controller = new ChargeController(can);
        bank.faults(f -> f.withCommunicationLost(true));
        bank.advance(Duration.ofSeconds(5));
        assertThat(bank.traffic().canFramesSent()).isEqualTo(6); // only the cycle sent before the fault
        assertThat(controller.chargeCurrentAmps(500)).isZero();
    }
}
