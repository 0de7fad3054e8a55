package io.pylon4j.mqtt;

import io.pylon4j.driver.LimitCaps;
import io.pylon4j.driver.LimitPolicy;
import io.pylon4j.driver.PublishedLimits;
import io.pylon4j.driver.PylonDriver;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The capped-current command state of one bank: applies a {@link CapCommand} as the driver's user caps
 * ({@link LimitCaps}, on top of the caps the driver was built with, never above them), lapses it at its expiry on the
 * bridge's scheduler (monotonic: an NTP step of the wall clock neither shortens nor lengthens a cap), and writes the
 * acknowledgement with what now applies. Used on the bridge's thread only.
 */
final class CapControl {

    private final PylonDriver driver;
    /** The policy the driver was built with: what applies with no cap, and the caps a command can only tighten. */
    private final LimitPolicy base;
    private CapCommand active;
    private Instant expiresAt;
    private ScheduledFuture<?> expiry;

    CapControl(PylonDriver driver) {
        this.driver = driver;
        this.base = driver.options().policy();
    }

    /** Applies {@code command}; {@code onExpiry} runs on {@code scheduler} when it lapses. Returns the ack JSON. */
    String apply(CapCommand command, ScheduledExecutorService scheduler, Runnable onExpiry) {
        cancelExpiry();
        if (command.clear()) {
            active = null;
            expiresAt = null;
            driver.setPolicy(base);
            return state("cleared", null);
        }
        LimitCaps caps = base.caps();
        if (command.maxChargeCurrentAmps().isPresent()) {
            caps = caps.withMaxChargeCurrentAmps(stricter(caps.maxChargeCurrentAmps(),
                    command.maxChargeCurrentAmps().getAsDouble()));
        }
        if (command.maxDischargeCurrentAmps().isPresent()) {
            caps = caps.withMaxDischargeCurrentAmps(stricter(caps.maxDischargeCurrentAmps(),
                    command.maxDischargeCurrentAmps().getAsDouble()));
        }
        active = command;
        expiresAt = driver.now().wall().plus(command.expiresIn());
        driver.setPolicy(base.withCaps(caps));
        expiry = scheduler.schedule(onExpiry, command.expiresIn().toNanos(), TimeUnit.NANOSECONDS);
        return state("applied", null);
    }

    /** Lifts the cap at its expiry. Returns the state JSON. */
    String expire() {
        expiry = null;
        active = null;
        expiresAt = null;
        driver.setPolicy(base);
        return state("expired", null);
    }

    /** Lifts any cap without a message (the bank is removed or the bridge closes). */
    void release() {
        cancelExpiry();
        if (active != null) {
            active = null;
            expiresAt = null;
            driver.setPolicy(base);
        }
    }

    /** The state JSON after a refused command: the cap in force is unchanged. */
    String rejected(String error) {
        return state("rejected", error);
    }

    /** The state JSON as it stands (republished after a reconnection). */
    String current() {
        return state(active == null ? "none" : "applied", null);
    }

    private String state(String outcome, String error) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", outcome);
        m.put("error", error);
        m.put("at", driver.now().wall().toString());
        m.put("maxChargeCurrentAmps", active == null ? null : boxed(active.maxChargeCurrentAmps()));
        m.put("maxDischargeCurrentAmps", active == null ? null : boxed(active.maxDischargeCurrentAmps()));
        m.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        PublishedLimits p = driver.status().publishedLimits();
        Map<String, Object> published = new LinkedHashMap<>();
        published.put("chargeCurrentLimitAmps", p.chargeCurrentLimitAmps());
        published.put("chargeCurrentLimitSource", p.chargeCurrentLimitProvenance().source().name());
        published.put("dischargeCurrentLimitAmps", p.dischargeCurrentLimitAmps());
        published.put("dischargeCurrentLimitSource", p.dischargeCurrentLimitProvenance().source().name());
        m.put("published", published);
        return Json.write(m);
    }

    private void cancelExpiry() {
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
    }

    private static double stricter(OptionalDouble existing, double requested) {
        return existing.isPresent() ? Math.min(existing.getAsDouble(), requested) : requested;
    }

    private static Double boxed(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }
}
