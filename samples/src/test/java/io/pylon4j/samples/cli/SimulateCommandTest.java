package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.can.ChargeDischargeLimits;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.rs485.AlarmInfo;
import io.pylon4j.rs485.AlarmInfoRequest;
import io.pylon4j.rs485.AnalogValues;
import io.pylon4j.rs485.AnalogValuesRequest;
import io.pylon4j.rs485.ChargeDischargeManagement;
import io.pylon4j.rs485.ChargeDischargeManagementRequest;
import io.pylon4j.rs485.ManufacturerInfo;
import io.pylon4j.rs485.ManufacturerInfoRequest;
import io.pylon4j.rs485.ProtocolVersion;
import io.pylon4j.rs485.ProtocolVersionRequest;
import io.pylon4j.rs485.ReadResult;
import io.pylon4j.rs485.Rs485Codec;
import io.pylon4j.rs485.Rs485FrameReader;
import io.pylon4j.rs485.Rs485Request;
import io.pylon4j.rs485.Rs485Response;
import io.pylon4j.rs485.SerialNumber;
import io.pylon4j.rs485.SerialNumberRequest;
import io.pylon4j.rs485.SoftwareVersion;
import io.pylon4j.rs485.SoftwareVersionRequest;
import io.pylon4j.rs485.SystemParameters;
import io.pylon4j.rs485.SystemParametersRequest;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.tcplisten.TcpListenTransportProvider;
import io.pylon4j.transport.virtual.VirtualTransportProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code pylon simulate} in-process: a full RS485 poll over a real loopback socket, and its CAN output. */
class SimulateCommandTest {

    /**
     * A thread of its own for each command run in the background. Not the common pool: on a 2-core machine JDK 25
     * gives {@code supplyAsync} one shared thread, which a running {@code pylon simulate} holds until it stops.
     */
    static final java.util.concurrent.Executor OWN_THREAD = task -> {
        Thread t = new Thread(task, "test-cli-command");
        t.setDaemon(true);
        t.start();
    };

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 15 s").isLessThan(deadline);
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /** A blocking RS485 client on a socket: write a request, read until one frame comes back, decode it. */
    private static final class Client {
        private final OutputStream out;
        private final InputStream in;
        private final Rs485FrameReader reader = new Rs485FrameReader();
        private final List<ReadResult> results = new ArrayList<>();

        Client(Socket socket) throws Exception {
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }

        Rs485Response poll(Rs485Request request) throws Exception {
            out.write(request.toFrame().encode());
            out.flush();
            byte[] buf = new byte[4096];
            while (results.isEmpty()) {
                int n = in.read(buf);
                assertThat(n).as("bytes before the link closed").isPositive();
                reader.push(buf, 0, n, results::add);
            }
            ReadResult r = results.remove(0);
            assertThat(r).isInstanceOf(ReadResult.Frame.class);
            return Rs485Codec.decodeResponse(request, ((ReadResult.Frame) r).frame());
        }
    }

    @Test
    void servesAFullPollOfTheStackOnTcpListenAndTheCanSetOnAVirtualBus() throws Exception {
        VirtualTransportProvider virtual = new VirtualTransportProvider();
        SimulateCommand command = new SimulateCommand();
        command.transports = new Transports(List.of(virtual, new TcpListenTransportProvider()));
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setErr(new PrintWriter(err, true));

        CanTransport inverter = virtual.canBus("sim").newMember();
        inverter.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        List<CanFrame> frames = new CopyOnWriteArrayList<>();
        inverter.addFrameListener((f, t) -> frames.add(f));

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--modules", "4",
                "--preset", "US3000C", "--soc", "62", "--can", "virtual:sim", "--rs485", "tcp-listen:0"), OWN_THREAD);
        int port = command.rs485Port.get(15, TimeUnit.SECONDS);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            Client client = new Client(socket);
            assertThat(((ProtocolVersion) client.poll(new ProtocolVersionRequest(0x02))).version()).isEqualTo(0x20);
            assertThat(((ManufacturerInfo) client.poll(new ManufacturerInfoRequest(0x02))).deviceName().trim())
                    .isEqualTo("US3000C");
            assertThat(((SystemParameters) client.poll(new SystemParametersRequest(0x02))).dischargeCurrentLimitDeciAmps())
                    .isEqualTo(-900);
            AnalogValues stack = (AnalogValues) client.poll(AnalogValuesRequest.wholeStack(0));
            assertThat(stack.modules()).hasSize(4);
            assertThat(stack.modules().get(0).cellCount()).isEqualTo(15);
            assertThat(stack.modules().get(0).totalCapacityMilliAmpHours()).isEqualTo(74_000);
            assertThat(((AlarmInfo) client.poll(AlarmInfoRequest.wholeStack(0))).modules()).hasSize(4);
            for (int adr = 0x02; adr <= 0x05; adr++) {
                AnalogValues one = (AnalogValues) client.poll(AnalogValuesRequest.of(adr));
                assertThat(one.modules()).hasSize(1);
                assertThat(one.modules().get(0).voltageMilliVolts()).isBetween(48_000, 54_000);
                ChargeDischargeManagement cdm =
                        (ChargeDischargeManagement) client.poll(ChargeDischargeManagementRequest.of(adr));
                assertThat(cdm.chargeVoltageLimitMilliVolts()).isEqualTo(53_250);
                assertThat(cdm.chargeCurrentLimitDeciAmps()).isEqualTo(370);
                assertThat(cdm.dischargeCurrentLimitDeciAmps()).isEqualTo(-370);
                assertThat(((SerialNumber) client.poll(SerialNumberRequest.of(adr))).serialNumber()).hasSize(16);
                assertThat(client.poll(SoftwareVersionRequest.of(adr))).isInstanceOf(SoftwareVersion.class);
            }
        }
        await(() -> frames.stream().anyMatch(f -> f.id() == 0x351));
        ChargeDischargeLimits limits = frames.stream().filter(f -> f.id() == 0x351).findFirst()
                .map(f -> (ChargeDischargeLimits) PylonCanCodec.standard().decode(f)).orElseThrow();
        assertThat(limits.chargeVoltageLimitVolts()).isEqualTo(53.2);
        assertThat(limits.chargeCurrentLimitAmps()).isEqualTo(148.0);
        await(() -> err.toString().contains("t=1s sent"));
        command.stop();
        assertThat(exit.get(15, TimeUnit.SECONDS)).isZero();
        inverter.close();
        assertThat(err.toString()).contains("RS485 listening on 127.0.0.1:" + port)
                .containsPattern("t=1s sent \\d+ CAN frames \\(CVL 53\\.2 V CCL 148\\.0 A SOC 62 %\\)")
                .contains("pylon simulate: stopped");
    }

    @Test
    void needsAnEndpoint() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SimulateCommand());
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("--modules", "2")).isEqualTo(2);
        assertThat(err.toString()).contains("--can ENDPOINT, --rs485 ENDPOINT or both");
    }
}
