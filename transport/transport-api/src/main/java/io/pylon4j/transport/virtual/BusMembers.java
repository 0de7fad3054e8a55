package io.pylon4j.transport.virtual;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The open members of one in-memory bus, shared by {@link VirtualCanBus} and {@link VirtualByteBus}: both buses join
 * a member when it opens, drop it when it closes, and hand what one member sends to every other member, never back to
 * the sender. Only what travels (frames or byte chunks) differs, so the registry is written once here.
 *
 * <p>Thread-safe: copy-on-write, so a send iterates a snapshot while members join and leave.
 *
 * @param <M> the bus's member type
 */
final class BusMembers<M> {

    private final List<M> members = new CopyOnWriteArrayList<>();

    /** How many members are open now. */
    int size() {
        return members.size();
    }

    /** Adds {@code member} unless it is already in (a reconnect attempt must not add it twice). */
    void join(M member) {
        if (!members.contains(member)) {
            members.add(member);
        }
    }

    /** Removes {@code member}; nothing happens if it is not in. */
    void leave(M member) {
        members.remove(member);
    }

    /** Calls {@code action} for every open member except {@code sender}. */
    void forEachOther(M sender, Consumer<M> action) {
        for (M member : members) {
            if (member != sender) {
                action.accept(member);
            }
        }
    }
}
