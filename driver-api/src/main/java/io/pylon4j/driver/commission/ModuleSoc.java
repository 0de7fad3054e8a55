package io.pylon4j.driver.commission;

import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.ModuleDetails;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Per-module state of charge from RS485 0x42: remaining ÷ total capacity (docs/protocol.md §2.5.3), the way the driver derives
 * the bank's SOC from a whole-stack reply.
 */
final class ModuleSoc {

    private ModuleSoc() {
    }

    /** Module address → SOC % for every module of the newest snapshot whose capacities are known. */
    static Map<Integer, Double> of(Optional<BankStatus> status) {
        Map<Integer, Double> socs = new TreeMap<>();
        status.ifPresent(s -> {
            for (ModuleDetails d : s.modules().values()) {
                if (d.remainingCapacityAh().isPresent() && d.totalCapacityAh().isPresent()
                        && d.totalCapacityAh().getAsDouble() > 0) {
                    socs.put(d.address(), Math.min(100.0,
                            100.0 * d.remainingCapacityAh().getAsDouble() / d.totalCapacityAh().getAsDouble()));
                }
            }
        });
        return socs;
    }
}
