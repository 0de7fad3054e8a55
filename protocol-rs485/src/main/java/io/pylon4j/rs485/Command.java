package io.pylon4j.rs485;

/**
 * The commands of the Pylontech LV RS485 protocol, by their CID2 code (docs/protocol.md §2.5; CID1 is always
 * {@value #CID1}, "battery data").
 *
 * <p>Queries: 0x4F, 0x51, 0x42, 0x44, 0x47, 0x92, 0x93, 0x96 ([R485-33] chapter 3), the RS232 V2.8 extra 0x90
 * ([R232-28] §3.2) and the V3.5-era system queries 0x60, 0x61, 0x62, 0x63 (no public Pylontech document; the layouts are
 * those of two independent emulators, docs/protocol.md §2.5.12). Control commands, which change the battery's behaviour and which
 * this library never sends on its own: 0x94, 0x95 ([R485-33] §3.8, §3.9) and the RS232 rate switch 0x91
 * ([R232-28] §3.4); see {@link #isControl()}.
 *
 * <p>This enum is the one table of the commands the codec knows: each entry holds its CID2 code, its name, the
 * {@link #requestType() request record} and how a request frame decodes to it, and the
 * {@link #responseType() reply record} and how a normal reply decodes to it against its request.
 * {@link Rs485Codec} decodes from it alone, each record's {@code command()} names its entry (encoding: CID2 is
 * {@code command().code()}, INFO the record's own {@code encodeInfo()}), and a switch over {@code Command} is checked
 * for exhaustiveness by the compiler. A new command is one entry plus its two records in the sealed
 * {@link Rs485Request} and {@link Rs485Response}; {@code CommandTableTest} fails until they agree.
 */
public enum Command {

    /** 0x4F get protocol version: the reply's VER is the answer ([R485-33] §3.1). */
    PROTOCOL_VERSION(0x4F, "get protocol version",
            ProtocolVersionRequest.class, ProtocolVersion.class),
    /** 0x51 get manufacturer info: device name, software version, manufacturer ([R485-33] §3.2). */
    MANUFACTURER_INFO(0x51, "get manufacturer info",
            ManufacturerInfoRequest.class, ManufacturerInfo.class),
    /** 0x42 get analog values: cells, temperatures, current, voltage, capacities, cycles ([R485-33] §3.3). */
    ANALOG_VALUES(0x42, "get analog values",
            AnalogValuesRequest.class, AnalogValues.class),
    /** 0x44 get alarm info: per-value states and Status1 to Status5 ([R485-33] §3.5). */
    ALARM_INFO(0x44, "get alarm info",
            AlarmInfoRequest.class, AlarmInfo.class),
    /** 0x47 get system parameters: the module's voltage, temperature and current limits ([R485-33] §3.4). */
    SYSTEM_PARAMETERS(0x47, "get system parameters",
            SystemParametersRequest.class, SystemParameters.class),
    /** 0x92 get charge/discharge management info: the limits an inverter should apply ([R485-33] §3.6). */
    CHARGE_DISCHARGE_MANAGEMENT(0x92, "get charge/discharge management info",
            ChargeDischargeManagementRequest.class, ChargeDischargeManagement.class),
    /** 0x93 get module serial number ([R485-33] §3.7). */
    SERIAL_NUMBER(0x93, "get module serial number",
            SerialNumberRequest.class, SerialNumber.class),
    /** 0x94 set charge/discharge management info, a control command ([R485-33] §3.8). */
    SET_CHARGE_DISCHARGE_MANAGEMENT(0x94, "set charge/discharge management info",
            SetChargeDischargeManagementRequest.class, Acknowledgement.class),
    /** 0x95 turn off module, a control command ([R485-33] §3.9). */
    TURN_OFF(0x95, "turn off module",
            TurnOffRequest.class, Acknowledgement.class),
    /** 0x96 get software version ([R485-33] §3.10). */
    SOFTWARE_VERSION(0x96, "get software version",
            SoftwareVersionRequest.class, SoftwareVersion.class),
    /** 0x90 get pack quantity, RS232 V2.8 only ([R232-28] §3.2). */
    PACK_QUANTITY(0x90, "get pack quantity",
            PackQuantityRequest.class, PackQuantity.class),
    /** 0x91 set communication rate, RS232 V2.8 only, a control command ([R232-28] §3.4). */
    SET_COMMUNICATION_RATE(0x91, "set communication rate",
            SetCommunicationRateRequest.class, Acknowledgement.class),
    /** 0x60 get system basic info: name, manufacturer, version, module serials (emulator layout, docs/protocol.md §2.5.12). */
    SYSTEM_BASIC_INFO(0x60, "get system basic info",
            SystemBasicInfoRequest.class, SystemBasicInfo.class),
    /** 0x61 get system analog data, whole system (emulator layout, docs/protocol.md §2.5.12). */
    SYSTEM_ANALOG(0x61, "get system analog data",
            SystemAnalogRequest.class, SystemAnalog.class),
    /** 0x62 get system alarm and protection status (emulator layout, docs/protocol.md §2.5.12). */
    SYSTEM_ALARM(0x62, "get system alarm info",
            SystemAlarmRequest.class, SystemAlarm.class),
    /** 0x63 get system charge/discharge management info (emulator layout, docs/protocol.md §2.5.12). */
    SYSTEM_CHARGE_DISCHARGE_MANAGEMENT(0x63, "get system charge/discharge management info",
            SystemChargeDischargeManagementRequest.class, SystemChargeDischargeManagement.class);

