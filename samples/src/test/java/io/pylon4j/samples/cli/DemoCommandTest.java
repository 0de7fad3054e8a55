package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code pylon demo}, the README's first command, run in-process (real simulator, in-memory buses, the driver on its
 * own threads, wall-clock time) with its output captured: it must show what it says it shows.
 */
class DemoCommandTest {

    record Result(int status, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new CommandLine(new DemoCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    /** The published charge current limits of the screens in {@code text}, in order. */
    static java.util.List<Double> publishedCcls(String text) {
        Matcher m = Pattern.compile("published  CVL +[0-9.]+ V  CCL +([0-9.]+) A").matcher(text);
        java.util.List<Double> ccls = new java.util.ArrayList<>();
        while (m.find()) {
            ccls.add(Double.parseDouble(m.group(1)));
        }
        return ccls;
    }

    @Test
    void showsFourModulesAt148AThenTheDropOutAnd111A() {
        Result r = run("--seconds", "2");
        assertThat(r.status()).as(r.err()).isZero();
        String out = r.out();
        assertThat(out).startsWith("# pylon demo: a simulated 4 x US3000C bank")
                .contains("runs 2 s (--seconds), Ctrl-C stops it sooner");

        int drop = out.indexOf("module 4 drops out");
        assertThat(drop).as(out).isPositive();
        String before = out.substring(0, drop);
        String after = out.substring(drop);

        // before: 4 x 37 A, from the battery, with 4 modules counted
        assertThat(publishedCcls(before)).as(before).isNotEmpty().allSatisfy(ccl -> assertThat(ccl).isEqualTo(148.0));
        assertThat(before).contains("FRESH").contains("[BATTERY]").contains("modules 4");

        // after: the last screen shows 3 x 37 A and 3 modules; the demo waits for it rather than end before it
        java.util.List<Double> afterCcls = publishedCcls(after);
        assertThat(afterCcls).as(after).isNotEmpty();
        assertThat(afterCcls.get(afterCcls.size() - 1)).as(after).isEqualTo(111.0);
        String lastScreen = after.substring(after.lastIndexOf("bank demo-bank"));
        assertThat(lastScreen).contains("FRESH").contains("modules 3").contains("[BATTERY]");
        assertThat(out).doesNotContain("did not reach the driver");
    }

    @Test
    void tooFewSecondsIsACommandLineError() {
        Result r = run("--seconds", "1");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--seconds must be at least 2");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void theHelpSaysItEndsByItself() {
        CliFailureTest.Run r = CliFailureTest.run("demo", "--help"); // the pylon command line shows the defaults
        assertThat(r.status()).isZero();
        assertThat(r.out().replaceAll("\\s+", " ")).contains("ends by itself after --seconds").contains("Default: 6");
    }
}
