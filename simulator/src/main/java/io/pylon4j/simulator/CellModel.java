package io.pylon4j.simulator;

/**
 * The simulator's electrical and thermal model of an LFP module. All of it is this simulator's assumption, chosen to
 * look plausible and to match the few real readings in the captures of docs/protocol.md §3; none of it is a claim about
 * Pylontech hardware.
 *
 * <ul>
 *   <li>Open-circuit cell voltage: a piecewise-linear LFP curve ({@link #SOC_POINTS}, {@link #OCV_POINTS}), flat
 *       around 3.3 V, steep below 10 % and above 95 %. It reproduces the real readings of capture
 *       {@code rs485-python-pylontech-tests}: about 3.28 V at 46 %, 3.30 V at 67 %, 3.33 V at 86 % SOC.</li>
 *   <li>Cell voltage = open-circuit voltage + current × cell resistance, with the resistance
 *       {@value #RESISTANCE_OHM_AMP_HOURS} Ω·Ah ÷ capacity (1.2 mΩ for 50 Ah, 0.81 mΩ for 74 Ah).</li>
 *   <li>Temperature: one first-order thermal mass per module that relaxes towards the ambient temperature with time
 *       constant {@value #THERMAL_TIME_CONSTANT_SECONDS} s and is heated by the I²R loss through
 *       {@value #THERMAL_RESISTANCE_KELVIN_PER_WATT} K/W (about 3 °C above ambient at 37 A in a US3000C). The BMS
 *       board reads {@value #BMS_BOARD_OFFSET_CELSIUS} °C above the cells (as in the real US2000 readings: board
 *       23.0 °C, cells 22.0 °C).</li>
 * </ul>
 */
final class CellModel {

    /** SOC (%) of the open-circuit voltage curve's points. */
    static final double[] SOC_POINTS = {0, 2, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 98, 100};
    /** Open-circuit cell voltage (mV) at {@link #SOC_POINTS}. */
    static final double[] OCV_POINTS =
            {2900, 3000, 3130, 3200, 3240, 3262, 3275, 3285, 3297, 3308, 3322, 3336, 3350, 3390, 3450};

    static final double RESISTANCE_OHM_AMP_HOURS = 0.06;
    static final double THERMAL_TIME_CONSTANT_SECONDS = 3600;
    static final double THERMAL_RESISTANCE_KELVIN_PER_WATT = 0.2;
    static final double BMS_BOARD_OFFSET_CELSIUS = 1.0;

    private CellModel() {
    }

    /** The open-circuit cell voltage in mV at {@code socPercent} (clamped to 0…100). */
    static double openCircuitMillivolts(double socPercent) {
        double soc = Math.max(0, Math.min(100, socPercent));
        for (int i = 1; i < SOC_POINTS.length; i++) {
            if (soc <= SOC_POINTS[i]) {
                double f = (soc - SOC_POINTS[i - 1]) / (SOC_POINTS[i] - SOC_POINTS[i - 1]);
                return OCV_POINTS[i - 1] + f * (OCV_POINTS[i] - OCV_POINTS[i - 1]);
            }
        }
        return OCV_POINTS[OCV_POINTS.length - 1];
    }

    /** One cell's resistance in ohms for a module of {@code capacityAh}. */
    static double cellResistanceOhms(double capacityAh) {
        return RESISTANCE_OHM_AMP_HOURS / capacityAh;
    }

    /**
     * The cell temperature after {@code seconds} at constant {@code amps}, starting from {@code celsius}: the exact
     * solution of the first-order model, so a long step is as accurate as many short ones.
     */
    static double temperatureAfter(double celsius, double ambientCelsius, double amps, double moduleResistanceOhms,
                                   double seconds) {
        double steady = ambientCelsius + amps * amps * moduleResistanceOhms * THERMAL_RESISTANCE_KELVIN_PER_WATT;
        return steady + (celsius - steady) * Math.exp(-seconds / THERMAL_TIME_CONSTANT_SECONDS);
    }
}
