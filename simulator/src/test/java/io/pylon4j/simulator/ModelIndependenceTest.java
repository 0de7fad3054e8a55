package io.pylon4j.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bank model must not use codec or transport types: the codecs are being rewritten, and the front ends (later)
 * are the only place that translates. Checks the compiled model classes' constant pools for those packages'
 * internal names.
 */
class ModelIndependenceTest {

    private static final List<String> FORBIDDEN = List.of("io/pylon4j/can/", "io/pylon4j/rs485/",
            "io/pylon4j/transport/");

    @Test
    void modelClassesReferNoCodecOrTransportType() throws IOException, URISyntaxException {
        Path root = Path.of(SimulatedBank.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path model = root.resolve("io/pylon4j/simulator");
        List<Path> classes;
        try (Stream<Path> files = Files.list(model)) {
            classes = files.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertThat(classes).as("compiled model classes").hasSizeGreaterThan(10);
        for (Path c : classes) {
            String text = new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1);
            for (String forbidden : FORBIDDEN) {
                assertThat(text).as("%s refers to %s", c.getFileName(), forbidden).doesNotContain(forbidden);
            }
        }
    }
}
