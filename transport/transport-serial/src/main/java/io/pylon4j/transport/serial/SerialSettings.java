package io.pylon4j.transport.serial;

import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.InvalidEndpointException;
import java.util.Locale;
import java.util.Objects;

/**
 * The line settings of a serial port: baud rate, data bits, parity and stop bits. Immutable; start from
 * {@link #defaults()} and change with the {@code with…} methods, or read them from an endpoint string with
 * {@link #fromEndpoint(Endpoint)}.
 *
 * <p>Used by {@code serial:} (applied to the local port) and {@code rfc2217:} (sent to the remote port server), and
 * by {@code slcan:} for the adapter's own serial line.
 *
 * @param baudRate bits per second, positive (Pylontech RS485: 115200, or 9600 with DIP switch 1 up)
 * @param dataBits 5 to 8
 * @param parity   the parity bit
 * @param stopBits the stop bits
 */
public record SerialSettings(int baudRate, int dataBits, Parity parity, StopBits stopBits) {

    /** Endpoint parameter for the baud rate. */
    public static final String BAUD = "baud";
    /** Endpoint parameter for the data bits, 5 to 8. */
    public static final String DATA_BITS = "databits";
    /** Endpoint parameter for the parity: {@code none}, {@code odd}, {@code even}, {@code mark}, {@code space}. */
    public static final String PARITY = "parity";
    /** Endpoint parameter for the stop bits: {@code 1}, {@code 1.5}, {@code 2}. */
    public static final String STOP_BITS = "stopbits";

    /** The parity bit. */
    public enum Parity {
        /** No parity bit (Pylontech RS485). */
        NONE,
        /** Odd parity. */
        ODD,
        /** Even parity. */
        EVEN,
        /** Parity bit always 1. */
        MARK,
        /** Parity bit always 0. */
        SPACE
    }

    /** The number of stop bits. */
    public enum StopBits {
        /** One stop bit (Pylontech RS485). */
        ONE,
        /** One and a half stop bits. */
        ONE_POINT_FIVE,
        /** Two stop bits. */
        TWO
    }

    /**
     * Checks the settings.
     *
     * @param baudRate bits per second, positive
     * @param dataBits data bits per character, 5 to 8
     * @param parity   the parity bit, not null
     * @param stopBits the stop bits, not null
     * @throws IllegalArgumentException if the baud rate is not positive or the data bits are not 5 to 8
     */
    public SerialSettings {
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(stopBits, "stopBits");
        if (baudRate <= 0) {
            throw new IllegalArgumentException("baud rate must be positive: " + baudRate);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5 to 8: " + dataBits);
        }
    }

    /**
     * 115200 baud, 8 data bits, no parity, one stop bit: the Pylontech RS485 default (docs/protocol.md §2.1, "8N1 at
     * 115200, or 9600 when DIP switch 1 is up").
     *
     * @return 8N1 at 115200 baud
     */
    public static SerialSettings defaults() {
        return new SerialSettings(115200, 8, Parity.NONE, StopBits.ONE);
    }

    /**
     * These settings with another baud rate.
     *
     * @param baudRate the new rate in bit/s, positive
     * @return a copy with only the baud rate changed
     * @throws IllegalArgumentException if {@code baudRate} is not positive
     */
    public SerialSettings withBaudRate(int baudRate) {
        return new SerialSettings(baudRate, dataBits, parity, stopBits);
    }

    /**
     * These settings with other data bits.
     *
     * @param dataBits the new data bits per character, 5 to 8
     * @return a copy with only the data bits changed
     * @throws IllegalArgumentException if {@code dataBits} is not 5 to 8
     */
    public SerialSettings withDataBits(int dataBits) {
        return new SerialSettings(baudRate, dataBits, parity, stopBits);
    }

    /**
     * These settings with another parity.
     *
     * @param parity the new parity, not null
     * @return a copy with only the parity changed
     */
    public SerialSettings withParity(Parity parity) {
        return new SerialSettings(baudRate, dataBits, parity, stopBits);
    }

    /**
     * These settings with other stop bits.
     *
     * @param stopBits the new stop bits, not null
     * @return a copy with only the stop bits changed
     */
    public SerialSettings withStopBits(StopBits stopBits) {
        return new SerialSettings(baudRate, dataBits, parity, stopBits);
    }

    /**
     * Reads {@code baud}, {@code databits}, {@code parity} and {@code stopbits} from an endpoint; absent ones keep
     * their {@link #defaults()}. Other parameters are not looked at (the transport checks for unknown ones).
     *
     * @param endpoint a {@code serial:}, {@code rfc2217:} or {@code slcan:} endpoint
     * @return the settings the endpoint asks for
     * @throws InvalidEndpointException if a value is malformed or out of range; the message names the parameter and
     *                                  the accepted values
     */
    public static SerialSettings fromEndpoint(Endpoint endpoint) {
        SerialSettings defaults = defaults();
        int baud = endpoint.intParameter(BAUD, defaults.baudRate);
        if (baud <= 0) {
            throw new InvalidEndpointException("endpoint '" + endpoint + "': " + BAUD + "=" + baud
                    + " is not a positive baud rate (Pylontech RS485 uses 115200 or 9600)");
        }
        int dataBits = endpoint.intParameter(DATA_BITS, defaults.dataBits);
        if (dataBits < 5 || dataBits > 8) {
            throw new InvalidEndpointException("endpoint '" + endpoint + "': " + DATA_BITS + "=" + dataBits
                    + " is not 5 to 8");
        }
        Parity parity = defaults.parity;
        String parityText = endpoint.parameters().get(PARITY);
        if (parityText != null) {
            try {
                parity = Parity.valueOf(parityText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidEndpointException("endpoint '" + endpoint + "': " + PARITY + "=" + parityText
                        + " is not one of none, odd, even, mark, space");
            }
        }
        StopBits stopBits = defaults.stopBits;
        String stopText = endpoint.parameters().get(STOP_BITS);
        if (stopText != null) {
            stopBits = switch (stopText) {
                case "1" -> StopBits.ONE;
                case "1.5" -> StopBits.ONE_POINT_FIVE;
                case "2" -> StopBits.TWO;
                default -> throw new InvalidEndpointException("endpoint '" + endpoint + "': " + STOP_BITS + "="
                        + stopText + " is not one of 1, 1.5, 2");
            };
        }
        return new SerialSettings(baud, dataBits, parity, stopBits);
    }

    /** The settings in the usual short form, {@code 115200 8N1}. */
    @Override
    public String toString() {
        String stop = switch (stopBits) {
            case ONE -> "1";
            case ONE_POINT_FIVE -> "1.5";
            case TWO -> "2";
        };
        return baudRate + " " + dataBits + parity.name().charAt(0) + stop;
    }
}
