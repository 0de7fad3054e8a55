package io.pylon4j.gateway;

/**
 * What a gateway presents to the inverter: asked once per frame-set cycle (or per RS485 request) for the newest
 * {@link BankView}. Implementations: {@link DriverBankSource} (one pylon4j driver), {@link CombinedBankSource}
 * (several banks as one), {@link PushedBankSource} (an application's own BMS model); or implement it directly.
 *
 * <p>Called from the gateway's scheduler thread; must be cheap and must not block. A source that cannot vouch for
 * its values' age must say {@link SourceState#STALE} rather than repeat old values as {@link SourceState#FRESH}.
 */
@FunctionalInterface
public interface BankSource {

    /**
     * {@return the newest view of the bank}
     */
    BankView view();
}
