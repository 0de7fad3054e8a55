package io.pylon4j.transport.socketcan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module boundary: JavaCAN is read here and nowhere else, and none of its types leaks through this module's
 * API (an application must not need JavaCAN on its compile path to use the transport).
 */
class SocketCanModuleTest {

    private static ModuleDescriptor descriptor() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    @Test
    void requiresJavaCanExportsOnlyItsPackageAndProvidesTheTransport() throws Exception {
        ModuleDescriptor module = descriptor();
        assertThat(module.name()).isEqualTo("io.pylon4j.transport.socketcan");
        assertThat(module.requires()).extracting(ModuleDescriptor.Requires::name)
                .contains("io.pylon4j.transport", "javacan.core");
        assertThat(module.requires()).filteredOn(r -> r.name().startsWith("javacan"))
                .allSatisfy(r -> assertThat(r.modifiers()).doesNotContain(ModuleDescriptor.Requires.Modifier.TRANSITIVE));
        assertThat(module.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactly("io.pylon4j.transport.socketcan");
        assertThat(module.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo("io.pylon4j.transport.spi.TransportProvider");
            assertThat(p.providers()).containsExactly(SocketCanTransportProvider.class.getName());
        });
    }

    @Test
    void theServicesFileNamesTheSameProviderForTheClassPath() throws Exception {
        assertThat(Files.readAllLines(Path.of(
                "target/classes/META-INF/services/io.pylon4j.transport.spi.TransportProvider")))
                .containsExactly(SocketCanTransportProvider.class.getName());
    }

    @Test
    void noJavaCanTypeInThePublicApi() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : List.of(SocketCanTransport.class, SocketCanTransportProvider.class, CanErrorFrame.class,
                CanErrorFrameListener.class, CanErrorFrame.Kind.class)) {
            for (Method method : type.getMethods()) {
                if (!Modifier.isPublic(method.getModifiers())) {
                    continue;
                }
                Stream.concat(Stream.of(method.getReturnType()), Stream.of(method.getParameterTypes()))
                        .filter(t -> t.getName().startsWith("tel.schich"))
                        .forEach(t -> leaks.add(type.getSimpleName() + "." + method.getName() + ": " + t.getName()));
            }
            assertThat(type.getSuperclass() == null ? "" : type.getSuperclass().getName()).doesNotStartWith("tel.schich");
        }
        assertThat(leaks).isEmpty();
    }
}
