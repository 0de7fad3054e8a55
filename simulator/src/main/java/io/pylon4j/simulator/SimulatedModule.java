package io.pylon4j.simulator;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One simulated module's mutable state. Lives inside a {@link SimulatedBank} and is touched only under the bank's
 * lock; the outside world sees {@link ModuleSnapshot}s.
 */
final class SimulatedModule {

    /** Margin (mV) below the 0x47 cell high-voltage limit at which the high-voltage alarm starts. */
    static final int HIGH_VOLTAGE_ALARM_MARGIN_MILLIVOLTS = 50;
    /** Margin (0.1 °C) inside the 0x47 temperature limits at which the temperature alarms start. */
    static final int TEMPERATURE_ALARM_MARGIN_DECI_CELSIUS = 50;

    private final ModuleId id;
    private final ModulePreset preset;
    private final SystemParameters limits;
    private final double[] cellOffsetMillivolts;
    private final double[] sensorOffsetCelsius;
    private final RequestTracker tracker;
    private final Set<Protection> forcedProtections = EnumSet.noneOf(Protection.class);
    private final Set<Alarm> forcedAlarms = EnumSet.noneOf(Alarm.class);

    private boolean online = true;
    private int stateOfHealthPercent;
    private double capacityAh;
    private double remainingAh;
    private double dischargedAh;
    private final int initialCycles;
    private double cellCelsius;
    private double currentAmps;

    SimulatedModule(ModuleId id, ModulePreset preset, double socPercent, int sohPercent, int cycles, double celsius,
                    double[] cellOffsetMillivolts, double[] sensorOffsetCelsius, RequestPolicy policy) {
        this.id = id;
        this.preset = preset;
        this.limits = preset.systemParameters();
        this.cellOffsetMillivolts = cellOffsetMillivolts.clone();
        this.sensorOffsetCelsius = sensorOffsetCelsius.clone();
        this.initialCycles = cycles;
        this.cellCelsius = celsius;
        setStateOfHealth(sohPercent);
        setStateOfCharge(socPercent);
        this.tracker = new RequestTracker(policy, socPercent);
    }

    ModuleId id() {
        return id;
    }

    boolean online() {
        return online;
    }

    void setOnline(boolean online) {
        this.online = online;
        if (!online) {
            currentAmps = 0;
        }
    }

    /** The exact SOC in %. */
    double socPercent() {
        return 100.0 * remainingAh / capacityAh;
    }

    int stateOfHealthPercent() {
        return stateOfHealthPercent;
    }

    void setStateOfCharge(double percent) {
        remainingAh = capacityAh * percent / 100.0;
    }

    /** Changes the SOH and with it the full capacity, keeping the SOC. */
    void setStateOfHealth(int percent) {
        double soc = capacityAh > 0 ? socPercent() : 0;
        stateOfHealthPercent = percent;
        capacityAh = preset.capacityAmpHours() * Math.max(percent, 1) / 100.0;
        remainingAh = capacityAh * soc / 100.0;
    }

    void setCellTemperature(double celsius) {
        cellCelsius = celsius;
    }

    Set<Protection> forcedProtections() {
        return forcedProtections;
    }

    Set<Alarm> forcedAlarms() {
        return forcedAlarms;
    }

    /**
     * Integrates {@code seconds} of the bank demanding {@code demandAmps} of this module: coulomb counting with the
     * module's capacity, stopping at full and at empty (the BMS opens its MOSFET: the current becomes 0), and the
     * thermal model. An offline module carries no current and cools towards the ambient temperature.
     */
    void integrate(double demandAmps, double seconds, double ambientCelsius) {
        double amps = online ? demandAmps : 0.0;
        if (amps > 0 && remainingAh >= capacityAh || amps < 0 && remainingAh <= 0) {
            amps = 0;
        }
        double withCurrent = seconds;
        if (amps != 0) {
            double room = amps > 0 ? capacityAh - remainingAh : remainingAh;
            double hours = room / Math.abs(amps);
            if (hours * 3600 < seconds) {
                withCurrent = hours * 3600;
            }
            double deltaAh = amps * withCurrent / 3600;
            if (withCurrent < seconds) {
                remainingAh = amps > 0 ? capacityAh : 0; // reached full or empty within the step
            } else {
                remainingAh = Math.max(0, Math.min(capacityAh, remainingAh + deltaAh));
            }
            if (amps < 0) {
                dischargedAh -= deltaAh;
            }
        }
        double moduleOhms = preset.cellCount() * CellModel.cellResistanceOhms(capacityAh);
        cellCelsius = CellModel.temperatureAfter(cellCelsius, ambientCelsius, amps, moduleOhms, withCurrent);
        if (withCurrent < seconds) {
            cellCelsius = CellModel.temperatureAfter(cellCelsius, ambientCelsius, 0, moduleOhms, seconds - withCurrent);
            amps = 0;
        }
        currentAmps = amps;
    }

