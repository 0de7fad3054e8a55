package io.pylon4j.transport.socketcan;

import java.util.EnumSet;
import java.util.Set;

/**
 * One SocketCAN error frame: a frame the kernel's CAN driver synthesises to report a bus or controller problem,
 * as laid out in {@code linux/can/error.h}. It is not a frame on the bus and has no 11-bit id, so it is not a
 * {@link io.pylon4j.can.CanFrame}.
 *
 * <p>Layout: the error classes are bits of the {@code can_id} (below {@code CAN_ERR_FLAG}); the eight data bytes
 * refine them. Byte 0: arbitration lost at bit; byte 1: controller status ({@code CAN_ERR_CRTL_*}); byte 2 and 3:
 * protocol violation type and location ({@code CAN_ERR_PROT_*}); byte 4: transceiver status; byte 5: controller
 * specific; bytes 6 and 7: TX and RX error counters (valid with {@link Kind#COUNTERS}).
 *
 * @param errorClass the error class bits of the {@code can_id} ({@code CAN_ERR_TX_TIMEOUT} … {@code CAN_ERR_CNT})
 * @param data       the eight data bytes, byte 0 in the least significant eight bits (as in
 *                   {@link io.pylon4j.can.CanFrame#payload()})
 */
public record CanErrorFrame(int errorClass, long data) {

    /** The error classes of {@code linux/can/error.h}, one per bit of {@link #errorClass()}. */
    public enum Kind {
        /** {@code CAN_ERR_TX_TIMEOUT}: a transmission timed out (driver-dependent). */
        TX_TIMEOUT(0x001),
        /** {@code CAN_ERR_LOSTARB}: arbitration lost; byte 0 says at which bit. */
        LOST_ARBITRATION(0x002),
        /** {@code CAN_ERR_CRTL}: controller problems; byte 1 says which (warning, passive, overflow). */
        CONTROLLER(0x004),
        /** {@code CAN_ERR_PROT}: protocol violations; bytes 2 and 3 say which and where. */
        PROTOCOL(0x008),
        /** {@code CAN_ERR_TRX}: transceiver status; byte 4. */
        TRANSCEIVER(0x010),
        /** {@code CAN_ERR_ACK}: nobody acknowledged a transmitted frame (often: nothing else on the bus). */
        NO_ACK(0x020),
        /** {@code CAN_ERR_BUSOFF}: the controller went bus-off. */
        BUS_OFF(0x040),
        /** {@code CAN_ERR_BUSERROR}: a bus error (may flood the bus). */
        BUS_ERROR(0x080),
        /** {@code CAN_ERR_RESTARTED}: the controller restarted after bus-off. */
        RESTARTED(0x100),
        /** {@code CAN_ERR_CNT}: bytes 6 and 7 carry the TX and RX error counters. */
        COUNTERS(0x200);

        private final int bit;

        Kind(int bit) {
            this.bit = bit;
        }

        /**
         * The bit of this class in the {@code can_id}.
         *
         * @return the {@code CAN_ERR_*} mask, a single bit from {@code 0x001} to {@code 0x200}
         */
        public int bit() {
            return bit;
        }
    }

    /** Controller status bit (byte 1) {@code CAN_ERR_CRTL_RX_OVERFLOW}: the controller's RX buffer overflowed. */
    public static final int CONTROLLER_RX_OVERFLOW = 0x01;
    /** Controller status bit {@code CAN_ERR_CRTL_TX_OVERFLOW}. */
    public static final int CONTROLLER_TX_OVERFLOW = 0x02;
    /** Controller status bit {@code CAN_ERR_CRTL_RX_WARNING}: RX error counter reached the warning level. */
    public static final int CONTROLLER_RX_WARNING = 0x04;
    /** Controller status bit {@code CAN_ERR_CRTL_TX_WARNING}. */
    public static final int CONTROLLER_TX_WARNING = 0x08;
    /** Controller status bit {@code CAN_ERR_CRTL_RX_PASSIVE}: the controller is error-passive for reception. */
    public static final int CONTROLLER_RX_PASSIVE = 0x10;
    /** Controller status bit {@code CAN_ERR_CRTL_TX_PASSIVE}. */
    public static final int CONTROLLER_TX_PASSIVE = 0x20;
    /** Controller status bit {@code CAN_ERR_CRTL_ACTIVE}: back to error-active. */
    public static final int CONTROLLER_ACTIVE = 0x40;

    /**
     * The error classes set in {@link #errorClass()}; bits this version does not know are left out.
     *
     * @return a new mutable set, empty when no known class bit is set
     */
    public Set<Kind> kinds() {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (Kind kind : Kind.values()) {
            if ((errorClass & kind.bit) != 0) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /**
     * Whether the error class {@code kind} is set.
     *
     * @param kind the error class to test
     * @return true if its bit is set in {@link #errorClass()}
     */
    public boolean has(Kind kind) {
        return (errorClass & kind.bit) != 0;
    }

    /**
     * Data byte {@code index} (0 to 7), unsigned.
     *
     * @param index the byte's position in the data field, 0 to 7
     * @return the byte, 0 to 255
     * @throws IndexOutOfBoundsException if {@code index} is outside 0 to 7
     */
    public int u8(int index) {
        if (index < 0 || index > 7) {
            throw new IndexOutOfBoundsException("error frame data byte " + index + " (0 to 7)");
        }
        return (int) (data >>> (8 * index)) & 0xFF;
    }

    /**
     * Byte 1, the controller status bits ({@code CONTROLLER_*}); meaningful with {@link Kind#CONTROLLER}.
     *
     * @return the status bits, 0 to 255
     */
    public int controllerStatus() {
        return u8(1);
    }

    /**
     * Byte 6, the transmit error counter; meaningful with {@link Kind#COUNTERS}.
     *
     * @return the controller's TX error count, 0 to 255 (error-passive from 128)
     */
    public int txErrorCount() {
        return u8(6);
    }

    /**
     * Byte 7, the receive error counter; meaningful with {@link Kind#COUNTERS}.
     *
     * @return the controller's RX error count, 0 to 255 (error-passive from 128)
     */
    public int rxErrorCount() {
        return u8(7);
    }

    /**
     * The classes and the data bytes in hex, {@code CanErrorFrame[CONTROLLER] 0004000000000000}.
     *
     * @return the known classes, then the eight data bytes from byte 0, for logs
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("CanErrorFrame").append(kinds()).append(' ');
        for (int i = 0; i < 8; i++) {
            s.append(String.format("%02X", u8(i)));
        }
        return s.toString();
    }
}
