package io.pylon4j.samples.cli;

import static io.pylon4j.samples.cli.Rs485JsonNames.*;

import io.pylon4j.driver.json.JsonName;
import io.pylon4j.driver.json.JsonWriter;
import io.pylon4j.rs485.Acknowledgement;
import io.pylon4j.rs485.AlarmFlag;
import io.pylon4j.rs485.AlarmInfo;
import io.pylon4j.rs485.AnalogValues;
import io.pylon4j.rs485.ChargeDischargeManagement;
import io.pylon4j.rs485.ManufacturerInfo;
import io.pylon4j.rs485.ModuleAlarm;
import io.pylon4j.rs485.ModuleAnalog;
import io.pylon4j.rs485.PackQuantity;
import io.pylon4j.rs485.ProtocolVersion;
import io.pylon4j.rs485.Rejection;
import io.pylon4j.rs485.Rs485Frame;
import io.pylon4j.rs485.Rs485Request;
import io.pylon4j.rs485.Rs485Response;
import io.pylon4j.rs485.SerialNumber;
import io.pylon4j.rs485.SetChargeDischargeManagementRequest;
import io.pylon4j.rs485.SetCommunicationRateRequest;
import io.pylon4j.rs485.SoftwareVersion;
import io.pylon4j.rs485.SystemAlarm;
import io.pylon4j.rs485.SystemBasicInfo;
import io.pylon4j.rs485.SystemAnalog;
import io.pylon4j.rs485.SystemChargeDischargeManagement;
import io.pylon4j.rs485.SystemParameters;
import java.util.Set;

/**
 * Writes RS485 requests and responses as the JSON objects of the {@code pylon decode} contract (field reference:
 * {@code docs/json-rs485.md}).
 *
 * <p>Every number with a unit is written from its wire integer with {@link JsonWriter#fieldScaled}, so it is exact:
 * millivolts as V with 3 decimals, 0.1 A as A with 1 decimal, 0.1 K as °C with 1 decimal (raw − 2731), mAh as Ah
 * with 3 decimals. Stateless.
 */
final class Rs485Json {

    /** The 0.1 K value of 0 °C ([R485-33] §3.3). */
    private static final int DECI_KELVIN_AT_ZERO_CELSIUS = 2731;

    private Rs485Json() {
    }

    /** {@code {"bus":"rs485","address":2,"direction":"request","command":"0x42",…}} */
    static void request(JsonWriter json, Rs485Request request) {
        json.beginObject().members(BUS_RS485).field(ADDRESS, request.address())
                .members(requestHead(request.command()));
        if (request instanceof SetChargeDischargeManagementRequest set) {
            json.field(COMMAND_VALUE, set.commandValue());
            volts(json, CHARGE_VOLTAGE_LIMIT, set.chargeVoltageLimitMilliVolts());
            volts(json, DISCHARGE_VOLTAGE_LIMIT, set.dischargeVoltageLimitMilliVolts());
            amps(json, CHARGE_CURRENT_LIMIT, set.chargeCurrentLimitDeciAmps());
            amps(json, DISCHARGE_CURRENT_LIMIT, set.dischargeCurrentLimitDeciAmps());
        } else if (request instanceof SetCommunicationRateRequest rate) {
            json.field(BAUD_RATE, rate.rate().bitsPerSecond());
        } else {
            int commandValue = commandValue(request);
            if (commandValue >= 0) {
                json.field(COMMAND_VALUE, commandValue);
            }
        }
        json.endObject();
    }

    /** The command value of a request that has one, or -1. */
    private static int commandValue(Rs485Request request) {
        if (request instanceof io.pylon4j.rs485.AnalogValuesRequest r) {
            return r.commandValue();
        } else if (request instanceof io.pylon4j.rs485.AlarmInfoRequest r) {
            return r.commandValue();
        } else if (request instanceof io.pylon4j.rs485.ChargeDischargeManagementRequest r) {
            return r.commandValue();
        } else if (request instanceof io.pylon4j.rs485.SerialNumberRequest r) {
            return r.commandValue();
        } else if (request instanceof io.pylon4j.rs485.SoftwareVersionRequest r) {
            return r.commandValue();
        } else if (request instanceof io.pylon4j.rs485.TurnOffRequest r) {
            return r.commandValue();
        }
        return -1;
    }

