package io.pylon4j.rs485;

import java.util.List;
import java.util.Objects;

/**
 * The reply to 0x42 get analog values, for one module or a whole stack ([R485-33] §3.3 and chapter 4; docs/protocol.md
 * §2.5.3).
 *
 * <p>INFO: INFOFLAG (1); then, for a single-module query, the command value echoed (1) and one module block, or for a
 * whole-stack query (command value 0xFF), the number of modules (1) and one block each, in address order (observed
 * for 2, 3, 4 modules). Each block is a {@link ModuleAnalog}, with its own user-defined count. The two forms cannot be
 * told apart from the frame alone (one byte is a command value or a count), which is why
 * {@link Rs485Codec#decodeResponse(Rs485Request, Rs485Frame)} decodes against the request.
 *
 * <p>The record keeps the request's view: {@link #commandValue()} is the value echoed for a single module and 0xFF
 * for a whole stack, whose count byte is {@code modules().size()}.
 *
 * @param address      ADR, 0 to 255
 * @param infoFlag     INFOFLAG: whether a switch value or an alarm changed since last read
 * @param commandValue the command value echoed (single module) or 0xFF (whole stack)
 * @param modules      the module blocks: exactly one for a single module, at most 255 for a stack (copied)
 */
public record AnalogValues(int address, InfoFlag infoFlag, int commandValue, List<ModuleAnalog> modules)
        implements Rs485Response {

    /**
     * Checks and copies the fields.
     *
     * @param address      ADR, 0 to 255
     * @param infoFlag     INFOFLAG: whether a switch value or an alarm changed since last read
     * @param commandValue the command value echoed (single module) or 0xFF (whole stack)
     * @param modules      the module blocks: exactly one for a single module, at most 255 for a stack (copied)
     *
     * @throws IllegalArgumentException if a field is out of range, or a single-module reply has not exactly one block
     * @throws NullPointerException     if a reference or a block is null
     */
    public AnalogValues {
        Check.u8("address", address);
        Objects.requireNonNull(infoFlag, "infoFlag");
        Check.u8("commandValue", commandValue);
        modules = ModuleBlockReply.checkModules(commandValue, modules);
    }

    /** {@return whether this answers a whole-stack query (command value 0xFF)} */
    public boolean isWholeStack() {
        return ModuleBlockReply.isWholeStack(commandValue);
    }

    @Override
    public Command command() {
        return Command.ANALOG_VALUES;
    }

    @Override
    public byte[] encodeInfo() {
        return ModuleBlockReply.encode(infoFlag, commandValue, modules, ModuleAnalog::encodedLength,
                ModuleAnalog::write);
    }

    static AnalogValues decode(Rs485Frame frame, boolean wholeStack) {
        return ModuleBlockReply.decode(frame, Command.ANALOG_VALUES, wholeStack, ModuleAnalog::read, AnalogValues::new);
    }
}
