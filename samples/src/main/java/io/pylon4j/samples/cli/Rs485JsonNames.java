package io.pylon4j.samples.cli;

import io.pylon4j.driver.json.JsonMembers;
import io.pylon4j.driver.json.JsonName;
import io.pylon4j.rs485.Command;

/**
 * The member names {@link Rs485Json} writes, each encoded once ({@link JsonName}): {@code pylon decode} writes dozens of
 * names a line, and a pre-encoded name is one copy, where a {@code String} name cost the writer's table look-up and a
 * {@code String.hashCode} per member (13 % of a decoded line under C1, {@code benchmarks/README.md}, "RS485 per line,
 * fifth pass"). Immutable constants, in the order {@link Rs485Json} first writes them.
 */
final class Rs485JsonNames {

    static final JsonName ADDRESS = JsonName.of("address");
    static final JsonName DIRECTION = JsonName.of("direction");
    static final JsonName COMMAND = JsonName.of("command");
    static final JsonName COMMAND_VALUE = JsonName.of("commandValue");
    static final JsonName CHARGE_VOLTAGE_LIMIT = JsonName.of("chargeVoltageLimit");
    static final JsonName DISCHARGE_VOLTAGE_LIMIT = JsonName.of("dischargeVoltageLimit");
    static final JsonName CHARGE_CURRENT_LIMIT = JsonName.of("chargeCurrentLimit");
    static final JsonName DISCHARGE_CURRENT_LIMIT = JsonName.of("dischargeCurrentLimit");
    static final JsonName BAUD_RATE = JsonName.of("baudRate");
    static final JsonName RETURN_CODE = JsonName.of("returnCode");
    static final JsonName INFO = JsonName.of("info");
    static final JsonName INFERRED = JsonName.of("inferred");
    static final JsonName PROTOCOL_VERSION = JsonName.of("protocolVersion");
    static final JsonName DEVICE_NAME = JsonName.of("deviceName");
    static final JsonName SOFTWARE_VERSION = JsonName.of("softwareVersion");
    static final JsonName MANUFACTURER_NAME = JsonName.of("manufacturerName");
    static final JsonName SERIAL_NUMBER = JsonName.of("serialNumber");
    static final JsonName MANUFACTURER_VERSION = JsonName.of("manufacturerVersion");
    static final JsonName MAINLINE_VERSION = JsonName.of("mainlineVersion");
    static final JsonName PACK_COUNT = JsonName.of("packCount");
    static final JsonName MODULE_COUNT = JsonName.of("moduleCount");
    static final JsonName SERIAL_NUMBERS = JsonName.of("serialNumbers");
    static final JsonName WARNING_STATUS1 = JsonName.of("warningStatus1");
    static final JsonName WARNING_STATUS2 = JsonName.of("warningStatus2");
    static final JsonName PROTECTION_STATUS1 = JsonName.of("protectionStatus1");
    static final JsonName PROTECTION_STATUS2 = JsonName.of("protectionStatus2");
    static final JsonName WARNINGS = JsonName.of("warnings");
    static final JsonName PROTECTIONS = JsonName.of("protections");
    static final JsonName CHARGE_ENABLE = JsonName.of("chargeEnable");
    static final JsonName DISCHARGE_ENABLE = JsonName.of("dischargeEnable");
    static final JsonName FORCE_CHARGE = JsonName.of("forceCharge");
    static final JsonName STATUS = JsonName.of("status");
    static final JsonName INFO_FLAG = JsonName.of("infoFlag");
    static final JsonName MODULES = JsonName.of("modules");
    static final JsonName CELL_VOLTAGES = JsonName.of("cellVoltages");
    static final JsonName TEMPERATURES = JsonName.of("temperatures");
    static final JsonName CURRENT = JsonName.of("current");
    static final JsonName VOLTAGE = JsonName.of("voltage");
    static final JsonName REMAINING_CAPACITY = JsonName.of("remainingCapacity");
    static final JsonName TOTAL_CAPACITY = JsonName.of("totalCapacity");
    static final JsonName CYCLES = JsonName.of("cycles");
    static final JsonName USER_DEFINED_COUNT = JsonName.of("userDefinedCount");
    static final JsonName FORCE_CHARGE_I = JsonName.of("forceChargeI");
    static final JsonName FORCE_CHARGE_II = JsonName.of("forceChargeII");
    static final JsonName FULL_CHARGE_REQUEST = JsonName.of("fullChargeRequest");
    static final JsonName CELL_HIGH_VOLTAGE_LIMIT = JsonName.of("cellHighVoltageLimit");
    static final JsonName CELL_LOW_VOLTAGE_LIMIT = JsonName.of("cellLowVoltageLimit");
    static final JsonName CELL_UNDER_VOLTAGE_LIMIT = JsonName.of("cellUnderVoltageLimit");
    static final JsonName CHARGE_HIGH_TEMPERATURE_LIMIT = JsonName.of("chargeHighTemperatureLimit");
    static final JsonName CHARGE_LOW_TEMPERATURE_LIMIT = JsonName.of("chargeLowTemperatureLimit");
    static final JsonName MODULE_HIGH_VOLTAGE_LIMIT = JsonName.of("moduleHighVoltageLimit");
    static final JsonName MODULE_LOW_VOLTAGE_LIMIT = JsonName.of("moduleLowVoltageLimit");
    static final JsonName MODULE_UNDER_VOLTAGE_LIMIT = JsonName.of("moduleUnderVoltageLimit");
    static final JsonName DISCHARGE_HIGH_TEMPERATURE_LIMIT = JsonName.of("dischargeHighTemperatureLimit");
    static final JsonName DISCHARGE_LOW_TEMPERATURE_LIMIT = JsonName.of("dischargeLowTemperatureLimit");
    static final JsonName CELL_STATES = JsonName.of("cellStates");
    static final JsonName TEMPERATURE_STATES = JsonName.of("temperatureStates");
    static final JsonName CHARGE_CURRENT_STATE = JsonName.of("chargeCurrentState");
    static final JsonName MODULE_VOLTAGE_STATE = JsonName.of("moduleVoltageState");
    static final JsonName DISCHARGE_CURRENT_STATE = JsonName.of("dischargeCurrentState");
    static final JsonName STATUS1 = JsonName.of("status1");
    static final JsonName STATUS2 = JsonName.of("status2");
    static final JsonName STATUS3 = JsonName.of("status3");
    static final JsonName STATUS4 = JsonName.of("status4");
    static final JsonName STATUS5 = JsonName.of("status5");
    static final JsonName FLAGS = JsonName.of("flags");
    static final JsonName CELL_VOLTAGE_ERRORS = JsonName.of("cellVoltageErrors");
    static final JsonName STATE_OF_CHARGE = JsonName.of("stateOfCharge");
    static final JsonName AVERAGE_CYCLES = JsonName.of("averageCycles");
    static final JsonName MAXIMUM_CYCLES = JsonName.of("maximumCycles");
    static final JsonName AVERAGE_STATE_OF_HEALTH = JsonName.of("averageStateOfHealth");
    static final JsonName MINIMUM_STATE_OF_HEALTH = JsonName.of("minimumStateOfHealth");
    static final JsonName MAXIMUM_CELL_VOLTAGE = JsonName.of("maximumCellVoltage");
    static final JsonName MINIMUM_CELL_VOLTAGE = JsonName.of("minimumCellVoltage");
    static final JsonName AVERAGE_CELL_TEMPERATURE = JsonName.of("averageCellTemperature");
    static final JsonName MAXIMUM_CELL_TEMPERATURE = JsonName.of("maximumCellTemperature");
    static final JsonName MINIMUM_CELL_TEMPERATURE = JsonName.of("minimumCellTemperature");
    static final JsonName AVERAGE_MOSFET_TEMPERATURE = JsonName.of("averageMosfetTemperature");
    static final JsonName MAXIMUM_MOSFET_TEMPERATURE = JsonName.of("maximumMosfetTemperature");
    static final JsonName MINIMUM_MOSFET_TEMPERATURE = JsonName.of("minimumMosfetTemperature");
    static final JsonName AVERAGE_BMS_TEMPERATURE = JsonName.of("averageBmsTemperature");
    static final JsonName MAXIMUM_BMS_TEMPERATURE = JsonName.of("maximumBmsTemperature");
    static final JsonName MINIMUM_BMS_TEMPERATURE = JsonName.of("minimumBmsTemperature");
    static final JsonName VALUE = JsonName.of("value");
    static final JsonName MODULE = JsonName.of("module");
    static final JsonName POSITION = JsonName.of("position");

