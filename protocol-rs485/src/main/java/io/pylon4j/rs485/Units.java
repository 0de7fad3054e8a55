package io.pylon4j.rs485;

/** Unit conversions shared by the records (docs/protocol.md §2.5, §4). */
final class Units {

    /** The offset of the 0.1 K temperatures: °C = (raw − 2731) / 10 ([R485-33] §3.3). */
    static final int DECI_KELVIN_AT_ZERO_CELSIUS = 2731;

    private Units() {
    }

    static double celsius(int deciKelvin) {
        return (deciKelvin - DECI_KELVIN_AT_ZERO_CELSIUS) / 10.0;
    }

    static double milli(int value) {
        return value / 1000.0;
    }

    static double deci(int value) {
        return value / 10.0;
    }

    static double centi(int value) {
        return value / 100.0;
    }
}
