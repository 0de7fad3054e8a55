package io.pylon4j.driver.jmx;

import io.pylon4j.driver.BankField;
import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.DriverCounters;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.driver.SlidingRate;
import io.pylon4j.driver.Source;

import io.pylon4j.transport.time.TimeSource;
import java.time.Duration;

/**
 * The bean behind {@link PylonDriverMXBean}: every read goes to the driver's lock-free snapshots
 * ({@link PylonDriver#counters()}, {@link PylonDriver#status()}); the rates keep their own sample rings.
 */
final class DriverMXBeanImpl implements PylonDriverMXBean {

    private final PylonDriver driver;
    private final TimeSource time;
    private final SlidingRate canFrames;
    private final SlidingRate rs485Replies;
    private final SlidingRate badFrames;

    DriverMXBeanImpl(PylonDriver driver) {
        this.driver = driver;
        this.time = driver.options().time();
        this.canFrames = new SlidingRate(() -> driver.counters().canFrames(), time);
        this.rs485Replies = new SlidingRate(() -> driver.counters().rs485Replies(), time);
        this.badFrames = new SlidingRate(() -> {
            DriverCounters c = driver.counters();
            return c.canMalformed() + c.rs485BadFrames();
        }, time);
    }

    private DriverCounters c() {
        return driver.counters();
    }

    private double age(BankField field) {
        return ageSeconds(driver.status(), field, time);
    }

    /** Seconds since {@code field} last received a value, NaN if it never did. */
    static double ageSeconds(BankStatus status, BankField field, TimeSource time) {
        return status.age(field, time.now()).map(DriverMXBeanImpl::seconds).orElse(Double.NaN);
    }

    static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    @Override
    public String getBankId() {
        return driver.bankId();
    }

    @Override
    public String getSupervisionState() {
        return driver.status().supervisionState().name();
    }

    @Override
    public String getSupervisionReason() {
        return driver.status().supervisionReason();
    }

    @Override
    public double getSupervisionStateAgeSeconds() {
        return seconds(driver.status().supervisionAge(time.now()));
    }

    @Override
    public String getCanLinkState() {
        return linkState(Source.CAN);
    }

    @Override
    public String getCanLinkCause() {
        return driver.status().source(Source.CAN).linkCause().orElse("");
    }

    @Override
    public String getRs485LinkState() {
        return linkState(Source.RS485);
    }

    @Override
    public String getRs485LinkCause() {
        return driver.status().source(Source.RS485).linkCause().orElse("");
    }

    private String linkState(Source source) {
        return driver.status().source(source).link().map(Enum::name).orElse("NONE");
    }

    @Override
    public boolean isClosed() {
        return driver.isClosed();
    }

    @Override
    public double getCanFramesPerSecond() {
        return canFrames.perSecond();
    }

    @Override
    public double getRs485RepliesPerSecond() {
        return rs485Replies.perSecond();
    }

    @Override
    public double getBadFramesPerSecond() {
        return badFrames.perSecond();
    }

    @Override
    public long getCanFrames() {
        return c().canFrames();
    }

    @Override
    public long getCanMalformed() {
        return c().canMalformed();
    }

    @Override
    public long getCanUnknown() {
        return c().canUnknown();
    }

    @Override
    public long getKeepAlivesSent() {
        return c().keepAlivesSent();
    }

    @Override
    public long getKeepAlivesSkipped() {
        return c().keepAlivesSkipped();
    }

    @Override
    public long getInverterMeasurementFailures() {
        return c().inverterMeasurementFailures();
    }

    @Override
    public long getInverterMeasurementsMissing() {
        return c().inverterMeasurementsMissing();
    }

    @Override
    public long getRs485Requests() {
        return c().rs485Requests();
    }

    @Override
    public long getRs485Replies() {
        return c().rs485Replies();
    }

    @Override
    public long getRs485Retries() {
        return c().rs485Retries();
    }

    @Override
    public long getRs485Timeouts() {
        return c().rs485Timeouts();
    }

    @Override
    public long getRs485Rejections() {
        return c().rs485Rejections();
    }

    @Override
    public long getRs485BadFrames() {
        return c().rs485BadFrames();
    }

    @Override
    public long getRs485ChecksumErrors() {
        return c().rs485ChecksumErrors();
    }

    @Override
    public long getRs485LateReplies() {
        return c().rs485LateReplies();
    }

    @Override
    public long getRs485RepliesNotMatchingRequest() {
        return c().rs485RepliesNotMatchingRequest();
    }

    @Override
    public long getRs485Resyncs() {
        return c().rs485Resyncs();
    }

    @Override
    public long getRs485Cycles() {
        return c().rs485Cycles();
    }

    @Override
    public long getRs485RequestsSkipped() {
        return c().rs485RequestsSkipped();
    }

    @Override
    public long getRs485GroupSilences() {
        return c().rs485GroupSilences();
    }

    @Override
    public long getRs485SilentGroups() {
        return c().rs485SilentGroups();
    }

    @Override
    public long getReconnects() {
        return c().reconnects();
    }

    @Override
    public long getBaudSwitches() {
        return c().baudSwitches();
    }

    @Override
    public long getDroppedEvents() {
        return c().droppedEvents();
    }

    @Override
    public long getCoalescedEvents() {
        return c().coalescedEvents();
    }

    @Override
    public long getListenerFailures() {
        return c().listenerFailures();
    }

    @Override
    public long getImplausibleValues() {
        return c().implausibleValues();
    }

    @Override
    public double getLimitsAgeSeconds() {
        return age(BankField.LIMITS);
    }

    @Override
    public double getSocAgeSeconds() {
        return age(BankField.SOC);
    }

    @Override
    public double getSohAgeSeconds() {
        return age(BankField.SOH);
    }

    @Override
    public double getVoltageAgeSeconds() {
        return age(BankField.VOLTAGE);
    }

    @Override
    public double getCurrentAgeSeconds() {
        return age(BankField.CURRENT);
    }

    @Override
    public double getTemperatureAgeSeconds() {
        return age(BankField.TEMPERATURE);
    }

    @Override
    public double getAlarmsAgeSeconds() {
        return age(BankField.ALARMS);
    }

    @Override
    public double getRequestFlagsAgeSeconds() {
        return age(BankField.REQUEST_FLAGS);
    }

    @Override
    public double getModuleCountAgeSeconds() {
        return age(BankField.MODULE_COUNT);
    }

    @Override
    public double getModuleDetailsAgeSeconds() {
        return age(BankField.MODULE_DETAILS);
    }
}