    /**
     * A response with no request before it (or none from its address): the generic fields, {@code "command":null},
     * and INFO as hex, since what INFO means depends on the command.
     */
    static void unmatchedResponse(JsonWriter json, Rs485Frame frame) {
        json.beginObject().members(BUS_RS485).field(ADDRESS, frame.address()).field(DIRECTION, "response")
                .fieldNull(COMMAND).field(RETURN_CODE, frame.cid2OrRtn()).field(INFO, frame.infoHex()).endObject();
    }

    /** {@code {"bus":"rs485","address":2,"direction":"response","command":"0x42","returnCode":0,…}} */
    static void response(JsonWriter json, Rs485Response response) {
        response(json, response, false);
    }

    /** A response whose command was inferred from its INFO: as {@link #response}, with {@code "inferred":true}. */
    static void inferredResponse(JsonWriter json, Rs485Response response) {
        response(json, response, true);
    }

    private static void response(JsonWriter json, Rs485Response response, boolean inferred) {
        json.beginObject().members(BUS_RS485).field(ADDRESS, response.address())
                .members(responseHead(response.command()));
        if (inferred) {
            json.field(INFERRED, true);
        }
        json.field(RETURN_CODE, response.returnCode().code());
        if (response instanceof AnalogValues v) {
            analogValues(json, v);
        } else if (response instanceof ChargeDischargeManagement m) {
            management(json, m);
        } else if (response instanceof SystemParameters p) {
            systemParameters(json, p);
        } else if (response instanceof AlarmInfo a) {
            alarmInfo(json, a);
        } else if (response instanceof ProtocolVersion v) {
            json.field(PROTOCOL_VERSION, v.versionText());
        } else if (response instanceof ManufacturerInfo m) {
            json.field(DEVICE_NAME, m.deviceName()).field(SOFTWARE_VERSION, m.softwareVersionText())
                    .field(MANUFACTURER_NAME, m.manufacturerName());
        } else if (response instanceof SerialNumber s) {
            json.field(COMMAND_VALUE, s.commandValue()).field(SERIAL_NUMBER, s.serialNumber());
        } else if (response instanceof SoftwareVersion s) {
            json.field(COMMAND_VALUE, s.commandValue()).field(MANUFACTURER_VERSION, s.manufacturerVersionText())
                    .field(MAINLINE_VERSION, s.mainlineVersionText());
        } else if (response instanceof PackQuantity q) {
            json.field(PACK_COUNT, q.packCount());
        } else if (response instanceof SystemBasicInfo b) {
            json.field(DEVICE_NAME, b.deviceName()).field(MANUFACTURER_NAME, b.manufacturerName())
                    .field(SOFTWARE_VERSION, b.softwareVersion()).field(MODULE_COUNT, b.moduleCount());
            json.beginArray(SERIAL_NUMBERS);
            b.serialNumbers().forEach(json::value);
            json.endArray();
        } else if (response instanceof SystemAnalog s) {
            systemAnalog(json, s);
        } else if (response instanceof SystemAlarm a) {
            json.field(WARNING_STATUS1, a.warningStatus1()).field(WARNING_STATUS2, a.warningStatus2())
                    .field(PROTECTION_STATUS1, a.protectionStatus1())
                    .field(PROTECTION_STATUS2, a.protectionStatus2());
            names(json, WARNINGS, a.warnings());
            names(json, PROTECTIONS, a.protections());
        } else if (response instanceof SystemChargeDischargeManagement m) {
            volts(json, CHARGE_VOLTAGE_LIMIT, m.chargeVoltageLimitMilliVolts());
            volts(json, DISCHARGE_VOLTAGE_LIMIT, m.dischargeVoltageLimitMilliVolts());
            amps(json, CHARGE_CURRENT_LIMIT, m.chargeCurrentLimitDeciAmps());
            amps(json, DISCHARGE_CURRENT_LIMIT, m.dischargeCurrentLimitDeciAmps());
            json.field(CHARGE_ENABLE, m.chargeEnable()).field(DISCHARGE_ENABLE, m.dischargeEnable())
                    .field(FORCE_CHARGE, m.forceCharge()).field(STATUS, m.status());
        } else if (response instanceof Rejection r) {
            byte[] info = r.info();
            if (info.length > 0) {
                json.field(INFO, hex(info));
            }
        } else if (!(response instanceof Acknowledgement)) {
            throw new IllegalStateException("no JSON form for " + response.getClass().getName());
        }
        json.endObject();
    }

