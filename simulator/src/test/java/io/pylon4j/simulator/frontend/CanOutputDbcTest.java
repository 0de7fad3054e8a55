package io.pylon4j.simulator.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.simulator.BankSnapshot;
import io.pylon4j.simulator.SimulatedBank;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The simulator's CAN output read the way a DBC-based tool reads it (cantools, SavvyCAN, a Victron or Deye
 * engineer's database): message ids and DLCs from {@code BO_} lines, Intel (little-endian) signals with factor and
 * offset from {@code SG_} lines. The DBC is written from docs/protocol.md, and the small reader below follows the DBC
 * rules only, not the project's codec, so it checks the frames independently of {@code PylonCanCodec}.
 */
class CanOutputDbcTest {

    /** One {@code SG_} line: start bit, length, signedness, factor, offset (Intel byte order only). */
    record Signal(int startBit, int length, boolean signed, double factor, double offset) {
        double decode(long payload) {
            long raw = (payload >>> startBit) & ((1L << length) - 1);
            if (signed && (raw & (1L << (length - 1))) != 0) {
                raw -= 1L << length;
            }
            return raw * factor + offset;
        }
    }

    /** One {@code BO_} block. */
    record Message(String name, int dlc, Map<String, Signal> signals) {
    }

    private static final Pattern BO = Pattern.compile("^BO_ (\\d+) (\\w+): (\\d+) \\w+");
    private static final Pattern SG = Pattern.compile(
            "^ SG_ (\\w+) : (\\d+)\\|(\\d+)@1([+-]) \\(([-0-9.eE]+),([-0-9.eE]+)\\)");

    private static Map<Integer, Message> readDbc() throws IOException {
        String text;
        try (InputStream in = CanOutputDbcTest.class.getResourceAsStream("pylon-lv-v12.dbc")) {
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        Map<Integer, Message> messages = new HashMap<>();
        Message current = null;
        for (String line : text.split("\n")) {
            Matcher bo = BO.matcher(line);
            Matcher sg = SG.matcher(line);
            if (bo.find()) {
                current = new Message(bo.group(2), Integer.parseInt(bo.group(3)), new HashMap<>());
                messages.put(Integer.parseInt(bo.group(1)), current);
            } else if (sg.find()) {
                current.signals().put(sg.group(1), new Signal(Integer.parseInt(sg.group(2)),
                        Integer.parseInt(sg.group(3)), sg.group(4).equals("-"), Double.parseDouble(sg.group(5)),
                        Double.parseDouble(sg.group(6))));
            }
        }
        return messages;
    }

    private static double value(Map<Integer, Message> dbc, List<CanFrame> frames, int id, String signal) {
        CanFrame frame = frames.stream().filter(f -> f.id() == id).findFirst().orElseThrow();
        Message message = dbc.get(id);
        assertThat(frame.length()).as("DLC of %s", message.name()).isEqualTo(message.dlc());
        return message.signals().get(signal).decode(frame.payload());
    }

    @Test
    void aFourModuleUs3000cBankReadsRightThroughAPylontechDbc() throws IOException {
        Map<Integer, Message> dbc = readDbc();
        SimulatedBank bank = Banks.us3000c(4, 62);
        BankSnapshot s = bank.snapshot();
        List<CanFrame> frames = new CanFrameSetGenerator(CanFrameSet.PYLON_V12).frames(s);

        assertThat(frames).extracting(CanFrame::id).containsExactlyInAnyOrderElementsOf(dbc.keySet());
        assertThat(value(dbc, frames, 0x351, "ChargeVoltageLimit")).isCloseTo(53.2, within());
        assertThat(value(dbc, frames, 0x351, "ChargeCurrentLimit")).isCloseTo(148.0, within()); // 4 × 37 A
        assertThat(value(dbc, frames, 0x351, "DischargeCurrentLimit")).isCloseTo(148.0, within());
        assertThat(value(dbc, frames, 0x351, "DischargeVoltageLimit")).isCloseTo(45.0, within());
        assertThat(value(dbc, frames, 0x355, "StateOfCharge")).isCloseTo(62, within());
        assertThat(value(dbc, frames, 0x355, "StateOfHealth")).isCloseTo(s.stateOfHealthPercent(), within());
        assertThat(value(dbc, frames, 0x356, "Voltage")).isBetween(45.0, 54.0);
        assertThat(value(dbc, frames, 0x356, "Current")).isCloseTo(0.0, within());
        assertThat(value(dbc, frames, 0x356, "Temperature")).isBetween(15.0, 35.0);
        assertThat(value(dbc, frames, 0x359, "ModuleCount")).isCloseTo(4, within());
        assertThat(value(dbc, frames, 0x359, "MarkerP")).isCloseTo('P', within());
        assertThat(value(dbc, frames, 0x359, "MarkerN")).isCloseTo('N', within());
        assertThat(value(dbc, frames, 0x359, "CellOverVoltageProtection")).isZero();
        assertThat(value(dbc, frames, 0x35C, "ChargeEnable")).isEqualTo(1.0);
        assertThat(value(dbc, frames, 0x35C, "DischargeEnable")).isEqualTo(1.0);
        assertThat(value(dbc, frames, 0x35C, "ForceChargeI")).isZero();
        assertThat(value(dbc, frames, 0x35E, "Byte0")).isCloseTo('P', within());
        assertThat(value(dbc, frames, 0x35E, "Byte4")).isCloseTo('N', within());

        bank.setModuleOnline(Banks.M3, false);
        List<CanFrame> three = new CanFrameSetGenerator(CanFrameSet.PYLON_V12).frames(bank.snapshot());
        assertThat(value(dbc, three, 0x359, "ModuleCount")).isCloseTo(3, within());
        assertThat(value(dbc, three, 0x351, "ChargeCurrentLimit")).isCloseTo(111.0, within());
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
