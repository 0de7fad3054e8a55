package io.pylon4j.web;

import io.pylon4j.driver.commission.Expectations;
import io.pylon4j.driver.commission.ModuleRating;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The installer's expectations given to {@code /api/commissioning} as query parameters, read strictly: each parameter
 * at most once, only the known ones, bounded numbers in plain decimal; anything else is a {@link BadQuery} whose
 * message the answer (400) carries. A parameter given replaces the view's default expectation
 * ({@link WebViewOptions#expectations()}); one left out keeps it. Nothing is stored: each request is judged with its
 * own expectations.
 *
 * <p>The parameters are what {@code pylon commission} takes: {@code modules} ({@code --expected-modules}),
 * {@code groups} ({@code --groups}), {@code moduleChargeAmps} (one module's charge current figure, which
 * {@code --preset} looks up, e.g. 37 A for a US3000C) and {@code newModules} ({@code --new-module}: positions in group
 * 0, 1 = the master).
 */
final class CommissioningQuery {

    /**
     * Modules in all groups. Above the 6 × 16 an LV-Hub takes ({@code GroupLimitsCheck}), so that the check, not the
     * parser, tells the installer such a bank is too large, as {@code pylon commission} does; bounded all the same.
     */
    static final int MAX_MODULES = 256;

    /** Groups: above the 6 an LV-Hub takes, for the same reason. */
    static final int MAX_GROUPS = 16;

    /** Positions in group 0 (1 = the master). */
    static final int MAX_POSITION = 16;

    /** One module's charge current figure, A: far above any low-voltage module, so a typo is refused. */
    static final double MAX_MODULE_CHARGE_AMPS = 500;

    /** A query longer than this is refused before it is read. */
    static final int MAX_QUERY_CHARS = 256;

    static final String MODULES = "modules";
    static final String GROUPS = "groups";
    static final String MODULE_CHARGE_AMPS = "moduleChargeAmps";
    static final String NEW_MODULES = "newModules";

    private static final Set<String> KNOWN = Set.of(MODULES, GROUPS, MODULE_CHARGE_AMPS, NEW_MODULES);
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,3}");
    private static final Pattern AMPS = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,2})?");

    /** A query the view refuses; the message says which parameter and what it takes. */
    static final class BadQuery extends Exception {
        private static final long serialVersionUID = 1L;

        BadQuery(String message) {
            super(message);
        }
    }

    private CommissioningQuery() {
    }

    /**
     * The expectations for one request.
     *
     * @param rawQuery the request URI's raw query, or null when there is none
     * @param defaults the view's own expectations, which the parameters given replace one by one
     * @return the expectations to judge with
     * @throws BadQuery if a parameter is unknown, repeated, empty, malformed or out of range
     */
    static Expectations parse(String rawQuery, Expectations defaults) throws BadQuery {
        Map<String, String> params = params(rawQuery);
        Expectations e = defaults;
        if (params.containsKey(MODULES)) {
            e = e.withModules(whole(MODULES, params.get(MODULES), 1, MAX_MODULES));
        }
        if (params.containsKey(GROUPS)) {
            e = e.withGroups(whole(GROUPS, params.get(GROUPS), 1, MAX_GROUPS));
        }
        if (params.containsKey(MODULE_CHARGE_AMPS)) {
            String v = params.get(MODULE_CHARGE_AMPS);
            if (!AMPS.matcher(v).matches() || Double.parseDouble(v) < 1 || Double.parseDouble(v)
                    > MAX_MODULE_CHARGE_AMPS) {
                throw new BadQuery(MODULE_CHARGE_AMPS + ": one module's charge current in A, from 1 to "
                        + (int) MAX_MODULE_CHARGE_AMPS + " (e.g. 37 for a US3000C), not '" + v + "'");
            }
            e = e.withRating(rating(Double.parseDouble(v)));
        }
        if (params.containsKey(NEW_MODULES)) {
            e = e.withNewModules(newModules(params.get(NEW_MODULES)));
        }
        return e;
    }

    /**
     * The rating the page stands for: the installer gives one module's charge current figure, not a type name. The
     * discharge figure is not judged by any check; it is set equal only because a rating needs one.
     */
    static ModuleRating rating(double moduleChargeAmps) {
        String model = String.format(Locale.ROOT, "%.1f A per module", moduleChargeAmps);
        return new ModuleRating(model, moduleChargeAmps, moduleChargeAmps);
    }

    private static Map<String, String> params(String rawQuery) throws BadQuery {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        if (rawQuery.length() > MAX_QUERY_CHARS) {
            throw new BadQuery("query too long: " + rawQuery.length() + " characters, at most " + MAX_QUERY_CHARS);
        }
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!KNOWN.contains(name)) {
                throw new BadQuery("unknown parameter '" + name + "'; known: " + String.join(", ",
                        new TreeSet<>(KNOWN)));
            }
            if (params.put(name, value) != null) {
                throw new BadQuery("parameter '" + name + "' given twice");
            }
        }
        return params;
    }

    private static String decode(String raw) throws BadQuery {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadQuery("malformed percent-encoding in the query: " + e.getMessage());
        }
    }

    private static int whole(String name, String value, int min, int max) throws BadQuery {
        if (!WHOLE.matcher(value).matches() || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            throw new BadQuery(name + ": a whole number from " + min + " to " + max + ", not '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    /** Positions in group 0, comma-separated, as {@code --new-module} takes them; RS485 address = position + 1. */
    private static Set<Integer> newModules(String value) throws BadQuery {
        Set<Integer> addresses = new HashSet<>();
        if (value.isEmpty()) {
            return addresses; // none just added
        }
        for (String position : value.split(",", -1)) {
            int p = whole(NEW_MODULES, position.strip(), 1, MAX_POSITION);
            addresses.add(p + 1); // RS485 ADR 2 is the master of group 0 (docs/protocol.md §2.3)
        }
        return addresses;
    }
}
