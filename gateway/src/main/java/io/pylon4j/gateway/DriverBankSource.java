package io.pylon4j.gateway;

import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.driver.RequestFlags;
import java.util.Objects;
import java.util.Optional;

/**
 * One pylon4j driver (CAN or RS485) as a {@link BankSource}: its {@link BankStatus} read through the public façade
 * only. The state is the driver's supervision state ({@link SourceState#of}); the limits are the driver's
 * <em>published</em> limits, already fail-safe (zero currents while not fresh, {@code docs/safety.md}); the
 * capacity is the modules' 0x92/0x93 total capacity when the driver polls RS485 per module, otherwise the modules
 * online times the rated capacity the caller gives.
 */
public final class DriverBankSource implements BankSource {

    private final PylonDriver driver;
    private final double moduleCapacityAmpHours;

    /**
     * A source reading {@code driver}.
     *
     * @param driver                 the driver, started by the caller (who also closes it)
     * @param moduleCapacityAmpHours one module's rated capacity, Ah (100 for a US5000, 74 for a US3000C), used when
     *                               the driver knows no per-module capacity; 0 when unknown
     * @throws IllegalArgumentException if {@code moduleCapacityAmpHours} is negative or not finite
     */
    public DriverBankSource(PylonDriver driver, double moduleCapacityAmpHours) {
        this.driver = Objects.requireNonNull(driver, "driver");
        if (!(moduleCapacityAmpHours >= 0) || Double.isInfinite(moduleCapacityAmpHours)) {
            throw new IllegalArgumentException("moduleCapacityAmpHours must be finite and ≥ 0: "
                    + moduleCapacityAmpHours);
        }
        this.moduleCapacityAmpHours = moduleCapacityAmpHours;
    }

    /** {@return the driver read} */
    public PylonDriver driver() {
        return driver;
    }

    @Override
    public BankView view() {
        BankStatus s = driver.status();
        int modules = s.moduleCount().orElse(s.modules().size());
        return new BankView(SourceState.of(s.supervisionState()),
                s.bankId() + ": " + s.supervisionState() + " (" + s.supervisionReason() + ")",
                Optional.of(s.publishedLimits().asLimits()), s.measurements(),
                s.requestFlags().orElse(RequestFlags.NORMAL), s.activeAlarms(), modules, capacity(s, modules));
    }

    private double capacity(BankStatus s, int modules) {
        double polled = 0;
        for (ModuleDetails m : s.modules().values()) {
            polled += m.totalCapacityAh().orElse(0);
        }
        return polled > 0 ? polled : modules * moduleCapacityAmpHours;
    }

    @Override
    public String toString() {
        return "DriverBankSource[" + driver.bankId() + "]";
    }
}
