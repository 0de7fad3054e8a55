package io.pylon4j.gateway;

import io.pylon4j.driver.Limits;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.RequestFlags;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** Views for the pure tests: a US5000-like bank with the numbers each test changes. */
final class Views {

    private Views() {
    }

    static BankView fresh(double cvl, double ccl, double dcl, double soc, double capacityAh) {
        return new BankView(SourceState.FRESH, "test",
                Optional.of(new Limits(cvl, ccl, dcl, OptionalDouble.of(47.0))),
                Measurements.of(soc, 99, 52.0, -10, 21.5), RequestFlags.NORMAL, Set.of(), 4, capacityAh);
    }

    static BankView fresh() {
        return fresh(53.2, 100, 150, 60, 400);
    }
}
