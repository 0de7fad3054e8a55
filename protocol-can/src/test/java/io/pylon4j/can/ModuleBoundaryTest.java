package io.pylon4j.can;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The codec depends on the JDK alone: its module requires {@code java.base} and nothing else. */
class ModuleBoundaryTest {

    @Test
    void theCodecModuleRequiresOnlyJavaBase() throws Exception {
        Path classes = Path.of(CanFrame.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path moduleInfo = classes.resolve("module-info.class");
        assertThat(moduleInfo).as("compiled module descriptor (target/classes/module-info.class)").exists();

        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(moduleInfo)) {
            descriptor = ModuleDescriptor.read(in);
        }

        assertThat(descriptor.name()).isEqualTo("io.pylon4j.can");
        Set<String> requires = descriptor.requires().stream().map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toSet());
        assertThat(requires).containsExactly("java.base");
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactly("io.pylon4j.can");
    }
}
