package io.pylon4j.osgi.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Bundles the test assembles from parts, with hand-written manifests (what bnd would write, short enough to read):
 * the test binding (the classes of {@code io.pylon4j.osgi.it.binding} and one Declarative Services component), and
 * JavaCAN wrapped with its JNI library, as a binding that wants {@code socketcan:} must wrap it (docs/osgi.md).
 */
final class TestBundles {

    static final String BINDING_PACKAGE = "io.pylon4j.osgi.it.binding";

    /** What the binding classes use, each package from the bundle that exports it. */
    private static final String BINDING_IMPORTS = String.join(",",
            "io.pylon4j.driver", "io.pylon4j.simulator", "io.pylon4j.simulator.frontend", "io.pylon4j.transport",
            "io.pylon4j.transport.stream", "io.pylon4j.transport.tcplisten", "org.osgi.framework");

    /** JavaCAN 3.5.0's packages: it needs SLF4J and the JDK, nothing else. */
    private static final String JAVACAN_EXPORTS = String.join(",",
            "tel.schich.javacan;version=3.5.0", "tel.schich.javacan.option;version=3.5.0",
            "tel.schich.javacan.platform;version=3.5.0", "tel.schich.javacan.platform.linux;version=3.5.0",
            "tel.schich.javacan.util;version=3.5.0");

    private TestBundles() {
    }

    /**
     * The binding bundle with one component: {@code implementation} (a class of the binding package) activated by
     * DS once the test's report service ({@code java.util.function.Consumer}, {@code pylon4j.it=report}) is there.
     */
    static Path binding(Path dir, String name, Class<?> implementation) throws IOException, URISyntaxException {
        Manifest manifest = manifest("io.pylon4j.osgi.it.binding." + name);
        Attributes main = manifest.getMainAttributes();
        main.putValue("Import-Package", BINDING_IMPORTS);
        main.putValue("Service-Component", "OSGI-INF/" + name + ".xml");
        String component = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.4.0" name="%s" immediate="true"
                    activate="activate" deactivate="deactivate">
                  <implementation class="%s"/>
                  <reference name="report" interface="java.util.function.Consumer" target="(pylon4j.it=report)"
                      cardinality="1..1" policy="static" bind="setReport"/>
                </scr:component>
                """.formatted(BINDING_PACKAGE + "." + name, implementation.getName());
        Path classes = Path.of(implementation.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path packageDir = classes.resolve(BINDING_PACKAGE.replace('.', File.separatorChar));
        Path jar = dir.resolve("binding-" + name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> files = Files.list(packageDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                put(out, BINDING_PACKAGE.replace('.', '/') + "/" + file.getFileName(), Files.readAllBytes(file));
            }
            put(out, "OSGI-INF/" + name + ".xml", component.getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    /**
     * JavaCAN's classes and its JNI library (the jar of this CPU's classifier, {@code native/libjavacan-core.so},
     * which JavaCAN extracts from its class path) in one bundle.
     */
    static Path wrappedJavaCan(Path dir, Path core, Path natives) throws IOException {
        Manifest manifest = manifest("tel.schich.javacan-core");
        Attributes main = manifest.getMainAttributes();
        main.putValue("Bundle-Version", "3.5.0");
        main.putValue("Export-Package", JAVACAN_EXPORTS);
        main.putValue("Import-Package", "org.slf4j;version=\"[1.7,3)\"");
        Path jar = dir.resolve("javacan-core-wrapped.jar");
        Set<String> seen = new HashSet<>();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Path part : List.of(core, natives)) {
                try (JarFile in = new JarFile(part.toFile())) {
                    for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements(); ) {
                        JarEntry entry = e.nextElement();
                        if (entry.isDirectory() || entry.getName().startsWith("META-INF/")
                                || !seen.add(entry.getName())) {
                            continue;
                        }
                        try (InputStream data = in.getInputStream(entry)) {
                            put(out, entry.getName(), data.readAllBytes());
                        }
                    }
                }
            }
        }
        return jar;
    }

    /** The class path jar holding {@code resource}. */
    static Path jarWith(String resource) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isRegularFile(path) && path.toString().endsWith(".jar")) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    if (jar.getEntry(resource) != null) {
                        return path;
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read " + path, e);
                }
            }
        }
        throw new IllegalStateException("no jar on the class path holds " + resource);
    }

    private static Manifest manifest(String symbolicName) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        return manifest;
    }

    private static void put(JarOutputStream out, String name, byte[] data) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(data);
        out.closeEntry();
    }
}
