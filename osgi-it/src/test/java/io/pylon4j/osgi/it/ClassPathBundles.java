package io.pylon4j.osgi.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * The bundles on this test's class path, by Bundle-SymbolicName: the pylon4j jars this reactor just packaged (Maven
 * puts a reactor module's jar on the class path from the {@code package} phase on) and the third-party bundles they
 * and the framework's services need. Only names on the {@linkplain #WANTED list} count, so the test tooling (JUnit,
 * AssertJ: bundles too) never enters the framework.
 */
final class ClassPathBundles {

    /** Prefixes of the symbolic names to install: pylon4j, its dependencies, SCR and SPI Fly with theirs. */
    private static final List<String> WANTED = List.of(
            "io.pylon4j.",
            "io.netty.", "com.fazecast.jSerialComm", "slf4j.api", "slf4j.simple",
            "org.apache.felix.scr", "org.osgi.service.component", "org.osgi.util.function", "org.osgi.util.promise",
            "org.apache.aries.spifly.dynamic.bundle", "org.objectweb.asm");

    /** A bundle jar and its symbolic name. */
    record BundleJar(String symbolicName, Path jar) {

        boolean isPylon4j() {
            return symbolicName.startsWith("io.pylon4j.");
        }

        /** The JPMS module name in the jar's {@code module-info.class}, if it has one. */
        Optional<String> moduleName() throws IOException {
            try (JarFile file = new JarFile(jar.toFile())) {
                ZipEntry entry = file.getEntry("module-info.class");
                if (entry == null) {
                    return Optional.empty();
                }
                try (InputStream in = file.getInputStream(entry)) {
                    return Optional.of(ModuleDescriptor.read(in).name());
                }
            }
        }
    }

    private ClassPathBundles() {
    }

    /**
     * The wanted bundles on the class path, by symbolic name.
     *
     * @throws IllegalStateException if a pylon4j module is a class directory, not a jar (the build stopped before
     *                               {@code package}: run {@code mvn verify}), or a name comes twice
     */
    static Map<String, BundleJar> find() throws IOException {
        Map<String, BundleJar> found = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path) && Files.exists(path.resolve("module-info.class"))
                    && path.toString().contains(File.separator + "target" + File.separator + "classes")) {
                throw new IllegalStateException(path + " is a class directory, not a bundle jar: the OSGi test needs "
                        + "the packaged jars (run mvn verify, not mvn test)");
            }
            if (!Files.isRegularFile(path) || !path.toString().endsWith(".jar")
                    || path.getFileName().toString().endsWith("-tests.jar")) {
                continue;
            }
            String name = symbolicName(path);
            if (name != null && WANTED.stream().anyMatch(name::startsWith)) {
                BundleJar previous = found.put(name, new BundleJar(name, path));
                if (previous != null) {
                    throw new IllegalStateException("two jars are bundle " + name + ": " + previous.jar() + ", "
                            + path);
                }
            }
        }
        return found;
    }

    /** The jar's Bundle-SymbolicName without directives, or null if it is not a bundle. */
    private static String symbolicName(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String bsn = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            return bsn == null ? null : bsn.split(";")[0].trim();
        }
    }
}
