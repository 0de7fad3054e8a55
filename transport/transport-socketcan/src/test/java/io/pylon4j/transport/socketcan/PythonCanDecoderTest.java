package io.pylon4j.transport.socketcan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.can.CanCodecException;
import io.pylon4j.can.CanFrame;
import io.pylon4j.can.PylonCanCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The decoder of {@code scripts/pylon-can-listen.py} (the independent client of {@link GatewayVcanIT}) on the host,
 * without a bus: its {@code --decode} mode reads every V1.2 frame of the shared captures, and each reading must equal
 * pylon4j's codec's ({@link PythonCanWitness}). Needs only Debian's python3, not python-can.
 */
class PythonCanDecoderTest {

    private static final Set<Integer> V12_SET = Set.of(0x351, 0x355, 0x356, 0x359, 0x35C, 0x35E);

    @Test
    void thePythonClientDecodesEveryCapturedV12FrameAsPylon4jDoes() throws Exception {
        Path python = ExternalTools.require("python3", "python3");
        List<CanFrame> frames = Captures.allFrames().stream().filter(f -> V12_SET.contains(f.id()))
                .filter(PythonCanDecoderTest::decodable).toList();
        String input = frames.stream().map(f -> String.format("%03X#%s", f.id(), f.dataHex()))
                .collect(Collectors.joining("\n", "", "\n"));
        Path script = Path.of("").toAbsolutePath().getParent().getParent().resolve("scripts/pylon-can-listen.py");
        Process process = new ProcessBuilder(python.toString(), script.toString(), "--decode").start();
        CompletableFuture<String> out = Vcan.drain(process.getInputStream());
        CompletableFuture<String> err = Vcan.drain(process.getErrorStream());
        try (var in = process.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the client finished").isTrue();
        assertThat(process.exitValue()).as("exit status; standard error: %s", err.join()).isZero();

        List<PythonCanWitness.Line> lines = PythonCanWitness.frames(out.join());
        assertThat(lines).hasSize(frames.size());
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i).frame()).isEqualTo(frames.get(i));
            PythonCanWitness.agrees(lines.get(i));
        }
        assertThat(frames.stream().map(CanFrame::id).collect(Collectors.toSet())).as("every V1.2 id was compared")
                .isEqualTo(V12_SET);
    }

    @Test
    void aReadingThatDiffersFromTheCodecFails() {
        PythonCanWitness.Line wrongCvl = new PythonCanWitness.Line("{\"id\": \"0x351\", \"extended\": false, \"dlc\": 8, "
                + "\"data\": \"1402C012C012C201\", \"t\": 0, \"cvl_v\": 53.1, \"ccl_a\": 480.0, \"dcl_a\": 480.0, "
                + "\"dvl_v\": 45.0}");
        assertThatThrownBy(() -> PythonCanWitness.agrees(wrongCvl)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("python-can's reading");
        PythonCanWitness.Line enabled = new PythonCanWitness.Line("{\"id\": \"0x35C\", \"extended\": false, "
                + "\"dlc\": 2, \"data\": \"0000\", \"t\": 0, \"requests\": [\"discharge enable\"]}");
        assertThatThrownBy(() -> PythonCanWitness.agrees(enabled)).isInstanceOf(AssertionError.class);
    }

    private static boolean decodable(CanFrame frame) {
        try {
            PylonCanCodec.standard().decode(frame);
            return true;
        } catch (CanCodecException e) {
            return false; // shorter than its fields: pylon4j rejects it, and the client reports an error for it
        }
    }
}
