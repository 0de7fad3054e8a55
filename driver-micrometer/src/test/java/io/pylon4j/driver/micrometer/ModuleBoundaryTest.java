package io.pylon4j.driver.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The module's descriptor, and that JPMS resolves it against the real Micrometer jars (tests run on the class path). */
class ModuleBoundaryTest {

    static final Path CLASSES = Path.of("target/classes");

    @Test
    void requiresTheDriverAndMicrometerCoreOnly() throws Exception {
        ModuleDescriptor d;
        try (InputStream in = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
            d = ModuleDescriptor.read(in);
        }
        assertThat(d.name()).isEqualTo("io.pylon4j.driver.micrometer");
        assertThat(d.requires()).extracting(ModuleDescriptor.Requires::name)
                .containsExactlyInAnyOrder("java.base", "io.pylon4j.driver", "micrometer.core");
        assertThat(d.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactly("io.pylon4j.driver.micrometer");
    }

    @Test
    void resolvesOnTheModulePathWithMicrometerAsAnAutomaticModule() {
        // the class path's jars and module directories, as they would sit on an application's module path
        Path[] modulePath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.toString().endsWith(".jar") || Files.exists(p.resolve("module-info.class")))
                .filter(p -> !p.getFileName().toString().startsWith("junit-")) // test tooling: not our graph
                .toArray(Path[]::new);
        ModuleFinder finder = ModuleFinder.compose(ModuleFinder.of(CLASSES), ModuleFinder.of(modulePath));
        Configuration config = Configuration.resolve(finder, java.util.List.of(ModuleLayer.boot().configuration()),
                ModuleFinder.of(), Set.of("io.pylon4j.driver.micrometer"));
        ResolvedModule binder = config.findModule("io.pylon4j.driver.micrometer").orElseThrow();
        Set<String> reads = binder.reads().stream().map(ResolvedModule::name).collect(Collectors.toSet());
        assertThat(reads).contains("io.pylon4j.driver", "micrometer.core", "java.management");
        ResolvedModule micrometer = config.findModule("micrometer.core").orElseThrow();
        assertThat(micrometer.reference().descriptor().isAutomatic()).isTrue();
    }
}
