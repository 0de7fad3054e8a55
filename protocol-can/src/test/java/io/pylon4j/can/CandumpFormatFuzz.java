package io.pylon4j.can;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the text line reader {@link CandumpFormat}: any line, in any of its forms. Only an
 * {@link InvalidCanFrameException} with a message may leave {@link CandumpFormat#parseFrame} and
 * {@link CandumpFormat#parse}; both must agree on the frame; a negative timestamp or an interface name that is not a
 * token of the line is a finding. Whatever parses must come back the same through both writers
 * ({@link CandumpFormat#formatLog}, {@link CandumpFormat#formatText}).
 *
 * <p>Half the inputs start with a known form's prefix, so the fuzzer spends its time inside the forms rather than
 * on their first character.
 */
class CandumpFormatFuzz {

    private static final String[] PREFIXES = {"", "(1700000000.000000) can0 ", "  can0  351   [8]  ", "351#",
            "351 | ", "Standard ID: 0x351  DLC: 8  Data: ", "CANId=0x305, FrameLength=8, Data=", "ID: 351 Buffer: ",
            "(1700000000.000000) can0 351#", "can0 351 [", "vcan0  35E   [8]  50 59 4C 4F 4E 20 20 20  'PYLON   '"};

    @FuzzTest(maxDuration = "10m")
    void parse(FuzzedDataProvider data) {
        String line = (data.consumeBoolean() ? data.pickValue(PREFIXES) : "") + data.consumeRemainingAsString();
        CanFrame frame;
        try {
            frame = CandumpFormat.parseFrame(line);
        } catch (InvalidCanFrameException expected) {
            if (expected.getMessage() == null || expected.getMessage().isEmpty()) {
                throw new IllegalStateException("an InvalidCanFrameException without a message", expected);
            }
            try {
                CanLogEntry entry = CandumpFormat.parse(line);
                throw new IllegalStateException("parse accepts what parseFrame rejects: " + entry);
            } catch (InvalidCanFrameException alsoExpected) {
                return;
            }
        }
        CanLogEntry entry = CandumpFormat.parse(line);
        if (!entry.frame().equals(frame)) {
            throw new IllegalStateException("parse and parseFrame disagree: " + entry + " vs " + frame);
        }
        String iface = entry.interfaceName();
        // a token: no ASCII white space (what candump separates with); other control characters are the log's own
        if (!iface.isEmpty() && (!line.contains(iface) || iface.chars().anyMatch(c -> c == ' ' || c >= '\t' && c <= '\r'))) {
            throw new IllegalStateException("interface name '" + iface + "' is not a token of " + line);
        }
        long micros = entry.timestampMicros();
        if (micros != CanLogEntry.NO_TIMESTAMP && micros < 0) {
            throw new IllegalStateException("negative timestamp " + micros + " from " + line);
        }
        long written = micros == CanLogEntry.NO_TIMESTAMP ? 0 : micros;
        CanLogEntry log = CandumpFormat.parse(CandumpFormat.formatLog(written, "can0", frame));
        if (!log.frame().equals(frame) || log.timestampMicros() != written || !log.interfaceName().equals("can0")) {
            throw new IllegalStateException("log form does not round-trip: " + frame + " at " + written + " vs " + log);
        }
        CanFrame text = CandumpFormat.parseFrame(CandumpFormat.formatText("can0", frame));
        if (!text.equals(frame)) {
            throw new IllegalStateException("text form does not round-trip: " + frame + " vs " + text);
        }
    }
}