    /** CID1 of every Pylontech battery command: 0x46, "battery data". */
    public static final int CID1 = 0x46;

    private static final Command[] BY_CODE = new Command[256];

    static {
        for (Command c : values()) {
            BY_CODE[c.code] = c;
        }
    }

    private final int code;
    private final String title;
    private final String hex;
    private final Class<? extends Rs485Request> requestType;
    private final Class<? extends Rs485Response> responseType;

    Command(int code, String title, Class<? extends Rs485Request> requestType,
            Class<? extends Rs485Response> responseType) {
        this.code = code;
        this.title = title;
        this.hex = hex(code);
        this.requestType = requestType;
        this.responseType = responseType;
    }

    /** {@code "0x4F"}: without {@code String.format}, whose first use costs start-up a parser and its classes. */
    private static String hex(int code) {
        String digits = "0123456789ABCDEF";
        return new String(new char[] {'0', 'x', digits.charAt(code >> 4), digits.charAt(code & 0xF)});
    }

    /** A control command's reply carries nothing but its return code. */
    private static Rs485Response acknowledgement(Rs485Request request, Rs485Frame frame) {
        return new Acknowledgement(frame.address(), request.command());
    }

    /** {@return the CID2 code, 0x42 for {@link #ANALOG_VALUES}} */
    public int code() {
        return code;
    }

    /** {@return the command's name in the protocol documents, "get analog values"} */
    public String title() {
        return title;
    }

    /** {@return the code as text the way logs and the JSON output write it: {@code "0x42"}} */
    public String hex() {
        return hex;
    }

    /**
     * {@return whether the command changes the battery's state (0x94, 0x95, 0x91) rather than asking for data: the
     * commands answered by an {@link Acknowledgement}}
     */
    public boolean isControl() {
        return responseType == Acknowledgement.class;
    }

    /** {@return the record a request of this command decodes to: {@code AnalogValuesRequest.class} for 0x42} */
    public Class<? extends Rs485Request> requestType() {
        return requestType;
    }

    /**
     * {@return the record a normal reply (RTN 0) to this command decodes to: {@code AnalogValues.class} for 0x42,
     * {@code Acknowledgement.class} for a control command; a non-zero RTN decodes to a {@link Rejection} instead}
     */
    public Class<? extends Rs485Response> responseType() {
        return responseType;
    }

    /**
     * {@return whether {@code cid2} is a known command code}
     *
     * @param cid2 a CID2 byte from a request frame, 0 to 255
     */
    public static boolean isKnown(int cid2) {
        return cid2 >= 0 && cid2 < 256 && BY_CODE[cid2] != null;
    }

