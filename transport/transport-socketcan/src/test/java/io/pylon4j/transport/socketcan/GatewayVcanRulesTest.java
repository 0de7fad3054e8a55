package io.pylon4j.transport.socketcan;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks {@link GatewayVcanIT} makes on {@code candump -L}'s record, run on the host against made-up records: a
 * gateway that keeps the rules passes, and each broken rule fails. So the VM test can fail, and fails for the right
 * reason, without a VM or a broken gateway.
 */
class GatewayVcanRulesTest {

    private static final long T0 = 1_700_000_000_000_000L;
    private static final long S = 1_000_000;
    private static final long KILL = T0 + 10 * S;

    @TempDir
    Path dir;

    /** How the made-up gateway behaves. */
    record Gateway(long periodMicros, long zerosAfterKillMicros, int failSafeSets, boolean clearsEnables,
                   String extraId, String firstCvlHex) {

        static Gateway keepingTheRules() {
            return new Gateway(S, 4 * S, 4, true, null, "1402");
        }

        /**
         * The candump -L record: forwarded sets until the zeros (the source's last values stay fresh for the stale
         * time after the kill), then the fail-safe sets, then nothing.
         */
        List<String> record() {
            List<String> lines = new ArrayList<>();
            long zeros = KILL + zerosAfterKillMicros;
            long t = T0;
            for (; t < zeros; t += periodMicros) {
                lines.addAll(set(t, false, t == T0 ? firstCvlHex : "1402"));
            }
            lines.add(line(T0 + 500_000, "305", "0000000000000000")); // a keep-alive from cansend
            zeros = t;
            for (int i = 0; i < failSafeSets; i++) {
                lines.addAll(set(zeros + i * periodMicros, true, "1402"));
            }
            return lines;
        }

        long lastFrameMicros() {
            long zeros = T0;
            while (zeros < KILL + zerosAfterKillMicros) {
                zeros += periodMicros;
            }
            return zeros + (failSafeSets - 1) * periodMicros;
        }

        private List<String> set(long t, boolean failSafe, String cvlHex) {
            List<String> set = new ArrayList<>(List.of(
                    line(t, "351", cvlHex + (failSafe ? "00000000" : "C012C012") + "C201"),
                    line(t + 1000, "355", "58005E00"),
                    line(t + 2000, "356", "7A13F2FE6B01"),
                    line(t + 3000, "359", (failSafe ? "00080000" : "00000000") + "06504E"),
                    line(t + 4000, "35C", failSafe && clearsEnables ? "0000" : "C000"),
                    line(t + 5000, "35E", "50594C4F4E202020")));
            if (extraId != null) {
                set.add(line(t + 6000, extraId, "00"));
            }
            return set;
        }

        private static String line(long micros, String id, String hex) {
            return String.format("(%d.%06d) vcan0 %s#%s", micros / S, micros % S, id, hex);
        }
    }

    private CandumpLog log(Gateway gateway) throws IOException {
        Path file = dir.resolve("candump.log");
        Files.write(file, gateway.record());
        return CandumpLog.read(file);
    }

    private void check(Gateway gateway) throws IOException {
        CandumpLog log = log(gateway);
        GatewayVcanIT.assertTheSetEverySecond(log, KILL);
        long zeros = GatewayVcanIT.assertZeroLimitsWithinTheStaleTime(log, KILL);
        GatewayVcanIT.assertSilenceAfterTheFailSafeTime(log, zeros, gateway.lastFrameMicros() + 3 * S);
    }

    @Test
    void aGatewayThatKeepsTheRulesPasses() {
        assertThatCode(() -> check(Gateway.keepingTheRules())).doesNotThrowAnyException();
    }

    @Test
    void aSetEveryTwoSecondsFails() {
        Gateway slow = new Gateway(2 * S, 4 * S, 3, true, null, "1402");
        assertThatThrownBy(() -> check(slow)).isInstanceOf(AssertionError.class).hasMessageContaining("period");
    }

    @Test
    void anIdOutsideTheProfilesSetFails() {
        Gateway extra = new Gateway(S, 4 * S, 4, true, "35A", "1402");
        assertThatThrownBy(() -> check(extra)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the ids on the inverter's bus");
    }

    @Test
    void anImplausibleFirstSetFails() {
        Gateway zeroFirst = new Gateway(S, 4 * S, 4, true, null, "0000");
        assertThatThrownBy(() -> check(zeroFirst)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("nothing before plausible data");
    }

    @Test
    void zeroLimitsLaterThanTheStaleTimeAndSlackFail() {
        Gateway late = new Gateway(S, 7 * S, 4, true, null, "1402");
        assertThatThrownBy(() -> check(late)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("from the kill to zero limits");
    }

    @Test
    void zeroLimitsWithTheEnablesStillSetFail() {
        Gateway enabling = new Gateway(S, 4 * S, 4, false, null, "1402");
        assertThatThrownBy(() -> check(enabling)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("enables cleared");
    }

    @Test
    void fallingSilentTooLateFails() {
        Gateway neverSilent = new Gateway(S, 4 * S, 12, true, null, "1402");
        assertThatThrownBy(() -> check(neverSilent)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("from the first fail-safe set to the last");
    }

    @Test
    void zerosThatNeverComeFail() {
        Gateway noZeros = new Gateway(S, 4 * S, 0, true, null, "1402");
        assertThatThrownBy(() -> check(noZeros)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("CCL = DCL = 0 after the source was killed");
    }

    @Test
    void aKeepAliveLostBeforeItsTimeoutFails() throws IOException {
        CandumpLog log = log(Gateway.keepingTheRules()); // its one 0x305 is at T0 + 0.5 s
        String onTime = java.time.Instant.ofEpochSecond(0, (T0 + 500_000 + 10_200_000) * 1000) + " inverter keep-alive "
                + "ALIVE → LOST: no keep-alive (0x305, 0x306, 0x307) for 10000 ms\n";
        String early = java.time.Instant.ofEpochSecond(0, (T0 + 500_000 + 5 * S) * 1000) + " inverter keep-alive "
                + "ALIVE → LOST: no keep-alive (0x305, 0x306, 0x307) for 10000 ms\n";
        assertThatCode(() -> GatewayVcanIT.assertKeepAliveLostAfterItsTimeout(log, onTime)).doesNotThrowAnyException();
        assertThatThrownBy(() -> GatewayVcanIT.assertKeepAliveLostAfterItsTimeout(log, early))
                .isInstanceOf(AssertionError.class).hasMessageContaining("from the last keep-alive to LOST");
    }
}
