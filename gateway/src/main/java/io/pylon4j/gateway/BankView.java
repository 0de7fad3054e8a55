package io.pylon4j.gateway;

import io.pylon4j.driver.ActiveAlarm;
import io.pylon4j.driver.Alarm;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.RequestFlags;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What a {@link BankSource} says about its bank at one moment, in the driver's public values: what the gateway
 * presents to the inverter when the {@link SafetyGate} lets it.
 *
 * @param state            whether the values may be acted on
 * @param reason           why the source is in that state (shown in events and by {@code pylon gateway})
 * @param limits           the limits to forward (currents already zero where the source decided so), if known
 * @param measurements     the bank's measurements
 * @param requests         the bank's request flags (CAN 0x35C)
 * @param alarms           the active alarms and protections
 * @param modules          the modules online, 0 when unknown
 * @param capacityAmpHours the installed capacity of those modules, Ah, 0 when unknown (weighs SOC when banks are
 *                         combined; CAN 0x35F and 0x379)
 * @param cells            the cell extremes and where they are (Victron 0x373–0x377), if the source knows them
 * @param serialNumber     the bank's serial number (Victron 0x380/0x381, at most 16 ISO-8859-1 characters), if known
 * @param details          per-module details with their ages and the bank's own info (RS485 replies), if known
 */
