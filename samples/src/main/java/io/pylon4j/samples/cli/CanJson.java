package io.pylon4j.samples.cli;

import io.pylon4j.driver.json.JsonWriter;
import io.pylon4j.can.AlarmsAndWarnings;
import io.pylon4j.can.BatteryEvents;
import io.pylon4j.can.BatteryInfo;
import io.pylon4j.can.BatteryMeasurements;
import io.pylon4j.can.BmsNamePart1;
import io.pylon4j.can.BmsNamePart2;
import io.pylon4j.can.CanMessage;
import io.pylon4j.can.CanMessageType;
import io.pylon4j.can.CellExtremes;
import io.pylon4j.can.ChargeDischargeLimits;
import io.pylon4j.can.ChargeRequestFlags;
import io.pylon4j.can.EnergyCounters;
import io.pylon4j.can.InstalledCapacity;
import io.pylon4j.can.InverterKeepAlive;
import io.pylon4j.can.ManufacturerName;
import io.pylon4j.can.MaxCellTemperatureId;
import io.pylon4j.can.MaxCellVoltageId;
import io.pylon4j.can.MinCellTemperatureId;
import io.pylon4j.can.MinCellVoltageId;
import io.pylon4j.can.ModuleCounts;
import io.pylon4j.can.ProductIdentification;
import io.pylon4j.can.ProtectionAndAlarmFlags;
import io.pylon4j.can.PylonPlusCellExtremeIds;
import io.pylon4j.can.PylonPlusCellExtremes;
import io.pylon4j.can.SerialNumberPart1;
import io.pylon4j.can.SerialNumberPart2;
import io.pylon4j.can.SmaMeasurements;
import io.pylon4j.can.SmaQuickStop;
import io.pylon4j.can.SmaRelayState;
import io.pylon4j.can.SmaStatus;
import io.pylon4j.can.StateOfChargeAndHealth;
import io.pylon4j.can.TextMessage;
import io.pylon4j.can.UnknownCanMessage;
import io.pylon4j.can.VictronIdentity;
import io.pylon4j.can.VictronKeepAlive;

/**
 * Writes one decoded CAN message as one JSON object of the {@code pylon decode} contract (see
 * {@code docs/json-can.md}): {@code "bus":"can"}, {@code "id":"0x351"}, {@code "type"} (the record's simple name), then
 * the message's fields in V, A, °C, %, Ah, kWh, exact to the wire's resolution.
 *
 * <p>Stateless; the caller owns the {@link JsonWriter}.
 */
final class CanJson {

    private static final String[] ID_TEXT = new String[0x800];
    private static final ProtectionAndAlarmFlags.Flag[] FLAGS = ProtectionAndAlarmFlags.Flag.values();
    private static final AlarmsAndWarnings.Item[] ITEMS = AlarmsAndWarnings.Item.values();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    static {
        for (int id = 0; id < ID_TEXT.length; id++) {
            ID_TEXT[id] = "0x" + HEX[id >>> 8] + HEX[id >>> 4 & 0xF] + HEX[id & 0xF];
        }
    }

    private CanJson() {
    }

    /** {@code "0x351"}: the id as the contract writes it, three upper-case hex digits. */
    static String idText(int canId) {
        return ID_TEXT[canId];
    }

    /** Writes {@code message} as one complete object (one line). */
    static void write(CanMessage message, JsonWriter json) {
        json.beginObject().field("bus", "can").field("id", ID_TEXT[message.canId()])
                .field("type", CanMessageType.of(message).messageName());
        fields(message, json);
        json.endObject();
    }

