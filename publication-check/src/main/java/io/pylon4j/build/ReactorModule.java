package io.pylon4j.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * One module of the Maven reactor, read from the POMs on disk (no Maven API): where it is, what it is called and
 * whether it is a library.
 *
 * @param directory the module's folder (holding its pom.xml)
 * @param artifactId the module's artifactId
 * @param packaging the module's packaging ({@code jar} unless the POM says otherwise)
 * @param library whether the module is a library, that is, has {@code src/main/java/module-info.java}: the rule the
 *     root pom's {@code library} profile applies, and the modules that must be published complete
 */
public record ReactorModule(Path directory, String artifactId, String packaging, boolean library) {

    /**
     * Reads the reactor rooted at a folder: that folder's module and, recursively, every {@code <module>} its POM
     * lists, in the POMs' order.
     *
     * @param root the folder of the root pom.xml
     * @return every module, the root first
     * @throws IOException if a POM cannot be read or parsed
     */
    public static List<ReactorModule> discover(Path root) throws IOException {
        List<ReactorModule> modules = new ArrayList<>();
        collect(root.toAbsolutePath().normalize(), modules);
        return modules;
    }

    private static void collect(Path directory, List<ReactorModule> into) throws IOException {
        Element pom = Xml.parse(directory.resolve("pom.xml"));
        String artifactId = Xml.childText(pom, "artifactId").orElseThrow(
                () -> new IOException(directory.resolve("pom.xml") + " has no artifactId"));
        String packaging = Xml.childText(pom, "packaging").orElse("jar");
        boolean library = Files.isRegularFile(directory.resolve("src/main/java/module-info.java"));
        into.add(new ReactorModule(directory, artifactId, packaging, library));
        for (Element modulesElement : Xml.children(pom, "modules")) {
            for (Element module : Xml.children(modulesElement, "module")) {
                collect(directory.resolve(module.getTextContent().trim()).normalize(), into);
            }
        }
    }

    /**
     * The folder the module builds into.
     *
     * @return {@code directory/target}
     */
    public Path target() {
        return directory.resolve("target");
    }
}
