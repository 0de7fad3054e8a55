package io.pylon4j.samples.cli;

import io.pylon4j.can.CanProfile;
import io.pylon4j.can.PylonCanCodec;
import java.io.PrintWriter;
import java.util.OptionalInt;

/**
 * The command lines a user runs most and wants answered at once, {@code pylon decode [FILE]} and
 * {@code pylon --version}, run without building the picocli model of every command and without configuring
 * {@code java.util.logging}: together they were two thirds of the start-up of {@code pylon decode} (about 0.25 s of
 * CPU, picocli's Java 5 class files cannot go into a class-data archive), and {@code decode} logs nothing.
 *
 * <p>Only the plainest forms take this path: {@code decode}, {@code decode FILE} and {@code decode -} (a FILE that
 * starts with neither {@code -} nor picocli's {@code @} of an argument file), and {@code --version} or {@code -V}
 * alone. They do exactly what the full command line does with the same arguments (same output, standard error and
 * exit status; {@code FastStartTest} holds the two to each other). Any other command line, including every option
 * of {@code decode}, goes through picocli as before.
 */
final class FastStart {

    private FastStart() {
    }

    /**
     * Runs {@code args} when it is one of the plain forms above.
     *
     * @param args the command line's arguments
     * @return the exit status, or empty when the full command line must run {@code args}
     */
    static OptionalInt run(String[] args) {
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            System.out.println("pylon4j " + ProjectVersion.version());
            System.out.flush();
            return OptionalInt.of(0);
        }
        if (args.length >= 1 && args.length <= 2 && "decode".equals(args[0])
                && (args.length == 1 || isPlainFile(args[1]))) {
            return OptionalInt.of(decode(args.length == 1 ? "-" : args[1]));
        }
        return OptionalInt.empty();
    }

    /** A FILE argument picocli reads as just that: standard input's {@code -}, or no option and no {@code @file}. */
    private static boolean isPlainFile(String arg) {
        return "-".equals(arg) || !arg.isEmpty() && arg.charAt(0) != '-' && arg.charAt(0) != '@';
    }

    /** {@code pylon decode FILE} with the default {@code --inverter generic-pylon} (Pylontech's own CAN frames). */
    private static int decode(String file) {
        PrintWriter err = new PrintWriter(System.err, true); // what picocli's getErr() is when no encoding is set
        try {
            return DecodeRun.decodeFile(file, () -> new PylonCanCodec(CanProfile.PYLONTECH), err);
        } catch (RuntimeException e) { // as picocli's execution exception handler, PylonCli.unexpectedFailure
            err.println(PylonCli.failureLine("pylon decode", e));
            err.flush();
            return PylonCli.UNEXPECTED_FAILURE;
        }
    }
}
