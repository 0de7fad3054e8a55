package io.pylon4j.rs485;

import java.util.Objects;

/**
 * The positive reply to a control command — 0x94 set charge/discharge management, 0x95 turn off, 0x91 set
 * communication rate: RTN 0x00 and an empty INFO (LENID 0) ([R485-33] §3.8, §3.9; [R232-28] §3.4). Any INFO a battery
 * adds is ignored.
 *
 * @param address ADR, 0 to 255
 * @param command the control command acknowledged ({@link Command#isControl()})
 */
public record Acknowledgement(int address, Command command) implements Rs485Response {

    /**
     * Checks the fields.
     *
     * @param address ADR, 0 to 255
     * @param command the control command acknowledged ({@link Command#isControl()})
     *
     * @throws IllegalArgumentException if {@code address} is not a byte or {@code command} is not a control command
     * @throws NullPointerException     if {@code command} is null
     */
    public Acknowledgement {
        Check.u8("address", address);
        Objects.requireNonNull(command, "command");
        if (!command.isControl()) {
            throw new IllegalArgumentException(command + " is a query; its reply carries data, not an acknowledgement");
        }
    }

    @Override
    public byte[] encodeInfo() {
        return new byte[0];
    }
}