    private static void analogValues(JsonWriter json, AnalogValues v) {
        json.field(INFO_FLAG, v.infoFlag().value()).field(COMMAND_VALUE, v.commandValue());
        json.beginArray(MODULES);
        for (ModuleAnalog m : v.modules()) {
            json.beginObject();
            json.beginArray(CELL_VOLTAGES);
            for (int i = 0; i < m.cellCount(); i++) {
                json.valueScaled(m.cellVoltageMilliVolts(i), 3);
            }
            json.endArray();
            json.beginArray(TEMPERATURES);
            for (int i = 0; i < m.temperatureCount(); i++) {
                json.valueScaled(m.temperatureDeciCelsius(i), 1);
            }
            json.endArray();
            amps(json, CURRENT, m.currentDeciAmps());
            volts(json, VOLTAGE, m.voltageMilliVolts());
            json.fieldScaled(REMAINING_CAPACITY, m.remainingCapacityMilliAmpHours(), 3)
                    .fieldScaled(TOTAL_CAPACITY, m.totalCapacityMilliAmpHours(), 3).field(CYCLES, m.cycles())
                    .field(USER_DEFINED_COUNT, m.userDefinedCount());
            json.endObject();
        }
        json.endArray();
    }

    private static void management(JsonWriter json, ChargeDischargeManagement m) {
        json.field(COMMAND_VALUE, m.commandValue());
        volts(json, CHARGE_VOLTAGE_LIMIT, m.chargeVoltageLimitMilliVolts());
        volts(json, DISCHARGE_VOLTAGE_LIMIT, m.dischargeVoltageLimitMilliVolts());
        amps(json, CHARGE_CURRENT_LIMIT, m.chargeCurrentLimitDeciAmps());
        amps(json, DISCHARGE_CURRENT_LIMIT, m.dischargeCurrentLimitDeciAmps());
        json.field(CHARGE_ENABLE, m.chargeEnable()).field(DISCHARGE_ENABLE, m.dischargeEnable())
                .field(FORCE_CHARGE_I, m.forceChargeI()).field(FORCE_CHARGE_II, m.forceChargeII())
                .field(FULL_CHARGE_REQUEST, m.fullChargeRequest()).field(STATUS, m.status());
    }

    private static void systemParameters(JsonWriter json, SystemParameters p) {
        json.field(INFO_FLAG, p.infoFlag().value());
        volts(json, CELL_HIGH_VOLTAGE_LIMIT, p.cellHighVoltageLimitMilliVolts());
        volts(json, CELL_LOW_VOLTAGE_LIMIT, p.cellLowVoltageLimitMilliVolts());
        volts(json, CELL_UNDER_VOLTAGE_LIMIT, p.cellUnderVoltageLimitMilliVolts());
        celsius(json, CHARGE_HIGH_TEMPERATURE_LIMIT, p.chargeHighTemperatureLimitDeciKelvin());
        celsius(json, CHARGE_LOW_TEMPERATURE_LIMIT, p.chargeLowTemperatureLimitDeciKelvin());
        amps(json, CHARGE_CURRENT_LIMIT, p.chargeCurrentLimitDeciAmps());
        volts(json, MODULE_HIGH_VOLTAGE_LIMIT, p.moduleHighVoltageLimitMilliVolts());
        volts(json, MODULE_LOW_VOLTAGE_LIMIT, p.moduleLowVoltageLimitMilliVolts());
        volts(json, MODULE_UNDER_VOLTAGE_LIMIT, p.moduleUnderVoltageLimitMilliVolts());
        celsius(json, DISCHARGE_HIGH_TEMPERATURE_LIMIT, p.dischargeHighTemperatureLimitDeciKelvin());
        celsius(json, DISCHARGE_LOW_TEMPERATURE_LIMIT, p.dischargeLowTemperatureLimitDeciKelvin());
        amps(json, DISCHARGE_CURRENT_LIMIT, p.dischargeCurrentLimitDeciAmps());
    }

    private static void alarmInfo(JsonWriter json, AlarmInfo a) {
        json.field(INFO_FLAG, a.infoFlag().value()).field(COMMAND_VALUE, a.commandValue());
        json.beginArray(MODULES);
        for (ModuleAlarm m : a.modules()) {
            json.beginObject();
            values(json, CELL_STATES, m.cellStates());
            values(json, TEMPERATURE_STATES, m.temperatureStates());
            json.field(CHARGE_CURRENT_STATE, m.chargeCurrentState()).field(MODULE_VOLTAGE_STATE, m.moduleVoltageState())
                    .field(DISCHARGE_CURRENT_STATE, m.dischargeCurrentState()).field(STATUS1, m.status1())
                    .field(STATUS2, m.status2()).field(STATUS3, m.status3()).field(STATUS4, m.status4())
                    .field(STATUS5, m.status5());
            Set<AlarmFlag> flags = m.flags();
            names(json, FLAGS, flags);
            values(json, CELL_VOLTAGE_ERRORS, m.cellVoltageErrors());
            json.endObject();
        }
        json.endArray();
    }

