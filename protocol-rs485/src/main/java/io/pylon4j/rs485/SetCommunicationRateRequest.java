package io.pylon4j.rs485;

import java.util.Objects;

/**
 * 0x91 set communication rate, RS232 V2.8 only, a <b>control command</b> ([R232-28] §3.4; docs/protocol.md §2.5.11), answered by
 * an {@link Acknowledgement}, after which the battery talks at the new rate. This library encodes it only when a caller
 * builds one.
 *
 * <p>INFO (1 byte): the rate code, see {@link CommunicationRate}.
 *
 * @param address ADR, 0 to 255 (the RS232 console answered ADR 0x01 where 0 and 2 were rejected, docs/protocol.md §2.3)
 * @param rate    the rate to switch to
 */
public record SetCommunicationRateRequest(int address, CommunicationRate rate) implements Rs485Request {

    /**
     * Checks the fields.
     *
     * @param address ADR, 0 to 255 (the RS232 console answered ADR 0x01 where 0 and 2 were rejected, docs/protocol.md
     *                §2.3)
     * @param rate    the rate to switch to
     *
     * @throws IllegalArgumentException if {@code address} is not a byte
     * @throws NullPointerException     if {@code rate} is null
     */
    public SetCommunicationRateRequest {
        Check.u8("address", address);
        Objects.requireNonNull(rate, "rate");
    }

    @Override
    public Command command() {
        return Command.SET_COMMUNICATION_RATE;
    }

    @Override
    public byte[] encodeInfo() {
        return new byte[] {(byte) rate.code()};
    }

    static SetCommunicationRateRequest decode(Rs485Frame frame) {
        InfoReader r = new InfoReader(frame, Command.SET_COMMUNICATION_RATE);
        int code = r.u8();
        CommunicationRate rate = CommunicationRate.ofCode(code);
        if (rate == null) {
            throw new InvalidInfoException(Command.SET_COMMUNICATION_RATE, 0, code,
                    "the rate code must be 1 (1200), 2 (2400) or 3 (4800 bit/s)");
        }
        return new SetCommunicationRateRequest(frame.address(), rate);
    }
}
