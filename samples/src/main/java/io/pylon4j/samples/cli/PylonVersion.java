package io.pylon4j.samples.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * What {@code pylon --version} and {@code pylon CMD --version} print: the jar manifest's
 * {@code Implementation-Version} when run from a jar that has one, else the Maven project version filtered into
 * {@code pylon-version.properties} at build time (running from {@code target/classes}, as {@code ./pylon} does).
 */
public final class PylonVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"pylon4j " + version()};
    }

    /**
     * The version of this command line.
     *
     * @return the version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} if neither the manifest nor the resource has it
     */
    public static String version() {
        return ProjectVersion.version();
    }
}
