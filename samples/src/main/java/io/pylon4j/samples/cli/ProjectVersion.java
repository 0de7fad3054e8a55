package io.pylon4j.samples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where the command line's version comes from ({@link PylonVersion} for picocli, {@link FastStart} for a plain
 * {@code pylon --version}): a class of its own so that reading it loads nothing of picocli.
 */
final class ProjectVersion {

    /** The resource Maven filters the project version into (samples/pom.xml). */
    static final String RESOURCE = "pylon-version.properties";

    private ProjectVersion() {
    }

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} if neither the manifest nor the resource has it. */
    static String version() {
        String fromManifest = ProjectVersion.class.getPackage().getImplementationVersion();
        if (fromManifest != null && !fromManifest.isBlank()) {
            return fromManifest;
        }
        try (InputStream in = ProjectVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            // an unfiltered copy (an IDE build) still says "${project.version}": not a version
            return v.isBlank() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
