package io.pylon4j.samples.cli;

import java.io.PrintWriter;
import java.util.OptionalInt;
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
 *
 * <p>Every failure is one line on standard error, never a stack trace: a bad command line prints what is wrong and
 * exits with {@link ExitStatus#USAGE} (2), and anything a command did not expect prints its type and message and
 * exits with {@link #UNEXPECTED_FAILURE}. Every subcommand shares one exit-status table ({@link ExitStatus}), shows
 * it at the foot of its {@code --help}, shows its defaults there, and answers {@code --version}.
 */
@Command(name = "pylon",
        mixinStandardHelpOptions = true,
        versionProvider = PylonVersion.class,
        description = "Talk to Pylontech low-voltage battery banks over CAN and RS485.",
        subcommands = {DecodeCommand.class, DumpCommand.class, DemoCommand.class, MonitorCommand.class,
                SimulateCommand.class,
                CommissionCommand.class, MqttCommand.class,
                ScanCommand.class,
                GatewayCommand.class,
                CommandLine.HelpCommand.class})
public final class PylonCli {

    private PylonCli() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (Error e) { // out of memory, a class that fails to load: still one line, not a stack trace
            System.err.println("pylon: failed: " + e);
            status = UNEXPECTED_FAILURE;
        }
        System.exit(status);
    }

    /**
     * The exit status of a failure no command expected (a bug, or a fault no command names yet): one line on
     * standard error, never a stack trace. 70 is {@code EX_SOFTWARE} of BSD's sysexits.
     */
    public static final int UNEXPECTED_FAILURE = 70;

    /**
     * The libraries log through {@link System.Logger}, which is {@code java.util.logging} here. The commands say
     * themselves why a link is down (monitor's view and {@code --json}, dump's "# dump: link lost" notices, the one
     * failure line of decode, scan and commission), so the libraries' link warnings would say it a second time and
     * break the rule of one line per failure: a tool shows only SEVERE records, one line each, on standard error.
     * {@code PYLON_OPTS=-Djava.util.logging.config.file=FILE} (or the same system property) shows more.
     */
    static void quietLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return; // the user configured logging
        }
        System.setProperty("java.util.logging.SimpleFormatter.format", "pylon: %4$s: %5$s%6$s%n");
        SevereOnly.apply();
    }

    /**
     * The logging set-up of {@link #quietLogging}, in a class of its own: verifying {@code PylonCli} would otherwise
     * load {@code java.util.logging} classes (to check a {@code SimpleFormatter} is a {@code Formatter}) even for the
     * commands that never log ({@link FastStart}).
     */
    private static final class SevereOnly {
        static void apply() {
            Logger root = Logger.getLogger("");
            root.setLevel(Level.SEVERE);
            for (Handler h : root.getHandlers()) {
                h.setLevel(Level.SEVERE);
                h.setFormatter(new SimpleFormatter());
            }
        }
    }

    /** Runs the command line and returns its exit status (for tests and embedding). */
    public static int run(String... args) {
        OptionalInt quick = FastStart.run(args); // decode FILE and --version: no picocli model, no logging set up
        if (quick.isPresent()) {
            return quick.getAsInt();
        }
        quietLogging(); // before any transport logs: whatever stream the console handler binds to stays quiet
        return commandLine().execute(args);
    }

    /** The command line with its failure handlers (tests add a subcommand to it). */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new PylonCli())
                .setParameterExceptionHandler(PylonCli::badCommandLine)
                .setExecutionExceptionHandler(PylonCli::unexpectedFailure);
        uniform(cli);
        return cli;
    }

    /**
     * What every command shares, set here once rather than on each: the version, defaults in the help, the one
     * exit-status table and its usage and unexpected-failure statuses.
     */
    private static void uniform(CommandLine cmd) {
        CommandLine.Model.CommandSpec spec = cmd.getCommandSpec();
        // a lambda, not the PylonVersion itself: verifying this class would load picocli's interface to check the
        // assignment, and FastStart's plain decode and --version must load nothing of picocli
        spec.versionProvider(() -> new PylonVersion().getVersion());
        spec.usageMessage().showDefaultValues(true);
        spec.exitCodeOnInvalidInput(ExitStatus.USAGE);
        spec.exitCodeOnExecutionException(UNEXPECTED_FAILURE);
        ExitStatus.documentIn(spec.usageMessage());
        cmd.getSubcommands().values().forEach(PylonCli::uniform);
    }

    /**
     * A bad command line (unknown option, bad value, unknown endpoint scheme): one line naming the command and what
     * is wrong, and a pointer to its help; {@link ExitStatus#USAGE}.
     */
    private static int badCommandLine(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        PrintWriter err = cmd.getErr();
        err.println(name + ": " + oneLine(e.getMessage()) + " (see '" + name + " --help')");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * Anything a command threw: one line with the exception's type and message, and {@link #UNEXPECTED_FAILURE}.
     */
    private static int unexpectedFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        err.println(failureLine(cmd.getCommandSpec().qualifiedName(), e));
        err.flush();
        return UNEXPECTED_FAILURE;
    }

    /** The one line of a failure no command expected: {@code pylon decode: failed: Type: message}. */
    static String failureLine(String commandName, Exception e) {
        return commandName + ": failed: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()));
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