    /**
     * {@return the command with CID2 code {@code cid2}}
     *
     * @param cid2 the CID2 byte of a request frame (0x42 for get analog values)
     * @throws UnknownCommandException if no command has that code
     */
    public static Command of(int cid2) {
        if (!isKnown(cid2)) {
            throw new UnknownCommandException(CID1, cid2);
        }
        return BY_CODE[cid2];
    }

    /**
     * The request in {@code frame}, whose CID1 and CID2 are this command's (checked by the caller). A switch rather
     * than a function per entry: a static call per command instead of an interface call through one of sixteen
     * lambdas (an itable stub under C1, which {@code pylon decode} runs), and no lambda classes to spin at start-up
     * (benchmarks/README.md, "RS485 per line, sixth pass").
     */
    Rs485Request decodeRequest(Rs485Frame frame) {
        return switch (this) {
            case PROTOCOL_VERSION -> new ProtocolVersionRequest(frame.address());
            case MANUFACTURER_INFO -> new ManufacturerInfoRequest(frame.address());
            case ANALOG_VALUES -> AnalogValuesRequest.decode(frame);
            case ALARM_INFO -> AlarmInfoRequest.decode(frame);
            case SYSTEM_PARAMETERS -> new SystemParametersRequest(frame.address());
            case CHARGE_DISCHARGE_MANAGEMENT -> ChargeDischargeManagementRequest.decode(frame);
            case SERIAL_NUMBER -> SerialNumberRequest.decode(frame);
            case SET_CHARGE_DISCHARGE_MANAGEMENT -> SetChargeDischargeManagementRequest.decode(frame);
            case TURN_OFF -> TurnOffRequest.decode(frame);
            case SOFTWARE_VERSION -> SoftwareVersionRequest.decode(frame);
            case PACK_QUANTITY -> new PackQuantityRequest(frame.address());
            case SET_COMMUNICATION_RATE -> SetCommunicationRateRequest.decode(frame);
            case SYSTEM_BASIC_INFO -> new SystemBasicInfoRequest(frame.address());
            case SYSTEM_ANALOG -> new SystemAnalogRequest(frame.address());
            case SYSTEM_ALARM -> new SystemAlarmRequest(frame.address());
            case SYSTEM_CHARGE_DISCHARGE_MANAGEMENT -> new SystemChargeDischargeManagementRequest(frame.address());
        };
    }

    /** The normal (RTN 0) reply in {@code frame} to {@code request}, a request of this command (a switch, as above). */
    Rs485Response decodeResponse(Rs485Request request, Rs485Frame frame) {
        return switch (this) {
            case PROTOCOL_VERSION -> ProtocolVersion.decode(frame);
            case MANUFACTURER_INFO -> ManufacturerInfo.decode(frame);
            case ANALOG_VALUES -> AnalogValues.decode(frame, ((AnalogValuesRequest) request).isWholeStack());
            case ALARM_INFO -> AlarmInfo.decode(frame, ((AlarmInfoRequest) request).isWholeStack());
            case SYSTEM_PARAMETERS -> SystemParameters.decode(frame);
            case CHARGE_DISCHARGE_MANAGEMENT -> ChargeDischargeManagement.decode(frame);
            case SERIAL_NUMBER -> SerialNumber.decode(frame);
            case SOFTWARE_VERSION -> SoftwareVersion.decode(frame);
            case PACK_QUANTITY -> PackQuantity.decode(frame);
            case SYSTEM_BASIC_INFO -> SystemBasicInfo.decode(frame);
            case SYSTEM_ANALOG -> SystemAnalog.decode(frame);
            case SYSTEM_ALARM -> SystemAlarm.decode(frame);
            case SYSTEM_CHARGE_DISCHARGE_MANAGEMENT -> SystemChargeDischargeManagement.decode(frame);
            case SET_CHARGE_DISCHARGE_MANAGEMENT, TURN_OFF, SET_COMMUNICATION_RATE -> acknowledgement(request, frame);
        };
    }
}
