package io.pylon4j.samples.cli;

import io.pylon4j.driver.json.JsonWriter;
import io.pylon4j.rs485.AlarmInfoRequest;
import io.pylon4j.rs485.AnalogValuesRequest;
import io.pylon4j.rs485.ChargeDischargeManagement;
import io.pylon4j.rs485.ChargeDischargeManagementRequest;
import io.pylon4j.rs485.Command;
import io.pylon4j.rs485.ReturnCode;
import io.pylon4j.rs485.Rs485Codec;
import io.pylon4j.rs485.Rs485Exception;
import io.pylon4j.rs485.Rs485Frame;
import io.pylon4j.rs485.Rs485FrameCodec;
import io.pylon4j.rs485.Rs485Request;
import io.pylon4j.rs485.Rs485Response;
import io.pylon4j.rs485.SerialNumber;
import io.pylon4j.rs485.SerialNumberRequest;
import io.pylon4j.rs485.SoftwareVersion;
import io.pylon4j.rs485.SoftwareVersionRequest;
import io.pylon4j.rs485.UnknownCommandException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one RS485 log line ({@code ~…}, optionally after a {@code ->} or {@code <-} direction mark) to one JSON
 * object of the {@code pylon decode} contract (field reference: {@code docs/json-rs485.md}).
 *
 * <p>The frame is the white-space-delimited token that starts with {@code ~}; a trailing CR is optional, and anything
 * after the token (such as {@code # BADCHK …}) is a comment. The arrow marks are stripped and not trusted; the
 * direction comes from the frame:
 * <ol>
 *   <li>a frame from the address of the most recent request whose CID2 position holds a return code (0x00–0x06,
 *       0x90, 0x91) is that request's response, decoded against it;</li>
 *   <li>otherwise a frame whose CID2 is a known command is a request, and becomes the pending request;</li>
 *   <li>otherwise a frame whose CID2 position holds a return code is a response with no request to decode it
 *       against. When its INFO identifies the command unambiguously ({@link #infer}) it is decoded as that command
 *       and marked {@code "inferred":true}; otherwise it prints the generic fields, {@code "command":null} and INFO
 *       as hex. Either way it counts as decoded;</li>
 *   <li>anything else is an error.</li>
 * </ol>
 * A pending request stays pending for every response that follows it (a log may hold several replies to one
 * request). A frame line that cannot be decoded at all clears it, because it may have been a request whose replies
 * must not be decoded against an older one. 0x90 and 0x91 are both commands and return codes: right after a request
 * to the same address they are read as return codes.
 *
 * <p>Not thread-safe: it remembers the last request.
 */
final class Rs485LineDecoder {

    /** The most recent request, against which responses are decoded; null when there is none. */
    private Rs485Request pending;

    /**
     * The command of a normal response that no request explains, when its INFO says it unambiguously: the
     * self-describing 0x42 and 0x44 layouts (single form when the echoed command value is the address, whole-stack
     * form otherwise), and the fixed-length replies that echo the address first: 0x92 (10 bytes), 0x96 (6), 0x93
     * (17). A layout fits only when it accounts for every INFO byte (the decoded reply re-encodes to the very frame).
     * Exactly one command must fit; otherwise there is no answer (null).
     */
    static Rs485Response infer(Rs485Frame frame) {
        int adr = frame.address();
        Rs485Response found = null;
        Rs485Request[][] candidates = {
                {new AnalogValuesRequest(adr, adr), new AnalogValuesRequest(adr, 0xFF)},
                {new AlarmInfoRequest(adr, adr), new AlarmInfoRequest(adr, 0xFF)},
                {new ChargeDischargeManagementRequest(adr, adr)},
                {new SoftwareVersionRequest(adr, adr)},
                {new SerialNumberRequest(adr, adr)}};
        for (Rs485Request[] forms : candidates) {
            Rs485Response fit = null;
            for (Rs485Request form : forms) {
                fit = fit != null ? fit : fits(form, frame);
            }
            if (fit != null) {
                if (found != null) {
                    return null; // two commands fit: ambiguous
                }
                found = fit;
            }
        }
        return found;
    }

    private static Rs485Response fits(Rs485Request request, Rs485Frame frame) {
        Rs485Response response;
        try {
            response = Rs485Codec.decodeResponse(request, frame);
        } catch (Rs485Exception e) {
            return null;
        }
        if (!response.toFrame().equals(frame)) {
            return null;
        }
        int echoed = response instanceof ChargeDischargeManagement m ? m.commandValue()
                : response instanceof SoftwareVersion v ? v.commandValue()
                : response instanceof SerialNumber n ? n.commandValue() : frame.address();
        return echoed == frame.address() ? response : null;
    }

    /** Whether a line (from {@code start}, its first non-blank character) is an RS485 frame line. */
    static boolean looksLikeRs485(String line, int start) {
        int i = start;
        if (line.startsWith("->", i) || line.startsWith("<-", i)) {
            i += 2;
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
        }
        return i < line.length() && line.charAt(i) == '~';
    }

    /**
     * Decodes {@code line} and writes one object.
     *
     * @return false when the line could not be decoded and an error object was written instead
     */
    boolean decode(String line, JsonWriter json) {
        // The line's characters as bytes in one bulk copy (a log line is Latin-1 text almost always): framing and
        // hex-parsing it byte by byte is several times cheaper than char by char under C1. A character beyond
        // Latin-1 becomes '?', which no frame holds: where one is met before the frame's end, the line takes the
        // character path, which reports that character as it is (and a white space beyond Latin-1 as white space).
        byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
        int mark = json.buffered();
        int length = bytes.length;
        int start = 0;
        while (start < length && isWhitespace(bytes[start])) {
            start++;
        }
        if (start + 1 < length && (bytes[start] == '-' && bytes[start + 1] == '>'
                || bytes[start] == '<' && bytes[start + 1] == '-')) {
            start += 2;
            while (start < length && isWhitespace(bytes[start])) {
                start++;
            }
        }
        if (start < length && bytes[start] == '?') {
            return decodeCharByChar(line, json); // perhaps a white space beyond Latin-1 before the frame
        }
        if (start == length || bytes[start] != '~') {
            DecodeError.write(json, mark, "rs485", "not an RS485 frame: a frame starts with '~'", line);
            return false;
        }
        int end = start;
        while (end < length) {
            byte b = bytes[end];
            // Every white space is at most ' ', and a frame's characters are above it: the one compare per byte
            // spares the call (C1 does not inline isWhitespace, whose bytecode is over its 35-byte limit).
            if (b <= ' ' && isWhitespace(b)) {
                break;
            }
            if (b == '?') { // a character beyond Latin-1 in the frame, or a white space ending it
                return decodeCharByChar(line, json);
            }
            end++;
        }
        if (end < length && bytes[end] == '\r') {
            end++; // the optional EOI, so that "~…\r # comment" reads as a whole frame
        }
        Rs485Frame frame;
        try {
            frame = Rs485FrameCodec.parseAscii(bytes, start, end - start);
        } catch (Rs485Exception e) {
            pending = null; // it may have been a request: its replies must not be read against an older one
            DecodeError.write(json, mark, "rs485", e.getMessage(), line);
            return false;
        }
        return decodeFrame(frame, line, json, mark);
    }

    /** {@link Character#isWhitespace} of a Latin-1 character, without the call and table look-ups per byte. */
    static boolean isWhitespace(byte b) {
        return b == ' ' || b >= 0x09 && b <= 0x0D || b >= 0x1C && b <= 0x1F;
    }

    /**
     * {@link #decode}, character by character: for a line that holds a character beyond Latin-1 before its frame's
     * end, and the reference the byte path is tested against.
     */
    boolean decodeCharByChar(String line, JsonWriter json) {
        int mark = json.buffered();
        int length = line.length();
        int start = 0;
        while (start < length && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        if (line.startsWith("->", start) || line.startsWith("<-", start)) {
            start += 2;
            while (start < length && Character.isWhitespace(line.charAt(start))) {
                start++;
            }
        }
        if (start == length || line.charAt(start) != '~') {
            DecodeError.write(json, mark, "rs485", "not an RS485 frame: a frame starts with '~'", line);
            return false;
        }
        int end = start;
        while (end < length && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        if (end < length && line.charAt(end) == '\r') {
            end++; // the optional EOI, so that "~…\r # comment" reads as a whole frame
        }
        Rs485Frame frame;
        try {
            frame = Rs485FrameCodec.parse(line, start, end);
        } catch (Rs485Exception e) {
            pending = null; // it may have been a request: its replies must not be read against an older one
            DecodeError.write(json, mark, "rs485", e.getMessage(), line);
            return false;
        }
        return decodeFrame(frame, line, json, mark);
    }

    private boolean decodeFrame(Rs485Frame frame, String line, JsonWriter json, int mark) {
        try {
            decodeFrame(frame, json);
            return true;
        } catch (Rs485Exception e) {
            DecodeError.write(json, mark, "rs485", e.getMessage(), line);
            return false;
        }
    }

    private void decodeFrame(Rs485Frame frame, JsonWriter json) {
        int code = frame.cid2OrRtn();
        boolean returnCode = ReturnCode.isKnown(code);
        if (returnCode && pending != null && frame.address() == pending.address()) {
            Rs485Json.response(json, Rs485Codec.decodeResponse(pending, frame));
        } else if (frame.cid1() == Command.CID1 && Command.isKnown(code)) {
            pending = null; // if the request does not decode, its replies must not be read against an older one
            Rs485Request request = Rs485Codec.decodeRequest(frame);
            pending = request;
            Rs485Json.request(json, request);
        } else if (returnCode) {
            Rs485Response inferred = frame.cid2OrRtn() == ReturnCode.NORMAL.code() ? infer(frame) : null;
            if (inferred != null) {
                Rs485Json.inferredResponse(json, inferred);
            } else {
                Rs485Json.unmatchedResponse(json, frame);
            }
        } else {
            pending = null;
            throw new UnknownCommandException(frame.cid1(), code);
        }
    }
}