    /**
     * {@code "bus":"rs485"}, the first member of every object, and below the members that follow the address of a
     * request's or a response's object ({@code "direction":…,"command":"0x42"}): the same on every line of a
     * command, so each is one copy instead of two names and two cached values ({@code benchmarks/README.md}, "RS485
     * per line, sixth pass").
     */
    static final JsonMembers BUS_RS485 = JsonMembers.of("bus", "rs485");
    private static final JsonMembers[] REQUEST_HEADS = heads("request");
    private static final JsonMembers[] RESPONSE_HEADS = heads("response");

    private Rs485JsonNames() {
    }

    /** {@return {@code "direction":"request","command":"0x42"} for {@code command} 0x42} */
    static JsonMembers requestHead(Command command) {
        return REQUEST_HEADS[command.ordinal()];
    }

    /** {@return {@code "direction":"response","command":"0x42"} for {@code command} 0x42} */
    static JsonMembers responseHead(Command command) {
        return RESPONSE_HEADS[command.ordinal()];
    }

    private static JsonMembers[] heads(String direction) {
        Command[] commands = Command.values();
        JsonMembers[] heads = new JsonMembers[commands.length];
        for (Command command : commands) {
            heads[command.ordinal()] = JsonMembers.of("direction", direction, "command", command.hex());
        }
        return heads;
    }
}
