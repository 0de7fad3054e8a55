package io.pylon4j.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge against a real Mosquitto secured as a site's broker should be: a TLS listener with a throw-away CA's
 * certificate, users from a {@code mosquitto_passwd} file, no anonymous clients. What the bridge publishes is read
 * back with {@code mosquitto_sub} (Debian's {@code mosquitto-clients}), an independent client.
 */
class MqttSecurityTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String USER = "site7";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String ONLINE_TOPIC = "pylon4j/secure/bridge/availability";

    @TempDir
    static Path pkiDir;
    private static TestPki pki;

    @TempDir
    Path dir;
    private MosquittoBroker broker;
    private PylonMqttBridge bridge;

    @BeforeAll
    static void makeCertificates() throws Exception {
        MosquittoBroker.require("mosquitto", "mosquitto"); // the opt-out skips before keytool runs
        pki = TestPki.create(pkiDir);
    }

    @BeforeEach
    void start() throws Exception {
        broker = MosquittoBroker.startSecured(dir, pki, USER, PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        if (bridge != null) {
            Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), bridge::close, "close() hung");
        }
        broker.close();
    }

    private PylonMqttBridge bridge(MqttBroker target) {
        bridge = PylonMqttBridge.builder(MqttBridgeOptions.defaults().withSite("secure")).broker(target).build();
        bridge.start();
        return bridge;
    }

    /** Waits until the bridge gives a reason for being down that satisfies {@code check}, and returns it. */
    private String awaitLinkCause(java.util.function.Predicate<String> check) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!check.test(bridge.linkCause()) && System.nanoTime() - deadline < 0) {
            Thread.sleep(50);
        }
        return bridge.linkCause();
    }

    @Test
    void overTlsWithTheCaTrustedAndTheRightPasswordTheBridgeConnectsAndPublishes() throws Exception {
        bridge(MqttBroker.parse(broker.uri()).withCaFile(pki.caFile()).withCredentials(USER, PASSWORD));
        assertThat(broker.subscribeOnce(ONLINE_TOPIC, pki, USER, PASSWORD, WAIT)).as(broker.log()).isEqualTo("online");
        assertThat(bridge.isConnected()).isTrue();
        assertThat(bridge.linkCause()).isEmpty();
        assertThat(bridge.counters().connections()).isEqualTo(1);
    }

    @Test
    void aCertificateTheBridgeDoesNotTrustIsRefusedAndTheBridgeSaysWhy() throws Exception {
        // the JDK's default trust store does not know the throw-away CA, as when a user forgets the CA file
        bridge(MqttBroker.parse(broker.uri()).withCredentials(USER, PASSWORD));
        String cause = awaitLinkCause(c -> c.contains("certificate"));
        assertThat(cause).startsWith("TLS: the broker's certificate is not trusted").contains("CA file");
        assertThat(bridge.isConnected()).isFalse();
        assertThat(bridge.counters().connections()).isZero();
        assertThat(broker.subscribeOnce(ONLINE_TOPIC, pki, USER, PASSWORD, Duration.ofSeconds(2)))
                .as("nothing was published").isNull();
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearErrorAndTheRightOneWorks() throws Exception {
        bridge(MqttBroker.parse(broker.uri()).withCaFile(pki.caFile()).withCredentials(USER, "wrong"));
        String cause = awaitLinkCause(c -> c.contains("user name or password"));
        assertThat(cause).startsWith("the broker refused the user name or password");
        assertThat(bridge.isConnected()).isFalse();
        assertThat(bridge.counters().connections()).isZero();
        assertThat(broker.subscribeOnce(ONLINE_TOPIC, pki, USER, PASSWORD, Duration.ofSeconds(2)))
                .as("nothing was published").isNull();
        bridge.close();

        bridge(MqttBroker.parse(broker.uri()).withCaFile(pki.caFile()).withCredentials(USER, PASSWORD));
        assertThat(broker.subscribeOnce(ONLINE_TOPIC, pki, USER, PASSWORD, WAIT)).isEqualTo("online");
    }

    @Test
    void withoutCredentialsTheBrokerRefusesTheBridgeAndItSaysWhy() throws Exception {
        bridge(MqttBroker.parse(broker.uri()).withCaFile(pki.caFile()));
        assertThat(awaitLinkCause(c -> c.contains("not authori"))).startsWith("the broker refused");
        assertThat(bridge.isConnected()).isFalse();
    }

    @Test
    void aCaFileThatIsNotThereFailsTheBuildNamingIt() throws Exception {
        Path missing = dir.resolve("no-such-ca.pem");
        MqttBroker target = MqttBroker.parse(broker.uri()).withCaFile(missing);
        assertThatThrownBy(() -> PylonMqttBridge.builder(MqttBridgeOptions.defaults()).broker(target).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read the CA file " + missing);
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
        MqttBroker garbage = MqttBroker.parse(broker.uri()).withCaFile(notPem);
        assertThatThrownBy(() -> PylonMqttBridge.builder(MqttBridgeOptions.defaults()).broker(garbage).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the CA file " + notPem);
    }
}