public record BankView(SourceState state, String reason, Optional<Limits> limits, Measurements measurements,
                       RequestFlags requests, Set<ActiveAlarm> alarms, int modules, double capacityAmpHours,
                       Optional<CellReport> cells, Optional<String> serialNumber, BankDetails details) {

    /** The lowest charge voltage limit a 15- or 16-cell LFP low-voltage bank can mean, V. */
    public static final double MIN_CHARGE_VOLTAGE_VOLTS = 40.0;
    /** The highest charge voltage limit a 15- or 16-cell LFP low-voltage bank can mean, V. */
    public static final double MAX_CHARGE_VOLTAGE_VOLTS = 60.0;
    /** The lowest bank voltage a working low-voltage bank reports, V. */
    public static final double MIN_BANK_VOLTAGE_VOLTS = 36.0;
    /** The highest current limit believed: six LV-Hub groups of sixteen 100 A modules, A. */
    public static final double MAX_CURRENT_AMPS = 9600.0;

    /**
     * Checks the references and copies the alarms.
     *
     * @param state            whether the values may be acted on
     * @param reason           why the source is in that state
     * @param limits           the limits to forward, if known
     * @param measurements     the bank's measurements
     * @param requests         the bank's request flags
     * @param alarms           the active alarms and protections
     * @param modules          the modules online, ≥ 0
     * @param capacityAmpHours the installed capacity, Ah, ≥ 0 and finite
     * @param cells            the cell extremes, if known
     * @param serialNumber     the serial number, if known, 1 to 16 characters
     * @param details          per-module details and bank info ({@link BankDetails#NONE} when unknown)
     * @throws NullPointerException     if a reference is null
     * @throws IllegalArgumentException if {@code modules} or {@code capacityAmpHours} is negative or not finite, or
     *                                  the serial number is empty or longer than 16 characters
     */
    public BankView {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(measurements, "measurements");
        Objects.requireNonNull(requests, "requests");
        alarms = Set.copyOf(alarms);
        if (modules < 0) {
            throw new IllegalArgumentException("modules must be ≥ 0: " + modules);
        }
        if (!(capacityAmpHours >= 0) || Double.isInfinite(capacityAmpHours)) {
            throw new IllegalArgumentException("capacityAmpHours must be finite and ≥ 0: " + capacityAmpHours);
        }
        Objects.requireNonNull(cells, "cells");
        Objects.requireNonNull(details, "details");
        if (serialNumber.isPresent() && (serialNumber.get().isEmpty() || serialNumber.get().length() > 16)) {
            throw new IllegalArgumentException("a serial number has 1 to 16 characters: '" + serialNumber.get() + "'");
        }
    }

    /**
     * A view without cell extremes and serial number (what every source but one that knows its cells gives).
     *
     * @param state            whether the values may be acted on
     * @param reason           why the source is in that state
     * @param limits           the limits to forward, if known
     * @param measurements     the bank's measurements
     * @param requests         the bank's request flags
     * @param alarms           the active alarms and protections
     * @param modules          the modules online, ≥ 0
     * @param capacityAmpHours the installed capacity, Ah, ≥ 0 and finite
     */
    public BankView(SourceState state, String reason, Optional<Limits> limits, Measurements measurements,
                    RequestFlags requests, Set<ActiveAlarm> alarms, int modules, double capacityAmpHours) {
        this(state, reason, limits, measurements, requests, alarms, modules, capacityAmpHours, Optional.empty(),
                Optional.empty(), BankDetails.NONE);
    }

    /**
     * A view with cell extremes and serial number but no per-module details (the form before {@link BankDetails}).
     *
     * @param state            whether the values may be acted on
     * @param reason           why the source is in that state
     * @param limits           the limits to forward, if known
     * @param measurements     the bank's measurements
     * @param requests         the bank's request flags
     * @param alarms           the active alarms and protections
     * @param modules          the modules online, ≥ 0
     * @param capacityAmpHours the installed capacity, Ah, ≥ 0 and finite
     * @param cells            the cell extremes, if known
     * @param serialNumber     the serial number, if known, 1 to 16 characters
     */
    public BankView(SourceState state, String reason, Optional<Limits> limits, Measurements measurements,
                    RequestFlags requests, Set<ActiveAlarm> alarms, int modules, double capacityAmpHours,
                    Optional<CellReport> cells, Optional<String> serialNumber) {
        this(state, reason, limits, measurements, requests, alarms, modules, capacityAmpHours, cells, serialNumber,
                BankDetails.NONE);
    }

    /**
     * This view with cell extremes and a serial number.
     *
     * @param newCells        the cell extremes, if known
     * @param newSerialNumber the serial number, if known
     * @return the same values with these
     */
    public BankView withCells(Optional<CellReport> newCells, Optional<String> newSerialNumber) {
        return new BankView(state, reason, limits, measurements, requests, alarms, modules, capacityAmpHours,
                newCells, newSerialNumber, details);
    }

    /**
     * This view with per-module details and bank info.
     *
     * @param newDetails the details
     * @return the same values with these
     */
    public BankView withDetails(BankDetails newDetails) {
        return new BankView(state, reason, limits, measurements, requests, alarms, modules, capacityAmpHours,
                cells, serialNumber, newDetails);
    }

    /**
     * A source that has nothing yet.
     *
     * @param reason why
     * @return a CONNECTING view with no values
     */
    public static BankView connecting(String reason) {
        return new BankView(SourceState.CONNECTING, reason, Optional.empty(), Measurements.EMPTY,
                RequestFlags.NORMAL, Set.of(), 0, 0);
    }

    /**
     * This view in another state, for another reason.
     *
     * @param newState  the state
     * @param newReason why
     * @return the same values in {@code newState}
     */
    public BankView withState(SourceState newState, String newReason) {
        return new BankView(newState, newReason, limits, measurements, requests, alarms, modules, capacityAmpHours,
                cells, serialNumber, details);
    }

    /**
     * Why these values must not be sent to an inverter: a value missing that every frame set needs (limits, SOC,
     * voltage) or one no low-voltage LFP bank can mean (a Deye beeps at 0 % SOC, an inverter told 0 V CVL may stop
     * or treat it as no limit). Empty when the view is complete and plausible; the state is not looked at here.
     *
     * @return the first problem found, if any
     */
    public Optional<String> implausibility() {
        if (limits.isEmpty()) {
            return Optional.of("no limits yet");
        }
        Limits l = limits.get();
        if (l.chargeVoltageLimitVolts() < MIN_CHARGE_VOLTAGE_VOLTS
                || l.chargeVoltageLimitVolts() > MAX_CHARGE_VOLTAGE_VOLTS) {
            return Optional.of(String.format(java.util.Locale.ROOT, "charge voltage limit %.1f V outside %.0f–%.0f V",
                    l.chargeVoltageLimitVolts(), MIN_CHARGE_VOLTAGE_VOLTS, MAX_CHARGE_VOLTAGE_VOLTS));
        }
        if (l.chargeCurrentLimitAmps() > MAX_CURRENT_AMPS || l.dischargeCurrentLimitAmps() > MAX_CURRENT_AMPS) {
            return Optional.of("a current limit above " + (int) MAX_CURRENT_AMPS + " A");
        }
        OptionalDouble dvl = l.dischargeVoltageLimitVolts();
        if (dvl.isPresent() && (dvl.getAsDouble() < MIN_BANK_VOLTAGE_VOLTS
                || dvl.getAsDouble() >= l.chargeVoltageLimitVolts())) {
            return Optional.of(String.format(java.util.Locale.ROOT,
                    "discharge voltage limit %.1f V below %.0f V or not below the charge voltage limit",
                    dvl.getAsDouble(), MIN_BANK_VOLTAGE_VOLTS));
        }
        OptionalDouble soc = measurements.socPercent();
        if (soc.isEmpty()) {
            return Optional.of("no state of charge yet");
        }
        if (soc.getAsDouble() < 0 || soc.getAsDouble() > 100) {
            return Optional.of("state of charge " + soc.getAsDouble() + " % outside 0–100 %");
        }
        OptionalDouble v = measurements.voltageVolts();
        if (v.isEmpty()) {
            return Optional.of("no bank voltage yet");
        }
        if (v.getAsDouble() < MIN_BANK_VOLTAGE_VOLTS || v.getAsDouble() > MAX_CHARGE_VOLTAGE_VOLTS + 3) {
            return Optional.of(String.format(java.util.Locale.ROOT, "bank voltage %.2f V outside %.0f–%.0f V",
                    v.getAsDouble(), MIN_BANK_VOLTAGE_VOLTS, MAX_CHARGE_VOLTAGE_VOLTS + 3));
        }
        return Optional.empty();
    }

    /**
     * The fail-safe form of this view, sent while the source is not fresh: CCL = DCL = 0, charge and discharge
     * enables and force-charge requests cleared, and {@link Alarm#SYSTEM_ERROR} raised as a protection; the voltage
     * limits, SOC and measurements stay the last good ones (a Deye beeps at 0 % SOC, and a CVL of 0 means nothing
     * to some inverters).
     *
     * @param why the reason, carried by the view
     * @return the fail-safe view, state {@link SourceState#STALE}
     */
    public BankView failSafe(String why) {
        Limits zero = limits.map(l -> new Limits(l.chargeVoltageLimitVolts(), 0, 0, l.dischargeVoltageLimitVolts()))
                .orElse(Limits.of(0, 0, 0));
        Set<ActiveAlarm> raised = new LinkedHashSet<>(alarms);
        raised.add(ActiveAlarm.of(Alarm.SYSTEM_ERROR, Alarm.Level.PROTECTION));
        return new BankView(SourceState.STALE, why, Optional.of(zero), measurements,
                new RequestFlags(false, false, false, false, false), raised, modules, capacityAmpHours, cells,
                serialNumber, details);
    }
}
