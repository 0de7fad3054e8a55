package io.pylon4j.transport.netty.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.transport.InvalidEndpointException;
import io.pylon4j.transport.Transports;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * pylon4j-transport-netty's jar without Netty (a dependency left out of a hand-made class path): the {@code tcp:},
 * {@code socketcand:} and {@code canet:} schemes say so by name, and the JDK-only schemes keep working.
 */
class NettyMissingTest {

    /** Loads this module's own classes itself and finds no {@code io.netty} class: a class path without Netty. */
    static final class WithoutNetty extends ClassLoader {
        WithoutNetty(ClassLoader parent) {
            super("without-netty", parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("io.netty.")) {
                    throw new ClassNotFoundException(name + " (hidden: Netty is not on this class path)");
                }
                if (!name.startsWith("io.pylon4j.transport.netty.")) {
                    return super.loadClass(name, resolve);
                }
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (in == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }
    }

    @Test
    void theNettySchemesAreReportedByNameAndTheOthersStillWork() {
        Transports transports = Transports.fromServiceLoader(new WithoutNetty(getClass().getClassLoader()));

        assertThat(transports.schemes()).contains("virtual", "replay", "tcp-listen");
        for (String endpoint : new String[] {"tcp:127.0.0.1:1", "socketcand:127.0.0.1:1/can0", "canet:127.0.0.1:1"}) {
            String scheme = endpoint.substring(0, endpoint.indexOf(':'));
            assertThatThrownBy(() -> {
                if (scheme.equals("tcp")) {
                    transports.byteStream(endpoint);
                } else {
                    transports.can(endpoint);
                }
            }).as(endpoint).isInstanceOf(InvalidEndpointException.class)
                    .hasMessageStartingWith("scheme " + scheme + ": unavailable: its provider "
                            + "io.pylon4j.transport.netty.NettyTransportProvider")
                    .hasMessageContaining("io/netty/")
                    .hasMessageContaining("add pylon4j-transport-netty's dependencies (Netty)");
        }
        try (var link = transports.can("virtual:without-netty")) {
            assertThat(link.endpoint()).startsWith("virtual:");
        }
    }
}
