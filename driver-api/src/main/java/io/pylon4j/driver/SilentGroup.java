package io.pylon4j.driver;

import java.time.Instant;
import java.util.Objects;

/**
 * One RS485 group of a bank behind an LV-Hub (several groups on one link) that stopped answering while the others go
 * on: the answer to "why did half of my modules leave?". The driver keeps one per silent group in
 * {@link BankStatus#silentGroups()} until the group answers again. Its modules have left the status (each with a
 * {@link BankEvent.ModuleLeft}), and it contributes nothing to the bank's limits, measurements or module count while
 * it is silent (docs/driver-model.md, "Several groups"). A bank with one group has none: its silence is the bank's,
 * reported by the supervision state.
 *
 * @param group  the group number (its master's RS485 address is {@code 0x10 × group + 0x02}, docs/protocol.md §2.3)
 * @param since  when it was found silent, on the wall clock (display only)
 * @param reason what went unanswered, as a phrase ("no reply to 0x42 at 0x22 in 3 attempts")
 */
public record SilentGroup(int group, Instant since, String reason) {

    /**
     * Checks the references.
     *
     * @param group  the group number
     * @param since  when it was found silent
     * @param reason what went unanswered
     */
    public SilentGroup {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(reason, "reason");
    }
}
