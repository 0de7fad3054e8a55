package io.pylon4j.driver.commission;

import io.pylon4j.driver.json.JsonWriter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The results of one commissioning run, in check order, with the overall verdict and renderings for people
 * ({@link #toText()}) and tools ({@link #toJson()}; field names are stable: {@code bankId}, {@code overall},
 * {@code windowSeconds}, {@code checks[].id/verdict/explanation/measured/expected}).
 *
 * @param bankId        the bank
 * @param windowSeconds how long the bank was observed, s
 * @param samples       how many snapshots were taken
 * @param results       one result per check
 */
public record CommissioningReport(String bankId, double windowSeconds, int samples, List<CheckResult> results) {

    /**
     * Validates and copies.
     *
     * @param bankId        the bank
     * @param windowSeconds how long the bank was observed, s
     * @param samples       how many snapshots were taken
     * @param results       one result per check, in check order
     */
    public CommissioningReport {
        Objects.requireNonNull(bankId, "bankId");
        results = List.copyOf(results);
    }

    /**
     * The worst verdict of any check ({@link Verdict#SKIPPED} only when every check was skipped).
     *
     * @return the most severe verdict (FAIL over WARN over PASS); SKIPPED when no check ran or every one was skipped
     */
    public Verdict overall() {
        Verdict v = Verdict.SKIPPED;
        for (CheckResult r : results) {
            v = v.worse(r.verdict());
        }
        return v;
    }

    /**
     * The exit status of {@code pylon commission}: 0 when nothing failed or warned (skipped checks are not
     * failures), 1 when any check failed, 3 when some warned and none failed (2 is every command's usage status).
     *
     * @return 0, 1 or 3
     */
    public int exitCode() {
        return switch (overall()) {
            case FAIL -> 1;
            case WARN -> 3;
            case PASS, SKIPPED -> 0;
        };
    }

    /**
     * The result of the check with {@code id}, if it ran.
     *
     * @param id the check's kebab-case id, e.g. {@code charge-current-limit}
     * @return its result, or empty if no check has that id
     */
    public java.util.Optional<CheckResult> result(String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * A plain-text report: one block per check, then the overall verdict.
     *
     * @return the report as several lines of text, for a terminal or a log
     */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Commissioning report for bank %s (observed %.0f s, %d snapshots)%n%n",
                bankId, windowSeconds, samples));
        for (CheckResult r : results) {
            b.append(String.format(Locale.ROOT, "%-7s %s%n", r.verdict(), r.id()));
            b.append("        ").append(r.explanation()).append('\n');
            if (!r.measured().isEmpty() || !r.expected().isEmpty()) {
                b.append("        measured: ").append(r.measured().isEmpty() ? "-" : r.measured());
                if (!r.expected().isEmpty()) {
                    b.append("   expected: ").append(r.expected());
                }
                b.append('\n');
            }
        }
        b.append('\n').append("Overall: ").append(overall()).append('\n');
        return b.toString();
    }

    /**
     * The report as one JSON object.
     *
     * @return the JSON text, on one line, with the stable field names above
     */
    public String toJson() {
        JsonWriter w = new JsonWriter(256 + 256 * results.size());
        w.beginObject().field("bankId", bankId).field("overall", overall().name())
                .field("windowSeconds", windowSeconds).field("samples", samples).beginArray("checks");
        for (CheckResult r : results) {
            w.beginObject().field("id", r.id()).field("verdict", r.verdict().name())
                    .field("explanation", r.explanation()).field("measured", r.measured())
                    .field("expected", r.expected()).endObject();
        }
        return w.endArray().endObject().drainLine();
    }
}