    /** Advances the request flags' time-based state by the step just integrated. */
    void updateRequests(long nanos) {
        if (online) {
            tracker.update(socPercent(), nanos);
        }
    }

    int cycles() {
        return initialCycles + (int) Math.floor(dischargedAh / capacityAh + 1e-9);
    }

    /** The module as the outside world sees it now. */
    ModuleSnapshot snapshot() {
        int cellCount = preset.cellCount();
        double soc = socPercent();
        double ocv = CellModel.openCircuitMillivolts(soc);
        double irMillivolts = currentAmps * CellModel.cellResistanceOhms(capacityAh) * 1000;
        List<Integer> cells = new ArrayList<>(cellCount);
        int moduleMillivolts = 0;
        for (int i = 0; i < cellCount; i++) {
            int mv = (int) Math.round(ocv + irMillivolts + cellOffsetMillivolts[i]);
            cells.add(mv);
            moduleMillivolts += mv;
        }
        List<Integer> temperatures = new ArrayList<>(ModuleSnapshot.TEMPERATURE_COUNT);
        temperatures.add(deci(cellCelsius + CellModel.BMS_BOARD_OFFSET_CELSIUS + sensorOffsetCelsius[0]));
        for (int i = 1; i < ModuleSnapshot.TEMPERATURE_COUNT; i++) {
            temperatures.add(deci(cellCelsius + sensorOffsetCelsius[i]));
        }
        int currentDeciAmps = (int) Math.round(currentAmps * 10);
        int minCell = cells.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int maxCell = cells.stream().mapToInt(Integer::intValue).max().orElseThrow();
        int minTemp = Integer.MAX_VALUE;
        int maxTemp = Integer.MIN_VALUE;
        for (int i = 1; i < ModuleSnapshot.TEMPERATURE_COUNT; i++) {
            minTemp = Math.min(minTemp, temperatures.get(i));
            maxTemp = Math.max(maxTemp, temperatures.get(i));
        }

        Set<Protection> protections = protections(minCell, maxCell, moduleMillivolts, minTemp, maxTemp,
                currentDeciAmps);
        protections.addAll(forcedProtections);
        Set<Alarm> alarms = alarms(minCell, maxCell, moduleMillivolts, minTemp, maxTemp, currentDeciAmps);
        alarms.addAll(forcedAlarms);

        double chargeFactor = Math.min(Derating.chargeBySoc(soc), Math.min(
                Derating.chargeByCellVoltage(maxCell, preset.chargeVoltageLimitMillivolts() / (double) cellCount),
                Derating.chargeByTemperature(minTemp / 10.0, maxTemp / 10.0, limits)));
        double dischargeFactor = Math.min(Derating.dischargeBySoc(soc),
                Derating.dischargeByTemperature(minTemp / 10.0, maxTemp / 10.0, limits));
        boolean chargeBlocked = !online || protections.stream().anyMatch(Protection::blocksCharge);
        boolean dischargeBlocked = !online || protections.stream().anyMatch(Protection::blocksDischarge);
        int ccl = chargeBlocked ? 0 : (int) Math.round(preset.chargeCurrentDeciAmps() * chargeFactor);
        int dcl = dischargeBlocked ? 0 : (int) Math.round(preset.dischargeCurrentDeciAmps() * dischargeFactor);
        ChargeLimits moduleLimits = new ChargeLimits(preset.chargeVoltageLimitMillivolts(),
                preset.dischargeVoltageLimitMillivolts(), ccl, dcl);
        RequestFlags requests = tracker.flags(ccl > 0, dcl > 0);

        List<LimitState> cellStates = new ArrayList<>(cellCount);
        for (int mv : cells) {
            cellStates.add(LimitState.of(mv, limits.cellLowVoltageMillivolts(), limits.cellHighVoltageMillivolts()));
        }
        List<LimitState> temperatureStates = new ArrayList<>(ModuleSnapshot.TEMPERATURE_COUNT);
        for (int t : temperatures) {
            temperatureStates.add(LimitState.of(t, limits.chargeLowTemperatureDeciCelsius(),
                    limits.chargeHighTemperatureDeciCelsius()));
        }
        LimitState chargeCurrentState = currentDeciAmps > limits.chargeCurrentLimitDeciAmps()
                ? LimitState.ABOVE_UPPER_LIMIT : LimitState.NORMAL;
        LimitState moduleVoltageState = LimitState.of(moduleMillivolts, limits.moduleLowVoltageMillivolts(),
                limits.moduleHighVoltageMillivolts());
        LimitState dischargeCurrentState = -currentDeciAmps > limits.dischargeCurrentLimitDeciAmps()
                ? LimitState.ABOVE_UPPER_LIMIT : LimitState.NORMAL;
        // A forced flag says "this module is in that condition" whatever its values, so a client that reads only
        // RS485 0x44 (the driver does not poll 0x62) must see it too: it sets the state byte the condition belongs
        // to (docs/protocol.md §2.5.4), on the cell or sensor nearest to it. Derived flags need no overlay: the states above
        // already compare the same values with the 0x47 limits. System error and internal communication fail have no
        // 0x44 state byte.
        EnumSet<Condition> forced = EnumSet.noneOf(Condition.class);
        forcedProtections.forEach(p -> forced.add(Condition.of(p)));
        forcedAlarms.forEach(a -> forced.add(Condition.of(a)));
        int hottest = 1;
        int coldest = 1;
        for (int i = 2; i < ModuleSnapshot.TEMPERATURE_COUNT; i++) {
            hottest = temperatures.get(i) > temperatures.get(hottest) ? i : hottest;
            coldest = temperatures.get(i) < temperatures.get(coldest) ? i : coldest;
        }
        for (Condition c : forced) {
            switch (c) {
                case HIGH_VOLTAGE -> {
                    cellStates.set(cells.indexOf(maxCell), LimitState.ABOVE_UPPER_LIMIT);
                    moduleVoltageState = LimitState.ABOVE_UPPER_LIMIT;
                }
                case LOW_VOLTAGE -> {
                    cellStates.set(cells.indexOf(minCell), LimitState.BELOW_LOWER_LIMIT);
                    moduleVoltageState = LimitState.BELOW_LOWER_LIMIT;
                }
                case HIGH_TEMPERATURE -> temperatureStates.set(hottest, LimitState.ABOVE_UPPER_LIMIT);
                case LOW_TEMPERATURE -> temperatureStates.set(coldest, LimitState.BELOW_LOWER_LIMIT);
                case CHARGE_CURRENT -> chargeCurrentState = LimitState.ABOVE_UPPER_LIMIT;
                case DISCHARGE_CURRENT -> dischargeCurrentState = LimitState.ABOVE_UPPER_LIMIT;
                case NONE -> {
                    // no 0x44 state byte
                }
            }
        }
        LimitStates states = new LimitStates(cellStates, temperatureStates, chargeCurrentState, moduleVoltageState,
                dischargeCurrentState);

        int totalMah = (int) Math.round(capacityAh * 1000);
        int remainingMah = (int) Math.min(totalMah, Math.round(remainingAh * 1000));
        int socRounded = (int) Math.round(soc);
        if (socRounded == 100 && remainingMah < totalMah) {
            socRounded = 99; // 100 % only when really full
        }
        return new ModuleSnapshot(id, online, cells, temperatures, currentDeciAmps, moduleMillivolts, remainingMah,
                totalMah, socRounded, stateOfHealthPercent, cycles(), moduleLimits, requests, protections, alarms,
                states, ccl > 0, dcl > 0);
    }

