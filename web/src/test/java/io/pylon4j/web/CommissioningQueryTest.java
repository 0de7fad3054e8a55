package io.pylon4j.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pylon4j.driver.commission.Expectations;
import io.pylon4j.driver.commission.ModuleRating;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The commissioning query is read strictly: known parameters once each, bounded plain numbers, nothing else. */
class CommissioningQueryTest {

    private static final Expectations DEFAULTS = Expectations.of(4, new ModuleRating("US3000C", 37, 37));

    @Test
    void noQueryKeepsTheViewsDefaults() throws Exception {
        assertSame(DEFAULTS, CommissioningQuery.parse(null, DEFAULTS));
        assertSame(DEFAULTS, CommissioningQuery.parse("", DEFAULTS));
    }

    @Test
    void eachParameterGivenReplacesItsDefaultAndOnlyThat() throws Exception {
        Expectations e = CommissioningQuery.parse("modules=3&newModules=3%2C4", DEFAULTS);
        assertEquals(OptionalInt.of(3), e.modules());
        assertEquals(1, e.groups());
        assertEquals(37.0, e.rating().orElseThrow().chargeCurrentAmps());
        assertEquals(Set.of(4, 5), e.newModuleAddresses(), "positions 3 and 4 are RS485 addresses 4 and 5");

        Expectations all = CommissioningQuery.parse("modules=12&groups=2&moduleChargeAmps=25.5", Expectations.NONE);
        assertEquals(OptionalInt.of(12), all.modules());
        assertEquals(2, all.groups());
        assertEquals(25.5, all.rating().orElseThrow().chargeCurrentAmps());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "foo=1|unknown parameter 'foo'; known: groups, moduleChargeAmps, modules, newModules",
        "modules=4&modules=5|parameter 'modules' given twice",
        "modules=0|modules: a whole number from 1 to 256, not '0'",
        "modules=257|modules: a whole number from 1 to 256, not '257'",
        "modules=-1|modules: a whole number from 1 to 256, not '-1'",
        "modules=4.0|modules: a whole number from 1 to 256, not '4.0'",
        "modules=|modules: a whole number from 1 to 256, not ''",
        "modules|modules: a whole number from 1 to 256, not ''",
        "groups=17|groups: a whole number from 1 to 16, not '17'",
        "moduleChargeAmps=1e3|moduleChargeAmps: one module's charge current in A, from 1 to 500 (e.g. 37 for a US3000C), not '1e3'",
        "moduleChargeAmps=NaN|moduleChargeAmps: one module's charge current in A, from 1 to 500 (e.g. 37 for a US3000C), not 'NaN'",
        "moduleChargeAmps=500.5|moduleChargeAmps: one module's charge current in A, from 1 to 500 (e.g. 37 for a US3000C), not '500.5'",
        "newModules=0|newModules: a whole number from 1 to 16, not '0'",
        "newModules=3,,4|newModules: a whole number from 1 to 16, not ''",
        "modules=%zz|malformed percent-encoding in the query:",
    })
    void aBadQueryIsRefusedSayingWhy(String query, String message) {
        CommissioningQuery.BadQuery e = assertThrows(CommissioningQuery.BadQuery.class,
                () -> CommissioningQuery.parse(query, DEFAULTS));
        // the decoder's own words follow a malformed escape (they vary with the JDK): the start is ours
        assertTrue(e.getMessage().equals(message) || message.endsWith(":") && e.getMessage().startsWith(message + " "),
                e.getMessage());
    }

    @Test
    void aLongQueryIsRefusedBeforeItIsRead() {
        String query = "newModules=" + "1,".repeat(200) + "1";
        CommissioningQuery.BadQuery e = assertThrows(CommissioningQuery.BadQuery.class,
                () -> CommissioningQuery.parse(query, DEFAULTS));
        assertEquals("query too long: " + query.length() + " characters, at most 256", e.getMessage());
    }
}
