package io.pylon4j.samples.cli;

import java.io.Console;
import java.lang.reflect.InvocationTargetException;

/** Whether this process writes to a terminal, which decides whether the command line may send ANSI escapes. */
final class Terminal {

    private Terminal() {
    }

    /**
     * True when standard input and output are a terminal. Up to Java 21 {@link System#console()} is null otherwise;
     * from Java 22 it may return a console for a pipe too, and {@code Console.isTerminal()} (called reflectively,
     * since this builds for Java 17) says whether it is one.
     */
    static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // before Java 22: a console exists only for a terminal
        } catch (IllegalAccessException | InvocationTargetException e) {
            return false; // cannot tell: plain output is always safe
        }
    }
}
