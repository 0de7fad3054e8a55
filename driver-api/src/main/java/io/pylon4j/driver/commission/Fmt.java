package io.pylon4j.driver.commission;

import java.util.Locale;

/** Number formatting for explanations: always a dot, one decimal, the unit after a space. */
final class Fmt {

    private Fmt() {
    }

    static String amps(double value) {
        return String.format(Locale.ROOT, "%.1f A", value);
    }

    static String volts(double value) {
        return String.format(Locale.ROOT, "%.2f V", value); // RS485 sends mV: 53.25 V must not read 53.3 V
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f %%", value);
    }

    static String celsius(double value) {
        return String.format(Locale.ROOT, "%.1f °C", value);
    }

    static String seconds(java.time.Duration d) {
        return String.format(Locale.ROOT, "%.0f s", d.toMillis() / 1000.0);
    }

    static String address(int address) {
        return String.format(Locale.ROOT, "0x%02X", address);
    }
}