    private Set<Protection> protections(int minCell, int maxCell, int moduleMv, int minTemp, int maxTemp,
                                        int deciAmps) {
        Set<Protection> set = EnumSet.noneOf(Protection.class);
        if (maxCell >= limits.cellHighVoltageMillivolts() || moduleMv >= limits.moduleHighVoltageMillivolts()) {
            set.add(Protection.CELL_OR_MODULE_OVER_VOLTAGE);
        }
        if (minCell <= limits.cellUnderVoltageMillivolts() || moduleMv <= limits.moduleUnderVoltageMillivolts()) {
            set.add(Protection.CELL_OR_MODULE_UNDER_VOLTAGE);
        }
        if (maxTemp >= highTemperatureLimit(deciAmps)) {
            set.add(Protection.CELL_OVER_TEMPERATURE);
        }
        if (minTemp <= lowTemperatureLimit(deciAmps)) {
            set.add(Protection.CELL_UNDER_TEMPERATURE);
        }
        if (deciAmps > limits.chargeCurrentLimitDeciAmps()) {
            set.add(Protection.CHARGE_OVER_CURRENT);
        }
        if (-deciAmps > limits.dischargeCurrentLimitDeciAmps()) {
            set.add(Protection.DISCHARGE_OVER_CURRENT);
        }
        return set;
    }

