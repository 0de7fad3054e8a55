package io.pylon4j.osgi.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.osgi.it.ClassPathBundles.BundleJar;
import io.pylon4j.osgi.it.binding.SerialPortBinding;
import io.pylon4j.osgi.it.binding.TcpBinding;
import io.pylon4j.transport.serial.SocatPtyPair;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

/**
 * pylon4j in a real OSGi framework, as an openHAB binding meets it: Apache Felix with Declarative Services (SCR) and
 * the ServiceLoader Mediator (Aries SPI Fly), the pylon4j bundles as this reactor built them, their third-party
 * bundles, and a test binding whose component DS activates. No JUnit is installed into the framework.
 *
 * <p>What it proves: the transports' {@code osgi.serviceloader} capabilities and transport-api's requirement on the
 * mediator let {@code Transports.fromServiceLoader()} (and so {@code PylonDriver.openRs485("tcp:…")}) find the
 * providers of other bundles; the simulator resolves without JUnit; each bundle's symbolic name is its JPMS module
 * name; JavaCAN, which has no OSGi headers, works once a binding wraps it, and without it only {@code socketcan:} is
 * missing, with an error that names what brings it.
 */
class OsgiBindingIT {

    /** A bound on each wait, not a speed claim: a FRESH status comes after one poll cycle (well under a second). */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final List<String> ALL_SCHEMES = List.of("canet", "replay", "rfc2217", "serial", "slcan",
            "socketcan", "socketcand", "tcp", "tcp-listen", "virtual");

    /**
     * Checked for its name, but not installed: Micrometer's HdrHistogram imports javax.xml.bind, which the JDK no
     * longer has; a runtime that has Micrometer (openHAB does) provides it.
     */
    private static final String MICROMETER = "io.pylon4j.driver.micrometer";

    @TempDir
    Path dir;

    private Felix felix;
    private Bundle binding;
    private SocatPtyPair ptys;
    private final BlockingQueue<Object> reports = new LinkedBlockingQueue<>();
    /** Why each bundle that did not start did not, by symbolic name. */
    private final Map<String, String> startFailures = new LinkedHashMap<>();

    @AfterEach
    void stopEverything() throws Exception {
        try {
            if (binding != null) {
                binding.stop(); // as a user removes a binding: its component closes the driver and the bench
                assertThat(pylon4jThreadsLeft()).as("pylon4j threads left once the binding stopped").isEmpty();
            }
        } finally {
            stopFramework();
        }
    }

    private void stopFramework() throws Exception {
        try {
            if (felix != null) {
                felix.close();
            }
        } finally {
            if (ptys != null) {
                ptys.close();
            }
        }
    }

    @Test
    void aBindingOpensTcpAgainstTheSimulatorAndSeesFreshLimits() throws Exception {
        boot(Map.of(), true);
        startBinding("tcp", TcpBinding.class);

        Map<?, ?> report = awaitReport();
        assertThat(report.get("error")).as("the binding's error").isNull();
        assertThat(report.get("state")).isEqualTo("FRESH");
        assertThat(report.get("chargeCurrentLimitAmps")).isEqualTo(74.0); // 2 x 37 A (US3000C)
        assertThat(report.get("schemes")).isEqualTo(String.join(",", ALL_SCHEMES));
    }

    @Test
    void aBindingHandsASerialPortsStreamsToStreamTransportsAndSeesFreshLimits() throws Exception {
        ptys = SocatPtyPair.start(Files.createDirectories(dir.resolve("ptys")));
        boot(Map.of("pylon4j.it.port", ptys.a().toString(), "pylon4j.it.battery", ptys.b().toString()), true);
        startBinding("serial", SerialPortBinding.class);

        Map<?, ?> report = awaitReport();
        assertThat(report.get("error")).as("the binding's error").isNull();
        assertThat(report.get("state")).isEqualTo("FRESH");
        assertThat(report.get("chargeCurrentLimitAmps")).isEqualTo(74.0);
    }

