package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.samples.cli.CliFailureTest.Run;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every subcommand of {@code pylon} keeps the same contract (README, "The command line"): one exit-status table,
 * listed at the foot of its help; a bad command line exits with 2; {@code --version} prints the version; the help
 * shows every option's default.
 */
class OneCommandLineTest {

    /** Every subcommand but {@code help}, as the command line registers them (a new one is tested without a edit). */
    static Stream<String> subcommands() {
        return PylonCli.commandLine().getSubcommands().keySet().stream().filter(name -> !name.equals("help"));
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void aBadCommandLineExitsWithTheUsageStatus(String command) {
        // one line naming the command (scan first misses its ENDPOINT, the others the option): status 2 for all
        run(command, "--no-such-option").failedWithOneLine(ExitStatus.USAGE, "pylon " + command + ": ",
                "see 'pylon " + command + " --help'");
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void versionPrintsTheVersionLikeTheTopLevel(String command) {
        Run top = run("--version");
        Run sub = run(command, "--version");

        assertThat(sub.status()).isZero();
        assertThat(sub.out().strip()).matches("pylon4j \\d+\\.\\d+\\.\\d+\\S*").isEqualTo(top.out().strip());
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void helpEndsWithTheOneExitStatusTable(String command) {
        String help = run(command, "--help").out();

        assertThat(help).contains("Exit status:");
        String table = help.substring(help.indexOf("Exit status:"));
        ExitStatus.table().forEach((status, meaning) ->
                assertThat(table).containsPattern("(?m)^\\s*" + status.strip() + "\\s+" + java.util.regex.Pattern.quote(meaning.substring(0, Math.min(10, meaning.length())))));
        assertThat(help).as("no command documents statuses of its own that disagree")
                .doesNotContain("2 warnings only").doesNotContain("3 bad command line");
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void helpShowsEveryDefault(String command) {
        String help = run(command, "--help").out();
        List<OptionSpec> withDefaults = PylonCli.commandLine().getSubcommands().get(command).getCommandSpec()
                .options().stream().filter(o -> o.defaultValue() != null && !o.hidden()).toList();

        for (OptionSpec option : withDefaults) {
            assertThat(entry(help, option.longestName())).as("%s %s", command, option.longestName())
                    .contains("Default: " + option.defaultValue());
        }
    }

    /** The lines of the options list that describe {@code name}: its own line and those indented under it. */
    private static String entry(String help, String name) {
        List<String> lines = help.lines().toList();
        StringBuilder entry = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s+(-\\w, )?" + java.util.regex.Pattern.quote(name) + "[=\\s].*")) {
                entry.append(lines.get(i));
                // the wrapped description and "Default:" are indented under the description column, options are not
                for (int j = i + 1; j < lines.size() && lines.get(j).matches("\\s{10,}\\S.*"); j++) {
                    entry.append('\n').append(lines.get(j));
                }
                return entry.toString();
            }
        }
        throw new AssertionError(name + " is not in the options list of:\n" + help);
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void exitStatusOfTheUsageFooterIsTheOneTheCommandUses(String command) {
        CommandLine cmd = PylonCli.commandLine().getSubcommands().get(command);

        assertThat(cmd.getCommandSpec().exitCodeOnInvalidInput()).isEqualTo(ExitStatus.USAGE);
        assertThat(cmd.getCommandSpec().exitCodeOnExecutionException()).isEqualTo(PylonCli.UNEXPECTED_FAILURE);
    }

    private static Run run(String... args) {
        return CliFailureTest.run(args);
    }
}
