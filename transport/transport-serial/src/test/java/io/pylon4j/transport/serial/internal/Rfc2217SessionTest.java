package io.pylon4j.transport.serial.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.transport.serial.SerialSettings;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The RFC 2217 client negotiation, one input at a time, against the bytes ser2net 4.3 really sends. */
class Rfc2217SessionTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private static byte[] hex(String text) {
        return HEX.parseHex(text);
    }

    private static String out(Rfc2217Session session) {
        return HEX.formatHex(session.takeOutput());
    }

    /** Feeds server bytes through a decoder into the session. */
    private static void server(Rfc2217Session session, String bytes) {
        byte[] in = hex(bytes);
        new TelnetDecoder().decode(in, 0, in.length, new byte[in.length], session);
    }

    private final Rfc2217Session session = new Rfc2217Session(SerialSettings.defaults().withBaudRate(9600));

    @Test
    void offersComPortBinaryAndSuppressGoAhead() {
        session.start();
        assertThat(out(session)).isEqualTo("ff fb 2c ff fb 00 ff fd 00 ff fb 03 ff fd 03");
        assertThat(session.unconfirmed()).containsExactly("DO COM-PORT-OPTION", "SET-BAUDRATE", "SET-DATASIZE",
                "SET-PARITY", "SET-STOPSIZE");
    }

    @Test
    void answersSer2netsOpeningRefusingOnlyEchoAndThenSendsTheSettings() {
        session.start();
        session.takeOutput();
        // WILL SGA, DO SGA, WILL ECHO, DONT ECHO, DO BINARY, WILL BINARY, DO COM-PORT-OPTION
        server(session, "ff fb 03 ff fd 03 ff fb 01 ff fe 01 ff fd 00 ff fb 00 ff fd 2c");
        assertThat(out(session)).isEqualTo("ff fe 01"            // DONT ECHO: the only refusal
                + " ff fa 2c 01 00 00 25 80 ff f0"              // SET-BAUDRATE 9600
                + " ff fa 2c 02 08 ff f0"                       // SET-DATASIZE 8
                + " ff fa 2c 03 01 ff f0"                       // SET-PARITY NONE
                + " ff fa 2c 04 01 ff f0");                     // SET-STOPSIZE 1
        assertThat(session.serverSendsBinary()).isTrue();
        assertThat(session.clientSendsBinary()).isTrue();

        // ser2net then repeats DO SGA and notifies the modem state: nothing to answer, no ping-pong
        server(session, "ff fa 2c 6b 00 ff f0 ff fd 03");
        assertThat(session.takeOutput()).isEmpty();

        server(session, "ff fa 2c 65 00 00 25 80 ff f0 ff fa 2c 66 08 ff f0 ff fa 2c 67 01 ff f0 ff fa 2c 68 01 ff f0");
        assertThat(session.settingsConfirmed()).isTrue();
        assertThat(session.reportedBaudRate()).isEqualTo(9600);
        assertThat(session.mismatches()).isEmpty();
        assertThat(session.refused()).isFalse();
    }

    @Test
    void aServerThatSetsAnotherRateIsAMismatch() {
        session.start();
        server(session, "ff fd 2c ff fa 2c 65 00 01 c2 00 ff f0 ff fa 2c 66 08 ff f0 ff fa 2c 67 03 ff f0"
                + " ff fa 2c 68 01 ff f0");
        assertThat(session.settingsConfirmed()).isTrue();
        assertThat(session.mismatches()).containsExactly("baud rate 115200 instead of 9600",
                "parity code 3 instead of 1");
    }

    @Test
    void aPlainTelnetServerRefusesComPort() {
        session.start();
        session.takeOutput();
        server(session, "ff fe 2c"); // ser2net's answer on a telnet port without rfc2217
        assertThat(session.refused()).isTrue();
        assertThat(session.takeOutput()).as("a refusal of our own request is not answered").isEmpty();
    }

    @Test
    void refusesOptionsItDoesNotKnowOnceAndIgnoresRefusalsOfDisabledOnes() {
        server(session, "ff fd 18 ff fb 1f ff fc 05 ff fe 05");  // DO TERMINAL-TYPE, WILL NAWS, WONT/DONT STATUS
        assertThat(out(session)).isEqualTo("ff fc 18 ff fe 1f");
    }

    @Test
    void turnsBinaryOffWhenTheServerDoes() {
        session.start();
        server(session, "ff fd 00 ff fb 00");
        session.takeOutput();
        server(session, "ff fc 00 ff fe 00"); // WONT BINARY, DONT BINARY
        assertThat(out(session)).isEqualTo("ff fe 00 ff fc 00"); // acknowledged once each
        assertThat(session.serverSendsBinary()).isFalse();
        assertThat(session.clientSendsBinary()).isFalse();
    }

    @Test
    void sendsItsSignatureWhenAskedAndKeepsTheServers() {
        server(session, "ff fa 2c 64 ff f0 ff fa 2c 64 73 65 72 32 6e 65 74 ff f0");
        assertThat(out(session)).isEqualTo("ff fa 2c 00 70 79 6c 6f 6e 34 6a ff f0"); // "pylon4j"
        assertThat(session.serverSignature()).isEqualTo("ser2net");
    }

    @Test
    void escapesIacInTheBaudRate() {
        Rfc2217Session odd = new Rfc2217Session(SerialSettings.defaults().withBaudRate(0x0001C2FF));
        server(odd, "ff fd 2c");
        assertThat(out(odd)).startsWith("ff fb 2c ff fa 2c 01 00 01 c2 ff ff ff f0");
    }
}
