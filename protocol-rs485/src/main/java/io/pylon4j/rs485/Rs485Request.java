package io.pylon4j.rs485;

/**
 * A request from the master (inverter, PC) to a battery: one record per command, named after the command.
 *
 * <p>Build one with the record's constructor or factory ({@code AnalogValuesRequest.of(0x02)},
 * {@code AnalogValuesRequest.wholeStack(0)}), turn it into a frame with {@link #toFrame()} and into bytes with
 * {@link Rs485Frame#encode()}. A frame received from a master decodes back with
 * {@link Rs485Codec#decodeRequest(Rs485Frame)}. Requests are answered by the {@link Rs485Response} that
 * {@link Rs485Codec#decodeResponse(Rs485Request, Rs485Frame)} decodes against them.
 *
 * <p>Decoding is tolerant the way batteries are (docs/protocol.md §2.3): INFO bytes after the ones a command defines are ignored
 * (tools send {@code <ADR><index>} 2-byte INFOs, or an INFO where the document has none), so a decoded request
 * re-encodes to the documented form, which may be shorter than the frame it came from.
 */
public sealed interface Rs485Request permits ProtocolVersionRequest, ManufacturerInfoRequest, AnalogValuesRequest,
        AlarmInfoRequest, SystemParametersRequest, ChargeDischargeManagementRequest, SerialNumberRequest,
        SetChargeDischargeManagementRequest, TurnOffRequest, SoftwareVersionRequest, PackQuantityRequest,
        SetCommunicationRateRequest, SystemBasicInfoRequest, SystemAnalogRequest, SystemAlarmRequest,
        SystemChargeDischargeManagementRequest {

    /** {@return ADR: the battery (or group master) asked} */
    int address();

    /** {@return the command, which goes in CID2} */
    Command command();

    /** {@return the INFO bytes of this request as they go on the wire (a new array)} */
    byte[] encodeInfo();

    /** {@return the request as a frame with VER 0x20, CID1 0x46 and CID2 = the command} */
    default Rs485Frame toFrame() {
        return toFrame(Rs485Frame.PYLONTECH_VERSION);
    }

    /**
     * {@return the request as a frame with the given VER (FHEM sends 0x4F with VER 0x00; the battery ignores it there)}
     *
     * @param version VER to send, 0 to 255
     * @throws IllegalArgumentException if {@code version} is not a byte
     */
    default Rs485Frame toFrame(int version) {
        return new Rs485Frame(version, address(), Command.CID1, command().code(), encodeInfo());
    }
}
