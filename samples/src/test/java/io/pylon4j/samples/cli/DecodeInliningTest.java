package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What C1, {@code pylon decode}'s only compiler ({@code bin/pylon}), inlines on the decode path, from the JVM's own
 * inlining log of a fresh {@code pylon decode} of 8,000 RS485 lines ({@code -XX:+PrintInlining}, with {@code -Xbatch}
 * so that the log does not depend on the machine's load). C1 inlines a method of at most 35 bytes of bytecode
 * ({@code C1MaxInlineSize}); a method a line calls dozens of times must stay under it, or each use is a call
 * (benchmarks/README.md, "RS485 per line, fifth pass").
 */
class DecodeInliningTest {

    @TempDir
    Path dir;

    /** {@code JsonBuffer.ensure} runs several times a JSON member; its growth is apart so that the check is inlined. */
    @Test
    void theJsonBuffersRoomCheckIsInlinedByC1() throws Exception {
        Path file = C1DecodeLog.rs485Log(dir, 8000);
        List<String> ensure = C1DecodeLog.jitLog(dir, file, "-XX:+UnlockDiagnosticVMOptions", "-XX:+PrintInlining")
                .stream().filter(l -> l.contains("io.pylon4j.driver.json.JsonBuffer::ensure ")).toList();

        assertThat(ensure).as("JsonBuffer::ensure call sites compiled within 8,000 lines").isNotEmpty();
        assertThat(ensure).as("JsonBuffer::ensure inlined at every call site")
                .allMatch(l -> l.strip().endsWith("inline"));
    }

    /**
     * A scaled member (a voltage, a current, a temperature: about half the members of an RS485 reply) is a call for
     * its name's copy only: the member method and its decimals check are inlined where {@code Rs485Json} calls them
     * (they were 36 and 25 bytes, "callee is too large"; benchmarks/README.md, "RS485 per line, sixth pass").
     */
    @Test
    void aScaledMemberAndItsDecimalsCheckAreInlinedByC1() throws Exception {
        Path file = C1DecodeLog.rs485Log(dir, 8000);
        List<String> log = C1DecodeLog.jitLog(dir, file, "-XX:+UnlockDiagnosticVMOptions", "-XX:+PrintInlining");

        for (String method : List.of("io.pylon4j.driver.json.JsonNamedMembers::fieldScaled ",
                "io.pylon4j.driver.json.JsonBuffer::checkDecimals ")) {
            List<String> sites = log.stream().filter(l -> l.contains(method)).toList();
            assertThat(sites).as("%s call sites compiled within 8,000 lines", method).isNotEmpty();
            assertThat(sites).as("%s inlined at every call site", method).allMatch(l -> l.strip().endsWith("inline"));
        }
    }
}
