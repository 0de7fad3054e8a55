package io.pylon4j.transport.serial.internal;

import io.pylon4j.transport.serial.SerialSettings;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The client side of one RFC 2217 (Telnet COM Port Control) session, without I/O: it answers option negotiation,
 * sends the serial settings once the server agrees to COM-PORT-OPTION, and records the server's replies. Whatever it
 * wants to send collects in {@link #takeOutput()}; the transport writes it to the socket.
 *
 * <p>Negotiation: the client offers {@code WILL COM-PORT-OPTION} (RFC 2217 §"Negotiation"), binary mode both ways
 * ({@code WILL/DO BINARY}, RFC 856: without it CR travels as CR NUL) and suppress-go-ahead both ways (RFC 858).
 * Options it does not support are refused ({@code DO x → WONT x}, {@code WILL x → DONT x}); a request for a state
 * already in force is not answered, and each side's own requests are remembered, so that two endpoints never
 * ping-pong (RFC 854, "do not acknowledge a request to enter a mode you are already in"; RFC 1143).
 *
 * <p>COM port commands, client to server (server replies add 100): SET-BAUDRATE 1 (four bytes, network order),
 * SET-DATASIZE 2, SET-PARITY 3 (1 none, 2 odd, 3 even, 4 mark, 5 space), SET-STOPSIZE 4 (1 one, 2 two, 3 one and a
 * half). The server answers each with the value it actually set. SIGNATURE 0/100: an empty one is a request for the
 * other side's. NOTIFY-LINESTATE, NOTIFY-MODEMSTATE and flow-control notices (106–109) are accepted and ignored:
 * Pylontech RS485 uses no modem lines and no flow control. Compare pyserial {@code serial/rfc2217.py}, which
 * negotiates the same options and also refuses to go on when the server does not confirm the settings.
 */
public final class Rfc2217Session implements TelnetDecoder.Handler {

    static final int SIGNATURE = 0;
    static final int SET_BAUDRATE = 1;
    static final int SET_DATASIZE = 2;
    static final int SET_PARITY = 3;
    static final int SET_STOPSIZE = 4;
    static final int SERVER_OFFSET = 100;

    /** What this client sends as its signature when asked. */
    static final String CLIENT_SIGNATURE = "pylon4j";

    private final SerialSettings settings;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    // [option] -> state, for the three options we take part in
    private final boolean[] usEnabled = new boolean[256];
    private final boolean[] usRequested = new boolean[256];
    private final boolean[] himEnabled = new boolean[256];
    private final boolean[] himRequested = new boolean[256];

    private boolean settingsSent;
    private boolean refused;
    private int baudRate = -1;
    private int dataSize = -1;
    private int parity = -1;
    private int stopSize = -1;
    private String serverSignature;

    public Rfc2217Session(SerialSettings settings) {
        this.settings = settings;
    }

    /** The opening offers; call once, first. */
    public void start() {
        request(Telnet.WILL, Telnet.COM_PORT_OPTION);
        request(Telnet.WILL, Telnet.BINARY);
        request(Telnet.DO, Telnet.BINARY);
        request(Telnet.WILL, Telnet.SUPPRESS_GO_AHEAD);
        request(Telnet.DO, Telnet.SUPPRESS_GO_AHEAD);
    }

    /** Bytes to send now (possibly none); clears them. */
    public byte[] takeOutput() {
        byte[] bytes = output.toByteArray();
        output.reset();
        return bytes;
    }

    /** Whether the server refused COM-PORT-OPTION: it is a plain Telnet server, not an RFC 2217 one. */
    public boolean refused() {
        return refused;
    }

    /** Whether the server confirmed all four settings. */
    public boolean settingsConfirmed() {
        return baudRate >= 0 && dataSize >= 0 && parity >= 0 && stopSize >= 0;
    }

    /** What the server has not confirmed yet, for a timeout message. */
    public List<String> unconfirmed() {
        List<String> missing = new ArrayList<>();
        if (!usEnabled[Telnet.COM_PORT_OPTION]) {
            missing.add("DO COM-PORT-OPTION");
        }
        if (baudRate < 0) {
            missing.add("SET-BAUDRATE");
        }
        if (dataSize < 0) {
            missing.add("SET-DATASIZE");
        }
        if (parity < 0) {
            missing.add("SET-PARITY");
        }
        if (stopSize < 0) {
            missing.add("SET-STOPSIZE");
        }
        return missing;
    }

    /**
     * Where the server's confirmed settings differ from those asked for, or an empty list.
     */
    public List<String> mismatches() {
        List<String> out = new ArrayList<>();
        if (baudRate != settings.baudRate()) {
            out.add("baud rate " + baudRate + " instead of " + settings.baudRate());
        }
        if (dataSize != settings.dataBits()) {
            out.add("data size " + dataSize + " instead of " + settings.dataBits());
        }
        if (parity != parityCode(settings)) {
            out.add("parity code " + parity + " instead of " + parityCode(settings));
        }
        if (stopSize != stopSizeCode(settings)) {
            out.add("stop size code " + stopSize + " instead of " + stopSizeCode(settings));
        }
        return out;
    }

    /** The baud rate the server last reported, or -1. */
    public int reportedBaudRate() {
        return baudRate;
    }

    /** The server's signature, if it sent one. */
    public String serverSignature() {
        return serverSignature;
    }

    /** Whether the server sends in binary mode (else its CR NUL pairs carry padding). */
    public boolean serverSendsBinary() {
        return himEnabled[Telnet.BINARY];
    }

    /** Whether this client may send in binary mode (else a CR must be followed by NUL). */
    public boolean clientSendsBinary() {
        return usEnabled[Telnet.BINARY];
    }

    @Override
    public void negotiation(int command, int option) {
        switch (command) {
            case Telnet.DO -> {
                if (!supportedByUs(option)) {
                    send(Telnet.WONT, option);
                } else if (!usEnabled[option]) {
                    usEnabled[option] = true;
                    if (!usRequested[option]) {
                        send(Telnet.WILL, option);
                    }
                    usRequested[option] = false;
                    if (option == Telnet.COM_PORT_OPTION) {
                        sendSettings();
                    }
                }
            }
            case Telnet.DONT -> {
                if (option == Telnet.COM_PORT_OPTION) {
                    refused = true;
                }
                if (usEnabled[option] || usRequested[option]) {
                    if (!usRequested[option]) {
                        send(Telnet.WONT, option);
                    }
                    usEnabled[option] = false;
                    usRequested[option] = false;
                }
            }
            case Telnet.WILL -> {
                if (!supportedByHim(option)) {
                    send(Telnet.DONT, option);
                } else if (!himEnabled[option]) {
                    himEnabled[option] = true;
                    if (!himRequested[option]) {
                        send(Telnet.DO, option);
                    }
                    himRequested[option] = false;
                }
            }
            case Telnet.WONT -> {
                if (himEnabled[option] || himRequested[option]) {
                    if (!himRequested[option]) {
                        send(Telnet.DONT, option);
                    }
                    himEnabled[option] = false;
                    himRequested[option] = false;
                }
            }
            default -> throw new IllegalArgumentException("not a negotiation command: " + command);
        }
    }

    @Override
    public void subnegotiation(int option, byte[] payload, int length) {
        if (option != Telnet.COM_PORT_OPTION || length < 1) {
            return; // not ours
        }
        int code = payload[0] & 0xFF;
        switch (code) {
            case SERVER_OFFSET + SIGNATURE -> {
                if (length == 1) {
                    subnegotiate(SIGNATURE, CLIENT_SIGNATURE.getBytes(StandardCharsets.US_ASCII));
                } else {
                    serverSignature = new String(payload, 1, length - 1, StandardCharsets.US_ASCII);
                }
            }
            case SERVER_OFFSET + SET_BAUDRATE -> {
                if (length == 5) {
                    baudRate = (payload[1] & 0xFF) << 24 | (payload[2] & 0xFF) << 16 | (payload[3] & 0xFF) << 8
                            | payload[4] & 0xFF;
                }
            }
            case SERVER_OFFSET + SET_DATASIZE -> dataSize = length == 2 ? payload[1] & 0xFF : dataSize;
            case SERVER_OFFSET + SET_PARITY -> parity = length == 2 ? payload[1] & 0xFF : parity;
            case SERVER_OFFSET + SET_STOPSIZE -> stopSize = length == 2 ? payload[1] & 0xFF : stopSize;
            default -> {
                // line/modem state notifications, flow control notices, purge confirmations: not used here
            }
        }
    }

    private void sendSettings() {
        if (settingsSent) {
            return;
        }
        settingsSent = true;
        int baud = settings.baudRate();
        subnegotiate(SET_BAUDRATE, new byte[] {(byte) (baud >>> 24), (byte) (baud >>> 16), (byte) (baud >>> 8),
            (byte) baud});
        subnegotiate(SET_DATASIZE, new byte[] {(byte) settings.dataBits()});
        subnegotiate(SET_PARITY, new byte[] {(byte) parityCode(settings)});
        subnegotiate(SET_STOPSIZE, new byte[] {(byte) stopSizeCode(settings)});
    }

    static int parityCode(SerialSettings settings) {
        return switch (settings.parity()) {
            case NONE -> 1;
            case ODD -> 2;
            case EVEN -> 3;
            case MARK -> 4;
            case SPACE -> 5;
        };
    }

    static int stopSizeCode(SerialSettings settings) {
        return switch (settings.stopBits()) {
            case ONE -> 1;
            case TWO -> 2;
            case ONE_POINT_FIVE -> 3;
        };
    }

    private static boolean supportedByUs(int option) {
        return option == Telnet.COM_PORT_OPTION || option == Telnet.BINARY || option == Telnet.SUPPRESS_GO_AHEAD;
    }

    private static boolean supportedByHim(int option) {
        return option == Telnet.BINARY || option == Telnet.SUPPRESS_GO_AHEAD;
    }

    private void request(int command, int option) {
        if (command == Telnet.WILL) {
            usRequested[option] = true;
        } else {
            himRequested[option] = true;
        }
        send(command, option);
    }

    private void send(int command, int option) {
        output.write(Telnet.IAC);
        output.write(command);
        output.write(option);
    }

    private void subnegotiate(int code, byte[] value) {
        output.write(Telnet.IAC);
        output.write(Telnet.SB);
        output.write(Telnet.COM_PORT_OPTION);
        output.write(code);
        for (byte b : value) {
            output.write(b);
            if ((b & 0xFF) == Telnet.IAC) {
                output.write(Telnet.IAC);
            }
        }
        output.write(Telnet.IAC);
        output.write(Telnet.SE);
    }
}
