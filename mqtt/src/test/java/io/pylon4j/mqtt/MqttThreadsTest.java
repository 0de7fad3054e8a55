package io.pylon4j.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which threads a bridge leaves behind, in a fresh JVM (this test JVM has loaded RxJava long before): after a bridge
 * was opened, connected and closed, no thread it started may be left, but for RxJava 2's two global daemon threads,
 * which loading the HiveMQ client starts and nothing of ours can stop without global state ({@code docs/mqtt.md},
 * "Threads"). Any other thread left, whatever its name, fails the test.
 */
class MqttThreadsTest {

    /** What loading HiveMQ's client starts for good: documented, and unavoidable without global state. */
    static final Set<String> RXJAVA_GLOBAL_THREADS = Set.of("RxSchedulerPurge-1", "RxCachedWorkerPoolEvictor-1");

    @RegisterExtension
    final MosquittoExtension mosquitto = new MosquittoExtension();

    @Test
    void aClosedBridgeLeavesOnlyRxJavasTwoDocumentedGlobalThreads() throws Exception {
        assertThat(threadsLeft()).containsExactlyInAnyOrderElementsOf(RXJAVA_GLOBAL_THREADS);
    }

    @Test
    void theEmbeddersSwitchRemovesRxJavasPurgeThread() throws Exception {
        // what docs/mqtt.md tells an embedder who wants it gone to set on the command line
        assertThat(threadsLeft("-Drx2.purge-enabled=false")).containsExactly("RxCachedWorkerPoolEvictor-1");
    }

    private List<String> threadsLeft(String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1"));
        command.addAll(Arrays.asList(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BridgeThreadsMain.class.getName(),
                String.valueOf(mosquitto.port())));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        List<String> lines = out.lines().toList();
        assertThat(lines).as(out).contains("threads:");
        return lines.subList(lines.indexOf("threads:") + 1, lines.size());
    }
}
