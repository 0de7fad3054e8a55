package io.pylon4j.driver;

import io.pylon4j.rs485.AlarmInfo;
import io.pylon4j.rs485.AlarmInfoRequest;
import io.pylon4j.rs485.AnalogValuesRequest;
import io.pylon4j.rs485.ChargeDischargeManagementRequest;
import io.pylon4j.rs485.InfoFlag;
import io.pylon4j.rs485.ManufacturerInfoRequest;
import io.pylon4j.rs485.ModuleAlarm;
import io.pylon4j.rs485.Rs485Codec;
import io.pylon4j.rs485.Rs485FrameCodec;
import io.pylon4j.rs485.Rs485Request;
import io.pylon4j.rs485.SerialNumber;
import io.pylon4j.rs485.SerialNumberRequest;
import io.pylon4j.rs485.SoftwareVersion;
import io.pylon4j.rs485.SoftwareVersionRequest;
import io.pylon4j.rs485.SystemParametersRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A three-module US2000 stack at address 2 answering with real reply frames from the shared captures
 * (rs485-python-pylontech-tests.txt frame 1 for 0x42; rs485-tomcat42-lowlevel-us2000b.txt for 0x51, 0x47, 0x44,
 * 0x92, 0x96, re-addressed where another module is asked). 0x44 whole stack has no capture: three copies of the
 * captured single-module block, as the codec's whole-stack layout. Serial numbers are made up.
 */
final class FakeRs485Battery implements Function<byte[], byte[]> {

    static final String R42_STACK = "~20024600914211030F0CE70CE80CE60CE70CE80CE80CE80CE60CE50CE60CE80CE70CEA0CE50CE6050B910B870B870B870B87FFE6C18982DC02C350001F0F0CE20CE60CE60CE10CE50CE70CE60CE30CE20CE50CE30CE90CE70CE90CE9050B910B870B870B870B87FFE7C17082DC02C350001F0F0CE20CE50CE50CE20CE30CE30CE40CE50CE60CE60CE30CE40CE40CE60CE6050B910B7D0B7D0B7D0B7DFFE5C16082DC02C350001FB476";
    static final String R51 = "~20024600C0405553324B42504C000000020350796C6F6E2D2D2D2D2D2D2D2D2D2D2D2D2D2D2DEF98";
    static final String R47 = "~20024600B032110E420BEA0B540D0D0A3D03FCD2F0B3B0ADD40D0D0A3DFC18F23D";
    static final String R44_ONE = "~20024600C04000020F000000000000000000000000000000050000000000000000000E800000F161";
    static final String R92 = "~20024600B01402D002B79800FAFF06C0F92D";
    static final String R96 = "~20024600400C020203000605FB49";

    final List<Rs485Request> received = new ArrayList<>();
    /** Requests of these commands (CID2) go unanswered. */
    final java.util.Set<Integer> silentFor = new java.util.HashSet<>();
    /** Requests of these commands (CID2) are answered with RTN 04, invalid command. */
    final java.util.Set<Integer> rejectFor = new java.util.HashSet<>();
    /** The reply to 0x92, when not the captured one. */
    byte[] reply92;
    /** How many more requests go unanswered, whatever they are. */
    int dropNext;
    /** The next request of each of these commands (CID2) is answered late: its reply goes to {@link #held}. */
    final java.util.Set<Integer> holdOnce = new java.util.HashSet<>();
    /** Replies held back, oldest first, for the test to put on the wire when it chooses. */
    final java.util.ArrayDeque<byte[]> held = new java.util.ArrayDeque<>();
    /** Alarm block to answer 0x44 with (default: the captured one, no alarms). */
    ModuleAlarm alarm = ((AlarmInfo) Rs485Codec.decodeResponse(AlarmInfoRequest.of(2), frame(R44_ONE)))
            .modules().get(0);

    static io.pylon4j.rs485.Rs485Frame frame(String text) {
        return Rs485FrameCodec.parse(text);
    }

    static byte[] wire(String text) {
        return (text + "\r").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public byte[] apply(byte[] bytes) {
        Rs485Request request = Rs485Codec.decodeRequest(Rs485FrameCodec.decode(bytes));
        received.add(request);
        if (holdOnce.remove(request.command().code())) {
            held.add(answer(request));
            return null;
        }
        return answer(request);
    }

    private byte[] answer(Rs485Request request) {
        if (dropNext > 0) {
            dropNext--;
            return null;
        }
        if (silentFor.contains(request.command().code())) {
            return null;
        }
        if (rejectFor.contains(request.command().code())) {
            return new io.pylon4j.rs485.Rejection(request.address(), request.command(),
                    io.pylon4j.rs485.ReturnCode.INVALID_COMMAND, new byte[0]).toFrame().encode();
        }
        if (request instanceof ManufacturerInfoRequest) {
            return wire(R51);
        } else if (request instanceof SystemParametersRequest) {
            return wire(R47);
        } else if (request instanceof AnalogValuesRequest) {
            return wire(R42_STACK);
        } else if (request instanceof AlarmInfoRequest) {
            return new AlarmInfo(2, InfoFlag.of(0), 0xFF, List.of(alarm, alarm, alarm)).toFrame().encode();
        } else if (request instanceof ChargeDischargeManagementRequest) {
            return reply92 != null ? reply92 : wire(R92);
        } else if (request instanceof SerialNumberRequest s) {
            return new SerialNumber(s.address(), s.address(), "PPTBH0" + s.address() + "123456789").toFrame()
                    .encode();
        } else if (request instanceof SoftwareVersionRequest v) {
            SoftwareVersion captured = (SoftwareVersion) Rs485Codec.decodeResponse(SoftwareVersionRequest.of(2),
                    frame(R96));
            return new SoftwareVersion(v.address(), v.address(), captured.manufacturerVersion(),
                    captured.mainlineVersion()).toFrame().encode();
        }
        return null;
    }

    /** The commands received, as CID2 hex, e.g. "51". */
    List<String> commands() {
        return received.stream().map(r -> String.format("%02X@%02X", r.command().code(), r.address())).toList();
    }
}
