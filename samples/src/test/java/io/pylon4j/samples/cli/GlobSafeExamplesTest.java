package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shell examples in README.md and docs/*.md run as written in zsh and fish too, where an unquoted {@code ?},
 * {@code *} or {@code [} in a word is a glob that fails with "no matches found" ({@code serial:/dev/ttyUSB0?baud=9600}
 * must be quoted). Checked: every line of a {@code ```sh} block, and every inline {@code `./pylon …`} example.
 */
class GlobSafeExamplesTest {

    private static final Pattern INLINE_EXAMPLE = Pattern.compile("`(\\./pylon [^`]*)`");

    @Test
    void noExampleHasAnUnquotedGlobCharacter() throws IOException {
        Path root = SharedCaptures.repositoryRoot();
        List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        List<String> hits = new ArrayList<>();
        for (Path document : documents) {
            List<String> lines = Files.readAllLines(document);
            boolean inShell = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String where = root.relativize(document) + ":" + (i + 1) + ": ";
                if (line.startsWith("```")) {
                    inShell = !inShell && line.matches("```(sh|bash|shell|zsh|console)\\s*");
                    continue;
                }
                if (inShell) {
                    unquotedGlobWords(line).forEach(w -> hits.add(where + w));
                } else {
                    Matcher m = INLINE_EXAMPLE.matcher(line);
                    while (m.find()) {
                        unquotedGlobWords(m.group(1)).forEach(w -> hits.add(where + w));
                    }
                }
            }
        }
        assertThat(hits).as("quote these words in single quotes").isEmpty();
    }

    @Test
    void theScannerFindsWhatZshWouldGlobAndNothingQuoted() {
        assertThat(unquotedGlobWords("./pylon dump --rs485 serial:/dev/ttyUSB0?baud=115200 --max-frames 100"))
                .containsExactly("serial:/dev/ttyUSB0?baud=115200");
        assertThat(unquotedGlobWords("ls *.log [ab] x")).containsExactly("*.log", "[ab]");
        assertThat(unquotedGlobWords("./pylon dump --rs485 'serial:/dev/ttyUSB0?baud=115200'")).isEmpty();
        assertThat(unquotedGlobWords("echo \"a?b\" a\\?b  # what? a comment *")).isEmpty();
    }

    /** The words of one shell line that hold a {@code ?}, {@code *} or {@code [} outside quotes and escapes. */
    static List<String> unquotedGlobWords(String line) {
        List<String> found = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean glob = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                word.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word.append(c);
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(c).append(line.charAt(++i));
            } else if (Character.isWhitespace(c)) {
                if (glob) {
                    found.add(word.toString());
                }
                word.setLength(0);
                glob = false;
            } else if (c == '#' && word.isEmpty()) {
                break; // a comment to the end of the line
            } else {
                glob |= c == '?' || c == '*' || c == '[';
                word.append(c);
            }
        }
        if (glob) {
            found.add(word.toString());
        }
        return found;
    }
}
