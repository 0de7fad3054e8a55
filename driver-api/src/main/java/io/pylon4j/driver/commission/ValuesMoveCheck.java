package io.pylon4j.driver.commission;

import io.pylon4j.driver.BankField;
import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.Measurements;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * {@code values-move}: values that do not move under load. A BMS that does not really talk to the inverter (or a
 * gateway repeating old data) shows the same voltage, current and SOC for ever — the "static numbers" symptom of a
 * bank without BMS communication. Every snapshot's voltage, current, SOC, temperature and, when RS485 gives them,
 * per-module voltages, cell voltages and remaining capacities are compared: all identical across the window while
 * the bank reports a current of at least {@value #LOAD_AMPS} A fails; all identical with no current warns (an idle
 * bank cannot be told from a frozen one).
 */
public final class ValuesMoveCheck implements CommissioningCheck {

    /** This check's id. */
    public static final String ID = "values-move";

    /** Creates the check; it has no settings: what it judges comes from the observation and the expectations. */
    public ValuesMoveCheck() {
    }

    /** The smallest current, A, that counts as "under load". */
    public static final double LOAD_AMPS = 1.0;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult evaluate(Observation o, Expectations expected) {
        // Each quantity is compared with itself only, over the snapshots that have it: a module whose RS485 details
        // arrive after the first snapshot is new information, not a value that moved. A bank value is keyed by the
        // link it came from: read over CAN and RS485 at once, the newest of either wins, and the two links' different
        // resolutions (SOC 60 % over CAN, 59.99 % from RS485 capacities) would look like movement of a frozen bank.
        Map<String, Set<Object>> seen = new HashMap<>();
        int snapshots = 0;
        double load = 0;
        for (BankStatus s : o.samples()) {
            Measurements m = s.measurements();
            if (m.voltageVolts().isEmpty() && m.socPercent().isEmpty()) {
                continue;
            }
            snapshots++;
            note(seen, quantity(s, BankField.VOLTAGE), m.voltageVolts());
            note(seen, quantity(s, BankField.CURRENT), m.currentAmps());
            note(seen, quantity(s, BankField.SOC), m.socPercent());
            note(seen, quantity(s, BankField.TEMPERATURE), m.temperatureCelsius());
            for (ModuleDetails d : s.modules().values()) {
                note(seen, d.address() + "/voltage", d.voltageVolts());
                note(seen, d.address() + "/cells", d.cellVoltagesVolts().isEmpty() ? null : d.cellVoltagesVolts());
                note(seen, d.address() + "/remaining", d.remainingCapacityAh());
            }
            if (m.currentAmps().isPresent()) {
                load = Math.max(load, Math.abs(m.currentAmps().getAsDouble()));
            }
        }
        if (snapshots < 2) {
            return CheckResult.skipped(ID, "Fewer than two snapshots with measurements: observe longer.");
        }
        boolean moved = seen.values().stream().anyMatch(values -> values.size() > 1);
        String measured = snapshots + " snapshots, largest current " + Fmt.amps(load);
        if (moved) {
            return CheckResult.of(ID, Verdict.PASS, "The values move: the BMS sends live data.", measured,
                    "values that change");
        }
        if (load >= LOAD_AMPS) {
            return CheckResult.of(ID, Verdict.FAIL, "Voltage, current and SOC stayed exactly the same over "
                    + Fmt.seconds(o.window()) + " while " + Fmt.amps(load) + " flowed: the values are frozen and "
                    + "the inverter gets no live data from the BMS. Check that the communication cable goes to "
                    + "the master's CAN/RS485 port and that the inverter's battery type is set to Pylontech "
                    + "(lithium with communication).", measured, "values that change under load");
        }
        return CheckResult.of(ID, Verdict.WARN, "The values did not change, but no current flowed, so a frozen BMS "
                + "cannot be told from an idle bank: repeat while charging or discharging.", measured,
                "values that change under load");
    }

    /** Records one present value of a quantity; absent values (empty optionals, null) are not observations. */
    private static void note(Map<String, Set<Object>> seen, String quantity, Object value) {
        if (value == null || value instanceof OptionalDouble d && d.isEmpty()) {
            return;
        }
        seen.computeIfAbsent(quantity, k -> new HashSet<>()).add(value);
    }

    /** A bank value's name, with the link that delivered it. */
    private static String quantity(BankStatus s, BankField field) {
        return field + s.stamp(field).map(stamp -> "@" + stamp.source()).orElse("");
    }
}
