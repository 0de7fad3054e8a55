package io.pylon4j.osgi.it.binding;

import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.driver.SupervisionState;
import io.pylon4j.transport.Transports;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What a binding tells the test, once: the first FRESH status of its driver, or the error that stopped it. Only JDK
 * types cross into the test (a {@code Map} of strings and numbers): the test's class loader and the bundle's know
 * different copies of the pylon4j classes.
 */
final class BindingReport {

    private final Consumer<Object> sink;
    private final AtomicBoolean sent = new AtomicBoolean();

    BindingReport(Consumer<Object> sink) {
        this.sink = sink;
    }

    /** Reports the driver's status if it is FRESH (the first time only). */
    void onStatus(String binding, PylonDriver driver) {
        BankStatus status = driver.status();
        if (status.supervisionState() == SupervisionState.FRESH && sent.compareAndSet(false, true)) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("binding", binding);
            report.put("state", status.supervisionState().name());
            report.put("chargeCurrentLimitAmps", status.publishedLimits().chargeCurrentLimitAmps());
            report.put("schemes", String.join(",", Transports.fromServiceLoader().schemes()));
            sink.accept(report);
        }
    }

    /** Reports why the binding could not read the bank (the first report only). */
    void onError(String binding, Throwable error) {
        if (sent.compareAndSet(false, true)) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("binding", binding);
            report.put("error", error.getClass().getName() + ": " + error.getMessage());
            sink.accept(report);
        }
    }
}
