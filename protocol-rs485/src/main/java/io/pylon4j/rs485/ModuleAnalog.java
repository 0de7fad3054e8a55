package io.pylon4j.rs485;

import java.util.Arrays;
import java.util.Objects;

/**
 * One module's block in a 0x42 analog-values reply ([R485-33] §3.3 and chapter 4; docs/protocol.md §2.5.3).
 *
 * <p>Layout, big-endian:
 * <table>
 *   <caption>module block</caption>
 *   <tr><th>field</th><th>bytes</th><th>unit</th></tr>
 *   <tr><td>cell count M</td><td>1</td><td>15 on US2000/US3000/US5000, 8 on UP2500</td></tr>
 *   <tr><td>cell voltages</td><td>2 × M</td><td>s16 mV</td></tr>
 *   <tr><td>temperature count N</td><td>1</td><td>5 observed; 6 (MOSFET) on some models</td></tr>
 *   <tr><td>temperatures</td><td>2 × N</td><td>s16 0.1 K, °C = (raw − 2731) / 10; BMS board, cells 1–4, 5–8, 9–12,
 *       13–15/16, (MOSFET)</td></tr>
 *   <tr><td>current</td><td>2</td><td>s16 <b>0.1 A</b>, positive = charge</td></tr>
 *   <tr><td>module voltage</td><td>2</td><td>u16 mV</td></tr>
 *   <tr><td>remaining capacity 1</td><td>2</td><td>u16 mAh; 0xFFFF when the count is 4</td></tr>
 *   <tr><td>user-defined item count</td><td>1</td><td>2 (≤ 65 Ah) or 4 (&gt; 65 Ah)</td></tr>
 *   <tr><td>total capacity 1</td><td>2</td><td>u16 mAh; 0xFFFF when the count is 4</td></tr>
 *   <tr><td>cycle count</td><td>2</td><td>u16</td></tr>
 *   <tr><td>remaining capacity 2</td><td>3</td><td>u24 mAh, only when the count is 4</td></tr>
 *   <tr><td>total capacity 2</td><td>3</td><td>u24 mAh, only when the count is 4</td></tr>
 * </table>
 * The count is read per module: a whole-stack reply mixes the forms (a US2000 behind a US3000 master answers with
 * count 4, python-pylontech issue #2). The V3.3 table prints "cycle number" and "remaining capacity 2" in one row; the
 * document's 74 Ah example settles the order above. {@link #remainingCapacityMilliAmpHours()} and
 * {@link #totalCapacityMilliAmpHours()} pick the 3-byte fields when the count is 4.
 *
 * <p>Arrays are copied in and out. {@link #cellVoltageMilliVolts(int)} and {@link #temperatureDeciKelvin(int)} read
 * single values without copying.
 *
 * @param cellVoltagesMilliVolts          cell voltages, mV, at most 255, each -32768 to 32767
 * @param temperaturesDeciKelvin          temperatures as sent, 0.1 K with offset 2731, at most 255
 * @param currentDeciAmps                 current, 0.1 A, positive = charge
 * @param voltageMilliVolts               module voltage, mV, 0 to 65535
 * @param remainingCapacity1MilliAmpHours remaining capacity 1, mAh, 0 to 65535 (0xFFFF when the count is 4)
 * @param userDefinedCount                the user-defined item count, 2 or 4
 * @param totalCapacity1MilliAmpHours     total capacity 1, mAh, 0 to 65535 (0xFFFF when the count is 4)
 * @param cycles                          cycle count, 0 to 65535
 * @param remainingCapacity2MilliAmpHours remaining capacity 2, mAh, 0 to 0xFFFFFF; 0 (not sent) when the count is 2
 * @param totalCapacity2MilliAmpHours     total capacity 2, mAh, 0 to 0xFFFFFF; 0 (not sent) when the count is 2
 */
