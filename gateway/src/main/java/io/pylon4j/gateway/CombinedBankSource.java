package io.pylon4j.gateway;

import java.util.List;

/**
 * Several {@link BankSource}s presented as one bank by {@link BankCombiner}'s rules: the groups of an LV-Hub read by
 * one driver each, or banks wired in parallel without a hub. Holds no state of its own: each {@link #view()} asks
 * every member, so a member that drops out lowers the limits in the same cycle.
 */
public final class CombinedBankSource implements BankSource {

    /** The most members, as an LV-Hub joins at most six groups (docs/protocol.md §2.3). */
    public static final int MAX_MEMBERS = 6;

    private final List<BankSource> members;
    private final int minimumCounting;

    /**
     * Combines {@code members}.
     *
     * @param members         1 to {@link #MAX_MEMBERS} sources
     * @param minimumCounting how many must be fresh and plausible for the bank to be fresh (1 to the member count)
     * @throws IllegalArgumentException if a count is out of range
     */
    public CombinedBankSource(List<? extends BankSource> members, int minimumCounting) {
        this.members = List.copyOf(members);
        if (this.members.isEmpty() || this.members.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("a combined bank has 1 to " + MAX_MEMBERS + " members: "
                    + this.members.size());
        }
        if (minimumCounting < 1 || minimumCounting > this.members.size()) {
            throw new IllegalArgumentException("minimumCounting must be 1.." + this.members.size() + ": "
                    + minimumCounting);
        }
        this.minimumCounting = minimumCounting;
    }

    /** {@return the members, in order} */
    public List<BankSource> members() {
        return members;
    }

    @Override
    public BankView view() {
        return BankCombiner.combine(members.stream().map(BankSource::view).toList(), minimumCounting);
    }
}
