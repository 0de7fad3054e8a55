package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.jmx.DriverJmx;
import io.pylon4j.driver.jmx.PylonDriverMXBean;
import io.pylon4j.testing.ManualScheduler;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.JMX;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.Test;

/**
 * The attribute set of {@link PylonDriverMXBean}, read from a real {@link MBeanServer}: exactly the attributes (name
 * and type) operators and dashboards had before the interface was split into documented super-interfaces by topic
 * (issue 15.2), each readable through the server and through an MXBean proxy, none writable, each in
 * {@code docs/metrics.md}. MXBean introspection takes inherited getters as attributes; this proves it for ours.
 */
class DriverMXBeanAttributesTest {

    /** Every attribute as {@code name:type}, in the order of the interface before the split (45). */
    static final List<String> ATTRIBUTES = List.of("BankId:java.lang.String", "SupervisionState:java.lang.String",
            "SupervisionReason:java.lang.String", "SupervisionStateAgeSeconds:double", "CanLinkState:java.lang.String",
            "CanLinkCause:java.lang.String", "Rs485LinkState:java.lang.String", "Rs485LinkCause:java.lang.String",
            "Closed:boolean", "CanFramesPerSecond:double", "Rs485RepliesPerSecond:double", "BadFramesPerSecond:double",
            "CanFrames:long", "CanMalformed:long", "CanUnknown:long", "KeepAlivesSent:long", "KeepAlivesSkipped:long",
            "InverterMeasurementFailures:long", "InverterMeasurementsMissing:long", "Rs485Requests:long",
            "Rs485Replies:long", "Rs485Retries:long", "Rs485Timeouts:long", "Rs485Rejections:long",
            "Rs485BadFrames:long", "Rs485ChecksumErrors:long", "Rs485Resyncs:long", "Rs485Cycles:long",
            "Rs485RequestsSkipped:long", "Reconnects:long", "BaudSwitches:long", "DroppedEvents:long",
            "CoalescedEvents:long", "ListenerFailures:long", "ImplausibleValues:long", "LimitsAgeSeconds:double",
            "SocAgeSeconds:double", "SohAgeSeconds:double", "VoltageAgeSeconds:double", "CurrentAgeSeconds:double",
            "TemperatureAgeSeconds:double", "AlarmsAgeSeconds:double", "RequestFlagsAgeSeconds:double",
            "ModuleCountAgeSeconds:double", "ModuleDetailsAgeSeconds:double",
            // added after the split, deliberately: late RS485 replies (docs/safety.md, "A late RS485 reply")
            "Rs485LateReplies:long", "Rs485RepliesNotMatchingRequest:long",
            // silent LV-Hub groups: how often one fell silent (a counter), how many are silent now (a gauge)
            "Rs485GroupSilences:long", "Rs485SilentGroups:long");

    final ManualClock clock = new ManualClock();
    final MBeanServer server = MBeanServerFactory.newMBeanServer(); // not the platform one: no name can collide

    @Test
    void theServerShowsExactlyTheAttributesOfBeforeTheSplitEachReadableAndNoneWritable() throws Exception {
        try (PylonDriver driver = driver("jmx-attributes");
                DriverJmx.Registration reg = DriverJmx.register(driver, server)) {
            MBeanAttributeInfo[] infos = server.getMBeanInfo(reg.name()).getAttributes();
            assertThat(Arrays.stream(infos).map(a -> a.getName() + ":" + a.getType()))
                    .containsExactlyInAnyOrderElementsOf(ATTRIBUTES);
            assertThat(infos).allSatisfy(a -> {
                assertThat(a.isReadable()).as(a.getName()).isTrue();
                assertThat(a.isWritable()).as(a.getName()).isFalse();
            });

            String[] names = Arrays.stream(infos).map(MBeanAttributeInfo::getName).toArray(String[]::new);
            AttributeList read = server.getAttributes(reg.name(), names); // leaves out any attribute that failed
            Map<String, Object> values = new TreeMap<>();
            for (Attribute a : read.asList()) {
                values.put(a.getName(), a.getValue());
            }
            assertThat(values).hasSize(ATTRIBUTES.size()).containsEntry("BankId", "jmx-attributes")
                    .containsEntry("SupervisionState", "CONNECTING").containsEntry("CanFrames", 0L)
                    .containsEntry("Closed", false);
            assertThat((Double) values.get("LimitsAgeSeconds")).isNaN();
        }
    }

    @Test
    void everyGetterOfTheInterfaceAndItsSuperInterfacesAnswersThroughAProxy() throws Exception {
        try (PylonDriver driver = driver("jmx-proxy");
                DriverJmx.Registration reg = DriverJmx.register(driver, server)) {
            PylonDriverMXBean proxy = JMX.newMXBeanProxy(server, reg.name(), PylonDriverMXBean.class);
            Map<String, Object> answers = new TreeMap<>();
            for (Method m : PylonDriverMXBean.class.getMethods()) { // public methods, inherited ones too
                answers.put(m.getName(), m.invoke(proxy));
            }
            assertThat(answers).hasSize(ATTRIBUTES.size()).containsEntry("getBankId", "jmx-proxy")
                    .containsEntry("isClosed", false).containsEntry("getRs485Cycles", 0L);
        }
    }

    @Test
    void everyAttributeIsInTheMetricsDoc() throws Exception {
        String doc = Files.readString(Path.of("../docs/metrics.md"));
        assertThat(ATTRIBUTES).allSatisfy(a -> assertThat(doc).contains("`" + a.substring(0, a.indexOf(':')) + "`"));
    }

    PylonDriver driver(String bankId) {
        return PylonDriver.can(new FakeCanTransport(), DriverOptions.builder(bankId).time(clock)
                .scheduler(new ManualScheduler(clock.source())).eventExecutor(new ManualExecutor()).build());
    }
}
