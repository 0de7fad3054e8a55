package io.pylon4j.driver;

import io.pylon4j.driver.internal.BaudRates;
import io.pylon4j.driver.internal.DriverEngine;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.Transport;
import io.pylon4j.transport.Transports;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * The links one {@link PylonDriver} is made with, and which of them the driver owns (and so closes): what each of
 * its factories resolves before the engine is built. With baud detection the RS485 link is not made yet: the engine
 * makes one per rate tried, from {@code rs485Factory}.
 *
 * @param can          the CAN link, or null
 * @param rs485        the RS485 link, or null (always null with baud detection)
 * @param owned        the links the driver closes: those it opened from an endpoint
 * @param rs485Factory with baud detection, makes an unopened RS485 link at a baud rate; null otherwise
 * @param baudRates    with baud detection, the rates to try in turn (bit/s); null otherwise
 */
record DriverLinks(CanTransport can, ByteStreamTransport rs485, List<Transport> owned,
                   IntFunction<ByteStreamTransport> rs485Factory, int[] baudRates) {

    DriverLinks {
        owned = List.copyOf(owned);
        baudRates = baudRates == null ? null : baudRates.clone();
    }

    /** The engine of a driver on these links, supervised by its ticker from now on (until {@link #close}). */
    DriverEngine engine(DriverOptions options) {
        DriverEngine engine = new DriverEngine(can, rs485, owned, options, rs485Factory, baudRates);
        engine.threads().ticker().add(engine.model());
        return engine;
    }

    /** Closes {@code engine}, out of its ticker first so that no tick runs on a model being closed. */
    static void close(DriverEngine engine) {
        engine.threads().ticker().remove(engine.model());
        engine.close();
    }

    /** Links the caller owns and closes. */
    static DriverLinks of(CanTransport can, ByteStreamTransport rs485) {
        return new DriverLinks(can, rs485, List.of(), null, null);
    }

    /** Both links, which the caller owns and closes. */
    static DriverLinks both(CanTransport can, ByteStreamTransport rs485) {
        return of(Objects.requireNonNull(can, "can"), Objects.requireNonNull(rs485, "rs485"));
    }

    /** Links the driver opened from endpoints, and so closes; either may be null. */
    static DriverLinks owned(CanTransport can, ByteStreamTransport rs485) {
        List<Transport> owned = new ArrayList<>(2);
        if (can != null) {
            owned.add(can);
        }
        if (rs485 != null) {
            owned.add(rs485);
        }
        return new DriverLinks(can, rs485, owned, null, null);
    }

    /** Both links by endpoint; when the second cannot be resolved the first is closed before the exception leaves. */
    static DriverLinks open(Transports transports, String canEndpoint, String rs485Endpoint) {
        CanTransport c = transports.can(canEndpoint);
        ByteStreamTransport r;
        try {
            r = transports.byteStream(rs485Endpoint);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return owned(c, r);
    }

    /** An RS485 link made by {@code factory} at 115200 bit/s, then 9600, and so on in turn, until one answers. */
    static DriverLinks detectingBaud(IntFunction<ByteStreamTransport> factory) {
        return new DriverLinks(null, null, List.of(), factory, BaudRates.defaults());
    }

    /** An RS485 link on {@code endpoint} with its {@code baud} parameter set to each rate tried, its own rate first. */
    static DriverLinks detectingBaud(Transports transports, String endpoint) {
        Objects.requireNonNull(transports, "transports");
        Endpoint parsed = Endpoint.parse(Objects.requireNonNull(endpoint, "endpoint"));
        return new DriverLinks(null, null, List.of(), baud -> transports.byteStream(BaudRates.withBaud(parsed, baud)),
                BaudRates.startingWith(parsed));
    }
}
