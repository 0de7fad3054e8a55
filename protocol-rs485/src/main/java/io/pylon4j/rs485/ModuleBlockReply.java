package io.pylon4j.rs485;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The INFO layout that 0x42 get analog values ({@link AnalogValues}) and 0x44 get alarm info ({@link AlarmInfo})
 * share: INFOFLAG (1); then either the command value echoed (1) and one module block (single-module query), or the
 * number of modules (1) and one block each (whole-stack query, command value 0xFF).
 *
 * <p>Both replies follow the same rules for that second byte and for how many blocks there may be; this is the one
 * place that holds them, so the two replies cannot drift apart. Only the block type differs, passed in as functions.
 */
final class ModuleBlockReply {

    private ModuleBlockReply() {
    }

    /** Builds a reply record from its decoded fields: address, INFOFLAG, command value, blocks. */
    @FunctionalInterface
    interface Factory<M, R> {
        R create(int address, InfoFlag infoFlag, int commandValue, List<M> modules);
    }

    /** Whether {@code commandValue} asks for (or answers) a whole stack: 0xFF. */
    static boolean isWholeStack(int commandValue) {
        return commandValue == Rs485Address.WHOLE_STACK;
    }

    /**
     * A copy of {@code modules}, checked against {@code commandValue}: a single-module reply holds exactly one block,
     * and a stack reply at most 255 (its count is one byte).
     *
     * @throws IllegalArgumentException if the number of blocks does not fit the command value
     * @throws NullPointerException     if {@code modules} or a block is null
     */
    static <M> List<M> checkModules(int commandValue, List<M> modules) {
        List<M> copy = List.copyOf(modules);
        if (!isWholeStack(commandValue) && copy.size() != 1) {
            throw new IllegalArgumentException("a single-module reply holds exactly one module block, not "
                    + copy.size());
        }
        if (copy.size() > 0xFF) {
            throw new IllegalArgumentException("a stack reply holds at most 255 modules: " + copy.size());
        }
        return copy;
    }

    /** The INFO bytes: INFOFLAG, the command value (single module) or the count (stack), then each block. */
    static <M> byte[] encode(InfoFlag infoFlag, int commandValue, List<M> modules, ToIntFunction<M> encodedLength,
            BiConsumer<M, InfoWriter> write) {
        int length = 2;
        for (M m : modules) {
            length += encodedLength.applyAsInt(m);
        }
        InfoWriter w = new InfoWriter(length).u8(infoFlag.value())
                .u8(isWholeStack(commandValue) ? modules.size() : commandValue);
        for (M m : modules) {
            write.accept(m, w);
        }
        return w.toArray();
    }

    /**
     * Decodes the INFO of {@code frame}. Whether the second byte is a command value or a count cannot be told from
     * the frame, hence {@code wholeStack}, taken from the request.
     *
     * @throws InvalidInfoException if a single-module reply echoes the whole-stack command value
     */
    static <M, R> R decode(Rs485Frame frame, Command command, boolean wholeStack, Function<InfoReader, M> read,
            Factory<M, R> factory) {
        InfoReader r = new InfoReader(frame, command);
        InfoFlag flag = InfoFlag.of(r.u8());
        int second = r.u8();
        if (!wholeStack) {
            if (isWholeStack(second)) {
                throw new InvalidInfoException(command, 1, second,
                        "a single-module reply cannot echo the whole-stack command value");
            }
            return factory.create(frame.address(), flag, second, List.of(read.apply(r)));
        }
        List<M> modules = new ArrayList<>(second);
        for (int i = 0; i < second; i++) {
            modules.add(read.apply(r));
        }
        return factory.create(frame.address(), flag, Rs485Address.WHOLE_STACK, modules);
    }
}
