package io.pylon4j.driver.commission;

import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.DriverCounters;
import io.pylon4j.driver.LinkStatus;
import io.pylon4j.driver.SourceStatus;
import java.util.Optional;

/**
 * {@code communication}: did the bank's data reach the driver at all? No limits and no measurements in the whole
 * window fail, with the likeliest cause for what the counters show (nothing at all, or RS485 bytes that never form
 * a frame: the baud rate; a link that never came up, with its cause, such as a refused port). Data that stopped
 * before the end of the window warns.
 */
public final class CommunicationCheck implements CommissioningCheck {

    /** This check's id. */
    public static final String ID = "communication";

    /** Creates the check; it has no settings: what it judges comes from the observation and the expectations. */
    public CommunicationCheck() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult evaluate(Observation o, Expectations expected) {
        DriverCounters c = o.counters();
        String measured = (o.canObserved() ? c.canFrames() + " CAN frames" : "")
                + (o.canObserved() && o.rs485Observed() ? ", " : "")
                + (o.rs485Observed() ? c.rs485Replies() + " RS485 replies" : "");
        boolean anyData = o.samples().stream().anyMatch(CommunicationCheck::hasData);
        if (!anyData) {
            String why;
            Optional<String> neverUp = neverUpCause(o);
            if (neverUp.isPresent()) {
                why = "The link to the bank never came up: " + neverUp.get() + ". This is the inverter side's "
                        + "connection, before any battery data: check the endpoint (host and port, device name), "
                        + "that the adapter is plugged in and the gateway is running.";
            } else if (o.rs485Observed() && c.rs485Replies() == 0 && (c.rs485Resyncs() > 0 || c.rs485BadFrames() > 0)) {
                why = "Bytes arrive on RS485 but none forms a valid reply (" + c.rs485Resyncs()
                        + " bytes discarded): the baud rate does not match. DIP switch 1 of the master selects it "
                        + "(down = 115200, up = 9600, read at power-up); set it and the port alike, then restart "
                        + "the battery.";
            } else if (o.canObserved() && c.canFrames() > 0) {
                why = "CAN frames arrive but none carries Pylontech bank data: check the battery's CAN protocol "
                        + "setting and that the cable comes from the master's CAN port.";
            } else {
                why = "Nothing arrived from the bank in " + Fmt.seconds(o.window()) + ": check that the battery is "
                        + "on, that the cable goes from the master's CAN/RS485 port (not a Link port) to the "
                        + "inverter, the pinout of both RJ45 ends, and the termination.";
            }
            return CheckResult.of(ID, Verdict.FAIL, why, measured.isEmpty() ? "no data" : measured,
                    "limits and measurements");
        }
        BankStatus last = o.last().orElseThrow();
        if (!last.isFresh()) {
            return CheckResult.of(ID, Verdict.WARN, "The bank's data stopped during the observation ("
                    + last.supervisionState() + ": " + last.supervisionReason() + "): look for a loose cable or a "
                    + "second device polling the same RS485 bus.", measured, "data all through the window");
        }
        return CheckResult.of(ID, Verdict.PASS, "The bank's limits and measurements arrived.", measured,
                "limits and measurements");
    }

    /** Why the link is down, if no link was up in any sample and the newest sample names a cause. */
    static Optional<String> neverUpCause(Observation o) {
        boolean everUp = o.samples().stream().flatMap(s -> s.sources().values().stream())
                .anyMatch(src -> src.linkStatus().map(LinkStatus::up).orElse(false));
        if (everUp) {
            return Optional.empty();
        }
        return o.last().flatMap(s -> s.sources().values().stream().map(SourceStatus::linkCause)
                .flatMap(Optional::stream).findFirst());
    }

    static boolean hasData(BankStatus s) {
        return s.batteryLimits().isPresent() || s.measurements().voltageVolts().isPresent()
                || s.measurements().socPercent().isPresent();
    }
}
