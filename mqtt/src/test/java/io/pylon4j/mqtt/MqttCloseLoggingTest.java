package io.pylon4j.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A clean close is not a problem and must not read like one in an operator's log: nothing above INFO from the bridge
 * (through {@code System.Logger}, which reaches {@code java.util.logging} here) nor from the libraries under it
 * (Netty logs through {@code java.util.logging} too when SLF4J is absent, HiveMQ's client then logs nothing).
 */
class MqttCloseLoggingTest {

    @RegisterExtension
    final MosquittoExtension mosquitto = new MosquittoExtension();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() throws Exception {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stop() throws Exception {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void aCleanCloseLogsNothingAboveInfo() throws Exception {
        // the capture sees what the bridge logs: a probe through the same System.Logger path
        System.getLogger(PylonMqttBridge.class.getName()).log(System.Logger.Level.WARNING, "probe");
        assertThat(records).extracting(LogRecord::getMessage).containsExactly("probe");
        records.clear();

        PylonMqttBridge bridge = PylonMqttBridge.builder(MqttBridgeOptions.defaults().withSite("quiet"))
                .broker(MqttBroker.parse(mosquitto.uri())).build();
        bridge.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!bridge.isConnected() && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
        }
        assertThat(bridge.isConnected()).as(bridge.linkCause()).isTrue();
        bridge.close();
        Thread.sleep(500); // the client reports the disconnection on its own thread, a moment after close returns

        assertThat(records).filteredOn(r -> r.getLevel().intValue() > Level.INFO.intValue())
                .extracting(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
                        + (r.getParameters() == null ? "" : " " + List.of(r.getParameters())))
                .isEmpty();
        assertThat(records).extracting(LogRecord::getMessage).contains("MQTT bridge connected to {0}");
    }
}
