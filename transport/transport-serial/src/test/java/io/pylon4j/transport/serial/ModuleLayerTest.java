package io.pylon4j.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar as a JPMS module, not just classes on a class path: the tests of this module run on the class path, so this
 * one boots a {@link ModuleLayer} from the built module and its dependencies and checks the descriptor, the
 * {@code provides} clause, and that {@code serial:} really opens a pty from inside a named module (jSerialComm's
 * native library loaded through {@code requires com.fazecast.jSerialComm}).
 */
class ModuleLayerTest {

    private static final String MODULE = "io.pylon4j.transport.serial";

    @TempDir
    Path dir;

    /** The class path entries that hold the module and the modules it needs. */
    private static List<Path> modulePath() throws URISyntaxException {
        List<Path> path = new ArrayList<>();
        path.add(Path.of(SerialTransportProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String name = Path.of(entry).toString();
            if (name.contains("jSerialComm") || name.contains("transport-api") || name.contains("protocol-can")) {
                path.add(Path.of(entry));
            }
        }
        return path;
    }

    private static ModuleLayer layer() throws URISyntaxException {
        ModuleFinder finder = ModuleFinder.of(modulePath().toArray(Path[]::new));
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolveAndBind(finder, ModuleFinder.of(), Set.of(MODULE));
        return ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    }

    @Test
    void theDescriptorNeedsOnlyTheTransportApiAndJSerialCommAndExportsNoInternals() throws Exception {
        ModuleDescriptor descriptor = layer().findModule(MODULE).orElseThrow().getDescriptor();
        assertThat(descriptor.isAutomatic()).isFalse();
        assertThat(descriptor.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("java.base", "io.pylon4j.transport", "com.fazecast.jSerialComm");
        assertThat(descriptor.exports().stream().map(ModuleDescriptor.Exports::source))
                .containsExactly("io.pylon4j.transport.serial");
        assertThat(descriptor.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo("io.pylon4j.transport.spi.TransportProvider");
            assertThat(p.providers()).containsExactly(SerialTransportProvider.class.getName());
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void opensASerialPortFromInsideANamedModule() throws Exception {
        ModuleLayer layer = layer();
        ClassLoader loader = layer.findLoader(MODULE);
        Class<?> spi = loader.loadClass("io.pylon4j.transport.spi.TransportProvider");
        // transport-api itself provides the JDK-only schemes (virtual:, replay:); this module adds its own
        assertThat(ServiceLoader.load(layer, spi).stream().map(p -> p.type().getName()))
                .contains(SerialTransportProvider.class.getName());

        Class<?> transportsClass = loader.loadClass("io.pylon4j.transport.Transports");
        Object transports = transportsClass.getMethod("fromServiceLoader", ClassLoader.class).invoke(null, loader);
        assertThat((List<String>) transportsClass.getMethod("schemes").invoke(transports))
                .contains("rfc2217", "serial", "slcan");

        // This JVM already loaded jSerialComm's native library for the class path copy; a second copy in another
        // class loader must extract its own file, or the JVM refuses to link the same library twice.
        String appId = "fazecast.jSerialComm.appid";
        String previous = System.setProperty(appId, "pylon4j-module-layer-test");
        ByteInbox device = new ByteInbox();
        try (SocatPtyPair ptys = SocatPtyPair.start(dir);
             PtyPeer peer = PtyPeer.open(ptys.b(), device)) {
            Object transport = transportsClass.getMethod("byteStream", String.class)
                    .invoke(transports, "serial:" + ptys.a() + "?baud=9600");
            Class<?> byteStream = loader.loadClass("io.pylon4j.transport.ByteStreamTransport");
            Method write = byteStream.getMethod("write", byte[].class);
            try (AutoCloseable closeable = (AutoCloseable) transport) {
                ((CompletionStage<?>) byteStream.getMethod("open").invoke(transport)).toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
                byte[] request = "~20024642E00202FD33\r".getBytes(StandardCharsets.US_ASCII);
                write.invoke(transport, (Object) request);
                assertThat(device.take(request.length, Duration.ofSeconds(10))).isEqualTo(request);
            }
        } finally {
            if (previous == null) {
                System.clearProperty(appId);
            } else {
                System.setProperty(appId, previous);
            }
        }
    }
}
