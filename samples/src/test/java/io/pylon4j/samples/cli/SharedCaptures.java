package io.pylon4j.samples.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the protocol captures that the docs and the tests share, {@code docs/captures/} of this repository (each file's
 * header names its public source; {@code docs/protocol.md §3} lists them).
 *
 * <p>The repository root is the nearest ancestor of the working directory that holds both {@code mvnw} and
 * {@code docs/captures}, so the tests find it from {@code samples/} (Maven's working directory) and from the root, in
 * any clone or worktree, with nothing beside the checkout. Set {@code -Dpylon4j.captures=<dir>} to point elsewhere.
 */
final class SharedCaptures {

    private SharedCaptures() {
    }

    static Path directory() {
        String configured = System.getProperty("pylon4j.captures");
        if (configured != null) {
            Path dir = Path.of(configured);
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("-Dpylon4j.captures=" + configured + " is not a directory");
            }
            return dir;
        }
        return repositoryRoot().resolve("docs/captures");
    }

    /** The root of this repository: the nearest ancestor of the working directory with mvnw and docs/captures. */
    static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs/captures"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a folder with mvnw and docs/captures) above " + start
                + "; run the tests inside the checkout or set -Dpylon4j.captures=<dir>");
    }

    static Path file(String name) {
        Path file = directory().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("capture " + file + " is missing");
        }
        return file;
    }
}
