package io.pylon4j.rs485;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Example;
import org.junit.jupiter.api.Test;

/**
 * {@link Command} is the one table of RS485 commands: these tests prove it complete against the sealed
 * {@link Rs485Request} and {@link Rs485Response} hierarchies, consistent with every record's {@code command()}, and
 * that every entry decodes what it encodes, on the frames of the four RS485 captures in {@code docs/captures/}
 * (copied into {@code golden/}) where they hold the command, on generated exchanges where they do not.
 */
class CommandTableTest {

    private static Set<Class<?>> permitted(Class<?> sealed) {
        assertThat(sealed.isSealed()).isTrue();
        return Set.of(sealed.getPermittedSubclasses());
    }

    @Test
    void everyPermittedRequestRecordIsExactlyOneCommandsRequest() {
        List<Class<? extends Rs485Request>> requestTypes = Arrays.stream(Command.values()).map(Command::requestType)
                .collect(Collectors.toList());
        assertThat(requestTypes).doesNotHaveDuplicates();
        assertThat(Set.copyOf(requestTypes)).isEqualTo(permitted(Rs485Request.class));
    }

    @Test
    void everyPermittedResponseRecordIsOneQuerysReplyAnAcknowledgementOrARejection() {
        List<Class<? extends Rs485Response>> replies = Arrays.stream(Command.values()).filter(c -> !c.isControl())
                .map(Command::responseType).collect(Collectors.toList());
        assertThat(replies).doesNotHaveDuplicates().doesNotContain(Acknowledgement.class, Rejection.class);
        Set<Class<?>> all = new java.util.HashSet<>(replies);
        all.add(Acknowledgement.class);
        all.add(Rejection.class);
        assertThat(all).isEqualTo(permitted(Rs485Response.class));
    }

    @Test
    void theControlCommandsAreTheThreeThatChangeTheBattery() {
        // [R485-33] §3.8, §3.9; [R232-28] §3.4: the commands this library never sends unless the caller asks
        assertThat(Arrays.stream(Command.values()).filter(Command::isControl))
                .containsExactlyInAnyOrder(Command.SET_CHARGE_DISCHARGE_MANAGEMENT, Command.TURN_OFF,
                        Command.SET_COMMUNICATION_RATE);
        for (Command c : Command.values()) {
            assertThat(c.responseType() == Acknowledgement.class).as(c.hex()).isEqualTo(c.isControl());
        }
    }

    @Test
    void everyCodeIsOneCommandsAndOfFindsIt() {
        assertThat(Arrays.stream(Command.values()).map(Command::code)).doesNotHaveDuplicates();
        for (int cid2 = 0; cid2 < 256; cid2++) {
            int code = cid2;
            boolean listed = Arrays.stream(Command.values()).anyMatch(c -> c.code() == code);
            assertThat(Command.isKnown(cid2)).as("0x%02X", cid2).isEqualTo(listed);
            if (listed) {
                assertThat(Command.of(cid2).code()).isEqualTo(cid2);
            }
        }
        assertThat(Command.isKnown(-1)).isFalse();
        assertThat(Command.isKnown(256)).isFalse();
    }

    @Example // jqwik's, for its generator; the rest of the class runs on JUnit Jupiter
    void everyEntryDecodesWhatItEncodesOnTheCapturesAndOnGeneratedExchanges() throws Exception {
        Set<Command> capturedRequests = EnumSet.noneOf(Command.class);
        Set<Command> capturedReplies = EnumSet.noneOf(Command.class);
        for (String file : GoldenVectorTest.FILES) {
            for (GoldenVectorTest.Vector v : GoldenVectorTest.load(file)) {
                if (v.expect().startsWith("error ")) {
                    continue;
                }
                Rs485Frame frame = Rs485FrameCodec.parse(v.frame());
                // the captured frame itself comes back, but where the capture sends INFO bytes the layout ignores
                boolean reencodes = !"false".equals(v.values().get("reencodes"));
                if (v.request() == null) {
                    Rs485Request request = Rs485Codec.decodeRequest(frame);
                    checkRequest(request);
                    if (reencodes) {
                        assertThat(request.toFrame(frame.version())).as(v.name()).isEqualTo(frame);
                    }
                    capturedRequests.add(request.command());
                } else {
                    Rs485Request request = Rs485Codec.decodeRequest(Rs485FrameCodec.parse(v.request()));
                    Rs485Response reply = Rs485Codec.decodeResponse(request, frame);
                    checkExchange(request, reply);
                    if (reencodes) {
                        assertThat(reply.toFrame()).as(v.name()).isEqualTo(frame);
                    }
                    capturedReplies.add(reply.command());
                }
            }
        }
        // What the captures hold: the eight queries of [R485-33] on the wire, seven of them answered
        assertThat(capturedRequests).containsExactlyInAnyOrder(Command.PROTOCOL_VERSION, Command.MANUFACTURER_INFO,
                Command.ANALOG_VALUES, Command.ALARM_INFO, Command.SYSTEM_PARAMETERS,
                Command.CHARGE_DISCHARGE_MANAGEMENT, Command.SERIAL_NUMBER, Command.SOFTWARE_VERSION);
        assertThat(capturedReplies).containsExactlyInAnyOrder(Command.PROTOCOL_VERSION, Command.MANUFACTURER_INFO,
                Command.ANALOG_VALUES, Command.ALARM_INFO, Command.SYSTEM_PARAMETERS,
                Command.CHARGE_DISCHARGE_MANAGEMENT, Command.SOFTWARE_VERSION);

        // Every entry, captured or not, on exchanges from the property tests' generator (a fixed seed)
        Random random = new Random(15_5);
        var generator = Rs485Arbitraries.exchanges().generator(100);
        Set<Command> generated = EnumSet.noneOf(Command.class);
        for (int i = 0; i < 20_000 && generated.size() < Command.values().length; i++) {
            Rs485Arbitraries.Exchange exchange = generator.next(random).value();
            if (exchange.response() instanceof Rejection || generated.contains(exchange.request().command())) {
                continue;
            }
            checkRequest(exchange.request());
            checkExchange(exchange.request(), exchange.response());
            generated.add(exchange.request().command());
        }
        assertThat(generated).containsExactlyInAnyOrder(Command.values());
    }

    /** The request is its command's record, and its frame decodes back to it. */
    private static void checkRequest(Rs485Request request) {
        Command command = request.command();
        assertThat(request.getClass()).as(command.hex()).isEqualTo(command.requestType());
        Rs485Frame frame = request.toFrame();
        assertThat(frame.cid2OrRtn()).isEqualTo(command.code());
        assertThat(Rs485Codec.decodeRequest(frame)).as(command.hex()).isEqualTo(request);
    }

    /** The reply is its command's record, answers that command, and its frame decodes back to it. */
    private static void checkExchange(Rs485Request request, Rs485Response reply) {
        Command command = request.command();
        assertThat(reply.command()).as(command.hex()).isEqualTo(command);
        if (reply instanceof Rejection) {
            return;
        }
        assertThat(reply.getClass()).as(command.hex()).isEqualTo(command.responseType());
        assertThat(Rs485Codec.decodeResponse(request, reply.toFrame())).as(command.hex()).isEqualTo(reply);
    }
}
