package io.pylon4j.rs485;

/**
 * A response from a battery: one record per command's reply, named after the command ({@link AnalogValues} answers
 * {@link AnalogValuesRequest}), plus {@link Acknowledgement} for control commands and {@link Rejection} for a
 * non-zero return code.
 *
 * <p>Responses do not say which command they answer (the CID2 position carries RTN), so a response frame is decoded
 * against the request it answers: {@link Rs485Codec#decodeResponse(Rs485Request, Rs485Frame)}. Records hold the wire
 * integers, with the unit in the component name ({@code currentDeciAmps}), and offer SI conveniences
 * ({@code currentAmps()}). {@link #toFrame()} encodes a response, for simulators and tests.
 *
 * <p>Decoding tolerates at most {@link Rs485Codec#trailingBytesTolerated(Command)} INFO bytes after the layout's end
 * (one on 0x44, which a US5000 sends; none elsewhere, docs/protocol.md §4); they are not kept, so such a response
 * re-encodes shorter. More throw {@link InfoTooLongException}: a reply names no command, and its length is what
 * tells a late reply to another command from the answer.
 */
public sealed interface Rs485Response permits ProtocolVersion, ManufacturerInfo, AnalogValues, AlarmInfo,
        SystemParameters, ChargeDischargeManagement, SerialNumber, SoftwareVersion, PackQuantity, SystemBasicInfo,
        SystemAnalog, SystemAlarm, SystemChargeDischargeManagement, Acknowledgement, Rejection {

    /** {@return ADR: the battery (or group master) that answered} */
    int address();

    /** {@return the command this response answers} */
    Command command();

    /** {@return RTN: {@link ReturnCode#NORMAL} for every response but a {@link Rejection}} */
    default ReturnCode returnCode() {
        return ReturnCode.NORMAL;
    }

    /** {@return the INFO bytes of this response as they go on the wire (a new array)} */
    byte[] encodeInfo();

    /** {@return the response as a frame with VER 0x20, CID1 0x46 and RTN in the CID2 position} */
    default Rs485Frame toFrame() {
        return new Rs485Frame(Rs485Frame.PYLONTECH_VERSION, address(), Command.CID1, returnCode().code(),
                encodeInfo());
    }
}
