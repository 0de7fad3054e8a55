package io.pylon4j.driver;


/**
 * The driver's one vocabulary of named battery conditions. Each protocol's flags map into it, and each raised
 * condition carries a {@link Level}, so an {@link ActiveAlarm} is a pair (condition, level): the same condition can
 * be active as a warning and as a protection at once.
 *
 * <p>Where each condition comes from (docs/protocol.md §1.3.1, §1.8, §2.5.4, §2.5.12):
 * <table>
 * <caption>protocol flags mapped to conditions</caption>
 * <tr><th>condition</th><th>CAN 0x359 (bytes 0–1 → PROTECTION, 2–3 → ALARM)</th>
 *     <th>CAN 0x35A (bytes 0–3 → ALARM, 4–7 → WARNING)</th><th>RS485 0x44 Status1 (PROTECTION)</th></tr>
 * <tr><td>{@link #HIGH_VOLTAGE}</td><td>b0 bit 1, b2 bit 1</td><td>B0 bits 2+3</td><td>—</td></tr>
 * <tr><td>{@link #LOW_VOLTAGE}</td><td>b0 bit 2, b2 bit 2</td><td>B0 bits 4+5</td><td>—</td></tr>
 * <tr><td>{@link #MODULE_OVER_VOLTAGE}</td><td>—</td><td>—</td><td>b0</td></tr>
 * <tr><td>{@link #MODULE_UNDER_VOLTAGE}</td><td>—</td><td>—</td><td>b7</td></tr>
 * <tr><td>{@link #CELL_UNDER_VOLTAGE}</td><td>—</td><td>—</td><td>b1</td></tr>
 * <tr><td>{@link #HIGH_TEMPERATURE}</td><td>b0 bit 3, b2 bit 3</td><td>B0 bits 6+7</td><td>—</td></tr>
 * <tr><td>{@link #LOW_TEMPERATURE}</td><td>b0 bit 4, b2 bit 4</td><td>B1 bits 0+1</td><td>—</td></tr>
 * <tr><td>{@link #CHARGE_HIGH_TEMPERATURE}</td><td>—</td><td>B1 bits 2+3</td><td>b6</td></tr>
 * <tr><td>{@link #CHARGE_LOW_TEMPERATURE}</td><td>—</td><td>B1 bits 4+5</td><td>—</td></tr>
 * <tr><td>{@link #DISCHARGE_HIGH_TEMPERATURE}</td><td>—</td><td>—</td><td>b5</td></tr>
 * <tr><td>{@link #DISCHARGE_OVER_CURRENT}</td><td>b0 bit 7, b2 bit 7</td><td>B1 bits 6+7</td><td>b4</td></tr>
 * <tr><td>{@link #CHARGE_OVER_CURRENT}</td><td>b1 bit 0, b3 bit 0</td><td>B2 bits 0+1</td><td>b2</td></tr>
 * <tr><td>{@link #SYSTEM_ERROR}</td><td>b1 bit 3 ([ARMIN], [BE-LVCAN]: bit 7)</td><td>—</td><td>—</td></tr>
 * <tr><td>{@link #INTERNAL_COMMUNICATION}</td><td>b3 bit 3</td><td>—</td><td>—</td></tr>
 * <tr><td>{@link #GENERAL}</td><td>—</td><td>B0 bits 0+1</td><td>—</td></tr>
 * <tr><td>{@link #CONTACTOR}</td><td>—</td><td>B2 bits 2+3</td><td>—</td></tr>
 * <tr><td>{@link #SHORT_CIRCUIT}</td><td>—</td><td>B2 bits 4+5</td><td>—</td></tr>
 * <tr><td>{@link #BMS_INTERNAL}</td><td>—</td><td>B2 bits 6+7</td><td>—</td></tr>
 * <tr><td>{@link #CELL_IMBALANCE}</td><td>—</td><td>B3 bits 0+1</td><td>—</td></tr>
 * <tr><td>{@link #GENERATOR}</td><td>—</td><td>B3 bits 6+7 (SMA only)</td><td>—</td></tr>
 * <tr><td>{@link #CELL_VOLTAGE_ERROR}</td><td>—</td><td>—</td><td>Status4/Status5 (any cell)</td></tr>
 * </table>
 * The RS485 0x44 per-cell, per-temperature, current and voltage state bytes map at {@link Level#ALARM} (below /
 * above a limit → the matching LOW/UNDER or HIGH/OVER condition, 0xF0 → {@link #OTHER_FAILURE}).
 * The driver's alarm mapping (engine, not public) implements this table.
 * The RS485 0x62 system alarm bytes (V3.5-era, emulator layouts only) map to the same names, with
 * {@link #TEMPERATURE_SENSOR_DIFFERENCE} and {@link #OTHER_FAILURE} for its two extra items.
 *
 * <p>The constants are stable: they are the {@code alarm} values of the JSON events ({@code docs/driver-events.md});
 * new ones may be added, none renamed.
 */
