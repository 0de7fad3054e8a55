package io.pylon4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** pylon4j-testing serves any test framework: it needs the transport API and the JDK, nothing else. */
class TestingModuleBoundaryTest {

    @Test
    void requiresOnlyTheTransportApiAndExportsOnePackage() throws Exception {
        ModuleDescriptor d;
        try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
            d = ModuleDescriptor.read(in);
        }
        assertThat(d.name()).isEqualTo("io.pylon4j.testing");
        assertThat(d.requires()).extracting(ModuleDescriptor.Requires::name)
                .containsExactlyInAnyOrder("java.base", "io.pylon4j.transport");
        assertThat(d.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("io.pylon4j.testing");
    }
}
