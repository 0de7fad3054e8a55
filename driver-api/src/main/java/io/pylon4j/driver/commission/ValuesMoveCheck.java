package io.pylon4j.driver.commission;

import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.Measurements;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    /** The smallest current, A, that counts as "under load". */
    public static final double LOAD_AMPS = 1.0;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult evaluate(Observation o, Expectations expected) {
        List<List<Object>> prints = new ArrayList<>();
        double load = 0;
        for (BankStatus s : o.samples()) {
            Measurements m = s.measurements();
            if (m.voltageVolts().isEmpty() && m.socPercent().isEmpty()) {
                continue;
            }
            List<Object> print = new ArrayList<>();
            print.add(m.voltageVolts());
            print.add(m.currentAmps());
            print.add(m.socPercent());
            print.add(m.temperatureCelsius());
            for (ModuleDetails d : s.modules().values()) {
                print.add(d.voltageVolts());
                print.add(d.cellVoltagesVolts());
                print.add(d.remainingCapacityAh());
            }
            prints.add(print);
            if (m.currentAmps().isPresent()) {
                load = Math.max(load, Math.abs(m.currentAmps().getAsDouble()));
            }
        }
        if (prints.size() < 2) {
            return CheckResult.skipped(ID, "Fewer than two snapshots with measurements: observe longer.");
        }
        boolean moved = prints.stream().anyMatch(p -> !Objects.equals(p, prints.get(0)));
        String measured = prints.size() + " snapshots, largest current " + Fmt.amps(load);
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
}
