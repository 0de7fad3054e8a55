package io.pylon4j.simulator;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadProfileTest {

    private static final List<LoadProfile.Step> HALF_HOURS =
            List.of(LoadProfile.step(ofMinutes(30), -37), LoadProfile.step(ofMinutes(30), 37));

    @Test
    void constantNeverChanges() {
        LoadProfile p = LoadProfile.constant(-12.5);
        assertThat(p.currentAt(Duration.ZERO)).isEqualTo(-12.5);
        assertThat(p.currentAt(Duration.ofDays(400))).isEqualTo(-12.5);
        assertThat(p.nextChangeAfter(ofMinutes(3))).isEmpty();
    }

    @Test
    void stepsRunOnceThenZero() {
        LoadProfile p = LoadProfile.steps(HALF_HOURS);
        assertThat(p.currentAt(Duration.ZERO)).isEqualTo(-37);
        assertThat(p.currentAt(ofMinutes(30).minusNanos(1))).isEqualTo(-37);
        assertThat(p.currentAt(ofMinutes(30))).isEqualTo(37);
        assertThat(p.currentAt(ofMinutes(60))).isZero();
        assertThat(p.nextChangeAfter(ofMinutes(10))).contains(ofMinutes(30));
        assertThat(p.nextChangeAfter(ofMinutes(30))).contains(ofMinutes(60));
        assertThat(p.nextChangeAfter(ofMinutes(60))).isEmpty();
    }

    @Test
    void repeatingStepsStartOver() {
        LoadProfile.Steps p = LoadProfile.repeating(HALF_HOURS);
        assertThat(p.totalDuration()).isEqualTo(ofMinutes(60));
        assertThat(p.currentAt(ofMinutes(60))).isEqualTo(-37);
        assertThat(p.currentAt(ofMinutes(95))).isEqualTo(37);
        assertThat(p.nextChangeAfter(ofMinutes(61))).contains(ofMinutes(90));
        assertThat(p.nextChangeAfter(ofMinutes(100))).contains(ofMinutes(120));
    }

    @Test
    void stepsAreValidated() {
        assertThatThrownBy(() -> LoadProfile.steps(List.of())).hasMessage("a steps profile needs at least one step");
        assertThatThrownBy(() -> LoadProfile.step(Duration.ZERO, 1))
                .hasMessage("a step's duration must be positive: PT0S");
        assertThatThrownBy(() -> LoadProfile.step(ofSeconds(1), Double.NaN))
                .hasMessage("current must be a finite number of amperes: NaN");
        assertThatThrownBy(() -> LoadProfile.constant(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void csvWithHeaderCommentsBlankLinesAndDecimals() throws IOException {
        String text = "\uFEFFtime_s, current_a\n# a recorded evening\n0, -10\n\n1.5,20\r\n  3600 ,0\n";
        LoadProfile.Samples p = LoadProfile.csv(new StringReader(text));
        assertThat(p.samples()).containsExactly(new LoadProfile.Sample(Duration.ZERO, -10),
                new LoadProfile.Sample(ofMillis(1500), 20), new LoadProfile.Sample(ofSeconds(3600), 0));
        assertThat(p.currentAt(ofSeconds(1))).isEqualTo(-10);
        assertThat(p.currentAt(ofMillis(1500))).isEqualTo(20);
        assertThat(p.currentAt(ofSeconds(5000))).isZero();
        assertThat(p.nextChangeAfter(ofMillis(1500))).contains(ofSeconds(3600));
        assertThat(p.nextChangeAfter(ofSeconds(3600))).isEmpty();
    }

    @Test
    void csvCurrentIsZeroBeforeTheFirstRow() throws IOException {
        LoadProfile.Samples p = LoadProfile.csv(new StringReader("60,-5\n"));
        assertThat(p.currentAt(ofSeconds(59))).isZero();
        assertThat(p.nextChangeAfter(Duration.ZERO)).contains(ofSeconds(60));
        assertThat(p.currentAt(ofSeconds(60))).isEqualTo(-5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong field count     | 0,1\\n10\\n           | 2 | line 2: expected 2 fields 'time seconds,current amps' but found 1: '10'
            three fields          | 1,2,3               | 1 | line 1: expected 2 fields 'time seconds,current amps' but found 3: '1,2,3'
            current not a number  | 0,1\\n5,x           | 2 | line 2: current 'x' is not a number of amperes
            time not a number     | 0,1\\nabc,2         | 2 | line 2: time 'abc' is not a number of seconds
            header after data     | 0,1\\ntime,current  | 2 | line 2: time 'time' is not a number of seconds
            NaN time              | NaN,1               | 1 | line 1: time 'NaN' is not a number of seconds
            negative time         | # c\\n0,1\\n-5,2    | 3 | line 3: time -5 s is negative
            time not increasing   | 0,1\\n10,2\\n\\n10,3 | 4 | line 4: time 10 s is not after the time on line 2 (10 s)
            time too large        | 1e999,2             | 1 | line 1: time 1e999 s is too large
            current too large     | 0,1e400             | 1 | line 1: current 1e400 A is too large
            empty field           | 0,                  | 1 | line 1: current '' is not a number of amperes
            """)
    void badCsvNamesTheLine(String name, String text, int line, String message) {
        String csv = text.strip().replace("\\n", "\n");
        assertThatThrownBy(() -> LoadProfile.csv(new StringReader(csv)))
                .isInstanceOfSatisfying(LoadProfileFormatException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(line);
                    assertThat(e).hasMessage(message);
                });
    }

    @Test
    void csvWithoutDataRows() {
        assertThatThrownBy(() -> LoadProfile.csv(new StringReader("time,current\n# nothing\n\n")))
                .isInstanceOfSatisfying(LoadProfileFormatException.class, e -> {
                    assertThat(e.lineNumber()).isZero();
                    assertThat(e).hasMessage("the load profile has no data rows ('time seconds,current amps')");
                });
    }
}