    private Set<Alarm> alarms(int minCell, int maxCell, int moduleMv, int minTemp, int maxTemp, int deciAmps) {
        Set<Alarm> set = EnumSet.noneOf(Alarm.class);
        if (maxCell >= limits.cellHighVoltageMillivolts() - HIGH_VOLTAGE_ALARM_MARGIN_MILLIVOLTS
                || moduleMv >= limits.moduleHighVoltageMillivolts()) {
            set.add(Alarm.CELL_OR_MODULE_HIGH_VOLTAGE);
        }
        if (minCell <= limits.cellLowVoltageMillivolts() || moduleMv <= limits.moduleLowVoltageMillivolts()) {
            set.add(Alarm.CELL_OR_MODULE_LOW_VOLTAGE);
        }
        if (maxTemp >= highTemperatureLimit(deciAmps) - TEMPERATURE_ALARM_MARGIN_DECI_CELSIUS) {
            set.add(Alarm.CELL_HIGH_TEMPERATURE);
        }
        if (minTemp <= lowTemperatureLimit(deciAmps) + TEMPERATURE_ALARM_MARGIN_DECI_CELSIUS) {
            set.add(Alarm.CELL_LOW_TEMPERATURE);
        }
        if (deciAmps > preset.chargeCurrentDeciAmps()) {
            set.add(Alarm.CHARGE_HIGH_CURRENT);
        }
        if (-deciAmps > preset.dischargeCurrentDeciAmps()) {
            set.add(Alarm.DISCHARGE_HIGH_CURRENT);
        }
        return set;
    }

    private int highTemperatureLimit(int deciAmps) {
        return deciAmps > 0 ? limits.chargeHighTemperatureDeciCelsius() : limits.dischargeHighTemperatureDeciCelsius();
    }

    private int lowTemperatureLimit(int deciAmps) {
        return deciAmps > 0 ? limits.chargeLowTemperatureDeciCelsius() : limits.dischargeLowTemperatureDeciCelsius();
    }

    private static int deci(double celsius) {
        return (int) Math.round(celsius * 10);
    }

    /** The 0x44 state byte a protection or alarm belongs to, if any. */
    private enum Condition {
        HIGH_VOLTAGE, LOW_VOLTAGE, HIGH_TEMPERATURE, LOW_TEMPERATURE, CHARGE_CURRENT, DISCHARGE_CURRENT, NONE;

        static Condition of(Protection p) {
            return switch (p) {
                case CELL_OR_MODULE_OVER_VOLTAGE -> HIGH_VOLTAGE;
                case CELL_OR_MODULE_UNDER_VOLTAGE -> LOW_VOLTAGE;
                case CELL_OVER_TEMPERATURE -> HIGH_TEMPERATURE;
                case CELL_UNDER_TEMPERATURE -> LOW_TEMPERATURE;
                case CHARGE_OVER_CURRENT -> CHARGE_CURRENT;
                case DISCHARGE_OVER_CURRENT -> DISCHARGE_CURRENT;
                case SYSTEM_ERROR -> NONE;
            };
        }

        static Condition of(Alarm a) {
            return switch (a) {
                case CELL_OR_MODULE_HIGH_VOLTAGE -> HIGH_VOLTAGE;
                case CELL_OR_MODULE_LOW_VOLTAGE -> LOW_VOLTAGE;
                case CELL_HIGH_TEMPERATURE -> HIGH_TEMPERATURE;
                case CELL_LOW_TEMPERATURE -> LOW_TEMPERATURE;
                case CHARGE_HIGH_CURRENT -> CHARGE_CURRENT;
                case DISCHARGE_HIGH_CURRENT -> DISCHARGE_CURRENT;
                case INTERNAL_COMMUNICATION_FAIL -> NONE;
            };
        }
    }
}
