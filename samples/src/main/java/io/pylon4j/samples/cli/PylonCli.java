package io.pylon4j.samples.cli;

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
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (for tests and embedding). */
    public static int run(String... args) {
        return new CommandLine(new PylonCli()).execute(args);
    }
}
