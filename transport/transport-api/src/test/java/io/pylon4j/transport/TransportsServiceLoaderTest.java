package io.pylon4j.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.spi.TransportProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider whose dependency is missing does not break the other schemes: {@code virtual:} keeps working, and the
 * broken one is reported by name when it is used.
 */
class TransportsServiceLoaderTest {

    /** A provider whose jar is present and whose dependency is not: its constructor reaches a missing class. */
    public static final class MissingDependencyProvider implements TransportProvider {
        public MissingDependencyProvider() {
            throw new NoClassDefFoundError("com/example/vendor/Missing");
        }

        @Override
        public Set<String> schemes() {
            return Set.of("vendor");
        }

        @Override
        public boolean isCan(String scheme) {
            return true;
        }
    }

    /** A provider that is instantiated, but whose scheme list reaches a missing class. */
    public static final class MissingOnSchemesProvider implements TransportProvider {
        @Override
        public Set<String> schemes() {
            throw new NoClassDefFoundError("com/example/vendor/Schemes");
        }

        @Override
        public boolean isCan(String scheme) {
            return true;
        }
    }

    /** A provider that loads, but whose transports need a class that is missing (linked lazily, as Netty's are). */
    static final class LazyMissingDependencyProvider implements TransportProvider {
        @Override
        public Set<String> schemes() {
            return Set.of("lazy");
        }

        @Override
        public boolean isCan(String scheme) {
            return true;
        }

        @Override
        public CanTransport createCan(Endpoint endpoint, TransportOptions options) {
            throw new NoClassDefFoundError("io/netty/channel/EventLoopGroup");
        }
    }

    @TempDir
    Path dir;

    /** The test class path plus one more services file, naming the given provider classes. */
    private ClassLoader withServices(String... providerClasses) throws Exception {
        Path services = dir.resolve("META-INF/services/" + TransportProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, String.join("\n", providerClasses) + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void aProviderThatCannotBeLoadedLeavesTheOtherSchemesWorking() throws Exception {
        Transports transports = Transports.fromServiceLoader(withServices(MissingDependencyProvider.class.getName()));

        assertThat(transports.schemes()).contains("virtual", "replay", "tcp-listen").doesNotContain("vendor");
        try (CanTransport a = transports.can("virtual:after-a-broken-provider");
             CanTransport b = transports.can("virtual:after-a-broken-provider")) {
            List<CanFrame> received = new CopyOnWriteArrayList<>();
            b.addFrameListener((frame, t) -> received.add(frame));
            a.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            b.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            a.send(CanFrame.ofHex(0x305, "00 00 00 00 00 00 00 00"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (received.isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(received).extracting(CanFrame::id).containsExactly(0x305);
        }
    }

    @Test
    void theProviderThatCannotBeLoadedIsNamedWithItsMissingClass() throws Exception {
        Transports transports = Transports.fromServiceLoader(withServices(MissingDependencyProvider.class.getName()));

        assertThat(transports.unavailable()).containsOnlyKeys(MissingDependencyProvider.class.getName());
        assertThat(transports.unavailable().get(MissingDependencyProvider.class.getName()))
                .contains("could not be loaded", "com/example/vendor/Missing");
        // its schemes cannot be asked: an endpoint of one is unknown, and the message says which provider failed
        assertThatThrownBy(() -> transports.can("vendor:x")).isInstanceOf(InvalidEndpointException.class)
                .hasMessageContaining("unknown scheme 'vendor'")
                .hasMessageContaining(MissingDependencyProvider.class.getName())
                .hasMessageContaining("com/example/vendor/Missing");
    }

    @Test
    void aProviderNamedButAbsentIsSkippedToo() throws Exception {
        Transports transports = Transports.fromServiceLoader(withServices("com.example.vendor.GoneProvider",
                MissingDependencyProvider.class.getName()));

        assertThat(transports.schemes()).contains("virtual");
        assertThat(transports.unavailable()).containsOnlyKeys("com.example.vendor.GoneProvider",
                MissingDependencyProvider.class.getName());
    }

    /**
     * "X not a subtype": a services file naming a class that is not a TransportProvider (in OSGi, a provider bundle
     * wired to another copy of the SPI). Named by its class, not by a word of the message.
     */
    @Test
    void aProviderThatIsNotATransportProviderIsNamedByItsClass() throws Exception {
        Transports transports = Transports.fromServiceLoader(withServices(NotAProvider.class.getName()));

        assertThat(transports.schemes()).contains("virtual");
        assertThat(transports.unavailable()).containsOnlyKeys(NotAProvider.class.getName());
        assertThat(transports.unavailable().get(NotAProvider.class.getName())).contains("not a subtype");
    }

    /** Listed in a services file, but not a {@link TransportProvider}. */
    public static final class NotAProvider {
    }

    @Test
    void aProviderWhoseSchemesReachAMissingClassIsNamedToo() throws Exception {
        Transports transports = Transports.fromServiceLoader(withServices(MissingOnSchemesProvider.class.getName()));

        assertThat(transports.schemes()).contains("virtual");
        assertThat(transports.unavailable()).containsOnlyKeys(MissingOnSchemesProvider.class.getName());
        assertThat(transports.unavailable().get(MissingOnSchemesProvider.class.getName()))
                .contains("com/example/vendor/Schemes");
    }

    @Test
    void aTransportThatReachesAMissingClassIsReportedByScheme() {
        Transports transports = new Transports(List.of(new LazyMissingDependencyProvider()));

        assertThatThrownBy(() -> transports.can("lazy:x")).isInstanceOf(InvalidEndpointException.class)
                .hasMessageStartingWith("scheme lazy: unavailable: its provider "
                        + LazyMissingDependencyProvider.class.getName())
                .hasMessageContaining("io/netty/channel/EventLoopGroup")
                .hasCauseInstanceOf(NoClassDefFoundError.class);
    }
}
