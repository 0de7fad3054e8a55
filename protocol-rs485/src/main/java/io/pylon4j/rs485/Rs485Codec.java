package io.pylon4j.rs485;

import java.util.Objects;

/**
 * Decodes frames into typed requests and responses ([R485-33] chapter 3; docs/protocol.md §2.5). Encoding is the other way
 * round: {@link Rs485Request#toFrame()} and {@link Rs485Response#toFrame()}.
 *
 * <pre>{@code
 * Rs485Request request = AnalogValuesRequest.wholeStack(0);
 * byte[] bytes = request.toFrame().encode();                 // ~20024642E002FFFD09 + CR
 * ... send, and read the reply with an Rs485FrameReader ...
 * Rs485Response response = Rs485Codec.decodeResponse(request, replyFrame);
 * if (response instanceof AnalogValues values) { ... }
 * else if (response instanceof Rejection no) { ... no.returnCode() ... }
 * }</pre>
 *
 * <p>A response does not say which command it answers: its CID2 position carries the return code. So responses are
 * decoded against their request, which supplies the command and, for 0x42 and 0x44, whether the reply is for one
 * module or the whole stack. Every decoder reads its layout strictly up to the layout's end: a field past the end of
 * INFO throws {@link InfoTooShortException}; more bytes after the end than {@link #trailingBytesTolerated(Command)}
 * throw {@link InfoTooLongException} (docs/protocol.md §4): a reply names no command, so its length is what keeps a
 * late reply to another command from being read as this one's answer.
 *
 * <p>Which record a command's request and reply decode to is the {@link Command} table's, the one list of commands;
 * this class only checks CID1, the address and the return code around it.
 *
 * <p>The only exceptions these methods throw for a frame's content are the {@link Rs485Exception} subclasses named
 * on each method. Stateless and thread-safe.
 */
public final class Rs485Codec {

    private Rs485Codec() {
    }

    /**
     * Decodes a request frame (from a master) into its typed record.
     *
     * @param frame a frame a master sent, already checked by {@link Rs485FrameCodec}
     * @return the typed request, which {@link #decodeResponse(Rs485Request, Rs485Frame)} then needs to read the reply
     * @throws UnknownCommandException if CID1 is not 0x46 or CID2 is not a known {@link Command}
     * @throws InfoTooShortException   if INFO is too short for the command
     * @throws InvalidInfoException    if INFO holds a value the command cannot take (an unknown 0x91 rate)
     */
    public static Rs485Request decodeRequest(Rs485Frame frame) {
        Objects.requireNonNull(frame, "frame");
        if (frame.cid1() != Command.CID1) {
            throw new UnknownCommandException(frame.cid1(), frame.cid2OrRtn());
        }
        return Command.of(frame.cid2OrRtn()).decodeRequest(frame);
    }

    /**
     * Decodes a response frame as the answer to {@code request}.
     *
     * <p>A non-zero return code decodes to a {@link Rejection} (the battery said no); a zero one to the record of the
     * request's command, or an {@link Acknowledgement} for a control command.
     *
     * @param request the request this frame answers: its command says how to read INFO, its address which battery must
     *                answer
     * @param frame   the response frame, already checked by {@link Rs485FrameCodec}
     * @return the typed reply, a {@link Rejection} for a non-zero RTN or an {@link Acknowledgement} for a control
     *         command
     * @throws UnknownCommandException    if CID1 is not 0x46
     * @throws AddressMismatchException   if the response comes from another address than the request went to
     * @throws UnknownReturnCodeException if RTN is not a {@link ReturnCode}
     * @throws InfoTooShortException      if INFO is too short for the command's reply
     * @throws InfoTooLongException       if INFO is longer than the command's reply layout (with the counts it carries)
     *                                    plus {@link #trailingBytesTolerated(Command)}: a reply to another command
     * @throws InvalidInfoException       if INFO holds a value the reply cannot take (a 0x42 user-defined count other
     *                                    than 2 or 4)
     */
    public static Rs485Response decodeResponse(Rs485Request request, Rs485Frame frame) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(frame, "frame");
        Command command = request.command();
        if (frame.cid1() != Command.CID1) {
            throw new UnknownCommandException(frame.cid1(), command.code());
        }
        if (frame.address() != request.address()) {
            throw new AddressMismatchException(request.address(), frame.address());
        }
        ReturnCode returnCode = ReturnCode.of(frame.cid2OrRtn());
        if (returnCode != ReturnCode.NORMAL) {
            return new Rejection(frame.address(), command, returnCode, frame.info());
        }
        Rs485Response response = command.decodeResponse(request, frame);
        int layout = layoutLength(response);
        if (frame.infoLength() > layout + trailingBytesTolerated(command)) {
            throw new InfoTooLongException(command, layout, frame.infoLength());
        }
        return response;
    }

    /** The INFO bytes the decoded record's layout takes, with the counts it carries: what it re-encodes to. */
    private static int layoutLength(Rs485Response response) {
        int length = 2; // INFOFLAG, then the command value or the module count
        if (response instanceof AnalogValues a) {
            for (ModuleAnalog m : a.modules()) {
                length += m.encodedLength(); // the long stack replies: added up, not re-encoded (hot path)
            }
            return length;
        }
        if (response instanceof AlarmInfo a) {
            for (ModuleAlarm m : a.modules()) {
                length += m.encodedLength();
            }
            return length;
        }
        return switch (response.command()) { // the fixed layouts of the queries a driver asks (docs/protocol.md §2.5)
            case PROTOCOL_VERSION, SET_CHARGE_DISCHARGE_MANAGEMENT, TURN_OFF, SET_COMMUNICATION_RATE -> 0;
            case MANUFACTURER_INFO -> 32;
            case SYSTEM_PARAMETERS -> 25;
            case CHARGE_DISCHARGE_MANAGEMENT -> 10;
            case SERIAL_NUMBER -> 1 + SerialNumber.LENGTH;
            case SOFTWARE_VERSION -> 6;
            default -> response.encodeInfo().length; // the rarer ones: a few dozen bytes, re-encoded
        };
    }

    /**
     * How many INFO bytes past the end of its layout a normal reply to {@code command} may carry and still be its
     * answer: 1 for 0x44 (a US5000 sends one extra trailing byte, LENID 0x042 for the 0x040 layout, docs/protocol.md
     * §2.5.4), 0 for every other command, since no capture shows more (docs/protocol.md §4).
     *
     * @param command the command the reply is read as
     * @return the bytes tolerated after the layout's end, at least 0
     */
    public static int trailingBytesTolerated(Command command) {
        return command == Command.ALARM_INFO ? 1 : 0;
    }
}
