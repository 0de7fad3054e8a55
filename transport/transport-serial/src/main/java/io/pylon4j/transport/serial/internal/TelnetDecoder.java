package io.pylon4j.transport.serial.internal;

/**
 * Separates the data bytes of a Telnet stream (RFC 854) from its commands. Pure, single-threaded and
 * chunk-agnostic: a command or subnegotiation split over several reads is put together.
 *
 * <p>{@code IAC IAC} is a data byte 0xFF; {@code IAC WILL/WONT/DO/DONT option} and {@code IAC SB option … IAC SE}
 * go to the {@link Handler}; other two-byte commands ({@code NOP}, {@code AYT}, {@code GA}, …) too. Subnegotiations
 * longer than {@link #MAX_SUBNEGOTIATION} bytes are dropped and their bytes counted as {@linkplain #discarded()
 * discarded}, so a peer cannot make this buffer grow. When the peer does not send in binary mode (RFC 856), NVT
 * rules apply and the NUL of a {@code CR NUL} pair is padding, not data: {@link #stripNulAfterCr(boolean)}.
 */
public final class TelnetDecoder {

    /** The largest subnegotiation kept; RFC 2217's longest is a signature text. */
    public static final int MAX_SUBNEGOTIATION = 256;

    /** Receives the commands found in the stream, in stream order relative to each other. */
    public interface Handler {

        /**
         * {@code IAC command option}, the command one of {@link Telnet#WILL}, {@link Telnet#WONT}, {@link Telnet#DO},
         * {@link Telnet#DONT}.
         */
        void negotiation(int command, int option);

        /** {@code IAC SB option payload IAC SE}, payload unescaped; the array is valid only during the call. */
        void subnegotiation(int option, byte[] payload, int length);

        /** Any other {@code IAC command}. */
        default void command(int command) {
        }
    }

    private enum State { DATA, IAC, OPTION, SB_OPTION, SB_DATA, SB_IAC }

    private State state = State.DATA;
    private int negotiationCommand;
    private int sbOption;
    private final byte[] sb = new byte[MAX_SUBNEGOTIATION];
    private int sbLength;
    private int sbDropped; // bytes of an over-long subnegotiation
    private boolean stripNulAfterCr;
    private boolean lastWasCr;
    private long discarded;

    /** Whether to drop the NUL after a CR (the peer is not sending binary). */
    public void stripNulAfterCr(boolean strip) {
        this.stripNulAfterCr = strip;
    }

    /** Bytes thrown away so far: over-long or broken subnegotiations. */
    public long discarded() {
        return discarded;
    }

    /**
     * Decodes a chunk: data bytes are written to {@code out} from index 0 (it must hold {@code count} bytes; it may be
     * {@code in} itself when {@code offset} is 0), commands go to {@code handler}.
     *
     * @return how many data bytes were written to {@code out}
     */
    public int decode(byte[] in, int offset, int count, byte[] out, Handler handler) {
        int n = 0;
        for (int i = offset; i < offset + count; i++) {
            int b = in[i] & 0xFF;
            switch (state) {
                case DATA -> {
                    if (b == Telnet.IAC) {
                        state = State.IAC;
                    } else if (b == 0 && lastWasCr && stripNulAfterCr) {
                        lastWasCr = false;
                    } else {
                        out[n++] = (byte) b;
                        lastWasCr = b == '\r';
                    }
                }
                case IAC -> {
                    if (b == Telnet.IAC) {
                        out[n++] = (byte) b;
                        lastWasCr = false;
                        state = State.DATA;
                    } else if (b >= Telnet.WILL && b <= Telnet.DONT) {
                        negotiationCommand = b;
                        state = State.OPTION;
                    } else if (b == Telnet.SB) {
                        state = State.SB_OPTION;
                    } else {
                        handler.command(b);
                        state = State.DATA;
                    }
                }
                case OPTION -> {
                    handler.negotiation(negotiationCommand, b);
                    state = State.DATA;
                }
                case SB_OPTION -> {
                    sbOption = b;
                    sbLength = 0;
                    sbDropped = 0;
                    state = State.SB_DATA;
                }
                case SB_DATA -> {
                    if (b == Telnet.IAC) {
                        state = State.SB_IAC;
                    } else {
                        appendSb(b);
                    }
                }
                case SB_IAC -> {
                    if (b == Telnet.IAC) {
                        appendSb(b);
                        state = State.SB_DATA;
                    } else if (b == Telnet.SE) {
                        if (sbDropped > 0) {
                            discarded += 4L + sbLength + sbDropped; // IAC SB option … IAC SE, roughly
                        } else {
                            handler.subnegotiation(sbOption, sb, sbLength);
                        }
                        state = State.DATA;
                    } else {
                        // IAC then a command inside a subnegotiation: the peer broke it off; drop what we have and
                        // treat the byte as the command it is
                        discarded += 3L + sbLength + sbDropped;
                        state = State.IAC;
                        i--;
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        return n;
    }

    private void appendSb(int b) {
        if (sbLength < sb.length) {
            sb[sbLength++] = (byte) b;
        } else {
            sbDropped++;
        }
    }
}
