package io.pylon4j.transport.serial.internal;

/** Telnet command bytes (RFC 854) and the option numbers this module uses, named as in the RFCs. */
public final class Telnet {

    /** Interpret As Command. */
    public static final int IAC = 255;
    /** Refuse to perform, or ask the peer to stop performing, an option. */
    public static final int DONT = 254;
    /** Ask the peer to perform an option, or confirm that it may. */
    public static final int DO = 253;
    /** Refuse to perform, or stop performing, an option. */
    public static final int WONT = 252;
    /** Offer to perform, or confirm performing, an option. */
    public static final int WILL = 251;
    /** Subnegotiation begins. */
    public static final int SB = 250;
    /** Subnegotiation ends. */
    public static final int SE = 240;

    /** Option: binary transmission, RFC 856. */
    public static final int BINARY = 0;
    /** Option: echo, RFC 857. */
    public static final int ECHO = 1;
    /** Option: suppress go-ahead, RFC 858. */
    public static final int SUPPRESS_GO_AHEAD = 3;
    /** Option: COM-PORT-OPTION, RFC 2217. */
    public static final int COM_PORT_OPTION = 44;

    private Telnet() {
    }

    /** A readable name for a command byte, for messages. */
    public static String commandName(int command) {
        return switch (command) {
            case DONT -> "DONT";
            case DO -> "DO";
            case WONT -> "WONT";
            case WILL -> "WILL";
            default -> String.valueOf(command);
        };
    }
}
