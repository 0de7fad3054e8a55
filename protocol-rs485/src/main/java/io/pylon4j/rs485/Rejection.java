package io.pylon4j.rs485;

import java.util.Arrays;
import java.util.Objects;

/**
 * A battery's refusal: a response whose RTN is not {@link ReturnCode#NORMAL} ([R485-33] §2.5.2; docs/protocol.md §2.4), such as
 * {@code ~200246040000FDAE} (0x04, command not supported, [ROB]). This is an answer, not a fault: the frame was well
 * formed and the battery said no. INFO is normally empty; whatever it holds is kept.
 *
 * @param address    ADR, 0 to 255
 * @param command    the command refused (from the request)
 * @param returnCode the reason, never {@link ReturnCode#NORMAL}
 * @param info       the INFO bytes of the reply (copied)
 */
public record Rejection(int address, Command command, ReturnCode returnCode, byte[] info) implements Rs485Response {

    /**
     * Checks the fields.
     *
     * @param address    ADR, 0 to 255
     * @param command    the command refused (from the request)
     * @param returnCode the reason, never {@link ReturnCode#NORMAL}
     * @param info       the INFO bytes of the reply (copied)
     *
     * @throws IllegalArgumentException if {@code address} is not a byte, {@code returnCode} is NORMAL, or INFO is too
     *                                  long for a frame
     * @throws NullPointerException     if a reference is null
     */
    public Rejection {
        Check.u8("address", address);
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(returnCode, "returnCode");
        if (returnCode == ReturnCode.NORMAL) {
            throw new IllegalArgumentException("a rejection has a return code other than NORMAL");
        }
        info = Arrays.copyOf(Objects.requireNonNull(info, "info"), info.length);
        if (info.length > Rs485Frame.MAX_INFO_BYTES) {
            throw new IllegalArgumentException("INFO has " + info.length + " bytes; a frame carries at most "
                    + Rs485Frame.MAX_INFO_BYTES);
        }
    }

    /** {@return a copy of the reply's INFO bytes} */
    @Override
    public byte[] info() {
        return Arrays.copyOf(info, info.length);
    }

    @Override
    public byte[] encodeInfo() {
        return Arrays.copyOf(info, info.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rejection r && address == r.address && command == r.command && returnCode == r.returnCode
                && Arrays.equals(info, r.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, command, returnCode) * 31 + Arrays.hashCode(info);
    }

    @Override
    public String toString() {
        return "Rejection[address=" + address + ", command=" + command + ", returnCode=" + returnCode + ", info="
                + Hex.toHex(info) + "]";
    }
}
