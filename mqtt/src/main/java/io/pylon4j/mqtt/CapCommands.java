package io.pylon4j.mqtt;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.LongAdder;

/**
 * Takes the commands arriving on {@code PREFIX/SITE/+/cap/set} (subscribed only with
 * {@link MqttBridgeOptions#allowCommands()}), hands each to its bank's {@link CapControl} and acknowledges it on the
 * bank's {@code cap/state}; counts what it accepted, refused and let lapse. Runs on the bridge's thread.
 */
final class CapCommands {

    final LongAdder accepted = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder expired = new LongAdder();
    private final Map<String, BankPublication> banks;
    private final MqttBridgeOptions options;
    private final ScheduledExecutorService thread;

    CapCommands(Map<String, BankPublication> banks, MqttBridgeOptions options, ScheduledExecutorService thread) {
        this.banks = banks;
        this.options = options;
        this.thread = thread;
    }

    void onCommand(Mqtt5Publish publish) {
        String[] levels = publish.getTopic().toString().split("/");
        BankPublication p = levels.length >= 4 ? banks.get(levels[levels.length - 3]) : null;
        if (p == null) {
            rejected.increment();
            return; // no bank of ours: nowhere to acknowledge
        }
        String payload = new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
        try {
            if (publish.isRetain()) {
                // a retained command would be applied again by every restart, long after its sender meant it
                throw new IllegalArgumentException("retained commands are refused: publish without retain");
            }
            CapCommand command = CapCommand.parse(payload, options.maxCapDuration());
            p.publishCapState(p.caps.apply(command, thread, () -> {
                expired.increment();
                p.publishCapState(p.caps.expire());
            }));
            accepted.increment();
        } catch (IllegalArgumentException e) {
            rejected.increment();
            p.publishCapState(p.caps.rejected(e.getMessage()));
        }
    }
}
