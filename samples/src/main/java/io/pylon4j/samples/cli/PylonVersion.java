package io.pylon4j.samples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * What {@code pylon --version} and {@code pylon CMD --version} print: the jar manifest's
 * {@code Implementation-Version} when run from a jar that has one, else the Maven project version filtered into
 * {@code pylon-version.properties} at build time (running from {@code target/classes}, as {@code ./pylon} does).
 */
public final class PylonVersion implements IVersionProvider {

    /** The resource Maven filters the project version into (samples/pom.xml). */
    static final String RESOURCE = "pylon-version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"pylon4j " + version()};
    }

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} if neither the manifest nor the resource has it. */
    public static String version() {
        String fromManifest = PylonVersion.class.getPackage().getImplementationVersion();
        if (fromManifest != null && !fromManifest.isBlank()) {
            return fromManifest;
        }
        try (InputStream in = PylonVersion.class.getResourceAsStream(RESOURCE)) {
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
