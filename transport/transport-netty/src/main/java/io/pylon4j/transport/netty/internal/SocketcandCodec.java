package io.pylon4j.transport.netty.internal;

import io.pylon4j.can.CanFrame;

/**
 * The parts of the socketcand protocol a raw-mode client needs, as text; pure functions.
 *
 * <p>Source: linux-can/socketcand, {@code doc/protocol.md} ("Socketcand protocol": mode NO_BUS, {@code < hi >},
 * {@code < open canbus >}; mode RAW, {@code < rawmode >}, {@code < frame can_id seconds.useconds [data]* >},
 * {@code < send can_id can_dlc [data]* >}; error frames {@code < error data >}) and its implementation
 * {@code src/state_raw.c}, which prints received data as one run of hex digits ({@code "%02X"} per byte, no
 * spaces), ids as {@code %03X} (standard) or {@code %08X} (extended) and nothing else (so an id of any other width
 * is malformed: a damaged element must not pass as a frame with another id), sends {@code < rtr … >} and
 * {@code < fdframe … >} for remote and CAN FD frames, and reads a {@code send} id of eight digits as extended. The
 * document's example puts spaces between data bytes; both forms are accepted.
 *
 * <p>A session: the server greets {@code < hi >}; the client sends {@code < open can0 >}, the server answers
 * {@code < ok >}; the client sends {@code < rawmode >}, the server answers {@code < ok >}; from then on every bus
 * frame arrives as {@code < frame … >} and the client sends with {@code < send … >}.
 */
final class SocketcandCodec {

    private SocketcandCodec() {
    }

    /** {@code < open IFACE >}. */
    static String open(String iface) {
        return "< open " + iface + " >";
    }

    /** {@code < rawmode >}. */
    static String rawMode() {
        return "< rawmode >";
    }

    /** {@code < send 351 8 14 02 C0 12 C0 12 C2 01 >}: three id digits, so the server sends a standard frame. */
    static String send(CanFrame frame) {
        StringBuilder s = new StringBuilder(48).append("< send ").append(String.format("%03X", frame.id()))
                .append(' ').append(frame.length());
        for (int i = 0; i < frame.length(); i++) {
            int b = frame.u8(i);
            s.append(' ').append(HEX[b >>> 4]).append(HEX[b & 0xF]);
        }
        return s.append(" >").toString();
    }

    /** {@code < frame 351 1700000000.000000 1402C012C012C201 >}, as socketcand prints it. */
    static String frame(CanFrame frame, long timestampMicros) {
        return String.format("< frame %03X %d.%06d %s >", frame.id(), timestampMicros / 1_000_000,
                timestampMicros % 1_000_000, frame.dataHex());
    }

    /**
     * Parses the text between {@code <} and {@code >}.
     *
     * @param element the element's content, without the brackets
     */
    static SocketcandMessage parse(String element) {
        String[] t = element.strip().split("\\s+");
        switch (t[0]) {
            case "hi":
                return t.length == 1 ? new SocketcandMessage.Hi() : malformed(element);
            case "ok":
                return t.length == 1 ? new SocketcandMessage.Ok() : malformed(element);
            case "error":
                return new SocketcandMessage.Error(element.strip());
            case "frame":
                return parseFrame(t, element);
            case "rtr":
                return new SocketcandMessage.Unsupported("remote frame: " + element.strip());
            case "fdframe":
                return new SocketcandMessage.Unsupported("CAN FD frame: " + element.strip());
            default:
                return malformed(element);
        }
    }

    private static SocketcandMessage parseFrame(String[] t, String element) {
        if (t.length < 3) {
            return malformed(element);
        }
        String id = t[1];
        if (!isHex(id) || id.length() != 3 && id.length() != 8) { // socketcand prints %03X or %08X, nothing else
            return malformed(element);
        }
        if (id.length() == 8) {
            return new SocketcandMessage.Unsupported("extended (29-bit) id: " + element.strip());
        }
        int idValue = Integer.parseInt(id, 16);
        if (idValue > CanFrame.MAX_STANDARD_ID) {
            return malformed(element);
        }
        long micros = parseTimestamp(t[2]);
        if (micros < 0) {
            return malformed(element);
        }
        StringBuilder hex = new StringBuilder(16);
        for (int i = 3; i < t.length; i++) {
            hex.append(t[i]);
        }
        if (hex.length() % 2 != 0 || hex.length() > 2 * CanFrame.MAX_LENGTH || hex.length() > 0 && !isHex(hex)) {
            return malformed(element);
        }
        long payload = 0;
        for (int i = 0; i < hex.length() / 2; i++) {
            int b = Character.digit(hex.charAt(2 * i), 16) << 4 | Character.digit(hex.charAt(2 * i + 1), 16);
            payload |= (long) b << (8 * i);
        }
        return new SocketcandMessage.Frame(new CanFrame(idValue, hex.length() / 2, payload), micros);
    }

    /** {@code SECONDS.MICROS} as microseconds, or -1 if it is not that. */
    private static long parseTimestamp(String s) {
        int dot = s.indexOf('.');
        if (dot <= 0 || dot == s.length() - 1 || s.length() - dot - 1 > 6 || dot > 12) {
            return -1;
        }
        long seconds = 0;
        for (int i = 0; i < dot; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            seconds = seconds * 10 + (c - '0');
        }
        long micros = 0;
        for (int i = dot + 1; i < dot + 7; i++) {
            char c = i < s.length() ? s.charAt(i) : '0';
            if (c < '0' || c > '9') {
                return -1;
            }
            micros = micros * 10 + (c - '0');
        }
        return seconds * 1_000_000 + micros;
    }

    private static boolean isHex(CharSequence s) {
        if (s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static SocketcandMessage malformed(String element) {
        return new SocketcandMessage.Malformed("not a socketcand message: < " + element.strip() + " >");
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
