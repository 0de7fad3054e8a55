package io.pylon4j.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What kind of module a simulated bank is made of: cell count, capacity, the per-module current figures the master
 * multiplies by the number of modules online, the bank's voltage limits, and the 0x47 system parameters.
 *
 * <p>Use one of the constants, or {@link #custom} for anything else. Values come from docs/protocol.md;
 * where a value is this project's assumption the constant says so.
 *
 * <p>Voltage limits are held in mV as RS485 0x92 sends them. The CAN front end sends 0.1 V and should
 * <em>truncate</em>: a real US5000 sends 53.25 V on RS485 0x92 (docs/protocol.md §2.5.6) and 53.2 V on CAN 0x351 (docs/protocol.md §1.2),
 * which is the same value truncated.
 *
 * @param model                            the model name (RS485 0x51 sends up to 10 ASCII characters of it)
 * @param cellCount                        cells in series, 1 to 16 (15 on the US series, 8 on the 24 V UP2500)
 * @param capacityMilliampHours            nominal capacity
 * @param chargeCurrentDeciAmps            per-module charge current limit (0.1 A) before derating: the figure the
 *                                         master multiplies by the modules online for CAN 0x351
 * @param dischargeCurrentDeciAmps         per-module discharge current limit (0.1 A, magnitude) before derating
 * @param chargeVoltageLimitMillivolts     the bank's charge voltage limit (CVL)
 * @param dischargeVoltageLimitMillivolts  the bank's discharge (cut-off) voltage limit
 * @param systemParameters                 what RS485 0x47 reports
 */
public record ModulePreset(String model, int cellCount, int capacityMilliampHours, int chargeCurrentDeciAmps,
                           int dischargeCurrentDeciAmps, int chargeVoltageLimitMillivolts,
                           int dischargeVoltageLimitMillivolts, SystemParameters systemParameters) {

    /** The largest cell count: RS485 0x44 carries state bits for up to 16 cells (docs/protocol.md §2.5.4). */
    public static final int MAX_CELLS = 16;

    /**
     * US2000C: 15 cells, 50 Ah, 25 A per module (issue 6). CVL 53.25 V and discharge voltage 45.0 V: the discharge
     * voltage is observed on CAN for US2000C (docs/protocol.md §1.2 notes); the CVL is assumed equal to the US5000's. The 0x47
     * values are assumed equal to the US3000C's with ±50.0 A maximum currents (assumption: docs/protocol.md has no
     * US2000C 0x47 reply).
     */
    public static final ModulePreset US2000C = new ModulePreset("US2000C", 15, 50_000, 250, 250, 53_250, 45_000,
            SystemParameters.US3000C.withCurrentLimits(500, 500));

    /**
     * US2000B-Plus: 15 cells, 50 Ah, 25 A / 25 A, CVL 53.25 V, discharge voltage 47.0 V — all from a real 0x92 reply
     * (docs/protocol.md §2.2 worked example 2, §2.5.6) — and the real 0x47 values ({@link SystemParameters#US2000B_PLUS}).
     */
    public static final ModulePreset US2000B_PLUS = new ModulePreset("US2KBPL", 15, 50_000, 250, 250, 53_250, 47_000,
            SystemParameters.US2000B_PLUS);

    /**
     * US3000C: 15 cells, 74 Ah (docs/protocol.md §2.5.3 example), 37 A per module (issue 6; a 4-module bank reports about
     * 148 A). CVL 53.25 V and discharge voltage 45.0 V assumed equal to the US5000's; 0x47 values observed
     * (docs/protocol.md §2.5.5).
     */
    public static final ModulePreset US3000C = new ModulePreset("US3000C", 15, 74_000, 370, 370, 53_250, 45_000,
            SystemParameters.US3000C);

    /**
     * US5000: 15 cells, 100 Ah, 80 A per module — derived from a real 6-module stack reporting 480.0 A on CAN 0x351
     * (docs/protocol.md §1.2 notes, [SFL13]), assuming the master multiplies by the module count. CVL 53.25 V and discharge
     * voltage 45.0 V observed on RS485 0x92 and CAN 0x351 (53.2 V there); 0x47 values observed (docs/protocol.md §2.5.5).
     */
    public static final ModulePreset US5000 = new ModulePreset("US5000", 15, 100_000, 800, 800, 53_250, 45_000,
            SystemParameters.US5000);

    /**
     * UP2500: the 24 V module, 8 cells, 111 Ah (a real 0x42 reply: total capacity 111.000 Ah), 55.5 A / 55.5 A, CVL
     * 28.4 V, discharge voltage 23.2 V (a real 0x92 reply) — docs/protocol.md §2.5.3, §2.5.6 and capture
     * {@code rs485-python-pylontech-tests}. The 0x47 values are this project's assumption: US3000C cell and
     * temperature limits, module voltages scaled to 8 cells, ±100.0 A.
     */
    public static final ModulePreset UP2500 = new ModulePreset("UP2500", 8, 111_000, 555, 555, 28_400, 23_200,
            SystemParameters.US3000C.scaledToCells(8).withCurrentLimits(1000, 1000));

    /**
     * Checks the preset.
     *
     * @param model                           the model name (RS485 0x51 sends up to 10 ASCII characters of it)
     * @param cellCount                       cells in series, 1 to 16 (15 on the US series, 8 on the 24 V UP2500)
     * @param capacityMilliampHours           nominal capacity
     * @param chargeCurrentDeciAmps           per-module charge current limit (0.1 A) before derating: the figure the
     *                                        master multiplies by the modules online for CAN 0x351
     * @param dischargeCurrentDeciAmps        per-module discharge current limit (0.1 A, magnitude) before derating
     * @param chargeVoltageLimitMillivolts    the bank's charge voltage limit (CVL)
     * @param dischargeVoltageLimitMillivolts the bank's discharge (cut-off) voltage limit
     * @param systemParameters                what RS485 0x47 reports
     *
     * @throws IllegalArgumentException if a value is out of range (each message names the value)
     */
    public ModulePreset {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(systemParameters, "systemParameters");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model name must not be blank");
        }
        if (cellCount < 1 || cellCount > MAX_CELLS) {
            throw new IllegalArgumentException("cellCount must be 1 to " + MAX_CELLS + ": " + cellCount);
        }
        if (capacityMilliampHours <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacityMilliampHours + " mAh");
        }
        if (chargeCurrentDeciAmps < 0 || dischargeCurrentDeciAmps < 0) {
            throw new IllegalArgumentException(String.format(
                    "per-module current limits are magnitudes, not negative: charge %d, discharge %d (0.1 A)",
                    chargeCurrentDeciAmps, dischargeCurrentDeciAmps));
        }
        if (dischargeVoltageLimitMillivolts <= 0 || dischargeVoltageLimitMillivolts >= chargeVoltageLimitMillivolts) {
            throw new IllegalArgumentException(String.format(
                    "voltage limits must be 0 < discharge (%d) < charge (%d) mV",
                    dischargeVoltageLimitMillivolts, chargeVoltageLimitMillivolts));
        }
    }

    /**
     * {@return a preset for any other module, in SI units} The 0x47 parameters are the US3000C's with module voltages
     * scaled to {@code cellCount} cells and maximum currents set to twice the per-module figures (assumptions).
     *
     * @param model          a name
     * @param cellCount      cells in series, 1 to 16
     * @param capacityAh     nominal capacity, ampere-hours
     * @param chargeAmps     per-module charge current limit before derating, amperes
     * @param dischargeAmps  per-module discharge current limit before derating, amperes (magnitude)
     * @param chargeVolts    the bank's charge voltage limit, volts
     * @param dischargeVolts the bank's discharge voltage limit, volts
     * @throws IllegalArgumentException if a value is out of range
     */
    public static ModulePreset custom(String model, int cellCount, double capacityAh, double chargeAmps,
                                      double dischargeAmps, double chargeVolts, double dischargeVolts) {
        int charge = (int) Math.round(chargeAmps * 10);
        int discharge = (int) Math.round(dischargeAmps * 10);
        int cells = Math.max(1, Math.min(MAX_CELLS, cellCount)); // cellCount itself is checked by the constructor
        return new ModulePreset(model, cellCount, (int) Math.round(capacityAh * 1000), charge, discharge,
                (int) Math.round(chargeVolts * 1000), (int) Math.round(dischargeVolts * 1000),
                SystemParameters.US3000C.scaledToCells(cells)
                        .withCurrentLimits(Math.max(1, 2 * charge), Math.max(1, 2 * discharge)));
    }

    /** {@return the built-in presets: US2000C, US2000B-Plus, US3000C, US5000, UP2500} */
    public static List<ModulePreset> standard() {
        return List.of(US2000C, US2000B_PLUS, US3000C, US5000, UP2500);
    }

    /**
     * {@return the built-in preset with this model name, ignoring case; {@code "US2000B-Plus"} is accepted for
     * {@link #US2000B_PLUS}}
     *
     * @param model a model name: US2000C, US2000B-Plus, US3000C, US5000 or UP2500
     * @throws IllegalArgumentException if there is none, naming the ones there are
     */
    public static ModulePreset named(String model) {
        String wanted = model.strip().toUpperCase(Locale.ROOT);
        if (wanted.equals("US2000B-PLUS") || wanted.equals("US2000BPLUS")) {
            return US2000B_PLUS;
        }
        for (ModulePreset preset : standard()) {
            if (preset.model.toUpperCase(Locale.ROOT).equals(wanted)) {
                return preset;
            }
        }
        throw new IllegalArgumentException("no preset named '" + model
                + "'; known: US2000C, US2000B-Plus (US2KBPL), US3000C, US5000, UP2500");
    }

    /**
     * Nominal capacity in ampere-hours.
     *
     * @return the nominal capacity, Ah
     */
    public double capacityAmpHours() {
        return capacityMilliampHours / 1000.0;
    }

    /**
     * {@return the same preset with another capacity}
     *
     * @param capacity the nominal capacity, mAh
     */
    public ModulePreset withCapacityMilliampHours(int capacity) {
        return new ModulePreset(model, cellCount, capacity, chargeCurrentDeciAmps, dischargeCurrentDeciAmps,
                chargeVoltageLimitMillivolts, dischargeVoltageLimitMillivolts, systemParameters);
    }

    /**
     * {@return the same preset with other per-module current figures (0.1 A, magnitudes)}
     *
     * @param chargeDeciAmps    the per-module charge current limit before derating, 0.1 A
     * @param dischargeDeciAmps the per-module discharge current limit before derating, 0.1 A
     */
    public ModulePreset withCurrents(int chargeDeciAmps, int dischargeDeciAmps) {
        return new ModulePreset(model, cellCount, capacityMilliampHours, chargeDeciAmps, dischargeDeciAmps,
                chargeVoltageLimitMillivolts, dischargeVoltageLimitMillivolts, systemParameters);
    }

    /**
     * {@return the same preset with other bank voltage limits (mV)}
     *
     * @param chargeMillivolts    the charge voltage limit (CVL), mV
     * @param dischargeMillivolts the discharge voltage limit (DVL), mV
     */
    public ModulePreset withVoltageLimits(int chargeMillivolts, int dischargeMillivolts) {
        return new ModulePreset(model, cellCount, capacityMilliampHours, chargeCurrentDeciAmps,
                dischargeCurrentDeciAmps, chargeMillivolts, dischargeMillivolts, systemParameters);
    }
}
