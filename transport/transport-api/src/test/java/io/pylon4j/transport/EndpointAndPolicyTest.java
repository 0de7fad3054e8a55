package io.pylon4j.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.transport.spi.TransportProvider;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EndpointAndPolicyTest {

    @Test
    void parsesSchemeTargetAndParameters() {
        Endpoint e = Endpoint.parse("serial:/dev/ttyUSB0?baud=9600");
        assertThat(e.scheme()).isEqualTo("serial");
        assertThat(e.target()).isEqualTo("/dev/ttyUSB0");
        assertThat(e.intParameter("baud", 115200)).isEqualTo(9600);
        assertThat(e.intParameter("parity", 0)).isZero();
        assertThat(Endpoint.parse("socketcand:127.0.0.1:29536/can0").target()).isEqualTo("127.0.0.1:29536/can0");
        assertThat(Endpoint.parse("tcp:[::1]:4196").hostPort()).isEqualTo(new Endpoint.HostPort("::1", 4196));
        assertThat(Endpoint.parse("TCP:host:1").scheme()).isEqualTo("tcp");
    }

    @Test
    void rejectsMalformedEndpointsSaySoWhy() {
        assertThatThrownBy(() -> Endpoint.parse("/dev/ttyUSB0")).isInstanceOf(InvalidEndpointException.class)
                .hasMessageContaining("no scheme");
        assertThatThrownBy(() -> Endpoint.parse("tcp:")).hasMessageContaining("nothing after 'tcp:'");
        assertThatThrownBy(() -> Endpoint.parse("serial:/dev/x?baud")).hasMessageContaining("not key=value");
        assertThatThrownBy(() -> Endpoint.parse("serial:/dev/x?baud=1&baud=2")).hasMessageContaining("repeats");
        assertThatThrownBy(() -> Endpoint.parse("serial:/dev/x?baud=fast").intParameter("baud", 1))
                .hasMessageContaining("baud=fast is not an integer");
        assertThatThrownBy(() -> Endpoint.parse("tcp:host").hostPort()).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> Endpoint.parse("tcp:host:99999").hostPort()).hasMessageContaining("99999");
    }

    @Test
    void unknownSchemeListsTheSchemesFound() {
        Transports transports = new Transports(List.of(provider("virtual", true), provider("tcp", false)));
        assertThatThrownBy(() -> transports.can("slcan:/dev/ttyACM0"))
                .isInstanceOf(InvalidEndpointException.class)
                .hasMessageContaining("unknown scheme 'slcan'").hasMessageContaining("tcp, virtual");
        assertThatThrownBy(() -> transports.can("vendor:x")).hasMessageNotContaining("comes with");
        assertThatThrownBy(() -> transports.can("tcp:h:1")).hasMessageContaining("not a CAN one");
        assertThatThrownBy(() -> transports.byteStream("virtual:x")).hasMessageContaining("not a byte-stream");
        assertThat(new Transports(List.of()).schemes()).isEmpty();
        assertThatThrownBy(() -> new Transports(List.of()).can("virtual:x"))
                .hasMessageContaining("none (no transport on the class path)");
    }

    /** pylon4j's own scheme with no provider at all (its jar absent, or its OSGi bundle unresolved) names its jar. */
    @Test
    void anUnknownSchemeOfPylon4jsOwnTransportsNamesTheJarThatBringsIt() {
        Transports transports = new Transports(List.of(provider("virtual", true)));
        assertThatThrownBy(() -> transports.can("socketcan:vcan0"))
                .isInstanceOf(InvalidEndpointException.class)
                .hasMessageContaining("unknown scheme 'socketcan'")
                .hasMessageContaining("it comes with pylon4j-transport-socketcan, which needs JavaCAN")
                .hasMessageContaining("schemes found: virtual");
        assertThatThrownBy(() -> transports.byteStream("tcp:127.0.0.1:1"))
                .hasMessageContaining("it comes with pylon4j-transport-netty, which needs Netty");
    }

    @Test
    void aSchemeMayOfferBothKinds() {
        TransportProvider both = new TransportProvider() {
            @Override
            public Set<String> schemes() {
                return Set.of("virtual");
            }

            @Override
            public boolean isCan(String scheme) {
                return true;
            }

            @Override
            public boolean isByteStream(String scheme) {
                return true;
            }
        };
        Transports transports = new Transports(List.of(both, provider("tcp", false), provider("canet", true)));
        // the provider's (default) create methods are reached: the kind check let both through
        assertThatThrownBy(() -> transports.can("virtual:x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> transports.byteStream("virtual:x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> transports.byteStream("canet:h:1"))
                .hasMessageContaining("byte-stream schemes here: [tcp, virtual]");
        assertThatThrownBy(() -> transports.can("tcp:h:1")).hasMessageContaining("CAN schemes here: [canet, virtual]");
    }

    @Test
    void duplicateSchemesAreRejectedUpFront() {
        assertThatThrownBy(() -> new Transports(List.of(provider("tcp", false), provider("tcp", false))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("scheme 'tcp' is provided twice");
    }

    @Test
    void backoffGrowsIsCappedAndJittersWithinBounds() {
        ReconnectPolicy policy = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.0, 0);
        SplittableRandom random = new SplittableRandom(1);
        assertThat(policy.delayBefore(1, random)).isZero();
        assertThat(policy.delayBefore(2, random)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delayBefore(3, random)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.delayBefore(5, random)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.delayBefore(40, random)).isEqualTo(Duration.ofSeconds(1));

        ReconnectPolicy jittered = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.2, 0);
        for (int i = 0; i < 1000; i++) {
            assertThat(jittered.delayBefore(3, random)).isBetween(Duration.ofMillis(160), Duration.ofMillis(240));
        }
        assertThat(new ReconnectPolicy(Duration.ofMillis(1), Duration.ofMillis(1), 1, 0, 3).allowsAttempt(4)).isFalse();
        assertThat(ReconnectPolicy.DEFAULT.allowsAttempt(1_000_000)).isTrue();
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ZERO, Duration.ofSeconds(1), 2, 0, 0))
                .hasMessageContaining("initialDelay must be positive");
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0, 0))
                .hasMessageContaining("shorter than initialDelay");
    }

    @Test
    void idFilterAcceptsExactlyItsIds() {
        CanIdFilter filter = CanIdFilter.of(0x351, 0x7FF, 0);
        assertThat(filter.accepts(0x351)).isTrue();
        assertThat(filter.accepts(0x352)).isFalse();
        assertThat(filter.ids()).containsExactly(0, 0x351, 0x7FF);
        assertThat(CanIdFilter.ALL.accepts(0x123)).isTrue();
        assertThat(filter).isEqualTo(CanIdFilter.of(0x7FF, 0x351, 0));
        assertThatThrownBy(() -> CanIdFilter.of(0x800)).hasMessageContaining("0x800");
    }

    private static TransportProvider provider(String scheme, boolean can) {
        return new TransportProvider() {
            @Override
            public Set<String> schemes() {
                return Set.of(scheme);
            }

            @Override
            public boolean isCan(String s) {
                return can;
            }
        };
    }
}