public enum Alarm {
    /** Cell or module voltage high (CAN does not say which). */
    HIGH_VOLTAGE("cell or module voltage high"),
    /** Cell or module voltage low (CAN does not say which). */
    LOW_VOLTAGE("cell or module voltage low"),
    /** Module voltage above its limit (RS485). */
    MODULE_OVER_VOLTAGE("module over-voltage"),
    /** Module voltage below its limit (RS485). */
    MODULE_UNDER_VOLTAGE("module under-voltage"),
    /** A cell voltage above its limit (RS485 0x62). */
    CELL_OVER_VOLTAGE("cell over-voltage"),
    /** A cell voltage below its limit (RS485). */
    CELL_UNDER_VOLTAGE("cell under-voltage"),
    /** Cell temperature high. */
    HIGH_TEMPERATURE("cell temperature high"),
    /** Cell temperature low. */
    LOW_TEMPERATURE("cell temperature low"),
    /** Temperature too high to charge. */
    CHARGE_HIGH_TEMPERATURE("temperature too high to charge"),
    /** Temperature too low to charge. */
    CHARGE_LOW_TEMPERATURE("temperature too low to charge"),
    /** Temperature too high to discharge. */
    DISCHARGE_HIGH_TEMPERATURE("temperature too high to discharge"),
    /** Discharge current too high. */
    DISCHARGE_OVER_CURRENT("discharge current too high"),
    /** Charge current too high. */
    CHARGE_OVER_CURRENT("charge current too high"),
    /** The battery reports a system error. */
    SYSTEM_ERROR("system error"),
    /** Communication between the modules of the stack failed. */
    INTERNAL_COMMUNICATION("internal communication failure"),
    /** A general alarm without a named cause (SMA/Victron 0x35A). */
    GENERAL("general alarm"),
    /** Contactor fault. */
    CONTACTOR("contactor fault"),
    /** Short circuit. */
    SHORT_CIRCUIT("short circuit"),
    /** BMS internal fault. */
    BMS_INTERNAL("BMS internal fault"),
    /** Cells out of balance (or cell voltage difference too large). */
    CELL_IMBALANCE("cell imbalance"),
    /** Generator item (SMA only). */
    GENERATOR("generator"),
    /** A cell voltage error (RS485 Status4/Status5: a cell above 4.2 V with charge off, or below 1 V). */
    CELL_VOLTAGE_ERROR("cell voltage error"),
    /** Temperature sensors disagree (RS485 0x62). */
    TEMPERATURE_SENSOR_DIFFERENCE("temperature sensor difference"),
    /** Another failure (RS485 0x62). */
    OTHER_FAILURE("other failure");

    private final String description;

    Alarm(String description) {
        this.description = description;
    }

    /**
     * A short human description, for logs and {@code pylon monitor}.
     *
     * @return the description, e.g. {@code "cell or module voltage high"}
     */
    public String description() {
        return description;
    }

    /** How serious an active condition is; ordered from the most to the least serious. */
    public enum Level {
        /** The battery has acted (self-protection): CAN 0x359 bytes 0–1, RS485 0x44 Status1. */
        PROTECTION,
        /** An alarm: CAN 0x359 bytes 2–3, CAN 0x35A bytes 0–3. */
        ALARM,
        /** A warning: CAN 0x35A bytes 4–7. */
        WARNING
    }
}
