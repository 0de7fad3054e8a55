package io.pylon4j.can;

import java.util.OptionalDouble;

/**
 * 0x378, battery to inverter (Victron style): the energy charged into and discharged from the battery over its life
 * (docs/protocol.md §1.8; disagreement §1.11 item 9).
 *
 * <table>
 *   <caption>0x378 layout, little-endian</caption>
 *   <tr><th>bytes</th><th>field</th><th>type</th><th>unit</th></tr>
 *   <tr><td>0-3</td><td>energy charged</td><td>u32</td><td>0.1 kWh; 0.01 kWh under
 *       {@link CanProfile.EnergyResolution#TEN_WATT_HOURS}</td></tr>
 *   <tr><td>4-7</td><td>energy discharged</td><td>u32</td><td>as above; optional</td></tr>
 * </table>
 *
 * <p>The unit is disputed: BYD ([DFCH]: {@code 40 08 00 00 2B 07 00 00} = 211.2 kWh and 183.5 kWh) and Pytes
 * ([ODTU]) use 0.1 kWh, the codec's default; MG Energy Systems' guide [MGLV] says 0.01 kWh. The record holds watt-hours
 * whatever the wire's unit, so that values from both kinds of battery compare; the codec multiplies on decode and
 * divides on encode, rounding half up to the wire's unit.
 *
 * <p>DLC: at least 4 ({@link #MIN_LENGTH}): the energy charged defines the frame; below 8 the energy discharged is
 * absent ({@link #NOT_SENT}, {@link #dischargedEnergyKiloWattHours()} empty), and bytes 4 to {@code length - 1} are
 * kept in {@link #reserved()} (docs/protocol.md §4: "never require bytes beyond the DLC").
 *
 * @param chargedEnergyWattHours    the energy charged in Wh, 0 to 429 496 729 500 (u32 × 100 Wh)
 * @param dischargedEnergyWattHours the energy discharged in Wh, 0 to 429 496 729 500, or {@link #NOT_SENT} exactly
 *                                  when {@code length} is below 8
 * @param length                    the DLC, 4 to 8
 * @param reserved                  bytes 4 to {@code length - 1} of a frame shorter than 8, in their wire positions
 */
public record EnergyCounters(long chargedEnergyWattHours, long dischargedEnergyWattHours, int length, long reserved)
        implements BatteryMessage {

    /** The CAN id, 0x378. */
    public static final int ID = 0x378;
    /** The smallest DLC accepted: the energy charged. */
    public static final int MIN_LENGTH = 4;
    /** The largest energy the record holds: the largest u32 in 0.1 kWh, in Wh. */
    public static final long MAX_WATT_HOURS = 0xFFFF_FFFFL * 100;

    /**
     * Checks both counters and the length.
     *
     * @param chargedEnergyWattHours    the energy charged in Wh, 0 to 429 496 729 500 (u32 × 100 Wh)
     * @param dischargedEnergyWattHours the energy discharged in Wh, 0 to 429 496 729 500, or {@link #NOT_SENT} exactly
     *                                  when {@code length} is below 8
     * @param length                    the DLC, 4 to 8
     * @param reserved                  bytes 4 to {@code length - 1} of a frame shorter than 8, in their wire positions
     * @throws IllegalArgumentException if a counter is negative or beyond {@link #MAX_WATT_HOURS}, or the energy
     *                                  discharged's presence does not match {@code length}
     */
    public EnergyCounters {
        Wire.checkLength(length, MIN_LENGTH, "EnergyCounters");
        check(chargedEnergyWattHours, "chargedEnergyWattHours");
        if (length == 8) {
            check(dischargedEnergyWattHours, "dischargedEnergyWattHours");
        } else if (dischargedEnergyWattHours != NOT_SENT) {
            throw new IllegalArgumentException("EnergyCounters.dischargedEnergyWattHours must be NOT_SENT when length "
                    + "is below 8 (the field is bytes 4-7), was " + dischargedEnergyWattHours);
        }
        Wire.checkBytesWithin(reserved, length == 8 ? 8 : 4, length, "EnergyCounters", "reserved");
    }

    /**
     * Both counters, a frame of 8 bytes.
     *
     * @param chargedEnergyWattHours    the energy charged in Wh, 0 to 429 496 729 500 (u32 × 100 Wh)
     * @param dischargedEnergyWattHours the energy discharged in Wh, 0 to 429 496 729 500, or {@link #NOT_SENT} for the
     *                                  shorter frame
     * @throws IllegalArgumentException if a counter is negative or beyond {@link #MAX_WATT_HOURS}
     */
    public EnergyCounters(long chargedEnergyWattHours, long dischargedEnergyWattHours) {
        this(chargedEnergyWattHours, dischargedEnergyWattHours, 8, 0);
    }

    /**
     * The energy charged in kWh (211.2).
     *
     * @return the counter in kWh
     */
    public double chargedEnergyKiloWattHours() {
        return chargedEnergyWattHours / 1000.0;
    }

    /**
     * The energy discharged in kWh (183.5), or empty when the frame did not carry it.
     *
     * @return the counter in kWh, or empty when the frame did not carry it (never a made-up 0)
     */
    public OptionalDouble dischargedEnergyKiloWattHours() {
        return dischargedEnergyWattHours == NOT_SENT ? OptionalDouble.empty()
                : OptionalDouble.of(dischargedEnergyWattHours / 1000.0);
    }

    @Override
    public int canId() {
        return ID;
    }

    private static void check(long wattHours, String component) {
        if (wattHours < 0 || wattHours > MAX_WATT_HOURS) {
            throw new IllegalArgumentException("EnergyCounters." + component + " must be 0 to " + MAX_WATT_HOURS
                    + " Wh (u32 at 0.1 kWh), was " + wattHours);
        }
    }

    static EnergyCounters decode(CanFrame frame, boolean tenWattHours) {
        long p = frame.payload();
        long unit = tenWattHours ? 10 : 100;
        int n = frame.length();
        return n == 8 ? new EnergyCounters(Wire.u32(p, 0) * unit, Wire.u32(p, 4) * unit, n, 0)
                : new EnergyCounters(Wire.u32(p, 0) * unit, NOT_SENT, n, Wire.from(p, 4));
    }

    CanFrame encode(boolean tenWattHours) {
        long unit = tenWattHours ? 10 : 100;
        long p = Wire.put32(toWire(chargedEnergyWattHours, unit, "chargedEnergyWattHours"), 0) | reserved;
        if (length == 8) {
            p |= Wire.put32(toWire(dischargedEnergyWattHours, unit, "dischargedEnergyWattHours"), 4);
        }
        return new CanFrame(ID, length, p);
    }

    private static long toWire(long wattHours, long unit, String component) {
        long wire = (wattHours + unit / 2) / unit;
        if (wire > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(String.format(
                    "EnergyCounters.%s %d Wh does not fit 0x378 at 0.01 kWh (u32); only a 0.1 kWh profile carries it",
                    component, wattHours));
        }
        return wire;
    }
}