    // The chain is exhaustive over CanMessage's permitted records (CanJsonTest checks that every one of them gets
    // its own fields); the most frequent frames come first.
    private static void fields(CanMessage message, JsonWriter json) {
        if (message instanceof ChargeDischargeLimits m) {
            json.fieldScaled("chargeVoltageLimit", m.chargeVoltageLimitDeciVolts(), 1)
                    .fieldScaled("chargeCurrentLimit", m.chargeCurrentLimitDeciAmps(), 1)
                    .fieldScaled("dischargeCurrentLimit", m.dischargeCurrentLimitDeciAmps(), 1);
            optionalScaled(json, "dischargeVoltageLimit", m.dischargeVoltageLimitDeciVolts(), 1);
            reserved(json, m.reserved(), m.length() >= 8 ? 8 : 6, m.length());
        } else if (message instanceof StateOfChargeAndHealth m) {
            json.field("soc", m.socPercent());
            optional(json, "soh", m.sohPercent());
            optionalScaled(json, "highResolutionSoc", m.highResolutionSocCentiPercent(), 2);
            reserved(json, m.reserved(), m.length() >= 6 ? 6 : m.length() >= 4 ? 4 : 2, m.length());
        } else if (message instanceof BatteryMeasurements m) {
            json.fieldScaled("voltage", m.voltageCentiVolts(), 2)
                    .fieldScaled("current", m.currentDeciAmps(), 1);
            optionalScaled(json, "temperature", m.temperatureDeciCelsius(), 1);
            reserved(json, m.reserved(), m.length() >= 6 ? 6 : BatteryMeasurements.MIN_LENGTH, m.length());
        } else if (message instanceof ProtectionAndAlarmFlags m) {
            optional(json, "moduleCount", m.moduleCount());
            json.beginArray("flags");
            for (ProtectionAndAlarmFlags.Flag flag : FLAGS) {
                if (m.isActive(flag)) {
                    json.value(flag.name());
                }
            }
            json.endArray();
            if (m.undefinedFlagBits() != 0) {
                json.field("undefinedFlagBytes", hex(m.undefinedFlagBits() & 0xFFFF_FFFFL, 0, 4));
            }
            if (m.hasMarker()) {
                json.field("marker", m.markerText());
            } else {
                json.fieldNull("marker");
            }
            optional(json, "onlineModules", m.onlineModules());
        } else if (message instanceof ChargeRequestFlags m) {
            json.field("chargeEnable", m.chargeEnable()).field("dischargeEnable", m.dischargeEnable())
                    .field("forceChargeI", m.forceChargeI()).field("forceChargeII", m.forceChargeII())
                    .field("fullChargeRequest", m.fullChargeRequest());
            if (m.undefinedFlagBits() != 0) {
                json.field("undefinedFlagBytes", hex(m.undefinedFlagBits(), 0, 1));
            }
            reserved(json, m.reserved(), ChargeRequestFlags.MIN_LENGTH, m.length());
        } else if (message instanceof ManufacturerName m) {
            json.field("manufacturer", m.text());
        } else if (message instanceof AlarmsAndWarnings m) {
            json.beginArray("alarms");
            for (AlarmsAndWarnings.Item item : ITEMS) {
                if (m.alarm(item) == AlarmsAndWarnings.PairState.RAISED) {
                    json.value(item.name());
                }
            }
            json.endArray().beginArray("warnings");
            for (AlarmsAndWarnings.Item item : ITEMS) {
                if (m.warning(item) == AlarmsAndWarnings.PairState.RAISED) {
                    json.value(item.name());
                }
            }
            json.endArray().field("states", hex(m.states(), 0, m.length()));
        } else if (message instanceof BatteryInfo m) {
            json.field("chemistry", m.chemistryText());
            optional(json, "versionMajor", m.versionMajor());
            optional(json, "versionMinor", m.versionMinor());
            if (m.hasVersion()) {
                // BYD's 01 17 is "v1.17" in [DFCH]: the bytes' hex digits, so the text a display shows
                json.field("version", Integer.toHexString(m.versionMajor()).toUpperCase(java.util.Locale.ROOT) + "."
                        + Integer.toHexString(m.versionMinor()).toUpperCase(java.util.Locale.ROOT));
            } else {
                json.fieldNull("version");
            }
            optional(json, "capacity", m.capacityAh());
            reserved(json, m.reserved(), m.length() >= 6 ? 6 : Math.min(m.length(), 4), m.length());
        } else if (message instanceof BatteryEvents m) {
            json.field("data", hex(m.data(), 0, m.length()));
        } else if (message instanceof PylonPlusCellExtremes m) {
            json.fieldScaled("maxCellTemperature", m.maxCellTemperatureDeciCelsius(), 1);
            optionalScaled(json, "minCellTemperature", m.minCellTemperatureDeciCelsius(), 1);
            optionalScaled(json, "maxCellVoltage", m.maxCellVoltageMilliVolts(), 3);
            optionalScaled(json, "minCellVoltage", m.minCellVoltageMilliVolts(), 3);
            reserved(json, m.reserved(), m.length() & ~1, m.length());
        } else if (message instanceof PylonPlusCellExtremeIds m) {
            json.field("maxCellTemperatureId", m.maxCellTemperatureId());
            optional(json, "minCellTemperatureId", m.minCellTemperatureId());
            optional(json, "maxCellVoltageId", m.maxCellVoltageId());
            optional(json, "minCellVoltageId", m.minCellVoltageId());
            reserved(json, m.reserved(), m.length() & ~1, m.length());
        } else if (message instanceof ModuleCounts m) {
            json.field("modulesOnline", m.modulesOnline());
            optional(json, "modulesBlockingCharge", m.modulesBlockingCharge());
            optional(json, "modulesBlockingDischarge", m.modulesBlockingDischarge());
            optional(json, "modulesOffline", m.modulesOffline());
            reserved(json, m.reserved(), m.length() & ~1, m.length());
        } else if (message instanceof CellExtremes m) {
            json.fieldScaled("minCellVoltage", m.minCellVoltageMilliVolts(), 3);
            optionalScaled(json, "maxCellVoltage", m.maxCellVoltageMilliVolts(), 3);
            kelvinAsCelsius(json, "minCellTemperature", m.minCellTemperatureKelvin());
            kelvinAsCelsius(json, "maxCellTemperature", m.maxCellTemperatureKelvin());
            reserved(json, m.reserved(), m.length() & ~1, m.length());
        } else if (message instanceof EnergyCounters m) {
            json.fieldScaled("chargedEnergy", m.chargedEnergyWattHours(), 3);
            if (m.dischargedEnergyWattHours() == CanMessage.NOT_SENT) {
                json.fieldNull("dischargedEnergy");
            } else {
                json.fieldScaled("dischargedEnergy", m.dischargedEnergyWattHours(), 3);
            }
            reserved(json, m.reserved(), 4, m.length());
        } else if (message instanceof InstalledCapacity m) {
            json.field("installedCapacity", m.installedCapacityAh());
            reserved(json, m.reserved(), InstalledCapacity.MIN_LENGTH, m.length());
        } else if (message instanceof BmsNamePart1 || message instanceof BmsNamePart2) {
            json.field("name", ((TextMessage) message).text());
        } else if (message instanceof MinCellVoltageId || message instanceof MaxCellVoltageId
                || message instanceof MinCellTemperatureId || message instanceof MaxCellTemperatureId) {
            json.field("cellId", ((TextMessage) message).text());
        } else if (message instanceof SerialNumberPart1 || message instanceof SerialNumberPart2) {
            json.field("serialNumber", ((TextMessage) message).text());
        } else if (message instanceof ProductIdentification m) {
            json.field("product", m.text());
        } else if (message instanceof InverterKeepAlive m) {
            json.field("data", hex(m.data(), 0, m.length()));
        } else if (message instanceof VictronKeepAlive m) {
            json.field("data", hex(m.data(), 0, m.length()));
        } else if (message instanceof VictronIdentity m) {
            json.field("victron", m.isVictron()).field("data", hex(m.data(), 0, m.length()));
        } else if (message instanceof SmaMeasurements m) {
            json.fieldScaled("voltage", m.voltageDeciVolts(), 1)
                    .fieldScaled("current", m.currentDeciAmps(), 1)
                    .fieldScaled("temperature", m.temperatureDeciCelsius(), 1)
                    .fieldScaled("soc", m.socDeciPercent(), 1);
        } else if (message instanceof SmaStatus m) {
            json.field("soh", m.sohPercent()).field("chargingProcedure", m.chargingProcedure())
                    .field("operatingState", m.operatingState()).field("activeErrorNumber", m.activeErrorNumber())
                    .fieldScaled("chargeVoltageSetpoint", m.chargeVoltageSetpointDeciVolts(), 1);
        } else if (message instanceof SmaRelayState m) {
            json.field("relayState", m.relayState());
            reserved(json, m.reserved(), SmaRelayState.MIN_LENGTH, m.length());
        } else if (message instanceof SmaQuickStop m) {
            json.field("data", hex(m.data(), 0, m.length()));
        } else if (message instanceof UnknownCanMessage m) {
            json.field("data", m.frame().dataHex());
        } else {
            throw new AssertionError("no JSON fields for " + message.getClass().getName());
        }
    }

