package io.pylon4j.samples.cli;

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
        json.beginObject().field("bus", "rs485").field("address", request.address()).field("direction", "request")
                .field("command", request.command().hex());
        if (request instanceof SetChargeDischargeManagementRequest set) {
            json.field("commandValue", set.commandValue());
            volts(json, "chargeVoltageLimit", set.chargeVoltageLimitMilliVolts());
            volts(json, "dischargeVoltageLimit", set.dischargeVoltageLimitMilliVolts());
            amps(json, "chargeCurrentLimit", set.chargeCurrentLimitDeciAmps());
            amps(json, "dischargeCurrentLimit", set.dischargeCurrentLimitDeciAmps());
        } else if (request instanceof SetCommunicationRateRequest rate) {
            json.field("baudRate", rate.rate().bitsPerSecond());
        } else {
            int commandValue = commandValue(request);
            if (commandValue >= 0) {
                json.field("commandValue", commandValue);
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
        json.beginObject().field("bus", "rs485").field("address", frame.address()).field("direction", "response")
                .fieldNull("command").field("returnCode", frame.cid2OrRtn()).field("info", frame.infoHex()).endObject();
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
        json.beginObject().field("bus", "rs485").field("address", response.address()).field("direction", "response")
                .field("command", response.command().hex());
        if (inferred) {
            json.field("inferred", true);
        }
        json.field("returnCode", response.returnCode().code());
        if (response instanceof AnalogValues v) {
            analogValues(json, v);
        } else if (response instanceof ChargeDischargeManagement m) {
            management(json, m);
        } else if (response instanceof SystemParameters p) {
            systemParameters(json, p);
        } else if (response instanceof AlarmInfo a) {
            alarmInfo(json, a);
        } else if (response instanceof ProtocolVersion v) {
            json.field("protocolVersion", v.versionText());
        } else if (response instanceof ManufacturerInfo m) {
            json.field("deviceName", m.deviceName()).field("softwareVersion", m.softwareVersionText())
                    .field("manufacturerName", m.manufacturerName());
        } else if (response instanceof SerialNumber s) {
            json.field("commandValue", s.commandValue()).field("serialNumber", s.serialNumber());
        } else if (response instanceof SoftwareVersion s) {
            json.field("commandValue", s.commandValue()).field("manufacturerVersion", s.manufacturerVersionText())
                    .field("mainlineVersion", s.mainlineVersionText());
        } else if (response instanceof PackQuantity q) {
            json.field("packCount", q.packCount());
        } else if (response instanceof SystemBasicInfo b) {
            json.field("deviceName", b.deviceName()).field("manufacturerName", b.manufacturerName())
                    .field("softwareVersion", b.softwareVersion()).field("moduleCount", b.moduleCount());
            json.beginArray("serialNumbers");
            b.serialNumbers().forEach(json::value);
            json.endArray();
        } else if (response instanceof SystemAnalog s) {
            systemAnalog(json, s);
        } else if (response instanceof SystemAlarm a) {
            json.field("warningStatus1", a.warningStatus1()).field("warningStatus2", a.warningStatus2())
                    .field("protectionStatus1", a.protectionStatus1())
                    .field("protectionStatus2", a.protectionStatus2());
            names(json, "warnings", a.warnings());
            names(json, "protections", a.protections());
        } else if (response instanceof SystemChargeDischargeManagement m) {
            volts(json, "chargeVoltageLimit", m.chargeVoltageLimitMilliVolts());
            volts(json, "dischargeVoltageLimit", m.dischargeVoltageLimitMilliVolts());
            amps(json, "chargeCurrentLimit", m.chargeCurrentLimitDeciAmps());
            amps(json, "dischargeCurrentLimit", m.dischargeCurrentLimitDeciAmps());
            json.field("chargeEnable", m.chargeEnable()).field("dischargeEnable", m.dischargeEnable())
                    .field("forceCharge", m.forceCharge()).field("status", m.status());
        } else if (response instanceof Rejection r) {
            byte[] info = r.info();
            if (info.length > 0) {
                json.field("info", hex(info));
            }
        } else if (!(response instanceof Acknowledgement)) {
            throw new IllegalStateException("no JSON form for " + response.getClass().getName());
        }
        json.endObject();
    }

    private static void analogValues(JsonWriter json, AnalogValues v) {
        json.field("infoFlag", v.infoFlag().value()).field("commandValue", v.commandValue());
        json.beginArray("modules");
        for (ModuleAnalog m : v.modules()) {
            json.beginObject();
            json.beginArray("cellVoltages");
            for (int i = 0; i < m.cellCount(); i++) {
                json.valueScaled(m.cellVoltageMilliVolts(i), 3);
            }
            json.endArray();
            json.beginArray("temperatures");
            for (int i = 0; i < m.temperatureCount(); i++) {
                json.valueScaled(m.temperatureDeciCelsius(i), 1);
            }
            json.endArray();
            amps(json, "current", m.currentDeciAmps());
            volts(json, "voltage", m.voltageMilliVolts());
            json.fieldScaled("remainingCapacity", m.remainingCapacityMilliAmpHours(), 3)
                    .fieldScaled("totalCapacity", m.totalCapacityMilliAmpHours(), 3).field("cycles", m.cycles())
                    .field("userDefinedCount", m.userDefinedCount());
            json.endObject();
        }
        json.endArray();
    }

    private static void management(JsonWriter json, ChargeDischargeManagement m) {
        json.field("commandValue", m.commandValue());
        volts(json, "chargeVoltageLimit", m.chargeVoltageLimitMilliVolts());
        volts(json, "dischargeVoltageLimit", m.dischargeVoltageLimitMilliVolts());
        amps(json, "chargeCurrentLimit", m.chargeCurrentLimitDeciAmps());
        amps(json, "dischargeCurrentLimit", m.dischargeCurrentLimitDeciAmps());
        json.field("chargeEnable", m.chargeEnable()).field("dischargeEnable", m.dischargeEnable())
                .field("forceChargeI", m.forceChargeI()).field("forceChargeII", m.forceChargeII())
                .field("fullChargeRequest", m.fullChargeRequest()).field("status", m.status());
    }

    private static void systemParameters(JsonWriter json, SystemParameters p) {
        json.field("infoFlag", p.infoFlag().value());
        volts(json, "cellHighVoltageLimit", p.cellHighVoltageLimitMilliVolts());
        volts(json, "cellLowVoltageLimit", p.cellLowVoltageLimitMilliVolts());
        volts(json, "cellUnderVoltageLimit", p.cellUnderVoltageLimitMilliVolts());
        celsius(json, "chargeHighTemperatureLimit", p.chargeHighTemperatureLimitDeciKelvin());
        celsius(json, "chargeLowTemperatureLimit", p.chargeLowTemperatureLimitDeciKelvin());
        amps(json, "chargeCurrentLimit", p.chargeCurrentLimitDeciAmps());
        volts(json, "moduleHighVoltageLimit", p.moduleHighVoltageLimitMilliVolts());
        volts(json, "moduleLowVoltageLimit", p.moduleLowVoltageLimitMilliVolts());
        volts(json, "moduleUnderVoltageLimit", p.moduleUnderVoltageLimitMilliVolts());
        celsius(json, "dischargeHighTemperatureLimit", p.dischargeHighTemperatureLimitDeciKelvin());
        celsius(json, "dischargeLowTemperatureLimit", p.dischargeLowTemperatureLimitDeciKelvin());
        amps(json, "dischargeCurrentLimit", p.dischargeCurrentLimitDeciAmps());
    }

    private static void alarmInfo(JsonWriter json, AlarmInfo a) {
        json.field("infoFlag", a.infoFlag().value()).field("commandValue", a.commandValue());
        json.beginArray("modules");
        for (ModuleAlarm m : a.modules()) {
            json.beginObject();
            values(json, "cellStates", m.cellStates());
            values(json, "temperatureStates", m.temperatureStates());
            json.field("chargeCurrentState", m.chargeCurrentState()).field("moduleVoltageState", m.moduleVoltageState())
                    .field("dischargeCurrentState", m.dischargeCurrentState()).field("status1", m.status1())
                    .field("status2", m.status2()).field("status3", m.status3()).field("status4", m.status4())
                    .field("status5", m.status5());
            Set<AlarmFlag> flags = m.flags();
            names(json, "flags", flags);
            values(json, "cellVoltageErrors", m.cellVoltageErrors());
            json.endObject();
        }
        json.endArray();
    }

    private static void systemAnalog(JsonWriter json, SystemAnalog s) {
        volts(json, "voltage", s.voltageMilliVolts());
        json.fieldScaled("current", s.currentCentiAmps(), 2).field("stateOfCharge", s.stateOfChargePercent())
                .field("averageCycles", s.averageCycles()).field("maximumCycles", s.maximumCycles())
                .field("averageStateOfHealth", s.averageStateOfHealthPercent())
                .field("minimumStateOfHealth", s.minimumStateOfHealthPercent());
        extreme(json, "maximumCellVoltage", s.maximumCellVoltage(), false);
        extreme(json, "minimumCellVoltage", s.minimumCellVoltage(), false);
        celsius(json, "averageCellTemperature", s.averageCellTemperatureDeciKelvin());
        extreme(json, "maximumCellTemperature", s.maximumCellTemperature(), true);
        extreme(json, "minimumCellTemperature", s.minimumCellTemperature(), true);
        celsius(json, "averageMosfetTemperature", s.averageMosfetTemperatureDeciKelvin());
        extreme(json, "maximumMosfetTemperature", s.maximumMosfetTemperature(), true);
        extreme(json, "minimumMosfetTemperature", s.minimumMosfetTemperature(), true);
        celsius(json, "averageBmsTemperature", s.averageBmsTemperatureDeciKelvin());
        extreme(json, "maximumBmsTemperature", s.maximumBmsTemperature(), true);
        extreme(json, "minimumBmsTemperature", s.minimumBmsTemperature(), true);
    }

    private static void extreme(JsonWriter json, String name, SystemAnalog.Extreme e, boolean temperature) {
        json.beginObject(name);
        if (temperature) {
            celsius(json, "value", e.value());
        } else {
            volts(json, "value", e.value());
        }
        json.field("module", e.module()).field("position", e.position()).endObject();
    }

    private static void volts(JsonWriter json, String name, int milliVolts) {
        json.fieldScaled(name, milliVolts, 3);
    }

    private static void amps(JsonWriter json, String name, int deciAmps) {
        json.fieldScaled(name, deciAmps, 1);
    }

    private static void celsius(JsonWriter json, String name, int deciKelvin) {
        json.fieldScaled(name, deciKelvin - DECI_KELVIN_AT_ZERO_CELSIUS, 1);
    }

    private static void values(JsonWriter json, String name, int[] values) {
        json.beginArray(name);
        for (int v : values) {
            json.value(v);
        }
        json.endArray();
    }

    private static void names(JsonWriter json, String name, Set<? extends Enum<?>> flags) {
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
