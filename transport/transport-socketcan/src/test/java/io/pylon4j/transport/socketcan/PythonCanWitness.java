package io.pylon4j.transport.socketcan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pylon4j.can.BatteryMeasurements;
import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CanMessage;
import io.pylon4j.can.ChargeDischargeLimits;
import io.pylon4j.can.ChargeRequestFlags;
import io.pylon4j.can.ManufacturerName;
import io.pylon4j.can.ProtectionAndAlarmFlags;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.can.StateOfChargeAndHealth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON lines of {@code scripts/pylon-can-listen.py} (python-can, decoding by {@code docs/protocol.md} §1.2
 * and §1.3 in code of its own) and checks each decoded frame against pylon4j's codec on the same bytes: two
 * independent readings of the gateway's frames must agree field by field.
 */
final class PythonCanWitness {

    private static final Pattern FIELD = Pattern.compile("\"([a-z_]+)\": (\\[[^\\]]*\\]|\"[^\"]*\"|[^,}]+)");
    private static final PylonCanCodec CODEC = PylonCanCodec.standard();

    private PythonCanWitness() {
    }

    /** One frame as the Python client printed it: its fields as JSON text, by name. */
    record Line(String text) {

        Optional<String> field(String name) {
            Matcher m = FIELD.matcher(text);
            while (m.find()) {
                if (m.group(1).equals(name)) {
                    return Optional.of(m.group(2).replace("\"", ""));
                }
            }
            return Optional.empty();
        }

        double number(String name) {
            return Double.parseDouble(field(name).orElseThrow(() -> new AssertionError("no " + name + " in " + text)));
        }

        int id() {
            return Integer.decode(field("id").orElseThrow());
        }

        CanFrame frame() {
            return CanFrame.ofHex(id(), field("data").orElseThrow());
        }
    }

    /** The frame lines of the client's output (not its "ready" and "summary" lines). */
    static List<Line> frames(String output) {
        List<Line> lines = new ArrayList<>();
        output.lines().filter(l -> l.startsWith("{\"id\"")).forEach(l -> lines.add(new Line(l)));
        return lines;
    }

    /** Asserts that the Python client decoded {@code line} as pylon4j's codec does; returns pylon4j's reading. */
    static CanMessage agrees(Line line) {
        assertThat(line.field("error")).as("the Python client's error on %s", line.text()).isEmpty();
        assertThat(line.field("extended")).as("11-bit id: %s", line.text()).contains("false");
        CanMessage m = CODEC.decode(line.frame());
        String as = "python-can's reading " + line.text() + " against pylon4j's " + m;
        if (m instanceof ChargeDischargeLimits l) {
            assertThat(line.number("cvl_v")).as(as).isCloseTo(l.chargeVoltageLimitVolts(), within(1e-6));
            assertThat(line.number("ccl_a")).as(as).isCloseTo(l.chargeCurrentLimitAmps(), within(1e-6));
            assertThat(line.number("dcl_a")).as(as).isCloseTo(l.dischargeCurrentLimitAmps(), within(1e-6));
            assertThat(line.field("dvl_v").map(Double::parseDouble).orElse(-1.0)).as(as)
                    .isCloseTo(l.dischargeVoltageLimitVolts().orElse(-1), within(1e-6));
        } else if (m instanceof StateOfChargeAndHealth s) {
            assertThat(line.number("soc_pct")).as(as).isEqualTo(s.socPercent());
            assertThat(line.field("soh_pct").map(Double::parseDouble).orElse(-1.0)).as(as)
                    .isEqualTo(s.sohPercent() == CanMessage.NOT_SENT ? -1 : s.sohPercent());
        } else if (m instanceof BatteryMeasurements b) {
            assertThat(line.number("voltage_v")).as(as).isCloseTo(b.voltageVolts(), within(1e-6));
            assertThat(line.number("current_a")).as(as).isCloseTo(b.currentAmps(), within(1e-6));
            assertThat(line.field("temperature_c").map(Double::parseDouble).orElse(-999.0)).as(as)
                    .isCloseTo(b.temperatureCelsius().orElse(-999), within(1e-6));
        } else if (m instanceof ProtectionAndAlarmFlags f) {
            long documented = f.activeFlags().stream().filter(x -> x.source().equals("[CAN12]")).count();
            String flags = line.field("flags").orElseThrow();
            assertThat(flags.equals("[]") ? 0 : flags.split(",").length).as(as).isEqualTo((int) documented);
            assertThat(flags.contains("system error protection")).as(as)
                    .isEqualTo(f.isActive(ProtectionAndAlarmFlags.Flag.SYSTEM_ERROR_PROTECTION));
            assertThat(line.field("modules").map(Double::parseDouble).orElse(-1.0)).as(as)
                    .isEqualTo(f.modules().orElse(-1));
        } else if (m instanceof ChargeRequestFlags r) {
            String requests = line.field("requests").orElseThrow(); // [charge enable, discharge enable] unquoted
            assertThat(requests.matches(".*[\\[ ]charge enable.*")).as(as).isEqualTo(r.chargeEnable());
            assertThat(requests.contains("discharge enable")).as(as).isEqualTo(r.dischargeEnable());
        } else if (m instanceof ManufacturerName n) {
            assertThat(line.field("name")).as(as).contains(n.text().strip());
        } else {
            throw new AssertionError("the gateway sent a frame outside the Pylon V1.2 set: " + as);
        }
        return m;
    }
}
