package io.pylon4j.simulator.frontend;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a protocol capture in {@code docs/captures/} of this repository (each file's header names its public source;
 * {@code docs/protocol.md §3} lists them). The repository root is the nearest ancestor of the working directory that
 * holds both {@code mvnw} and {@code docs/captures}: Maven runs the tests in {@code simulator/}, and a clone needs
 * nothing beside it. The same lookup as the samples module's test helper of the same name.
 */
final class SharedCaptures {

    private SharedCaptures() {
    }

    static Path file(String name) {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path captures = dir.resolve("docs/captures");
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(captures)) {
                Path file = captures.resolve(name);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalStateException("capture " + file + " is missing");
                }
                return file;
            }
        }
        throw new IllegalStateException("no repository root (a folder with mvnw and docs/captures) above " + start);
    }
}
