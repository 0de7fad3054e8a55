package io.pylon4j.gateway;

import java.util.Objects;

/**
 * What the RS485 0x61 system analog reply (docs/protocol.md §2.5.12, an emulator layout) needs beyond the modules'
 * 0x42 details, for a source that knows it from its own BMS: state of health and the MOSFET and BMS-board
 * temperatures with where they are. 0x42 carries no SOH, a MOSFET sensor only on some models, and the board sensor
 * in an order documented only by third parties (docs/protocol.md §2.5.3), so a driver source never supplies this and
 * the gateway refuses 0x61 from it. Everything else in 0x61 (voltage, current, SOC, cycles, cell voltage and cell
 * temperature extremes) is derived from {@link BankDetails#modules()}. Immutable.
 *
 * <p>Locations are the wire's: {@code module} the module's number in address order starting at 1 (group by group,
 * as an LV-Hub counts), {@code position} the sensor within the module starting at 1.
 *
 * @param averageStateOfHealthPercent the modules' average SOH, %, 0 to 100
 * @param minimumStateOfHealthPercent the lowest module SOH, %, 0 to the average
 * @param averageMosfetCelsius        the average MOSFET temperature, °C
 * @param maximumMosfet               the highest MOSFET temperature and where
 * @param minimumMosfet               the lowest MOSFET temperature and where
 * @param averageBmsCelsius           the average BMS-board temperature, °C
 * @param maximumBms                  the highest BMS-board temperature and where
 * @param minimumBms                  the lowest BMS-board temperature and where
 */
public record SystemAnalogExtras(int averageStateOfHealthPercent, int minimumStateOfHealthPercent,
                                 double averageMosfetCelsius, Sensor maximumMosfet, Sensor minimumMosfet,
                                 double averageBmsCelsius, Sensor maximumBms, Sensor minimumBms) {

    /** The lowest temperature 0x61's u16 in 0.1 K can carry, °C. */
    public static final double MIN_CELSIUS = -273.1;
    /** The highest temperature 0x61's u16 in 0.1 K can carry, °C. */
    public static final double MAX_CELSIUS = 6280.4;

    /**
     * One temperature and the sensor it was read from.
     *
     * @param celsius  the temperature, °C, {@link #MIN_CELSIUS} to {@link #MAX_CELSIUS}
     * @param module   the module's number in address order, 1 to 255
     * @param position the sensor within the module, 1 to 255
     */
    public record Sensor(double celsius, int module, int position) {

        /**
         * Checks the ranges.
         *
         * @param celsius  the temperature, °C
         * @param module   the module's number, 1 to 255
         * @param position the sensor within the module, 1 to 255
         * @throws IllegalArgumentException if a value is outside its range
         */
        public Sensor {
            checkCelsius(celsius);
            if (module < 1 || module > 255 || position < 1 || position > 255) {
                throw new IllegalArgumentException("module and position are 1 to 255: " + module + ", " + position);
            }
        }
    }

    /**
     * Checks the ranges and that each average lies between its extremes.
     *
     * @param averageStateOfHealthPercent the average SOH, %, 0 to 100
     * @param minimumStateOfHealthPercent the lowest SOH, %, 0 to the average
     * @param averageMosfetCelsius        the average MOSFET temperature, °C
     * @param maximumMosfet               the highest MOSFET temperature and where
     * @param minimumMosfet               the lowest MOSFET temperature and where
     * @param averageBmsCelsius           the average BMS-board temperature, °C
     * @param maximumBms                  the highest BMS-board temperature and where
     * @param minimumBms                  the lowest BMS-board temperature and where
     * @throws NullPointerException     if a sensor is null
     * @throws IllegalArgumentException if a value is outside its range or an average outside its extremes
     */
    public SystemAnalogExtras {
        if (averageStateOfHealthPercent < 0 || averageStateOfHealthPercent > 100 || minimumStateOfHealthPercent < 0
                || minimumStateOfHealthPercent > averageStateOfHealthPercent) {
            throw new IllegalArgumentException("SOH: 0 ≤ minimum " + minimumStateOfHealthPercent + " ≤ average "
                    + averageStateOfHealthPercent + " ≤ 100");
        }
        checkSpread("MOSFET", averageMosfetCelsius, maximumMosfet, minimumMosfet);
        checkSpread("BMS", averageBmsCelsius, maximumBms, minimumBms);
    }

    private static void checkSpread(String kind, double average, Sensor max, Sensor min) {
        Objects.requireNonNull(max, kind + " maximum");
        Objects.requireNonNull(min, kind + " minimum");
        checkCelsius(average);
        if (!(min.celsius() <= average && average <= max.celsius())) {
            throw new IllegalArgumentException(kind + " temperatures: minimum " + min.celsius() + " ≤ average "
                    + average + " ≤ maximum " + max.celsius() + " °C does not hold");
        }
    }

    private static void checkCelsius(double celsius) {
        if (!(celsius >= MIN_CELSIUS && celsius <= MAX_CELSIUS)) {
            throw new IllegalArgumentException("a temperature 0x61 can carry is " + MIN_CELSIUS + " to " + MAX_CELSIUS
                    + " °C: " + celsius);
        }
    }
}
