package io.pylon4j.simulator.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.rs485.Rejection;
import io.pylon4j.rs485.Rs485Codec;
import io.pylon4j.rs485.Rs485Exception;
import io.pylon4j.rs485.Rs485Frame;
import io.pylon4j.rs485.Rs485FrameCodec;
import io.pylon4j.rs485.Rs485Response;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Independent clients' requests, as the captures in {@code docs/captures/} hold them (FHEM's request tables for
 * batteries 1 to 14; Tomcat42's python low-level requests with a 2-byte INFO): every request that is a valid frame gets
 * a well-formed reply that the codec decodes as the answer to it, not a rejection.
 */
class Rs485CaptureRequestsTest {

    private static List<Rs485Frame> requests(String file, String prefix) throws IOException {
        Path path = SharedCaptures.file(file); // fails, never skips, when the capture is missing
        List<Rs485Frame> frames = new ArrayList<>();
        for (String line : Files.readAllLines(path)) {
            String t = line.strip();
            if (!t.startsWith(prefix) || !t.substring(prefix.length()).strip().startsWith("~")) {
                continue;
            }
            String text = t.substring(prefix.length()).strip().split("\\s+")[0];
            try {
                frames.add(Rs485FrameCodec.parse(text));
            } catch (Rs485Exception badChecksum) {
                // the FHEM table's three BADCHK entries: a battery ignores them too
            }
        }
        return frames;
    }

    private static void assertAnswered(List<Rs485Frame> requests, SimulatedBank bank) {
        Rs485Responder responder = new Rs485Responder();
        assertThat(requests).isNotEmpty();
        for (Rs485Frame request : requests) {
            Optional<Rs485Frame> reply = responder.respond(request, bank.snapshot());
            assertThat(reply).as("reply to %s", request).isPresent();
            Rs485Frame wire = Rs485FrameCodec.decode(reply.get().encode());
            Rs485Response response = Rs485Codec.decodeResponse(Rs485Codec.decodeRequest(request), wire);
            assertThat(response).as("reply to %s", request).isNotInstanceOf(Rejection.class);
        }
    }

    @Test
    void fhemRequestVectorsForFourteenModules() throws IOException {
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US2000B_PLUS).modulesPerGroup(14).stateOfCharge(80)
                .build();
        List<Rs485Frame> requests = requests("rs485-fhem-request-vectors.txt", "");
        assertThat(requests).hasSizeGreaterThan(100);
        assertAnswered(requests, bank);
    }

    @Test
    void tomcat42LowLevelRequestsWithTwoByteInfo() throws IOException {
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US2000B_PLUS).modulesPerGroup(2).stateOfCharge(80)
                .build();
        List<Rs485Frame> requests = requests("rs485-tomcat42-lowlevel-us2000b.txt", "->");
        assertThat(requests).hasSizeGreaterThanOrEqualTo(8);
        assertAnswered(requests, bank);
    }
}
