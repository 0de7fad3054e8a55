package io.pylon4j.transport.netty.internal;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.contract.LoopbackServer;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Test-side halves of the bridges: what a socketcand server and a CANET converter do on 127.0.0.1. */
final class Bridges {

    static final Duration WAIT = Duration.ofSeconds(10);

    private Bridges() {
    }

    /** A socketcand server's side of the handshake, for interface {@code iface}. */
    static LoopbackServer.Greeting socketcandHandshake(String iface) {
        return socket -> {
            write(socket, "< hi >");
            expect(socket, "< open " + iface + " ");
            write(socket, "< ok >");
            expect(socket, "< rawmode ");
            write(socket, "< ok >");
        };
    }

    static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    private static void expect(Socket socket, String element) throws IOException {
        String got = LoopbackServer.readUntil(socket, '>', WAIT);
        if (!got.equals(element)) {
            throw new IOException("expected '" + element + ">' but got '" + got + ">'");
        }
    }

    /** The frame of a {@code < send … >} command as socketcand's {@code state_raw.c} reads it. */
    static CanFrame parseSend(String element) {
        String[] t = element.replace("<", "").strip().split("\\s+");
        if (!t[0].equals("send")) {
            throw new AssertionError("not a send command: " + element);
        }
        int id = Integer.parseInt(t[1], 16);
        int length = Integer.parseInt(t[2]);
        if (t.length != 3 + length) {
            throw new AssertionError("DLC " + length + " but " + (t.length - 3) + " bytes: " + element);
        }
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) Integer.parseInt(t[3 + i], 16);
        }
        return CanFrame.of(id, data);
    }
}
