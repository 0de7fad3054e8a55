package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.pylon4j.can.CanFrame;
import io.pylon4j.driver.jmx.DriverJmx;
import io.pylon4j.driver.jmx.PylonDriverMXBean;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.ConnectionState;

import java.io.IOException;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.RMIServerSocketFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.JMX;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JMX view against a real driver on the synchronous fake transports and a virtual clock: attributes read
 * through the platform MBean server and an MXBean proxy follow the driver's counters, rates, state and ages.
 */
class DriverJmxTest {

    final ManualClock clock = new ManualClock();
    final ManualScheduler scheduler = new ManualScheduler(clock.source());
    final ManualExecutor executor = new ManualExecutor();
    final FakeCanTransport can = new FakeCanTransport();
    final FakeRs485Battery battery = new FakeRs485Battery();
    final FakeByteTransport rs485 = new FakeByteTransport("fake-serial:jmx", battery);
    final MBeanServer platform = ManagementFactory.getPlatformMBeanServer();
    final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    PylonDriver canDriver(String bankId) {
        return track(PylonDriver.can(can, options(bankId)));
    }

    DriverOptions options(String bankId) {
        return DriverOptions.builder(bankId).time(clock).scheduler(scheduler).eventExecutor(executor).build();
    }

    <T extends AutoCloseable> T track(T c) {
        toClose.add(0, c); // registrations close before their drivers
        return c;
    }

    void dataSet() {
        for (CanFrame f : List.of(CanDriverTest.L351, CanDriverTest.S355, CanDriverTest.M356, CanDriverTest.F359,
                CanDriverTest.R35C)) {
            can.inject(f);
        }
    }

    @Test
    void attributesThroughThePlatformServerAndAProxyFollowTheDriver() throws Exception {
        PylonDriver driver = canDriver("jmx-can-1");
        DriverJmx.Registration reg = track(DriverJmx.register(driver, platform));
        assertThat(reg.name()).isEqualTo(new ObjectName("io.pylon4j:type=Driver,bank=\"jmx-can-1\""));
        PylonDriverMXBean proxy = JMX.newMXBeanProxy(platform, reg.name(), PylonDriverMXBean.class);

        assertThat(proxy.getBankId()).isEqualTo("jmx-can-1");
        assertThat(proxy.getSupervisionState()).isEqualTo("CONNECTING");
        assertThat(proxy.getCanFrames()).isZero();
        assertThat(proxy.getLimitsAgeSeconds()).isNaN(); // never seen
        driver.start();

        dataSet();
        can.inject(CanFrame.of(0x351, new byte[] {1, 2})); // too short for 0x351
        can.inject(CanFrame.of(0x123, new byte[] {1}));    // not a Pylon id
        can.inject(CanFrame.of(0x124, new byte[] {1}));
        assertThat(proxy.getSupervisionState()).isEqualTo("FRESH");
        assertThat(proxy.getCanFrames()).isEqualTo(8);
        assertThat(proxy.getCanMalformed()).isEqualTo(1);
        assertThat(proxy.getCanUnknown()).isEqualTo(2);
        assertThat(platform.getAttribute(reg.name(), "CanFrames")).isEqualTo(8L);
        assertThat(platform.getAttribute(reg.name(), "SupervisionState")).isEqualTo("FRESH");

        scheduler.advance(Duration.ofMillis(2500)); // keep-alives at 0, 1 and 2 s
        assertThat(proxy.getKeepAlivesSent()).isEqualTo(3);
        assertThat(proxy.getLimitsAgeSeconds()).isCloseTo(2.5, within(1e-9));
        assertThat(proxy.getSohAgeSeconds()).isCloseTo(2.5, within(1e-9));
        assertThat((Double) platform.getAttribute(reg.name(), "VoltageAgeSeconds")).isCloseTo(2.5, within(1e-9));
        assertThat(proxy.getModuleDetailsAgeSeconds()).isNaN(); // CAN carries no per-module details
        assertThat(proxy.getSupervisionStateAgeSeconds()).isCloseTo(2.5, within(1e-9));
        // 8 frames over the 2.5 s since the bean was made (its first sample)
        assertThat(proxy.getCanFramesPerSecond()).isCloseTo(8 / 2.5, within(1e-9));
        assertThat(proxy.getBadFramesPerSecond()).isCloseTo(1 / 2.5, within(1e-9));
        assertThat(proxy.getRs485RepliesPerSecond()).isZero();

        can.setState(ConnectionState.WAITING_TO_RECONNECT);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(proxy.getKeepAlivesSkipped()).isEqualTo(1);
        can.setState(ConnectionState.CONNECTED);
        assertThat(proxy.getReconnects()).isEqualTo(1);
        assertThat(proxy.getSupervisionState()).isEqualTo("STALE");
        assertThat(proxy.getSupervisionReason()).contains("link down");
        assertThat(proxy.isClosed()).isFalse();
    }

