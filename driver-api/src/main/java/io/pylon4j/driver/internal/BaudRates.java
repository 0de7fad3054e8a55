package io.pylon4j.driver.internal;

import io.pylon4j.transport.Endpoint;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.IntStream;

/** The baud rates RS485 baud detection tries, and endpoints rewritten for each. */
public final class BaudRates {

    /** Tried in this order by baud detection: the default, then the DIP-switch-1 mistake (docs/protocol.md §2.1). */
    private static final int[] DEFAULT_BAUD_RATES = {115200, 9600};
    private static final String BAUD = "baud";

    private BaudRates() {
    }

    /**
     * The rates to try, in order.
     *
     * @return 115200, then 9600
     */
    public static int[] defaults() {
        return DEFAULT_BAUD_RATES.clone();
    }

    /**
     * The rates to try for an endpoint: the one it names first, then the other defaults.
     *
     * @param endpoint an RS485 endpoint, with or without a {@code baud} parameter
     * @return the rates to try, in order
     */
    public static int[] startingWith(Endpoint endpoint) {
        int named = endpoint.intParameter(BAUD, 0);
        return named > 0 ? IntStream.concat(IntStream.of(named),
                IntStream.of(DEFAULT_BAUD_RATES).filter(b -> b != named)).toArray() : defaults();
    }

    /**
     * {@code endpoint} with its {@code baud} parameter set to {@code baud} (replaced in place, or added last).
     *
     * @param endpoint the endpoint to rewrite
     * @param baud     the rate, bit/s
     * @return the endpoint's text with that rate
     */
    public static String withBaud(Endpoint endpoint, int baud) {
        Map<String, String> parameters = new LinkedHashMap<>(endpoint.parameters());
        parameters.put(BAUD, Integer.toString(baud)); // a repeated key would make the endpoint invalid
        String text = endpoint.text();
        int question = text.indexOf('?');
        StringJoiner query = new StringJoiner("&", "?", "");
        parameters.forEach((k, v) -> query.add(k + "=" + v));
        return (question < 0 ? text : text.substring(0, question)) + query;
    }
}
