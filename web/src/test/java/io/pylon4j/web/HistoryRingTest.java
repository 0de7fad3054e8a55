package io.pylon4j.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The plots' history: bounded, oldest overwritten, absent values as null. */
class HistoryRingTest {

    @Test
    void keepsOnlyTheNewestSamplesInTimeOrder() {
        HistoryRing ring = new HistoryRing(3);
        for (int t = 1; t <= 5; t++) {
            ring.add(t, t, 50, -20, 53.2, 37, 74, Double.NaN);
        }
        assertEquals(3, ring.size());
        String json = ring.toJson();
        assertEquals("{\"t\":[3,4,5],\"socPercent\":[3,4,5],\"voltageVolts\":[50,50,50],\"currentAmps\":[-20,-20,-20],"
                + "\"chargeVoltageLimitVolts\":[53.2,53.2,53.2],\"chargeCurrentLimitAmps\":[37,37,37],"
                + "\"dischargeCurrentLimitAmps\":[74,74,74],\"temperatureCelsius\":[null,null,null]}", json);
        assertEquals("{\"t\":5,\"socPercent\":5,\"voltageVolts\":50,\"currentAmps\":-20,\"chargeVoltageLimitVolts\":53.2,"
                + "\"chargeCurrentLimitAmps\":37,\"dischargeCurrentLimitAmps\":74,\"temperatureCelsius\":null}",
                ring.newestJson());
    }

    @Test
    void anEmptyRingIsEmptyColumns() {
        HistoryRing ring = new HistoryRing(2);
        assertEquals("null", ring.newestJson());
        assertEquals("{\"t\":[],\"socPercent\":[],\"voltageVolts\":[],\"currentAmps\":[],\"chargeVoltageLimitVolts\":[],"
                + "\"chargeCurrentLimitAmps\":[],\"dischargeCurrentLimitAmps\":[],\"temperatureCelsius\":[]}",
                ring.toJson());
    }

    @Test
    void aSampleMustHaveEverySeries() {
        assertThrows(IllegalArgumentException.class, () -> new HistoryRing(2).add(1, 1, 2));
    }
}