    @Test
    void implausibleLimitsAreCountedInJmx() throws Exception {
        PylonDriver driver = canDriver("jmx-can-implausible");
        DriverJmx.Registration reg = track(DriverJmx.register(driver, platform));
        PylonDriverMXBean proxy = JMX.newMXBeanProxy(platform, reg.name(), PylonDriverMXBean.class);
        driver.start();
        can.inject(PlausibilityGateTest.F359_4);
        can.inject(PlausibilityGateTest.ALL_ONES_351);
        can.inject(PlausibilityGateTest.GOOD_351);
        assertThat(proxy.getImplausibleValues()).isEqualTo(1);
        assertThat(platform.getAttribute(reg.name(), "ImplausibleValues")).isEqualTo(1L);
    }

    @Test
    void readableOverARemoteConnectorOnLoopback() throws Exception {
        // what jconsole or a jmx_exporter sees: open types only (NaN doubles, strings), over a real socket.
        // ManagementFactory.newPlatformMXBeanProxy accepts only the JDK's own interfaces; JMX.newMXBeanProxy is
        // the proxy for ours.
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        PylonDriver driver = canDriver("jmx-remote");
        DriverJmx.Registration reg = track(DriverJmx.register(driver, server));
        // sockets on the loopback interface only, whatever the machine's host name resolves to
        Map<String, Object> env = Map.of(
                // RMIConnectorServer.RMI_SERVER_/RMI_CLIENT_SOCKET_FACTORY_ATTRIBUTE (java.management.rmi)
                "jmx.remote.rmi.server.socket.factory", (RMIServerSocketFactory) port ->
                        new ServerSocket(port, 50, InetAddress.getLoopbackAddress()),
                "jmx.remote.rmi.client.socket.factory", new LoopbackClientSockets());
        JMXConnectorServer connectorServer = JMXConnectorServerFactory.newJMXConnectorServer(
                new JMXServiceURL("service:jmx:rmi://127.0.0.1"), env, server);
        connectorServer.start();
        try (JMXConnector connector = JMXConnectorFactory.connect(connectorServer.getAddress())) {
            MBeanServerConnection remote = connector.getMBeanServerConnection();
            PylonDriverMXBean proxy = JMX.newMXBeanProxy(remote, reg.name(), PylonDriverMXBean.class);
            assertThat(proxy.getLimitsAgeSeconds()).isNaN();
            driver.start();
            dataSet();
            clock.advanceMillis(1500);
            assertThat(proxy.getCanFrames()).isEqualTo(5);
            assertThat(proxy.getLimitsAgeSeconds()).isCloseTo(1.5, within(1e-9));
            assertThat(remote.getAttribute(reg.name(), "SupervisionState")).isEqualTo("FRESH");
            driver.close();
            assertThat(remote.isRegistered(reg.name())).isFalse();
        } finally {
            connectorServer.stop();
        }
    }

