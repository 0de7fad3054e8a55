package io.pylon4j.mqtt;

import java.util.List;

/**
 * The Home Assistant entities of one bank, each read from the bank's retained state topic (the status JSON) with a
 * value template. Device class, unit and state class come only in combinations Home Assistant accepts: its sensor
 * device classes and their units (https://developers.home-assistant.io/docs/core/entity/sensor/#available-device-classes:
 * battery in %, voltage in V, current in A, temperature in °C, energy_storage in kWh with state class measurement,
 * enum with options and neither unit nor state class) and its MQTT sensor and binary sensor options
 * (https://www.home-assistant.io/integrations/sensor.mqtt/, https://www.home-assistant.io/integrations/binary_sensor.mqtt/).
 * {@code HaDiscoveryTest} checks every config against those rules.
 */
enum HaEntity {
    SOC("sensor", "State of charge", "battery", "%", "{{ value_json.measurements.socPercent }}"),
    SOH("sensor", "State of health", null, "%", "{{ value_json.measurements.sohPercent }}"),
    VOLTAGE("sensor", "Voltage", "voltage", "V", "{{ value_json.measurements.voltageVolts }}"),
    CURRENT("sensor", "Current", "current", "A", "{{ value_json.measurements.currentAmps }}"),
    TEMPERATURE("sensor", "Temperature", "temperature", "°C", "{{ value_json.measurements.temperatureCelsius }}"),
    CHARGE_VOLTAGE_LIMIT("sensor", "Charge voltage limit", "voltage", "V",
            "{{ value_json.published.chargeVoltageLimitVolts }}"),
    CHARGE_CURRENT_LIMIT("sensor", "Charge current limit", "current", "A",
            "{{ value_json.published.chargeCurrentLimitAmps }}"),
    DISCHARGE_CURRENT_LIMIT("sensor", "Discharge current limit", "current", "A",
            "{{ value_json.published.dischargeCurrentLimitAmps }}"),
    DISCHARGE_VOLTAGE_LIMIT("sensor", "Discharge voltage limit", "voltage", "V",
            "{{ value_json.published.dischargeVoltageLimitVolts }}"),
    /** Only for banks whose modules report their remaining capacity (RS485): a CAN-only bank would show a made-up 0. */
    STORED_ENERGY("sensor", "Stored energy", "energy_storage", "kWh",
            "{{ ((value_json.modules | map(attribute='remainingCapacityAh') | select('number') | sum)"
                    + " * value_json.measurements.voltageVolts / 1000) | round(2) }}"),
    /** Not behind the bank's availability: it says why the bank is unavailable. */
    SUPERVISION("sensor", "Supervision", "enum", null, "{{ value_json.supervision.state }}"),
    CHARGE_ENABLE("binary_sensor", "Charge enabled", null, null,
            "{{ 'ON' if value_json.requestFlags and value_json.requestFlags.chargeEnable else 'OFF' }}"),
    DISCHARGE_ENABLE("binary_sensor", "Discharge enabled", null, null,
            "{{ 'ON' if value_json.requestFlags and value_json.requestFlags.dischargeEnable else 'OFF' }}"),
    PROTECTION("binary_sensor", "Protection active", "problem", null, level("PROTECTION")),
    ALARM("binary_sensor", "Alarm active", "problem", null, level("ALARM")),
    WARNING("binary_sensor", "Warning active", "problem", null, level("WARNING"));

    /** The supervision states, the options of the enum sensor. */
    static final List<String> SUPERVISION_STATES = List.of("CONNECTING", "FRESH", "STALE", "LOST", "RECOVERED");

    final String component;
    final String displayName;
    final String deviceClass;
    final String unit;
    final String valueTemplate;

    HaEntity(String component, String displayName, String deviceClass, String unit, String valueTemplate) {
        this.component = component;
        this.displayName = displayName;
        this.deviceClass = deviceClass;
        this.unit = unit;
        this.valueTemplate = valueTemplate;
    }

    private static String level(String level) {
        return "{{ 'ON' if value_json.activeAlarms | selectattr('level', 'equalto', '" + level
                + "') | list | length > 0 else 'OFF' }}";
    }

    /** The object id in the discovery topic and the unique id's suffix. */
    String objectId() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Numeric sensors have state class measurement (long-term statistics); enums and binary sensors none. */
    boolean measurement() {
        return "sensor".equals(component) && !"enum".equals(deviceClass);
    }
}
