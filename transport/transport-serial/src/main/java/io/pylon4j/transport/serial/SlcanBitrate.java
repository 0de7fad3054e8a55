package io.pylon4j.transport.serial;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The CAN bit rates an SLCAN adapter can be set to, with the {@code S0}–{@code S8} command of each.
 *
 * <p>The table is the Lawicel CANUSB one, which the Linux kernel repeats ({@code slcan_bitrate_const} in
 * {@code drivers/net/can/slcan/slcan-core.c}; {@code slcand -s0}…{@code -s8}). Pylontech LV CAN runs at 500 kbit/s
 * ({@link #S6}). One known disagreement: CANable's slcan firmware and python-can map {@code S7} to 750 kbit/s, not
 * 800 kbit/s, so neither 750000 nor 800000 is portable between adapters.
 */
public enum SlcanBitrate {
    /** 10 kbit/s. */
    S0(10_000),
    /** 20 kbit/s. */
    S1(20_000),
    /** 50 kbit/s. */
    S2(50_000),
    /** 100 kbit/s. */
    S3(100_000),
    /** 125 kbit/s. */
    S4(125_000),
    /** 250 kbit/s. */
    S5(250_000),
    /** 500 kbit/s: Pylontech LV CAN. */
    S6(500_000),
    /** 800 kbit/s by the Lawicel table (750 kbit/s on CANable firmware). */
    S7(800_000),
    /** 1 Mbit/s. */
    S8(1_000_000);

    private final int bitsPerSecond;

    SlcanBitrate(int bitsPerSecond) {
        this.bitsPerSecond = bitsPerSecond;
    }

    /**
     * The bit rate in bit/s.
     *
     * @return the CAN bit rate this command selects, in bit/s (500000 for {@link #S6})
     */
    public int bitsPerSecond() {
        return bitsPerSecond;
    }

    /**
     * The command that selects this rate, without its CR: {@code "S6"}.
     *
     * @return the command's ASCII text, {@code S0} to {@code S8}
     */
    public String command() {
        return name();
    }

    /**
     * The setting for a bit rate.
     *
     * @param bitsPerSecond the CAN bit rate in bit/s, as in the endpoint's {@code bitrate} parameter
     * @return the setting whose {@code S} command selects exactly that rate
     * @throws IllegalArgumentException if no {@code S} command selects that rate; the message lists the ones that do
     */
    public static SlcanBitrate forBitsPerSecond(int bitsPerSecond) {
        for (SlcanBitrate rate : values()) {
            if (rate.bitsPerSecond == bitsPerSecond) {
                return rate;
            }
        }
        String hint = bitsPerSecond == 750_000 ? " (CANable firmware runs S7 at 750 kbit/s; ask for 800000 to send S7)"
                : "";
        throw new IllegalArgumentException("SLCAN adapters cannot be set to " + bitsPerSecond + " bit/s" + hint
                + "; the S commands select " + Arrays.stream(values()).map(r -> String.valueOf(r.bitsPerSecond))
                .collect(Collectors.joining(", ")) + " (Pylontech: 500000)");
    }
}
