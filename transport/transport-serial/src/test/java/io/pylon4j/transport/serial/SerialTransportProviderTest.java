package io.pylon4j.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.InvalidEndpointException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.spi.TransportProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Endpoint strings of this module, found through ServiceLoader the way applications find them. */
class SerialTransportProviderTest {

    private final Transports transports = Transports.fromServiceLoader();

    @Test
    void isRegisteredForServiceLoaderOnTheClassPath() {
        assertThat(ServiceLoader.load(TransportProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(SerialTransportProvider.class);
        assertThat(transports.schemes()).contains("serial", "slcan", "rfc2217");
    }

    @Test
    void serialDefaultsToThePylontechLineSettings() {
        try (SerialPortTransport serial = (SerialPortTransport) transports.byteStream("serial:/dev/ttyUSB0")) {
            assertThat(serial.settings()).isEqualTo(new SerialSettings(115200, 8, SerialSettings.Parity.NONE,
                    SerialSettings.StopBits.ONE));
            assertThat(serial.endpoint()).isEqualTo("serial:/dev/ttyUSB0");
        }
    }

    @Test
    void serialReadsEveryLineSetting() {
        try (SerialPortTransport serial = (SerialPortTransport) transports.byteStream(
                "serial:/dev/ttyUSB0?baud=9600&databits=7&parity=even&stopbits=2")) {
            assertThat(serial.settings()).isEqualTo(new SerialSettings(9600, 7, SerialSettings.Parity.EVEN,
                    SerialSettings.StopBits.TWO));
            assertThat(serial.settings()).hasToString("9600 7E2");
        }
        assertThat(SerialSettings.fromEndpoint(Endpoint.parse("serial:x?stopbits=1.5&parity=MARK")))
                .isEqualTo(SerialSettings.defaults().withStopBits(SerialSettings.StopBits.ONE_POINT_FIVE)
                        .withParity(SerialSettings.Parity.MARK));
    }

    @Test
    void rejectsTyposAndBadValuesNamingWhatIsAccepted() {
        assertThatThrownBy(() -> transports.byteStream("serial:/dev/ttyUSB0?buad=9600"))
                .isInstanceOf(InvalidEndpointException.class)
                .hasMessageContaining("unknown parameter 'buad'")
                .hasMessageContaining("baud, databits, parity, stopbits");
        assertThatThrownBy(() -> transports.byteStream("serial:/dev/ttyUSB0?baud=fast"))
                .isInstanceOf(InvalidEndpointException.class).hasMessageContaining("not an integer");
        assertThatThrownBy(() -> transports.byteStream("serial:/dev/ttyUSB0?baud=0"))
                .isInstanceOf(InvalidEndpointException.class).hasMessageContaining("115200 or 9600");
        assertThatThrownBy(() -> transports.byteStream("serial:/dev/ttyUSB0?parity=n"))
                .isInstanceOf(InvalidEndpointException.class).hasMessageContaining("none, odd, even, mark, space");
        assertThatThrownBy(() -> transports.byteStream("serial:/dev/ttyUSB0?stopbits=3"))
                .isInstanceOf(InvalidEndpointException.class).hasMessageContaining("1, 1.5, 2");
        assertThatThrownBy(() -> transports.byteStream("serial:/dev/ttyUSB0?databits=9"))
                .isInstanceOf(InvalidEndpointException.class).hasMessageContaining("5 to 8");
    }

    @Test
    void serialIsAByteStreamNotACanBus() {
        assertThatThrownBy(() -> transports.can("serial:/dev/ttyUSB0"))
                .isInstanceOf(InvalidEndpointException.class).hasMessageContaining("byte-stream");
        assertThat(new SerialTransportProvider().isCan("serial")).isFalse();
        assertThatThrownBy(() -> new SerialTransportProvider().createCan(Endpoint.parse("serial:/dev/x"),
                TransportOptions.defaults())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void slcanDefaultsTo500kbitPerSecondAnd115200Baud() {
        try (SlcanTransport slcan = (SlcanTransport) transports.can("slcan:/dev/ttyACM0")) {
            assertThat(slcan.bitrate()).isEqualTo(SlcanBitrate.S6);
            assertThat(slcan.listenOnly()).isFalse();
            assertThat(slcan.adapterVersion()).isEmpty();
        }
        try (SlcanTransport slcan = (SlcanTransport) transports.can("slcan:/dev/ttyACM0?bitrate=125000&listen=true"
                + "&baud=921600")) {
            assertThat(slcan.bitrate()).isEqualTo(SlcanBitrate.S4);
            assertThat(slcan.listenOnly()).isTrue();
        }
    }

    @Test
    void slcanRejectsRatesWithoutAnSCommandAndLineSettingsItDoesNotUse() {
        assertThatThrownBy(() -> transports.can("slcan:/dev/ttyACM0?bitrate=83300"))
                .isInstanceOf(InvalidEndpointException.class)
                .hasMessageContaining("slcan:/dev/ttyACM0?bitrate=83300")
                .hasMessageContaining("500000");
        assertThatThrownBy(() -> transports.can("slcan:/dev/ttyACM0?parity=even"))
                .isInstanceOf(InvalidEndpointException.class)
                .hasMessageContaining("unknown parameter 'parity'")
                .hasMessageContaining("baud, bitrate, listen");
        assertThatThrownBy(() -> transports.can("slcan:/dev/ttyACM0?listen=yes"))
                .isInstanceOf(InvalidEndpointException.class).hasMessageContaining("true or false");
        assertThatThrownBy(() -> transports.byteStream("slcan:/dev/ttyACM0"))
                .isInstanceOf(InvalidEndpointException.class).hasMessageContaining("is a CAN endpoint");
        assertThat(new SerialTransportProvider().isCan("slcan")).isTrue();
    }

    @Test
    void rfc2217TakesHostPortAndTheLineSettingsToSend() {
        try (Rfc2217Transport remote = (Rfc2217Transport) transports.byteStream("rfc2217:192.0.2.7:2001?baud=9600")) {
            assertThat(remote.settings()).isEqualTo(SerialSettings.defaults().withBaudRate(9600));
            assertThat(remote.reportedBaudRate()).isEmpty();
            assertThat(remote.serverSignature()).isEmpty();
        }
        try (Rfc2217Transport remote = (Rfc2217Transport) transports.byteStream("rfc2217:[2001:db8::7]:2001")) {
            assertThat(remote.settings()).isEqualTo(SerialSettings.defaults());
        }
        assertThatThrownBy(() -> transports.byteStream("rfc2217:192.0.2.7"))
                .isInstanceOf(InvalidEndpointException.class).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> transports.byteStream("rfc2217:192.0.2.7:2001?bitrate=500000"))
                .isInstanceOf(InvalidEndpointException.class).hasMessageContaining("unknown parameter 'bitrate'");
        assertThatThrownBy(() -> transports.can("rfc2217:192.0.2.7:2001"))
                .isInstanceOf(InvalidEndpointException.class).hasMessageContaining("byte-stream");
    }
}
