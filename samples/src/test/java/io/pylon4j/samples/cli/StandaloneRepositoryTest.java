package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository stands alone: every capture, vector and protocol reference that the tests and docs use lives in it.
 * A user's clone has nothing beside it, so no source, build, script or doc file may point outside (the shared folder
 * beside the team's checkout, the old facts file and its citations), and every capture in {@code docs/captures/} names its public
 * source in its header ({@code docs/protocol.md §3}). {@code .ci/run} proves the rest by running the README's test
 * command in a fresh clone with nothing beside it.
 */
class StandaloneRepositoryTest {

    /** Where a file points outside the repository, or cites the facts file that used to live there. */
    private static final List<String> OUTSIDE = List.of("../" + "shared", "shared/" + "protocol", "/work/" + "shared",
            "pylontech-lv-" + "protocols.md", "facts " + "§", "facts file " + "§");

    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git", ".cifuzz-corpus", ".mvn", ".idea");

    private static boolean scanned(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") || name.endsWith(".md") || name.endsWith(".xml") || name.endsWith(".properties")
                || name.endsWith(".py") || name.endsWith(".sh") || name.endsWith(".vectors") || name.endsWith(".dbc")
                || name.endsWith(".log") || name.endsWith(".jsonl");
    }

    @Test
    void noFilePointsOutsideTheRepository() throws IOException {
        Path root = SharedCaptures.repositoryRoot();
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> sources = files.filter(f -> !containsSkipped(root.relativize(f))).filter(Files::isRegularFile)
                    .filter(StandaloneRepositoryTest::scanned)
                    .filter(f -> !f.getFileName().toString().equals("StandaloneRepositoryTest.java")).toList();
            for (Path file : sources) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    for (String outside : OUTSIDE) {
                        if (lines.get(i).contains(outside)) {
                            hits.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertThat(hits).as("cite docs/protocol.md §N and docs/captures/ instead").isEmpty();
    }

    private static boolean containsSkipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyCaptureNamesItsPublicSource() throws IOException {
        Path captures = SharedCaptures.repositoryRoot().resolve("docs/captures");
        List<Path> files;
        try (Stream<Path> list = Files.list(captures)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(7);
        String reference = Files.readString(SharedCaptures.repositoryRoot().resolve("docs/protocol.md"));
        for (Path file : files) {
            List<String> header = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .takeWhile(l -> l.startsWith("#")).toList();
            assertThat(header).as("%s starts with a header naming its public source", file.getFileName())
                    .anyMatch(l -> l.contains("Source"))
                    .anyMatch(l -> l.contains("https://") || l.contains("GitHub"));
            assertThat(reference).as("docs/protocol.md §3 lists %s", file.getFileName())
                    .contains("`" + file.getFileName() + "`");
        }
    }
}
