package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The driver's module boundary and the "no global state" rule, read from the compiled classes. */
class ModuleBoundaryTest {

    static final Path CLASSES = Path.of("target/classes");

    @Test
    void requiresOnlyTheCodecsTheTransportApiAndTheJdk() throws Exception {
        ModuleDescriptor d;
        try (InputStream in = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
            d = ModuleDescriptor.read(in);
        }
        assertThat(d.name()).isEqualTo("io.pylon4j.driver");
        assertThat(d.requires()).extracting(ModuleDescriptor.Requires::name)
                .containsExactlyInAnyOrder("java.base", "io.pylon4j.can", "io.pylon4j.rs485", "io.pylon4j.transport",
                        "java.management");
        assertThat(d.requires().stream().filter(r -> !r.name().equals("java.base"))
                .allMatch(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))).isTrue();
        assertThat(d.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("io.pylon4j.driver", "io.pylon4j.driver.commission", "io.pylon4j.driver.jmx",
                        "io.pylon4j.driver.scan", "io.pylon4j.driver.json");
        assertThat(d.exports()).allMatch(e -> !e.isQualified());
    }

    @Test
    void noMutableStaticStateAndNoThreads() throws Exception {
        List<Class<?>> classes = driverClasses();
        assertThat(classes).hasSizeGreaterThan(20);
        for (Class<?> c : classes) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                    assertThat(Modifier.isFinal(f.getModifiers())).as("%s.%s is static and not final", c, f.getName())
                            .isTrue();
                }
                assertThat(Thread.class.isAssignableFrom(f.getType())).as("%s.%s holds a thread", c, f.getName())
                        .isFalse();
                // the one exception: a driver given no executor or scheduler owns one thread, shut down by its
                // close() (DriverLifecycleTest checks that no pylon4j thread outlives 1,000 drivers)
                boolean allowed = c == io.pylon4j.driver.internal.DriverThreads.class
                        && f.getName().equals("ownExecutor");
                assertThat(java.util.concurrent.ExecutorService.class.isAssignableFrom(f.getType()) && !allowed)
                        .as("%s.%s owns an executor", c, f.getName()).isFalse();
            }
        }
    }

    static List<Class<?>> driverClasses() throws Exception {
        Path root = CLASSES.resolve("io/pylon4j/driver");
        Set<String> names;
        try (Stream<Path> files = Files.walk(root)) {
            names = files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> CLASSES.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .filter(n -> !n.endsWith("package-info"))
                    .collect(Collectors.toSet());
        }
        ClassLoader loader = ModuleBoundaryTest.class.getClassLoader();
        return names.stream().sorted().<Class<?>>map(n -> {
            try {
                return Class.forName(n, false, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