    @Test
    void everyPylon4jBundleIsActiveWithoutJUnitAndNamedAfterItsModule() throws Exception {
        Map<String, BundleJar> jars = boot(Map.of(), true);

        assertThat(startFailures).as("bundles that did not start").isEmpty();
        assertThat(felix.bundles()).extracting(Bundle::getSymbolicName)
                .noneMatch(name -> name.startsWith("org.junit") || name.startsWith("junit"));
        List<String> pylon4j = jars.values().stream().filter(BundleJar::isPylon4j).map(BundleJar::symbolicName)
                .toList();
        assertThat(pylon4j).containsExactlyInAnyOrder("io.pylon4j.can", "io.pylon4j.rs485", "io.pylon4j.transport",
                "io.pylon4j.transport.serial", "io.pylon4j.transport.netty", "io.pylon4j.transport.socketcan",
                "io.pylon4j.driver", MICROMETER, "io.pylon4j.simulator");
        for (BundleJar jar : jars.values()) {
            if (jar.isPylon4j()) {
                assertThat(jar.moduleName()).as("module of bundle " + jar.symbolicName()).contains(jar.symbolicName());
                if (!jar.symbolicName().equals(MICROMETER)) {
                    assertThat(felix.bundle(jar.symbolicName()).getState()).as(jar.symbolicName())
                            .isEqualTo(Bundle.ACTIVE);
                }
            }
        }
        // the JUnit 5 extension's package import is optional, and with no JUnit there it stays unwired
        Bundle simulatorBundle = felix.bundle("io.pylon4j.simulator");
        BundleRevision declared = simulatorBundle.adapt(BundleRevision.class);
        assertThat(declared.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE))
                .filteredOn(r -> r.getDirectives().getOrDefault("filter", "").contains("org.junit"))
                .singleElement()
                .satisfies(r -> assertThat(r.getDirectives()).containsEntry("resolution", "optional"));
        BundleWiring simulator = simulatorBundle.adapt(BundleWiring.class);
        assertThat(simulator.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE))
                .noneMatch(w -> w.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)
                        .toString().startsWith("org.junit"));
    }

    @Test
    void theServiceLoaderMediatorFindsEveryTransportOfEveryBundle() throws Exception {
        boot(Map.of(), true);

        Object transports = fromServiceLoader();
        assertThat(call(transports, "schemes")).as("schemes; unavailable: %s", call(transports, "unavailable"))
                .isEqualTo(ALL_SCHEMES);
        assertThat((Map<?, ?>) call(transports, "unavailable")).isEmpty();
    }

    @Test
    void withoutJavaCanOnlySocketCanIsMissingAndOpeningItNamesWhatBringsIt() throws Exception {
        boot(Map.of(), false);

        assertThat(startFailures).containsOnlyKeys("io.pylon4j.transport.socketcan");
        assertThat(startFailures.get("io.pylon4j.transport.socketcan")).contains("tel.schich.javacan");
        Object transports = fromServiceLoader();
        assertThat(call(transports, "schemes"))
                .isEqualTo(ALL_SCHEMES.stream().filter(s -> !s.equals("socketcan")).toList());
        Throwable refused = callFailure(transports, "can", "socketcan:vcan0");
        assertThat(refused.getClass().getName()).isEqualTo("io.pylon4j.transport.InvalidEndpointException");
        assertThat(refused).hasMessageContaining("unknown scheme 'socketcan'")
                .hasMessageContaining("pylon4j-transport-socketcan").hasMessageContaining("JavaCAN");
    }

    /**
     * Starts Felix with these framework properties, registers the report service, installs the class path's
     * bundles (and JavaCAN wrapped, if asked) and starts them, SPI Fly first so that it weaves transport-api's
     * ServiceLoader call when that class loads. A bundle that cannot start is recorded in {@link #startFailures}.
     */
    private Map<String, BundleJar> boot(Map<String, String> properties, boolean withJavaCan) throws Exception {
        Map<String, BundleJar> jars = ClassPathBundles.find();
        felix = Felix.start(properties);
        Hashtable<String, Object> reportProperties = new Hashtable<>();
        reportProperties.put("pylon4j.it", "report");
        felix.context().registerService(Consumer.class.getName(), (Consumer<Object>) reports::add, reportProperties);

        List<Bundle> installed = new ArrayList<>();
        for (BundleJar jar : jars.values()) {
            if (!jar.symbolicName().equals(MICROMETER)) {
                installed.add(felix.install(jar.jar()));
            }
        }
        if (withJavaCan) {
            installed.add(felix.install(TestBundles.wrappedJavaCan(dir,
                    TestBundles.jarWith("tel/schich/javacan/JavaCAN.class"),
                    TestBundles.jarWith("native/libjavacan-core.so"))));
        }
        felix.bundle("org.apache.aries.spifly.dynamic.bundle").start();
        for (Bundle bundle : installed) {
            if ((bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) == 0) {
                try {
                    bundle.start();
                } catch (BundleException e) {
                    startFailures.put(bundle.getSymbolicName(), e.getMessage());
                }
            }
        }
        return jars;
    }

    private void startBinding(String name, Class<?> component) throws Exception {
        assertThat(startFailures).as("bundles that did not start").isEmpty();
        binding = felix.install(TestBundles.binding(dir, name, component));
        binding.start();
    }

    /**
     * The live threads pylon4j named (every thread it starts is {@code pylon4j-…}), once they are gone or
     * {@link #WAIT} passed: an executor or an event loop ends its thread just after close() returns.
     */
    private static List<String> pylon4jThreadsLeft() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(name -> name.startsWith("pylon4j-")).sorted().toList();
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        return left;
    }

    private Map<?, ?> awaitReport() throws InterruptedException {
        Object report = reports.poll(WAIT.toNanos(), TimeUnit.NANOSECONDS);
        assertThat(report).as("a report from the binding within " + WAIT).isNotNull();
        return (Map<?, ?>) report;
    }

    /** {@code Transports.fromServiceLoader()} called inside the framework: transport-api's class, as woven. */
    private Object fromServiceLoader() throws Exception {
        Class<?> transports = felix.bundle("io.pylon4j.transport").loadClass("io.pylon4j.transport.Transports");
        return transports.getMethod("fromServiceLoader").invoke(null);
    }

    private static Object call(Object target, String method) throws Exception {
        return target.getClass().getMethod(method).invoke(target);
    }

    private static Throwable callFailure(Object target, String method, String argument) throws Exception {
        try {
            target.getClass().getMethod(method, String.class).invoke(target, argument);
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
        throw new AssertionError(method + "(" + argument + ") did not fail");
    }
}
