package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/safety.md} states each guarantee next to the test that proves it: every {@code Class#method} it names
 * must be a test method that exists in the repository's test sources, so that renaming or deleting a proof cannot
 * leave a guarantee standing on nothing.
 */
class SafetyDocTest {

    /** {@code `ClassName#methodName`} as the page writes a proof. */
    private static final Pattern PROOF = Pattern.compile("`([A-Z][A-Za-z0-9]*)#([a-z][A-Za-z0-9_]*)`");

    @Test
    void everyTestTheSafetyPageNamesExists() throws IOException {
        Path root = SharedCaptures.repositoryRoot();
        String page = Files.readString(root.resolve("docs/safety.md"), StandardCharsets.UTF_8);
        Map<String, List<Path>> testSources = testSourcesByClassName(root);

        List<String> proofs = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Matcher m = PROOF.matcher(page);
        while (m.find()) {
            String className = m.group(1);
            String method = m.group(2);
            if (className.equals("Class")) {
                continue; // the page's own explanation of the notation
            }
            proofs.add(className + "#" + method);
            if (!declares(testSources.getOrDefault(className, List.of()), method)) {
                missing.add(className + "#" + method);
            }
        }
        assertThat(proofs).as("the page names its proofs").hasSizeGreaterThan(50);
        assertThat(missing).as("proofs named in docs/safety.md that no test source declares").isEmpty();
    }

    private static Map<String, List<Path>> testSourcesByClassName(Path root) throws IOException {
        Map<String, List<Path>> byName = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().contains("/src/test/java/") && f.toString().endsWith(".java"))
                    .filter(f -> !f.toString().contains("/target/"))
                    .forEach(f -> byName.computeIfAbsent(f.getFileName().toString().replace(".java", ""),
                            k -> new ArrayList<>()).add(f));
        }
        return byName;
    }

    private static boolean declares(List<Path> sources, String method) throws IOException {
        Pattern declaration = Pattern.compile("[\\w<>]+\\s+" + Pattern.quote(method) + "\\s*\\(");
        for (Path source : sources) {
            if (declaration.matcher(Files.readString(source, StandardCharsets.UTF_8)).find()) {
                return true;
            }
        }
        return false;
    }
}
