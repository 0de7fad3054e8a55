package io.pylon4j.gateway;

import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.ModuleAlarmStates;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.driver.RequestFlags;
import io.pylon4j.transport.time.Moment;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One pylon4j driver (CAN or RS485) as a {@link BankSource}: its {@link BankStatus} read through the public façade
 * only. The state is the driver's supervision state ({@link SourceState#of}); the limits are the driver's
 * <em>published</em> limits, already fail-safe (zero currents while not fresh, {@code docs/safety.md}); the
 * capacity is the modules' 0x92/0x93 total capacity when the driver polls RS485 per module, otherwise the modules
 * online times the rated capacity the caller gives.
 *
 * <p>Per module, the view carries the driver's {@link ModuleDetails} with their ages ({@link BankDetails}), and
 * from them the cell extremes and the master's serial number (Victron 0x373–0x377, 0x380/0x381): only modules
 * whose newest details are at most {@code moduleMaxAge} old, so that a module that stopped answering drops out of
 * the frames and replies instead of repeating its last cells; the same bound for each module's 0x44 block as sent
 * ({@link BankStatus#moduleAlarms()}, answered by the RS485 responder's 0x44). A CAN driver has no per-module
 * details: its views carry none, and those frames and replies are left out or refused.
 */
public final class DriverBankSource implements BankSource {

    private final PylonDriver driver;
    /** How old a module's details may be and still be presented: 30 s, several RS485 poll cycles. */
    public static final Duration DEFAULT_MODULE_MAX_AGE = Duration.ofSeconds(30);

    private final double moduleCapacityAmpHours;
    private final Duration moduleMaxAge;

    /**
     * A source reading {@code driver}.
     *
     * @param driver                 the driver, started by the caller (who also closes it)
     * @param moduleCapacityAmpHours one module's rated capacity, Ah (100 for a US5000, 74 for a US3000C), used when
     *                               the driver knows no per-module capacity; 0 when unknown
     * @throws IllegalArgumentException if {@code moduleCapacityAmpHours} is negative or not finite
     */
    public DriverBankSource(PylonDriver driver, double moduleCapacityAmpHours) {
        this(driver, moduleCapacityAmpHours, DEFAULT_MODULE_MAX_AGE);
    }

    /**
     * A source reading {@code driver}, presenting module details up to {@code moduleMaxAge} old.
     *
     * @param driver                 the driver, started by the caller (who also closes it)
     * @param moduleCapacityAmpHours one module's rated capacity, Ah, used when the driver knows no per-module
     *                               capacity; 0 when unknown
     * @param moduleMaxAge           how old a module's newest details may be to be presented, &gt; 0
     * @throws IllegalArgumentException if {@code moduleCapacityAmpHours} is negative or not finite, or
     *                                  {@code moduleMaxAge} not positive
     */
    public DriverBankSource(PylonDriver driver, double moduleCapacityAmpHours, Duration moduleMaxAge) {
        if (moduleMaxAge.isNegative() || moduleMaxAge.isZero()) {
            throw new IllegalArgumentException("moduleMaxAge must be positive: " + moduleMaxAge);
        }
        this.moduleMaxAge = moduleMaxAge;
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
        BankDetails details = details(s, driver.now());
        return new BankView(SourceState.of(s.supervisionState()),
                s.bankId() + ": " + s.supervisionState() + " (" + s.supervisionReason() + ")",
                Optional.of(s.publishedLimits().asLimits()), s.measurements(),
                s.requestFlags().orElse(RequestFlags.NORMAL), s.activeAlarms(), modules, capacity(s, modules),
                ModuleCells.extremes(details.modules().values()), ModuleCells.serialNumber(details.modules().values()),
                details);
    }

    /** The modules whose details (and, apart, whose 0x44 blocks) are young enough, and the bank's info. */
    private BankDetails details(BankStatus s, Moment now) {
        Map<Integer, ModuleDetails> fresh = new TreeMap<>();
        Map<Integer, Duration> ages = new TreeMap<>();
        for (Map.Entry<Integer, ModuleDetails> e : s.modules().entrySet()) {
            Optional<Duration> age = s.moduleAge(e.getKey(), now);
            if (age.isPresent() && age.get().compareTo(moduleMaxAge) <= 0) {
                fresh.put(e.getKey(), e.getValue());
                ages.put(e.getKey(), age.get().isNegative() ? Duration.ZERO : age.get());
            }
        }
        Map<Integer, ModuleAlarmStates> alarms = new TreeMap<>();
        for (ModuleAlarmStates block : s.moduleAlarms().values()) {
            if (block.age(now).compareTo(moduleMaxAge) <= 0) {
                alarms.put(block.address(), block);
            }
        }
        return new BankDetails(fresh, ages, s.bankInfo(), alarms);
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
