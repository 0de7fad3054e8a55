package io.pylon4j.rs485;

import java.util.List;
import java.util.Objects;

/**
 * The reply to 0x44 get alarm info, for one module or a whole stack ([R485-33] §3.5; docs/protocol.md §2.5.4).
 *
 * <p>INFO: INFOFLAG (1); then, for a single-module query, the command value echoed (1) and one module block; for a
 * whole-stack query (command value 0xFF), the number of modules (1) and one block each. Each block is a
 * {@link ModuleAlarm}. A US2000B-Plus sends exactly the documented 32 bytes (LENID 0x040); a US5000 sends one more
 * trailing byte (LENID 0x042), which is tolerated and not kept. The whole-stack form is built by analogy with 0x42
 * (count, then blocks, as [R232-28] describes for 0xFF queries); no public capture of it exists.
 *
 * @param address      ADR, 0 to 255
 * @param infoFlag     INFOFLAG: whether a switch value or an alarm changed since last read
 * @param commandValue the command value echoed (single module) or 0xFF (whole stack)
 * @param modules      the module blocks: exactly one for a single module, at most 255 for a stack (copied)
 */
public record AlarmInfo(int address, InfoFlag infoFlag, int commandValue, List<ModuleAlarm> modules)
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
    public AlarmInfo {
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
        return Command.ALARM_INFO;
    }

    @Override
    public byte[] encodeInfo() {
        return ModuleBlockReply.encode(infoFlag, commandValue, modules, ModuleAlarm::encodedLength,
                ModuleAlarm::write);
    }

    static AlarmInfo decode(Rs485Frame frame, boolean wholeStack) {
        return ModuleBlockReply.decode(frame, Command.ALARM_INFO, wholeStack, ModuleAlarm::read, AlarmInfo::new);
    }
}
