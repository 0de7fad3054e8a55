package io.pylon4j.rs485;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules about the codec's source that no behaviour shows, because they are about speed under {@code pylon decode}'s
 * compiler (C1 only, {@code bin/pylon}).
 */
class Rs485CodecSourceTest {

    private static final Path MAIN = Path.of("src/main/java/io/pylon4j/rs485");

    /**
     * Every record of the codec copies its arrays (a decoded frame's INFO, a module's cells) in and out. JDK 17's C1
     * has no intrinsic for an array's {@code clone()}: each one is a call into the VM ({@code JVM_Clone} with its
     * handles and barriers), which was a tenth of a decoded RS485 line's time on 2,000,000 lines
     * ({@code benchmarks/README.md}, "RS485 per line, fifth pass"). {@code Arrays.copyOf} is an inlined copy.
     */
    @Test
    void noArrayIsCopiedWithCloneBecauseC1CallsTheVmForIt() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(MAIN)) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(Rs485CodecSourceTest::cloneCalls)
                    .toList();
        }
        assertThat(offenders).as("clone() calls in %s: use Arrays.copyOf", MAIN.toAbsolutePath()).isEmpty();
    }

    private static Stream<String> cloneCalls(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return IntStream.range(0, lines.size())
                    .filter(i -> lines.get(i).contains(".clone()") && !lines.get(i).trim().startsWith("*")
                            && !lines.get(i).trim().startsWith("//"))
                    .mapToObj(i -> MAIN.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
