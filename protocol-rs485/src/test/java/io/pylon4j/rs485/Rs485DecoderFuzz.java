package io.pylon4j.rs485;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes every decoder: the frame codec on raw bytes and text, the request decoder, and every response decoder
 * (against a request of each command, single-module and whole-stack). The only exceptions allowed to leave a decoder
 * are its documented {@link Rs485Exception} subclasses; anything else (an {@link IndexOutOfBoundsException}, an
 * {@link IllegalArgumentException} from a record) is a finding. Whatever decodes must re-encode to a frame that
 * decodes to the same record.
 *
 * <p>One fuzz target for all decoders, because Jazzer fuzzes one target per JVM: the first bytes choose what to fuzz.
 */
class Rs485DecoderFuzz {

    private static final Command[] COMMANDS = Command.values();

    @FuzzTest(maxDuration = "10m")
    void decoders(FuzzedDataProvider data) {
        try {
            switch (data.consumeInt(0, 3)) {
                case 0 -> frameFromBytes(data);
                case 1 -> frameFromText(data);
                case 2 -> response(data);
                default -> request(data);
            }
        } catch (Rs485Exception expected) {
            if (expected.getMessage() == null) {
                throw new IllegalStateException("an Rs485Exception without a message", expected);
            }
        }
    }

    private static void frameFromBytes(FuzzedDataProvider data) {
        Rs485Request request = request(data.consumeInt(0, COMMANDS.length - 1), data.consumeInt(0, 255),
                data.consumeInt(0, 255), data);
        byte[] bytes = data.consumeRemainingAsBytes();
        Rs485Frame frame = Rs485FrameCodec.decode(bytes);
        checkFrame(frame);
        decodeAll(request, frame);
    }

    private static void frameFromText(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        Rs485Frame frame = Rs485FrameCodec.parse(text);
        checkFrame(frame);
        Rs485Request request = Rs485Codec.decodeRequest(frame);
        roundTrip(request);
    }

    /** A well-formed frame with fuzzed INFO, decoded against a request of a fuzzed command. */
    private static void response(FuzzedDataProvider data) {
        int command = data.consumeInt(0, COMMANDS.length - 1);
        int address = data.consumeInt(0, 255);
        int commandValue = data.consumeBoolean() ? Rs485Address.WHOLE_STACK : data.consumeInt(0, 255);
        int rtn = data.consumeBoolean() ? 0 : data.consumeInt(0, 255);
        Rs485Request request = request(command, address, commandValue, data);
        byte[] info = data.consumeRemainingAsBytes();
        if (info.length > Rs485Frame.MAX_INFO_BYTES) {
            return;
        }
        decodeAll(request, new Rs485Frame(0x20, address, Command.CID1, rtn, info));
    }

    /** A well-formed frame with fuzzed header and INFO, decoded as a request. */
    private static void request(FuzzedDataProvider data) {
        int address = data.consumeInt(0, 255);
        int cid1 = data.consumeBoolean() ? Command.CID1 : data.consumeInt(0, 255);
        int cid2 = data.consumeBoolean() ? COMMANDS[data.consumeInt(0, COMMANDS.length - 1)].code()
                : data.consumeInt(0, 255);
        byte[] info = data.consumeBytes(Rs485Frame.MAX_INFO_BYTES);
        roundTrip(Rs485Codec.decodeRequest(new Rs485Frame(data.consumeInt(0, 255), address, cid1, cid2, info)));
    }

    private static void decodeAll(Rs485Request request, Rs485Frame frame) {
        try {
            roundTrip(Rs485Codec.decodeRequest(frame));
        } catch (Rs485Exception expected) {
            // the same frame may well be no request; carry on with it as a response
        }
        Rs485Response response = Rs485Codec.decodeResponse(request, frame);
        Rs485Frame again = response.toFrame();
        Rs485Response twice = Rs485Codec.decodeResponse(request, Rs485FrameCodec.decode(again.encode()));
        if (!twice.equals(response)) {
            throw new IllegalStateException("response does not round-trip: " + response + " vs " + twice);
        }
        if (response.command() != request.command() || response.address() != request.address()) {
            throw new IllegalStateException("response answers another request: " + response);
        }
    }

    private static void roundTrip(Rs485Request request) {
        Rs485Request again = Rs485Codec.decodeRequest(Rs485FrameCodec.decode(request.toFrame().encode()));
        if (!again.equals(request)) {
            throw new IllegalStateException("request does not round-trip: " + request + " vs " + again);
        }
    }

    private static void checkFrame(Rs485Frame frame) {
        Rs485Frame again = Rs485FrameCodec.decode(frame.encode());
        String text = new String(frame.encode(), StandardCharsets.US_ASCII);
        if (!again.equals(frame) || !Rs485FrameCodec.parse(text).equals(frame)) {
            throw new IllegalStateException("frame does not round-trip: " + frame);
        }
    }

    /** A request of command {@code COMMANDS[index]}. */
    private static Rs485Request request(int index, int address, int commandValue, FuzzedDataProvider data) {
        return switch (COMMANDS[index]) {
            case PROTOCOL_VERSION -> new ProtocolVersionRequest(address);
            case MANUFACTURER_INFO -> new ManufacturerInfoRequest(address);
            case ANALOG_VALUES -> new AnalogValuesRequest(address, commandValue);
            case ALARM_INFO -> new AlarmInfoRequest(address, commandValue);
            case SYSTEM_PARAMETERS -> new SystemParametersRequest(address);
            case CHARGE_DISCHARGE_MANAGEMENT -> new ChargeDischargeManagementRequest(address, commandValue);
            case SERIAL_NUMBER -> new SerialNumberRequest(address, commandValue);
            case SET_CHARGE_DISCHARGE_MANAGEMENT -> new SetChargeDischargeManagementRequest(address, commandValue,
                    data.consumeInt(0, 0xFFFF), data.consumeInt(0, 0xFFFF), data.consumeShort(), data.consumeShort());
            case TURN_OFF -> new TurnOffRequest(address, commandValue);
            case SOFTWARE_VERSION -> new SoftwareVersionRequest(address, commandValue);
            case PACK_QUANTITY -> new PackQuantityRequest(address);
            case SET_COMMUNICATION_RATE -> new SetCommunicationRateRequest(address,
                    data.pickValue(CommunicationRate.values()));
            case SYSTEM_BASIC_INFO -> new SystemBasicInfoRequest(address);
            case SYSTEM_ANALOG -> new SystemAnalogRequest(address);
            case SYSTEM_ALARM -> new SystemAlarmRequest(address);
            case SYSTEM_CHARGE_DISCHARGE_MANAGEMENT -> new SystemChargeDischargeManagementRequest(address);
        };
    }
}
