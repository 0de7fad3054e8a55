package io.pylon4j.mqtt;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the bridge tests against a real broker start from, for every test: a fresh Mosquitto
 * ({@link MosquittoExtension}), a simulated two-module bank read by the real driver ({@link SimBank}, id
 * {@code bank1}), and a bridge publishing it once the test chose its options ({@link #bridge}). Closed after the test
 * in the reverse order: bridge, bank, broker.
 *
 * <pre>{@code @RegisterExtension final BridgeRig rig = new BridgeRig();}</pre>
 */
final class BridgeRig implements BeforeEachCallback, AfterEachCallback {

    /** The bank's id, its topic level. */
    static final String BANK = "bank1";

    private final MosquittoExtension mosquitto = new MosquittoExtension();
    private SimBank bank;
    private PylonMqttBridge bridge;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        mosquitto.beforeEach(context);
        bank = new SimBank(BANK, 2);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            if (bridge != null) {
                bridge.close();
            }
            if (bank != null) {
                bank.close();
            }
        } finally {
            bridge = null;
            bank = null;
            mosquitto.afterEach(context);
        }
    }

    /** Builds and starts a bridge with {@code options} into this test's broker, publishing the bank as BANK. */
    PylonMqttBridge bridge(MqttBridgeOptions options) {
        return bridge(options, MqttBroker.parse(mosquitto.uri()));
    }

    /** Builds and starts a bridge with {@code options} into {@code target}, publishing the bank as BANK. */
    PylonMqttBridge bridge(MqttBridgeOptions options, MqttBroker target) {
        bridge = PylonMqttBridge.builder(options).broker(target).build();
        bridge.addBank(BANK, bank.driver);
        bridge.start();
        return bridge;
    }

    /** The bridge {@link #bridge(MqttBridgeOptions)} started. */
    PylonMqttBridge bridge() {
        return bridge;
    }

    /** The simulated bank and its driver. */
    SimBank bank() {
        return bank;
    }

    /** This test's broker. */
    MosquittoBroker broker() {
        return mosquitto.broker();
    }

    /** Replaces this test's plain broker with a secured one ({@link MosquittoExtension#restartSecured}). */
    MosquittoBroker restartSecured(TestPki pki, String user, String password) throws Exception {
        return mosquitto.restartSecured(pki, user, password);
    }

    /** A subscriber on this test's broker, at QoS 1. */
    MqttRecorder subscribe(String filter) throws Exception {
        return MqttRecorder.subscribe(mosquitto.port(), filter);
    }

    /** A subscriber on this test's broker, at {@code qos}. */
    MqttRecorder subscribe(String filter, int qos) throws Exception {
        return MqttRecorder.subscribe(mosquitto.port(), filter, qos);
    }
}
