package io.pylon4j.simulator.junit;

import io.pylon4j.simulator.frontend.CanFrameSet;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a simulated Pylontech bank for a test and injects a {@link SimulatedBankHandle} parameter to steer it and
 * read what it received. On a test class it applies to every test method (each gets a fresh bank); on a method it
 * overrides the class's.
 *
 * <pre>{@code
 * @PylonBank(modules = 4, preset = "US3000C")
 * class InverterTest {
 *     @Test
 *     void followsTheBatteryLimits(SimulatedBankHandle bank) {
 *         CanTransport inverter = bank.newCanClient();   // on the bank's virtual CAN bus
 *         ...
 *         bank.advance(Duration.ofSeconds(1));           // one CAN cycle, on the virtual clock
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(PylonBankExtension.class)
public @interface PylonBank {

    /**
     * Modules per group, 1 to 16.
     *
     * @return the modules in each group
     */
    int modules() default 1;

    /**
     * Groups, 1 to 6.
     *
     * @return the number of groups (behind an LV-Hub when more than one)
     */
    int groups() default 1;

    /** {@return the preset's model name, as {@link io.pylon4j.simulator.ModulePreset#named(String)} takes it} */
    String preset() default "US3000C";

    /** {@return the starting state of charge of every module, %} */
    double soc() default 50;

    /** {@return where the RS485 side listens: an in-memory byte bus or a loopback TCP port} */
    Transport transport() default Transport.VIRTUAL;

    /** {@return whether to serve CAN (always on an in-memory {@code virtual:} bus)} */
    boolean can() default true;

    /** {@return whether to serve RS485} */
    boolean rs485() default true;

    /** {@return the CAN frame set} */
    CanFrameSet profile() default CanFrameSet.PYLON_V12;

    /**
     * {@return whether time is the test's to move ({@link SimulatedBankHandle#advance}); otherwise the CAN cycle runs
     * on a background thread every second of wall-clock time and late replies wait real time} Manual time is
     * {@code io.pylon4j.testing.ManualScheduler}: it needs {@code io.pylon4j:pylon4j-testing} on the test class path (a
     * test dependency, like JUnit; without it the parameter fails to resolve and says so).
     */
    boolean manualTime() default true;

    /** Where the RS485 side listens. */
    enum Transport {
        /** An in-memory byte bus ({@code virtual:NAME}), reached through {@link SimulatedBankHandle#transports()}. */
        VIRTUAL,
        /** {@code tcp-listen:0} on loopback; {@link SimulatedBankHandle#rs485Port()} says which port. */
        TCP
    }
}