public record ModuleAnalog(int[] cellVoltagesMilliVolts, int[] temperaturesDeciKelvin, int currentDeciAmps,
        int voltageMilliVolts, int remainingCapacity1MilliAmpHours, int userDefinedCount,
        int totalCapacity1MilliAmpHours, int cycles, int remainingCapacity2MilliAmpHours,
        int totalCapacity2MilliAmpHours) {

    /**
     * Checks and copies the fields.
     *
     * @param cellVoltagesMilliVolts          cell voltages, mV, at most 255, each -32768 to 32767
     * @param temperaturesDeciKelvin          temperatures as sent, 0.1 K with offset 2731, at most 255
     * @param currentDeciAmps                 current, 0.1 A, positive = charge
     * @param voltageMilliVolts               module voltage, mV, 0 to 65535
     * @param remainingCapacity1MilliAmpHours remaining capacity 1, mAh, 0 to 65535 (0xFFFF when the count is 4)
     * @param userDefinedCount                the user-defined item count, 2 or 4
     * @param totalCapacity1MilliAmpHours     total capacity 1, mAh, 0 to 65535 (0xFFFF when the count is 4)
     * @param cycles                          cycle count, 0 to 65535
     * @param remainingCapacity2MilliAmpHours remaining capacity 2, mAh, 0 to 0xFFFFFF; 0 (not sent) when the count is 2
     * @param totalCapacity2MilliAmpHours     total capacity 2, mAh, 0 to 0xFFFFFF; 0 (not sent) when the count is 2
     *
     * @throws IllegalArgumentException if a field is out of its range, the count is not 2 or 4, or the 3-byte fields
     *                                  are not 0 with count 2
     * @throws NullPointerException     if an array is null
     */
    public ModuleAnalog {
        cellVoltagesMilliVolts = Check.s16s("cellVoltagesMilliVolts", cellVoltagesMilliVolts);
        temperaturesDeciKelvin = Check.s16s("temperaturesDeciKelvin", temperaturesDeciKelvin);
        if (cellVoltagesMilliVolts.length > 0xFF || temperaturesDeciKelvin.length > 0xFF) {
            throw new IllegalArgumentException("a module block holds at most 255 cells and 255 temperatures");
        }
        Check.s16("currentDeciAmps", currentDeciAmps);
        Check.u16("voltageMilliVolts", voltageMilliVolts);
        Check.u16("remainingCapacity1MilliAmpHours", remainingCapacity1MilliAmpHours);
        Check.u16("totalCapacity1MilliAmpHours", totalCapacity1MilliAmpHours);
        Check.u16("cycles", cycles);
        Check.u24("remainingCapacity2MilliAmpHours", remainingCapacity2MilliAmpHours);
        Check.u24("totalCapacity2MilliAmpHours", totalCapacity2MilliAmpHours);
        if (userDefinedCount == 2) {
            if (remainingCapacity2MilliAmpHours != 0 || totalCapacity2MilliAmpHours != 0) {
                throw new IllegalArgumentException("with user-defined count 2 the 3-byte capacities are not sent: "
                        + "they must be 0");
            }
        } else if (userDefinedCount != 4) {
            throw new IllegalArgumentException("the user-defined item count must be 2 or 4: " + userDefinedCount);
        }
    }

    /**
     * {@return a block with user-defined count 2 (modules up to 65 Ah, US2000B): capacities in the 2-byte fields}
     *
     * @param cellVoltagesMilliVolts         cell voltages, mV, at most 255, each -32768 to 32767
     * @param temperaturesDeciKelvin         temperatures as sent, 0.1 K with offset 2731 (0 = BMS board), at most 255
     * @param currentDeciAmps                current, 0.1 A, positive = charge
     * @param voltageMilliVolts              module voltage, mV, 0 to 65535
     * @param remainingCapacityMilliAmpHours remaining capacity, mAh, 0 to 65535
     * @param totalCapacityMilliAmpHours     total (full-charge) capacity, mAh, 0 to 65535
     * @param cycles                         cycle count, 0 to 65535
     * @throws IllegalArgumentException if a value does not fit its field
     */
    public static ModuleAnalog withCount2(int[] cellVoltagesMilliVolts, int[] temperaturesDeciKelvin,
            int currentDeciAmps, int voltageMilliVolts, int remainingCapacityMilliAmpHours,
            int totalCapacityMilliAmpHours, int cycles) {
        return new ModuleAnalog(cellVoltagesMilliVolts, temperaturesDeciKelvin, currentDeciAmps, voltageMilliVolts,
                remainingCapacityMilliAmpHours, 2, totalCapacityMilliAmpHours, cycles, 0, 0);
    }

    /**
     * {@return a block with user-defined count 4 (modules over 65 Ah, US3000, US5000): capacities in the 3-byte fields,
     * the 2-byte ones 0xFFFF as batteries send them}
     *
     * @param cellVoltagesMilliVolts         cell voltages, mV, at most 255, each -32768 to 32767
     * @param temperaturesDeciKelvin         temperatures as sent, 0.1 K with offset 2731 (0 = BMS board), at most 255
     * @param currentDeciAmps                current, 0.1 A, positive = charge
     * @param voltageMilliVolts              module voltage, mV, 0 to 65535
     * @param remainingCapacityMilliAmpHours remaining capacity, mAh, 0 to 0xFFFFFF
     * @param totalCapacityMilliAmpHours     total (full-charge) capacity, mAh, 0 to 0xFFFFFF
     * @param cycles                         cycle count, 0 to 65535
     * @throws IllegalArgumentException if a value does not fit its field
     */
    public static ModuleAnalog withCount4(int[] cellVoltagesMilliVolts, int[] temperaturesDeciKelvin,
            int currentDeciAmps, int voltageMilliVolts, int remainingCapacityMilliAmpHours,
            int totalCapacityMilliAmpHours, int cycles) {
        return new ModuleAnalog(cellVoltagesMilliVolts, temperaturesDeciKelvin, currentDeciAmps, voltageMilliVolts,
                0xFFFF, 4, 0xFFFF, cycles, remainingCapacityMilliAmpHours, totalCapacityMilliAmpHours);
    }

    /** {@return a copy of the cell voltages, mV} */
    @Override
    public int[] cellVoltagesMilliVolts() {
        return Arrays.copyOf(cellVoltagesMilliVolts, cellVoltagesMilliVolts.length);
    }

    /** {@return a copy of the temperatures as sent, 0.1 K with offset 2731} */
    @Override
    public int[] temperaturesDeciKelvin() {
        return Arrays.copyOf(temperaturesDeciKelvin, temperaturesDeciKelvin.length);
    }

    /** {@return the number of cells, M} */
    public int cellCount() {
        return cellVoltagesMilliVolts.length;
    }

    /**
     * Cell {@code index}'s voltage (0 = cell 1), mV.
     *
     * @param index the cell, 0 for cell 1, below {@link #cellCount()}
     * @return the cell's voltage as sent, mV
     * @throws IndexOutOfBoundsException if there is no such cell
     */
    public int cellVoltageMilliVolts(int index) {
        return cellVoltagesMilliVolts[index];
    }

    /** {@return the number of temperatures, N} */
    public int temperatureCount() {
        return temperaturesDeciKelvin.length;
    }

    /**
     * Temperature {@code index} as sent (0 = BMS board), 0.1 K with offset 2731.
     *
     * @param index the sensor, 0 for the BMS board, below {@link #temperatureCount()}
     * @return the temperature as sent, 0.1 K with offset 2731
     * @throws IndexOutOfBoundsException if there is no such temperature
     */
    public int temperatureDeciKelvin(int index) {
        return temperaturesDeciKelvin[index];
    }

    /**
     * Temperature {@code index} in 0.1 °C: raw − 2731.
     *
     * @param index the sensor, 0 for the BMS board, below {@link #temperatureCount()}
     * @return the temperature, 0.1 °C
     * @throws IndexOutOfBoundsException if there is no such temperature
     */
    public int temperatureDeciCelsius(int index) {
        return temperaturesDeciKelvin[index] - Units.DECI_KELVIN_AT_ZERO_CELSIUS;
    }

    /** {@return the remaining capacity, mAh: from the 3-byte field when the count is 4, else the 2-byte one} */
    public int remainingCapacityMilliAmpHours() {
        return userDefinedCount == 4 ? remainingCapacity2MilliAmpHours : remainingCapacity1MilliAmpHours;
    }

    /** {@return the total capacity, mAh: from the 3-byte field when the count is 4, else the 2-byte one} */
    public int totalCapacityMilliAmpHours() {
        return userDefinedCount == 4 ? totalCapacity2MilliAmpHours : totalCapacity1MilliAmpHours;
    }

    /** {@return the cell voltages in V} */
    public double[] cellVoltagesVolts() {
        double[] v = new double[cellVoltagesMilliVolts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Units.milli(cellVoltagesMilliVolts[i]);
        }
        return v;
    }

    /** {@return the temperatures in °C} */
    public double[] temperaturesCelsius() {
        double[] t = new double[temperaturesDeciKelvin.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Units.celsius(temperaturesDeciKelvin[i]);
        }
        return t;
    }

    /** {@return the current in A, positive = charge} */
    public double currentAmps() {
        return Units.deci(currentDeciAmps);
    }

    /** {@return the module voltage in V} */
    public double voltageVolts() {
        return Units.milli(voltageMilliVolts);
    }

    /** {@return the remaining capacity in Ah (see {@link #remainingCapacityMilliAmpHours()})} */
    public double remainingCapacityAmpHours() {
        return Units.milli(remainingCapacityMilliAmpHours());
    }

    /** {@return the total capacity in Ah (see {@link #totalCapacityMilliAmpHours()})} */
    public double totalCapacityAmpHours() {
        return Units.milli(totalCapacityMilliAmpHours());
    }

    /** The number of INFO bytes this block takes. */
    int encodedLength() {
        return 1 + 2 * cellVoltagesMilliVolts.length + 1 + 2 * temperaturesDeciKelvin.length + 11
                + (userDefinedCount == 4 ? 6 : 0);
    }

    void write(InfoWriter w) {
        w.u8(cellVoltagesMilliVolts.length).u16s(cellVoltagesMilliVolts).u8(temperaturesDeciKelvin.length)
                .u16s(temperaturesDeciKelvin).u16(currentDeciAmps).u16(voltageMilliVolts)
                .u16(remainingCapacity1MilliAmpHours).u8(userDefinedCount).u16(totalCapacity1MilliAmpHours).u16(cycles);
        if (userDefinedCount == 4) {
            w.u24(remainingCapacity2MilliAmpHours).u24(totalCapacity2MilliAmpHours);
        }
    }

    static ModuleAnalog read(InfoReader r) {
        int[] cells = r.s16s(r.u8());
        int[] temperatures = r.s16s(r.u8());
        int current = r.s16();
        int voltage = r.u16();
        int remaining1 = r.u16();
        int countAt = r.position();
        int count = r.u8();
        if (count != 2 && count != 4) {
            throw new InvalidInfoException(r.command(), countAt, count, "the user-defined item count must be 2 or 4");
        }
        int total1 = r.u16();
        int cycles = r.u16();
        int remaining2 = count == 4 ? r.u24() : 0;
        int total2 = count == 4 ? r.u24() : 0;
        return new ModuleAnalog(cells, temperatures, current, voltage, remaining1, count, total1, cycles, remaining2,
                total2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModuleAnalog m && Arrays.equals(cellVoltagesMilliVolts, m.cellVoltagesMilliVolts)
                && Arrays.equals(temperaturesDeciKelvin, m.temperaturesDeciKelvin)
                && currentDeciAmps == m.currentDeciAmps && voltageMilliVolts == m.voltageMilliVolts
                && remainingCapacity1MilliAmpHours == m.remainingCapacity1MilliAmpHours
                && userDefinedCount == m.userDefinedCount
                && totalCapacity1MilliAmpHours == m.totalCapacity1MilliAmpHours && cycles == m.cycles
                && remainingCapacity2MilliAmpHours == m.remainingCapacity2MilliAmpHours
                && totalCapacity2MilliAmpHours == m.totalCapacity2MilliAmpHours;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(cellVoltagesMilliVolts), Arrays.hashCode(temperaturesDeciKelvin),
                currentDeciAmps, voltageMilliVolts, remainingCapacity1MilliAmpHours, userDefinedCount,
                totalCapacity1MilliAmpHours, cycles, remainingCapacity2MilliAmpHours, totalCapacity2MilliAmpHours);
    }

    @Override
    public String toString() {
        return "ModuleAnalog[cellVoltagesMilliVolts=" + Arrays.toString(cellVoltagesMilliVolts)
                + ", temperaturesDeciKelvin=" + Arrays.toString(temperaturesDeciKelvin) + ", currentDeciAmps="
                + currentDeciAmps + ", voltageMilliVolts=" + voltageMilliVolts + ", remainingCapacity1MilliAmpHours="
                + remainingCapacity1MilliAmpHours + ", userDefinedCount=" + userDefinedCount
                + ", totalCapacity1MilliAmpHours=" + totalCapacity1MilliAmpHours + ", cycles=" + cycles
                + ", remainingCapacity2MilliAmpHours=" + remainingCapacity2MilliAmpHours
                + ", totalCapacity2MilliAmpHours=" + totalCapacity2MilliAmpHours + "]";
    }
}