    /** An optional wire integer: its value, or {@code null} when the frame did not carry it (never a made-up 0). */
    private static void optional(JsonWriter json, String name, int wire) {
        if (wire == CanMessage.NOT_SENT) {
            json.fieldNull(name);
        } else {
            json.field(name, wire);
        }
    }

    /** {@link #optional} for a field with a unit scale: {@code "dischargeVoltageLimit":45} or {@code null}. */
    private static void optionalScaled(JsonWriter json, String name, int wire, int decimals) {
        if (wire == CanMessage.NOT_SENT) {
            json.fieldNull(name);
        } else {
            json.fieldScaled(name, wire, decimals);
        }
    }

    /** A whole-kelvin wire temperature as °C with two decimals (K − 273.15), or {@code null} when not sent. */
    private static void kelvinAsCelsius(JsonWriter json, String name, int kelvin) {
        if (kelvin == CanMessage.NOT_SENT) {
            json.fieldNull(name);
        } else {
            json.fieldScaled(name, kelvin * 100L - 27315, 2);
        }
    }

    /** {@code "reserved":"AA00"}: data bytes {@code from} to {@code length - 1}, written only when one is not zero. */
    private static void reserved(JsonWriter json, long reserved, int from, int length) {
        if (reserved != 0) {
            json.field("reserved", hex(reserved, from, length));
        }
    }

    /** Bytes {@code from} to {@code to - 1} of a little-endian {@code long}, upper-case hex, in wire order. */
    static String hex(long bytes, int from, int to) {
        char[] out = new char[2 * (to - from)];
        for (int i = from; i < to; i++) {
            int b = (int) (bytes >>> (8 * i)) & 0xFF;
            out[2 * (i - from)] = HEX[b >>> 4];
            out[2 * (i - from) + 1] = HEX[b & 0xF];
        }
        return new String(out);
    }
}
