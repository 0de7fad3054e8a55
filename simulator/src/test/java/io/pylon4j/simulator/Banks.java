package io.pylon4j.simulator;

/** Test fixtures: banks with identical cells and sensors (spread 0), so that values are exact. */
final class Banks {

    static final ModuleId M0 = ModuleId.of(0, 0);
    static final ModuleId M1 = ModuleId.of(0, 1);
    static final ModuleId M2 = ModuleId.of(0, 2);
    static final ModuleId M3 = ModuleId.of(0, 3);

    private Banks() {
    }

    /** {@code modules} US3000C modules in one group at {@code soc} %, 25 °C, 0 A, no spread. */
    static SimulatedBank us3000c(int modules, double soc) {
        return SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(modules).stateOfCharge(soc)
                .spread(0, 0).build();
    }
}
