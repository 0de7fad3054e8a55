package io.pylon4j.transport.netty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What the module path needs for Netty, whose automatic modules declare nothing: examples/jpms-consumer proves both
 * with {@code java -m} (Netty's INFO line without jdk.unsupported; a failing tcp: link without netty-resolver).
 */
class NettyModuleDescriptorTest {

    @Test
    void requiresJdkUnsupportedAndNettyResolver() throws Exception {
        ModuleDescriptor d;
        try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
            d = ModuleDescriptor.read(in);
        }
        assertThat(d.requires()).extracting(ModuleDescriptor.Requires::name)
                .contains("jdk.unsupported", "io.netty.resolver");
        assertThat(d.requires()).filteredOn(r -> r.name().equals("jdk.unsupported")).singleElement()
                .satisfies(r -> assertThat(r.modifiers()).doesNotContain(ModuleDescriptor.Requires.Modifier.STATIC));
    }
}
