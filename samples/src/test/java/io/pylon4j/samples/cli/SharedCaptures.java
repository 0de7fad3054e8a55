package io.pylon4j.samples.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared protocol captures, {@code <checkout>/../shared/protocol/captures} both on a workstation and in CI.
 *
 * <p>Set {@code -Dpylon4j.captures=<dir>} to point elsewhere. Otherwise every ancestor of the working directory is
 * tried, so that the tests find the folder from {@code samples/} (Maven's working directory), from the checkout and
 * from a git worktree beside it.
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
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/protocol/captures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("the shared captures folder (<checkout>/../shared/protocol/captures) was not "
                + "found above " + start + "; check out the shared folder beside the repository or set "
                + "-Dpylon4j.captures=<dir>");
    }

    static Path file(String name) {
        Path file = directory().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("shared capture " + file + " is missing");
        }
        return file;
    }
}
