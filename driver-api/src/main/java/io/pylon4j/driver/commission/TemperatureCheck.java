package io.pylon4j.driver.commission;

import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.DriverCounters;
import io.pylon4j.driver.ModuleDetails;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code temperature}: a temperature of exactly 0 °C all through the window, or one outside
 * {@value #MIN_PLAUSIBLE_CELSIUS}…{@value #MAX_PLAUSIBLE_CELSIUS} °C, is the classic sign of a link that does not
 * really work — an RS485 baud rate that does not match (DIP switch 1 of the master, docs/protocol.md §2.1) or an inverter
 * reading the wrong protocol — and fails. So does an RS485 link where bytes arrive but never a valid reply.
 */
public final class TemperatureCheck implements CommissioningCheck {

    /** This check's id. */
    public static final String ID = "temperature";

    /** Creates the check; it has no settings: what it judges comes from the observation and the expectations. */
    public TemperatureCheck() {
    }

    /** The lowest temperature, °C, a working bank plausibly reports (LFP cells must not be charged below 0 °C). */
    public static final double MIN_PLAUSIBLE_CELSIUS = -30;

    /** The highest temperature, °C, a working bank plausibly reports. */
    public static final double MAX_PLAUSIBLE_CELSIUS = 80;

    private static final String BAUD_ADVICE = "DIP switch 1 of the master selects the RS485 baud rate (down = "
            + "115200, up = 9600; read at power-up): set it and the inverter's port alike, then restart the battery.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult evaluate(Observation o, Expectations expected) {
        DriverCounters c = o.counters();
        if (o.rs485Observed() && c.rs485Replies() == 0 && c.rs485Resyncs() > 0) {
            return CheckResult.of(ID, Verdict.FAIL, "RS485 bytes arrive but never a valid reply, so no temperature "
                    + "can be read: the baud rate does not match. " + BAUD_ADVICE,
                    c.rs485Resyncs() + " bytes discarded, 0 replies", "valid replies with temperatures");
        }
        List<Double> bank = new ArrayList<>();
        for (BankStatus s : o.samples()) {
            s.measurements().temperatureCelsius().ifPresent(bank::add);
        }
        List<Double> sensors = new ArrayList<>();
        o.last().ifPresent(s -> {
            for (ModuleDetails d : s.modules().values()) {
                sensors.addAll(d.temperaturesCelsius());
            }
        });
        if (bank.isEmpty() && sensors.isEmpty()) {
            return CheckResult.skipped(ID, "No temperature was received.");
        }
        List<Double> all = new ArrayList<>(bank);
        all.addAll(sensors);
        double min = all.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = all.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        String measured = min == max ? Fmt.celsius(min) : Fmt.celsius(min) + " … " + Fmt.celsius(max);
        String range = Fmt.celsius(MIN_PLAUSIBLE_CELSIUS) + " … " + Fmt.celsius(MAX_PLAUSIBLE_CELSIUS)
                + ", not exactly 0";
        if (min == 0 && max == 0) {
            return CheckResult.of(ID, Verdict.FAIL, "Every temperature reads exactly 0 °C: the data is not really "
                    + "coming through (a wrong RS485 baud rate, or the inverter set to the wrong battery protocol). "
                    + BAUD_ADVICE + " (If the room really is at 0 °C, the bank must not be charged anyway.)",
                    measured, range);
        }
        if (min < MIN_PLAUSIBLE_CELSIUS || max > MAX_PLAUSIBLE_CELSIUS) {
            return CheckResult.of(ID, Verdict.FAIL, "A temperature of " + (max > MAX_PLAUSIBLE_CELSIUS
                    ? Fmt.celsius(max) : Fmt.celsius(min)) + " is not plausible: the link garbles data (baud rate, "
                    + "noise, a second device on the bus) or the inverter decodes the wrong protocol. "
                    + BAUD_ADVICE, measured, range);
        }
        return CheckResult.of(ID, Verdict.PASS, "The temperatures are plausible.", measured, range);
    }
}
