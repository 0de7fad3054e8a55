package io.pylon4j.driver;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of each class of one source file, for {@link FacadeBoundaryTest}'s line budget. A nested type that code
 * outside the module can name ({@code BankEvent.LimitsChanged}, {@code DriverOptions.Builder}) counts on its own, its
 * Javadoc and annotations included, because it is a class of the API that must stay where users find it; every
 * other nested type (private, package-private, local) counts for the class that holds it, so that nesting a helper
 * never hides its lines. Relies on the house format: a nested type's body ends with a line holding only its closing
 * brace at the indentation of its declaration.
 */
final class ClassLines {

    private static final Pattern TYPE = Pattern.compile("^(\\s*)(?:(?:public|protected|private|static|final|sealed"
            + "|non-sealed|abstract|strictfp)\\s+)*(?:class|interface|enum|record|@interface)\\s+(\\w+)");

    private ClassLines() {
    }

    /**
     * Counts the lines of each measured class of one file; every line is counted once.
     *
     * @param packageName the file's package
     * @param lines       the file's lines
     * @param ownCount    whether the nested type of this binary name counts on its own (the top-level one always does)
     * @return each measured class's binary name and its lines, top-level class first
     */
    static Map<String, Integer> of(String packageName, List<String> lines, Predicate<String> ownCount) {
        String[] owner = new String[lines.size()];
        Deque<String[]> enclosing = new ArrayDeque<>(); // {indent, binary name} of every type declared so far, open
        String top = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = TYPE.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            String indent = m.group(1);
            while (!enclosing.isEmpty() && enclosing.peek()[0].length() >= indent.length()) {
                enclosing.pop();
            }
            if (indent.isEmpty()) {
                if (top == null) {
                    top = packageName + "." + m.group(2);
                    enclosing.push(new String[] {indent, top});
                }
                continue;
            }
            if (enclosing.isEmpty()) {
                continue; // not inside a type: text that only looks like a declaration
            }
            String name = enclosing.peek()[1] + "$" + m.group(2);
            enclosing.push(new String[] {indent, name});
            if (ownCount.test(name)) {
                int end = end(lines, i, indent, name);
                for (int l = start(lines, i); l <= end; l++) {
                    owner[l] = name; // a later, deeper measured type takes its own lines back
                }
            }
        }
        if (top == null) {
            throw new IllegalStateException("no top-level type in package " + packageName);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(top, 0);
        for (String o : owner) {
            counts.merge(o == null ? top : o, 1, Integer::sum);
        }
        return counts;
    }

    /** The first line of the declaration at {@code at}: its Javadoc, or its first annotation. */
    private static int start(List<String> lines, int at) {
        int k = at;
        while (k > 0 && lines.get(k - 1).trim().startsWith("@")) {
            k--;
        }
        if (k > 0 && lines.get(k - 1).trim().endsWith("*/")) {
            while (k > 0 && !lines.get(k - 1).trim().startsWith("/**")) {
                k--;
            }
            k--;
        }
        return k;
    }

    /** The line of the closing brace of the type declared at {@code at}. */
    private static int end(List<String> lines, int at, String indent, String name) {
        if (lines.get(at).contains("{") && lines.get(at).trim().endsWith("}")) {
            return at; // a body on one line
        }
        for (int j = at + 1; j < lines.size(); j++) {
            if (lines.get(j).equals(indent + "}")) {
                return j;
            }
        }
        throw new IllegalStateException("no closing brace at the indentation of " + name + " (line " + (at + 1) + ")");
    }
}
