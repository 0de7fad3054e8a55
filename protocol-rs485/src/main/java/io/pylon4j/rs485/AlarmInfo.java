package io.pylon4j.rs485;

import java.util.List;
import java.util.Objects;

/**
 * The reply to 0x44 get alarm info, for one module or a whole stack ([R485-33] §3.5; facts §2.5.4).
 *
 * <p>INFO: INFOFLAG (1); then, for a single-module query, the command value echoed (1) and one module block; for a
 * whole-stack query (command value 0xFF), the number of modules (1) and one block each. Each block is a
 * {@link ModuleAlarm}. A US2000B-Plus sends exactly the documented 32 bytes (LENID 0x040); a US5000 sends one more
 * trailing byte (LENID 0x042), which is tolerated and not kept. The whole-stack form is built by analogy with 0x42
 * (count, then blocks, as [R232-28] describes for 0xFF queries); no public capture of it exists.
 *
 * @param address      ADR, 0 to 255
 * @param infoFlag     INFOFLAG
 * @param commandValue the command value echoed (single module) or 0xFF (whole stack)
 * @param modules      the module blocks: exactly one for a single module, at most 255 for a stack (copied)
 */
public record AlarmInfo(int address, InfoFlag infoFlag, int commandValue, List<ModuleAlarm> modules)
        implements Rs485Response {

    /**
     * Checks and copies the fields.
     *
     * @throws IllegalArgumentException if a field is out of range, or a single-module reply has not exactly one block
     * @throws NullPointerException     if a reference or a block is null
     */
    public AlarmInfo {
        Check.u8("address", address);
        Objects.requireNonNull(infoFlag, "infoFlag");
        Check.u8("commandValue", commandValue);
        modules = List.copyOf(modules);
        if (commandValue != Rs485Address.WHOLE_STACK && modules.size() != 1) {
            throw new IllegalArgumentException("a single-module reply holds exactly one module block, not "
                    + modules.size());
        }
        if (modules.size() > 0xFF) {
            throw new IllegalArgumentException("a stack reply holds at most 255 modules: " + modules.size());
        }
    }

    /** Whether this answers a whole-stack query (command value 0xFF). */
    public boolean isWholeStack() {
        return commandValue == Rs485Address.WHOLE_STACK;
    }

    @Override
    public Command command() {
        return Command.ALARM_INFO;
    }

    @Override
    public byte[] encodeInfo() {
        int length = 2;
        for (ModuleAlarm m : modules) {
            length += m.encodedLength();
        }
        InfoWriter w = new InfoWriter(length).u8(infoFlag.value()).u8(isWholeStack() ? modules.size() : commandValue);
        for (ModuleAlarm m : modules) {
            m.write(w);
        }
        return w.toArray();
    }

    static AlarmInfo decode(Rs485Frame frame, boolean wholeStack) {
        InfoReader r = new InfoReader(frame, Command.ALARM_INFO);
        InfoFlag flag = InfoFlag.of(r.u8());
        int second = r.u8();
        if (!wholeStack) {
            if (second == Rs485Address.WHOLE_STACK) {
                throw new InvalidInfoException(Command.ALARM_INFO, 1, second,
                        "a single-module reply cannot echo the whole-stack command value");
            }
            return new AlarmInfo(frame.address(), flag, second, List.of(ModuleAlarm.read(r)));
        }
        ModuleAlarm[] modules = new ModuleAlarm[second];
        for (int i = 0; i < second; i++) {
            modules[i] = ModuleAlarm.read(r);
        }
        return new AlarmInfo(frame.address(), flag, Rs485Address.WHOLE_STACK, List.of(modules));
    }
}
