package io.pylon4j.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * What Maven Central requires of a published POM (https://central.sonatype.org/publish/requirements/), checked on
 * the POM a module really publishes: its {@code .flattened-pom.xml} (flatten-maven-plugin).
 */
final class PublishedPom {

    /** The file flatten-maven-plugin writes beside a module's pom.xml, and which the module then deploys. */
    static final String FILE_NAME = ".flattened-pom.xml";

    private PublishedPom() {
    }

    /**
     * The problems of one module's published POM; empty if it has everything.
     *
     * @param module the module
     * @param version the version the module was built as (the POM must name it, resolved)
     * @param repositoryUrl the project's URL, which every module's {@code <url>} must equal
     * @return one sentence per problem
     * @throws IOException if the POM exists but cannot be read
     */
    static List<String> problems(ReactorModule module, String version, String repositoryUrl) throws IOException {
        Path file = module.directory().resolve(FILE_NAME);
        String name = module.artifactId() + ": ";
        if (!Files.isRegularFile(file)) {
            return List.of(name + "no " + FILE_NAME + ": the POM it would publish is not flattened (${revision} and the"
                    + " parent would stay unresolved)");
        }
        Element pom = Xml.parse(file);
        List<String> problems = new ArrayList<>();
        for (String element : List.of("name", "description", "url")) {
            if (Xml.childText(pom, element).isEmpty()) {
                problems.add(name + "the published POM has no <" + element + ">");
            }
        }
        requireNested(pom, "licenses", "license", "name", name, problems);
        requireNested(pom, "developers", "developer", "name", name, problems);
        requireChild(pom, "scm", "url", name, problems);
        requireChild(pom, "scm", "connection", name, problems);
        requireChild(pom, "issueManagement", "url", name, problems);
        Xml.childText(pom, "url").filter(url -> !url.equals(repositoryUrl)).ifPresent(url -> problems.add(
                name + "the published POM's <url> is " + url + ", not the project's " + repositoryUrl));
        if (!Xml.children(pom, "parent").isEmpty()) {
            problems.add(name + "the published POM names a parent, which is not published");
        }
        String text = pom.getTextContent(); // element text only: comments are not part of it
        if (text.contains("${")) {
            int at = text.indexOf("${");
            problems.add(name + "the published POM still holds a property: "
                    + text.substring(at, Math.min(text.length(), text.indexOf('}', at) + 1)));
        }
        Optional<String> pomVersion = Xml.childText(pom, "version");
        if (pomVersion.isPresent() && !pomVersion.get().equals(version)) {
            problems.add(name + "the published POM's version is " + pomVersion.get() + ", the build's " + version);
        }
        return problems;
    }

    private static void requireNested(Element pom, String list, String item, String field, String name,
            List<String> problems) {
        boolean present = Xml.children(pom, list).stream()
                .flatMap(l -> Xml.children(l, item).stream())
                .anyMatch(i -> Xml.childText(i, field).isPresent());
        if (!present) {
            problems.add(name + "the published POM has no <" + list + "><" + item + "> with a <" + field + ">");
        }
    }

    private static void requireChild(Element pom, String parent, String child, String name, List<String> problems) {
        boolean present = Xml.children(pom, parent).stream().anyMatch(p -> Xml.childText(p, child).isPresent());
        if (!present) {
            problems.add(name + "the published POM has no <" + parent + "><" + child + ">");
        }
    }
}
