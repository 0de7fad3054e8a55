package io.pylon4j.simulator;

import io.pylon4j.simulator.LoadProfile.Sample;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The CSV reader behind {@link LoadProfile#csv(Reader)}: {@code time seconds, current amps} rows into a
 * {@link LoadProfile.Samples}, every malformed row a {@link LoadProfileFormatException} naming its line. The format
 * is documented on {@link LoadProfile#csv(Reader)}; this class keeps the parsing out of the profile types.
 */
final class LoadProfileCsv {

    private LoadProfileCsv() {
    }

    /** Reads the rows of {@code reader} to its end; see {@link LoadProfile#csv(Reader)}. */
    static LoadProfile.Samples read(Reader reader) throws IOException {
        Objects.requireNonNull(reader, "reader");
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<Sample> samples = new ArrayList<>();
        int lineNumber = 0;
        int previousLine = 0;
        boolean headerAllowed = true;
        String line;
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split(",", -1);
            if (fields.length != 2) {
                throw new LoadProfileFormatException(lineNumber, "expected 2 fields 'time seconds,current amps' but found "
                        + fields.length + ": '" + text + "'");
            }
            String timeText = fields[0].strip();
            String ampsText = fields[1].strip();
            BigDecimal seconds = parseDecimal(timeText);
            BigDecimal amps = parseDecimal(ampsText);
            if (headerAllowed && seconds == null && amps == null) {
                headerAllowed = false; // a header: both fields are names
                continue;
            }
            headerAllowed = false;
            if (seconds == null) {
                throw new LoadProfileFormatException(lineNumber, "time '" + timeText + "' is not a number of seconds");
            }
            if (amps == null) {
                throw new LoadProfileFormatException(lineNumber, "current '" + ampsText + "' is not a number of amperes");
            }
            if (seconds.signum() < 0) {
                throw new LoadProfileFormatException(lineNumber, "time " + timeText + " s is negative");
            }
            Duration time;
            try {
                time = Duration.ofNanos(seconds.movePointRight(9).setScale(0, RoundingMode.HALF_EVEN).longValueExact());
            } catch (ArithmeticException e) {
                throw new LoadProfileFormatException(lineNumber, "time " + timeText + " s is too large");
            }
            double current = amps.doubleValue();
            if (!Double.isFinite(current)) {
                throw new LoadProfileFormatException(lineNumber, "current " + ampsText + " A is too large");
            }
            if (!samples.isEmpty()) {
                Duration previous = samples.get(samples.size() - 1).time();
                if (time.compareTo(previous) <= 0) {
                    throw new LoadProfileFormatException(lineNumber, "time " + timeText
                            + " s is not after the time on line " + previousLine + " (" + seconds(previous) + " s)");
                }
            }
            samples.add(new Sample(time, current));
            previousLine = lineNumber;
        }
        if (samples.isEmpty()) {
            throw new LoadProfileFormatException(0, "the load profile has no data rows ('time seconds,current amps')");
        }
        return new LoadProfile.Samples(samples);
    }

    private static BigDecimal parseDecimal(String text) {
        if (text.isEmpty() || !text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?")) {
            return null;
        }
        return new BigDecimal(text);
    }

    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString();
    }
}