    @Test
    void rs485CountersTimeoutsBadFramesAndResyncsReachJmx() throws Exception {
        battery.rejectFor.add(0x47);
        PylonDriver driver = track(PylonDriver.canAndRs485(can, rs485, options("jmx-both")));
        DriverJmx.Registration reg = track(DriverJmx.register(driver, platform));
        PylonDriverMXBean proxy = JMX.newMXBeanProxy(platform, reg.name(), PylonDriverMXBean.class);
        driver.start();
        scheduler.advance(Duration.ZERO);
        rs485.pump();
        assertThat(proxy.getRs485Cycles()).isEqualTo(1);
        assertThat(proxy.getRs485Rejections()).isEqualTo(1);
        assertThat(proxy.getRs485Replies()).isEqualTo(10); // 11 asked, 0x47 rejected
        assertThat(proxy.getRs485Requests()).isEqualTo(11);
        assertThat(proxy.getModuleDetailsAgeSeconds()).isZero();

        byte[] corrupted = FakeRs485Battery.wire(FakeRs485Battery.R92);
        corrupted[corrupted.length - 2] = (byte) (corrupted[corrupted.length - 2] == '0' ? '1' : '0'); // checksum
        rs485.inject("noise".getBytes(StandardCharsets.US_ASCII));
        rs485.inject(corrupted);
        rs485.pump();
        assertThat(proxy.getRs485Resyncs()).isEqualTo(5 + corrupted.length); // the noise, then the bad frame
        assertThat(proxy.getRs485BadFrames()).isEqualTo(1);
        assertThat(proxy.getRs485ChecksumErrors()).isEqualTo(1); // the same frame, counted for its cause too

        battery.silentFor.add(0x44);
        for (int i = 0; i < 4; i++) { // 0x44 unanswered: two retries, then given up (each after its quiet guard)
            scheduler.advance(Duration.ofMillis(1250));
            rs485.pump();
        }
        assertThat(proxy.getRs485Retries()).isEqualTo(2);
        assertThat(proxy.getRs485Timeouts()).isEqualTo(1);
        assertThat(proxy.getRs485RepliesPerSecond()).isPositive();
        byte[] stranger = new io.pylon4j.rs485.SerialNumber(9, 9, "NOT-OUR-MODULE-9").toFrame().encode();
        for (int i = 0; i < 3; i++) { // another address: not the answer to what is in flight, or late/unasked
            rs485.inject(stranger);
        }
        rs485.pump();
        assertThat(proxy.getRs485LateReplies() + proxy.getRs485RepliesNotMatchingRequest()).isEqualTo(3);
        dataSet();
        can.inject(CanFrame.of(0x123, new byte[] {1}));

        everyCounterIsAnAttributeWithTheDriversValue(reg.name(), driver);
        // a wrongly wired getter shows only if the counters differ: make sure this scenario made them differ
        Set<Long> values = Arrays.stream(DriverCounters.class.getRecordComponents())
                .map(rc -> counter(driver.counters(), rc)).filter(v -> v > 0).collect(Collectors.toSet());
        assertThat(values).hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    void coalescedEventsAndListenerFailuresAreCounted() throws Exception {
        PylonDriver driver = track(PylonDriver.can(can, options("jmx-drops").toBuilder().eventBuffer(1).build()));
        DriverJmx.Registration reg = track(DriverJmx.register(driver, platform));
        PylonDriverMXBean proxy = JMX.newMXBeanProxy(platform, reg.name(), PylonDriverMXBean.class);
        EventSubscription sub = driver.addListener(e -> {
            throw new IllegalStateException("a broken listener");
        });
        driver.start();
        for (int soc = 10; soc < 20; soc++) { // the executor does not run: measurement events pile up
            can.inject(CanFrame.of(0x355, new byte[] {(byte) soc, 0, 100, 0}));
        }
        assertThat(proxy.getCoalescedEvents()).isPositive().isEqualTo(sub.coalescedEvents());
        assertThat(proxy.getDroppedEvents()).isZero();
        executor.runAll();
        assertThat(proxy.getListenerFailures()).isPositive();
        everyCounterIsAnAttributeWithTheDriversValue(reg.name(), driver);
    }

    @Test
    void everyBankFieldHasAnAgeAttribute() throws Exception {
        DriverJmx.Registration reg = track(DriverJmx.register(canDriver("jmx-fields"), platform));
        Set<String> attributes = attributeNames(reg.name());
        for (BankField f : BankField.values()) {
            assertThat(attributes).contains(camel(f.name()) + "AgeSeconds");
        }
    }

    @Test
    void closingTheDriverUnregistersTheBean() {
        PylonDriver driver = canDriver("jmx-close");
        DriverJmx.Registration reg = DriverJmx.register(driver, platform);
        assertThat(platform.isRegistered(reg.name())).isTrue();
        driver.close();
        assertThat(platform.isRegistered(reg.name())).isFalse();
        assertThat(reg.isClosed()).isTrue();
        reg.close(); // idempotent
        assertThatThrownBy(() -> DriverJmx.register(driver, platform)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(platform.isRegistered(reg.name())).isFalse();
    }

    @Test
    void anEarlyClosedRegistrationLeavesALaterBeanOfTheSameNameAlone() {
        PylonDriver first = canDriver("jmx-again");
        DriverJmx.Registration early = DriverJmx.register(first, platform);
        early.close();
        assertThat(platform.isRegistered(early.name())).isFalse();
        PylonDriver second = track(PylonDriver.can(new FakeCanTransport(), options("jmx-again")));
        DriverJmx.Registration later = track(DriverJmx.register(second, platform));
        first.close(); // the first driver's close hook must not remove the second driver's bean
        assertThat(platform.isRegistered(later.name())).isTrue();
    }

    @Test
    void oddBankIdsRegisterSideBySideAndTheSameIdTwiceIsAClearError() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        String odd = "a,b=c\"";
        String odder = "a,b=c\"*?\\\n:";
        PylonDriver a = canDriver(odd);
        PylonDriver b = track(PylonDriver.can(new FakeCanTransport(), options(odder)));
        DriverJmx.Registration ra = track(DriverJmx.register(a, server));
        DriverJmx.Registration rb = track(DriverJmx.register(b, server));
        assertThat(ra.name()).isNotEqualTo(rb.name());
        assertThat(ra.name().isPattern()).isFalse();
        assertThat(rb.name().isPattern()).isFalse();
        assertThat(ObjectName.unquote(ra.name().getKeyProperty("bank"))).isEqualTo(odd);
        assertThat(server.queryNames(new ObjectName("io.pylon4j:type=Driver,*"), null))
                .containsExactlyInAnyOrder(ra.name(), rb.name());
        assertThat(server.getAttribute(ra.name(), "BankId")).isEqualTo(odd);
        assertThat(server.getAttribute(rb.name(), "BankId")).isEqualTo(odder);

        PylonDriver twin = track(PylonDriver.can(new FakeCanTransport(), options(odd)));
        assertThatThrownBy(() -> DriverJmx.register(twin, server)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already registered");
        ra.close();
        assertThat(server.queryNames(new ObjectName("io.pylon4j:type=Driver,*"), null)).containsExactly(rb.name());
    }

    /** Connects every RMI call to the loopback address (serialised into the stub the client receives). */
    static final class LoopbackClientSockets implements RMIClientSocketFactory, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return new Socket(InetAddress.getLoopbackAddress(), port);
        }
    }

    void everyCounterIsAnAttributeWithTheDriversValue(ObjectName name, PylonDriver driver) throws Exception {
        Set<String> attributes = attributeNames(name);
        DriverCounters counters = driver.counters(); // quiescent: nothing runs between the two reads
        for (RecordComponent rc : DriverCounters.class.getRecordComponents()) {
            String attribute = Character.toUpperCase(rc.getName().charAt(0)) + rc.getName().substring(1);
            assertThat(attributes).as("attribute for counter %s", rc.getName()).contains(attribute);
            assertThat(platform.getAttribute(name, attribute)).as(attribute).isEqualTo(counter(counters, rc));
        }
    }

    static long counter(DriverCounters counters, RecordComponent rc) {
        try {
            return (long) rc.getAccessor().invoke(counters);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    Set<String> attributeNames(ObjectName name) throws Exception {
        return Arrays.stream(platform.getMBeanInfo(name).getAttributes()).map(MBeanAttributeInfo::getName)
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** {@code REQUEST_FLAGS} → {@code RequestFlags}. */
    static String camel(String constant) {
        return Arrays.stream(constant.toLowerCase(Locale.ROOT).split("_"))
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(Collectors.joining());
    }
}
