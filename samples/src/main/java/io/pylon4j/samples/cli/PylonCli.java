package io.pylon4j.samples.cli;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pylon} command line: decode logs, watch a bank, simulate one, commission one.
 *
 * <p>Run it through the {@code ./pylon} script at the repository root, which builds it on first use.
 */
@Command(name = "pylon",
        mixinStandardHelpOptions = true,
        version = "pylon4j 0.1.0-SNAPSHOT",
        description = "Talk to Pylontech low-voltage battery banks over CAN and RS485.",
        subcommands = {DecodeCommand.class, DumpCommand.class, DemoCommand.class, MonitorCommand.class,
                SimulateCommand.class,
                CommissionCommand.class,
                ScanCommand.class,
                CommandLine.HelpCommand.class})
public final class PylonCli {

    private PylonCli() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        quietLogging();
        System.exit(run(args));
    }

    /**
     * The libraries log through {@link System.Logger}, which is {@code java.util.logging} here: a tool shows only
     * warnings (a link down with its cause, a failing listener), one line each, on standard error.
     */
    static void quietLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return; // the user configured logging
        }
        System.setProperty("java.util.logging.SimpleFormatter.format", "pylon: %4$s: %5$s%6$s%n");
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        for (Handler h : root.getHandlers()) {
            h.setLevel(Level.WARNING);
            h.setFormatter(new SimpleFormatter());
        }
    }

    /** Runs the command line and returns its exit status (for tests and embedding). */
    public static int run(String... args) {
        return new CommandLine(new PylonCli()).execute(args);
    }
}
