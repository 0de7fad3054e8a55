package io.pylon4j.transport.socketcan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.InvalidEndpointException;
import io.pylon4j.transport.Transports;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Endpoint parsing and registration: no kernel needed. */
class SocketCanTransportProviderTest {

    @Test
    void isFoundByTheServiceLoaderAsACanScheme() {
        Transports transports = Transports.fromServiceLoader();
        assertThat(transports.schemes()).contains("socketcan");

        try (CanTransport can = transports.can("socketcan:vcan0")) {
            assertThat(can).isInstanceOf(SocketCanTransport.class);
            assertThat(can.endpoint()).isEqualTo("socketcan:vcan0");
            assertThat(((SocketCanTransport) can).interfaceName()).isEqualTo("vcan0");
            assertThat(can.state()).isEqualTo(ConnectionState.NEW); // created, not opened: no thread, no socket
        }
    }

    @Test
    void isNotAByteStream() {
        assertThatThrownBy(() -> Transports.fromServiceLoader().byteStream("socketcan:can0"))
                .isInstanceOf(InvalidEndpointException.class)
                .hasMessageContaining("is a CAN endpoint");
    }

    @ParameterizedTest
    @ValueSource(strings = {"can0", "vcan0", "slcan12", "can-bus_1", "a", "abcdefghijklmno"})
    void acceptsLinuxInterfaceNames(String name) {
        try (CanTransport can = new SocketCanTransportProvider().createCan(
                io.pylon4j.transport.Endpoint.parse("socketcan:" + name), io.pylon4j.transport.TransportOptions.defaults())) {
            assertThat(((SocketCanTransport) can).interfaceName()).isEqualTo(name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"socketcan:abcdefghijklmnop", "socketcan:.", "socketcan:..", "socketcan:can/0",
            "socketcan:can:0", "socketcan:can 0", "socketcan:can\t0", "socketcan:cän0"})
    void rejectsWhatTheKernelWouldRejectAndSaysWhy(String endpoint) {
        assertThatThrownBy(() -> Transports.fromServiceLoader().can(endpoint))
                .isInstanceOf(InvalidEndpointException.class)
                .hasMessageContaining("interface name")
                .hasMessageContaining("socketcan:can0");
    }

    @Test
    void rejectsParameters() {
        assertThatThrownBy(() -> Transports.fromServiceLoader().can("socketcan:can0?bitrate=500000"))
                .isInstanceOf(InvalidEndpointException.class)
                .hasMessageContaining("takes no parameters")
                .hasMessageContaining("bitrate");
    }
}
