package io.pylon4j.simulator.frontend;

import java.util.function.BooleanSupplier;

/** A bounded wait for deliveries on transport threads (not for timing: no assertion depends on how long it took). */
final class Awaits {

    private Awaits() {
    }

    static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
