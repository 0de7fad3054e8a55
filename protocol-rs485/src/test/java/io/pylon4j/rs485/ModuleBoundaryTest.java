package io.pylon4j.rs485;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The codec depends on the JDK alone: its compiled module descriptor requires java.base and nothing else. */
class ModuleBoundaryTest {

    @Test
    void requiresOnlyJavaBaseAndExportsTheCodecAndTheExchanges() throws IOException {
        Path descriptor = Path.of("target/classes/module-info.class");
        assertThat(descriptor).as("compiled module descriptor (run from the module directory)").exists();
        ModuleDescriptor module;
        try (InputStream in = Files.newInputStream(descriptor)) {
            module = ModuleDescriptor.read(in);
        }
        assertThat(module.name()).isEqualTo("io.pylon4j.rs485");
        assertThat(module.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()))
                .containsExactly("java.base");
        assertThat(module.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("io.pylon4j.rs485", "io.pylon4j.rs485.exchange");
        assertThat(module.exports()).noneMatch(ModuleDescriptor.Exports::isQualified);
    }
}
