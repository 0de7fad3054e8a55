package io.pylon4j.osgi.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * An Apache Felix framework booted in this JVM, found as a launcher finds one ({@link FrameworkFactory} through
 * {@link ServiceLoader}), with its bundle cache in a temporary directory that {@link #close()} deletes after
 * stopping the framework (which stops every bundle, so their components deactivate and close what they opened).
 */
final class Felix implements AutoCloseable {

    private static final long STOP_TIMEOUT_MILLIS = 20_000;

    private final Path storage;
    private final Framework framework;

    private Felix(Path storage, Framework framework) {
        this.storage = storage;
        this.framework = framework;
    }

    /**
     * Starts a framework with these extra framework properties (a bundle reads them with
     * {@link BundleContext#getProperty}).
     */
    static Felix start(Map<String, String> properties) throws IOException, BundleException {
        Path storage = Files.createTempDirectory("pylon4j-felix");
        Map<String, String> config = new HashMap<>(properties);
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // This JVM's class path holds the pylon4j jars too (the test found the bundles there). Felix's implicit
        // boot delegation would let a class loader outside the framework (the JDK's ServiceLoader, SPI Fly's wrapper
        // of a bundle's loader) reach them, and a provider would load from the class path, "not a subtype" of the
        // bundle's TransportProvider. In openHAB the class path has no pylon4j; here it is switched off instead.
        config.put("felix.bootdelegation.implicit", "false");
        // as Karaf and openHAB do: Netty reaches sun.misc.Unsafe through an optional import
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "sun.misc");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the test class path"));
        Framework framework = factory.newFramework(config);
        try {
            framework.start();
        } catch (BundleException | RuntimeException e) {
            delete(storage);
            throw e;
        }
        return new Felix(storage, framework);
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    /** Installs a bundle from a jar file. */
    Bundle install(Path jar) throws IOException, BundleException {
        try (InputStream in = Files.newInputStream(jar)) {
            return context().installBundle(jar.toUri().toString(), in);
        }
    }

    /** Every bundle but the system bundle. */
    List<Bundle> bundles() {
        List<Bundle> out = new ArrayList<>();
        for (Bundle b : context().getBundles()) {
            if (b.getBundleId() != 0) {
                out.add(b);
            }
        }
        return out;
    }

    /** The installed bundle with this symbolic name, or null. */
    Bundle bundle(String symbolicName) {
        for (Bundle b : context().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    @Override
    public void close() throws Exception {
        try {
            framework.stop();
            FrameworkEvent stopped = framework.waitForStop(STOP_TIMEOUT_MILLIS);
            if (stopped.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                throw new IllegalStateException("Felix did not stop within " + STOP_TIMEOUT_MILLIS + " ms");
            }
        } finally {
            delete(storage);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
