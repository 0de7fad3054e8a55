package io.pylon4j.samples.cli;

import io.pylon4j.can.CanProfile;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.simulator.frontend.CanFrameSet;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one set of names every {@code pylon} command uses for inverters ({@code --inverter}, the driver's
 * {@link InverterProfile} presets), whatever the command does with it: {@code monitor} behaves as that inverter's
 * driver, {@code decode} reads CAN frames the way that inverter's bank sends them, {@code commission} runs its driver
 * with that profile, {@code simulate} sends the CAN frame set that inverter reads. Values are case-insensitive,
 * {@code _} stands for {@code -}, and the names the commands used before stay accepted ({@code pylontech},
 * {@code solark}). Module presets ({@code --preset}, {@code ModulePreset}) and simulated CAN frame sets
 * ({@code --frame-set}) are case-insensitive in their own classes.
 */
final class Vocabulary {

    /** The inverter names, in the driver's order, for help texts and error messages. */
    static final String INVERTERS = InverterProfile.presets().stream().map(InverterProfile::name)
            .collect(Collectors.joining(", "));

    private Vocabulary() {
    }

    /**
     * The inverter profile called {@code name}.
     *
     * @throws IllegalArgumentException naming the known ones, if there is none
     */
    static InverterProfile inverter(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        String canonical = switch (wanted) {
            case "pylontech", "pylon", "generic" -> "generic-pylon"; // decode's old --can-profile name
            case "solark" -> "sol-ark";
            default -> wanted;
        };
        return InverterProfile.preset(canonical).orElseThrow(() -> new IllegalArgumentException(
                "unknown inverter '" + name + "'; known: " + INVERTERS));
    }

    /**
     * How a bank talking to {@code inverter} fills its CAN frames (docs/json-can.md): Victron and SMA read
     * 0x370/0x371 as ASCII names (SMA with its own 0x305 values), Sol-Ark 0x356 in 0.1 V; the others take Pylontech's
     * own frames.
     */
    static CanProfile canProfile(InverterProfile inverter) {
        return switch (inverter.name()) {
            case "victron" -> CanProfile.VICTRON;
            case "sma" -> CanProfile.SMA;
            case "sol-ark" -> CanProfile.SOL_ARK;
            default -> CanProfile.PYLONTECH;
        };
    }

    /**
     * The simulator's CAN frame set a bank talking to {@code inverter} sends: Victron and SMA read the
     * Victron-flavoured set (0x35A flags in SMA polarity, 0x35E/0x35F names; the simulator has no separate SMA set,
     * and SMA's 0x305 keep-alive is the inverter's to send, not the bank's); every other inverter reads Pylontech's
     * own V1.2 frames (docs/protocol.md §1.2–1.9). Sol-Ark's 0.1 V 0x356 has no simulated set: it gets pylon-v12.
     */
    static CanFrameSet frameSet(InverterProfile inverter) {
        return switch (inverter.name()) {
            case "victron", "sma" -> CanFrameSet.VICTRON;
            default -> CanFrameSet.PYLON_V12;
        };
    }
}