    private static void systemAnalog(JsonWriter json, SystemAnalog s) {
        volts(json, VOLTAGE, s.voltageMilliVolts());
        json.fieldScaled(CURRENT, s.currentCentiAmps(), 2).field(STATE_OF_CHARGE, s.stateOfChargePercent())
                .field(AVERAGE_CYCLES, s.averageCycles()).field(MAXIMUM_CYCLES, s.maximumCycles())
                .field(AVERAGE_STATE_OF_HEALTH, s.averageStateOfHealthPercent())
                .field(MINIMUM_STATE_OF_HEALTH, s.minimumStateOfHealthPercent());
        extreme(json, MAXIMUM_CELL_VOLTAGE, s.maximumCellVoltage(), false);
        extreme(json, MINIMUM_CELL_VOLTAGE, s.minimumCellVoltage(), false);
        celsius(json, AVERAGE_CELL_TEMPERATURE, s.averageCellTemperatureDeciKelvin());
        extreme(json, MAXIMUM_CELL_TEMPERATURE, s.maximumCellTemperature(), true);
        extreme(json, MINIMUM_CELL_TEMPERATURE, s.minimumCellTemperature(), true);
        celsius(json, AVERAGE_MOSFET_TEMPERATURE, s.averageMosfetTemperatureDeciKelvin());
        extreme(json, MAXIMUM_MOSFET_TEMPERATURE, s.maximumMosfetTemperature(), true);
        extreme(json, MINIMUM_MOSFET_TEMPERATURE, s.minimumMosfetTemperature(), true);
        celsius(json, AVERAGE_BMS_TEMPERATURE, s.averageBmsTemperatureDeciKelvin());
        extreme(json, MAXIMUM_BMS_TEMPERATURE, s.maximumBmsTemperature(), true);
        extreme(json, MINIMUM_BMS_TEMPERATURE, s.minimumBmsTemperature(), true);
    }

    private static void extreme(JsonWriter json, JsonName name, SystemAnalog.Extreme e, boolean temperature) {
        json.beginObject(name);
        if (temperature) {
            celsius(json, VALUE, e.value());
        } else {
            volts(json, VALUE, e.value());
        }
        json.field(MODULE, e.module()).field(POSITION, e.position()).endObject();
    }

    private static void volts(JsonWriter json, JsonName name, int milliVolts) {
        json.fieldScaled(name, milliVolts, 3);
    }

    private static void amps(JsonWriter json, JsonName name, int deciAmps) {
        json.fieldScaled(name, deciAmps, 1);
    }

    private static void celsius(JsonWriter json, JsonName name, int deciKelvin) {
        json.fieldScaled(name, deciKelvin - DECI_KELVIN_AT_ZERO_CELSIUS, 1);
    }

    private static void values(JsonWriter json, JsonName name, int[] values) {
        json.beginArray(name);
        for (int v : values) {
            json.value(v);
        }
        json.endArray();
    }

    private static void names(JsonWriter json, JsonName name, Set<? extends Enum<?>> flags) {
        json.beginArray(name);
        for (Enum<?> f : flags) {
            json.value(CAMEL_CASE_NAMES.get(f.getDeclaringClass())[f.ordinal()]);
        }
        json.endArray();
    }

    /**
     * The {@link #camelCase} names of an enum's constants, by ordinal: made once per enum rather than once per flag
     * and line, and the same {@code String} instances every time, which {@link JsonWriter} keeps encoded. A pure
     * function of the class, so this cache is no state anyone can observe.
     */
    private static final ClassValue<String[]> CAMEL_CASE_NAMES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] names = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                names[i] = camelCase(((Enum<?>) constants[i]).name());
            }
            return names;
        }
    };

    /** {@code USING_BATTERY_MODULE_POWER} → {@code usingBatteryModulePower}. */
    static String camelCase(String constant) {
        StringBuilder out = new StringBuilder(constant.length());
        boolean upper = false;
        for (int i = 0; i < constant.length(); i++) {
            char c = constant.charAt(i);
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? c : Character.toLowerCase(c));
                upper = false;
            }
        }
        return out.toString();
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[2 * bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = Character.toUpperCase(Character.forDigit((bytes[i] >> 4) & 0xF, 16));
            out[2 * i + 1] = Character.toUpperCase(Character.forDigit(bytes[i] & 0xF, 16));
        }
        return new String(out);
    }
}
