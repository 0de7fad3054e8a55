package io.pylon4j.mqtt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code mosquitto_pub} and {@code mosquitto_sub} command lines of a Markdown document's code blocks, parsed as a
 * shell would split them (single and double quotes, a trailing backslash continuing the line, one {@code |} into
 * {@code python3 -m json.tool}) and checked against the options these tests know how to run. Anything else in such a
 * command line is an error naming its line, so that a doc example nobody can run fails the build instead of being
 * skipped. Each example keeps the lines that follow it in its block up to the next command or a blank line: the
 * output the doc shows for it.
 */
final class DocExamples {

    /** Options taking a value, by program. */
    private static final Map<String, Set<String>> VALUED = Map.of(
            "mosquitto_pub", Set.of("-h", "-p", "-t", "-m", "-q", "-u", "-P", "--cafile"),
            "mosquitto_sub", Set.of("-h", "-p", "-t", "-C", "-W", "-q", "-u", "-P", "--cafile"));
    /** Options without a value, by program. */
    private static final Map<String, Set<String>> FLAGS = Map.of(
            "mosquitto_pub", Set.of("-r"),
            "mosquitto_sub", Set.of("-v"));
    private static final List<String> PIPES = List.of("python3 -m json.tool");

    /**
     * One example.
     *
     * @param line    its line in the document, from 1
     * @param text    the command line as written
     * @param program {@code mosquitto_pub} or {@code mosquitto_sub}
     * @param options its options in order, a flag with an empty value
     * @param pipe    the command its output is piped into, if any
     * @param shown   the output the document shows under it (may be empty)
     */
    record Example(int line, String text, String program, Map<String, String> options, Optional<List<String>> pipe,
                   List<String> shown) {

        String option(String name) {
            return options.get(name);
        }

        boolean has(String name) {
            return options.containsKey(name);
        }

        @Override
        public String toString() {
            return "docs/mqtt.md line " + line + ": " + text;
        }
    }

    private DocExamples() {
    }

    /**
     * The examples of {@code markdown}, in document order.
     *
     * @throws IllegalArgumentException naming the line of an example that cannot be parsed
     */
    static List<Example> extract(String markdown) {
        List<String> lines = markdown.lines().toList();
        List<Example> examples = new ArrayList<>();
        boolean inBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (!inBlock || !(line.startsWith("mosquitto_pub") || line.startsWith("mosquitto_sub"))) {
                continue;
            }
            int first = i;
            StringBuilder text = new StringBuilder(line);
            while (text.toString().endsWith("\\") && i + 1 < lines.size()) {
                text.setLength(text.length() - 1);
                text.append(' ').append(lines.get(++i).strip());
            }
            List<String> shown = new ArrayList<>();
            while (i + 1 < lines.size() && !lines.get(i + 1).isBlank() && !lines.get(i + 1).startsWith("```")
                    && !lines.get(i + 1).startsWith("mosquitto_") && !lines.get(i + 1).startsWith("#")) {
                shown.add(lines.get(++i));
            }
            examples.add(parse(first + 1, text.toString(), shown));
        }
        return examples;
    }

    private static Example parse(int line, String text, List<String> shown) {
        List<List<String>> commands = split(line, text);
        List<String> words = commands.get(0);
        String program = words.get(0);
        if (!VALUED.containsKey(program)) {
            throw new IllegalArgumentException("docs/mqtt.md line " + line + ": not a mosquitto_pub or mosquitto_sub"
                    + " command: " + text);
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int w = 1; w < words.size(); w++) {
            String word = words.get(w);
            if (FLAGS.get(program).contains(word)) {
                options.put(word, "");
            } else if (VALUED.get(program).contains(word) && w + 1 < words.size()) {
                options.put(word, words.get(++w));
            } else {
                throw new IllegalArgumentException("docs/mqtt.md line " + line + ": " + program + " option '" + word
                        + "' is not one these tests can run (known: " + VALUED.get(program) + " with a value, "
                        + FLAGS.get(program) + "): " + text);
            }
        }
        if (!options.containsKey("-t")) {
            throw new IllegalArgumentException("docs/mqtt.md line " + line + ": no topic (-t): " + text);
        }
        if (program.equals("mosquitto_pub") && !options.containsKey("-m")) {
            throw new IllegalArgumentException("docs/mqtt.md line " + line + ": no message (-m): " + text);
        }
        Optional<List<String>> pipe = Optional.empty();
        if (commands.size() == 2 && PIPES.contains(String.join(" ", commands.get(1)))) {
            pipe = Optional.of(commands.get(1));
        } else if (commands.size() > 1) {
            throw new IllegalArgumentException("docs/mqtt.md line " + line + ": the only pipe these tests run is into "
                    + PIPES + ": " + text);
        }
        return new Example(line, text, program, options, pipe, List.copyOf(shown));
    }

    /** Splits a command line into words as sh does (quotes, no expansion), and at each unquoted '|'. */
    private static List<List<String>> split(int line, String text) {
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c) || c == '|') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                if (c == '|') {
                    commands.add(words);
                    words = new ArrayList<>();
                }
            } else if ("$`;&<>*?\\".indexOf(c) >= 0) {
                throw new IllegalArgumentException("docs/mqtt.md line " + line + ": '" + c + "' outside quotes needs"
                        + " a shell these tests do not run: " + text);
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("docs/mqtt.md line " + line + ": an unclosed quote: " + text);
        }
        if (word != null) {
            words.add(word.toString());
        }
        commands.add(words);
        if (commands.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("docs/mqtt.md line " + line + ": an empty command: " + text);
        }
        return commands;
    }
}
