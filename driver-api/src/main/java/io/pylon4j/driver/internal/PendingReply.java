package io.pylon4j.driver.internal;

import io.pylon4j.rs485.Rs485Response;
import io.pylon4j.transport.time.Moment;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The RS485 reply an {@link Rs485Strategy} decoded but has not applied yet (its next request went out first), and
 * applying it as one batch of the {@link BankModel}: one snapshot for the whole reply. The reply and its time are
 * held in fields and the batch's body is made once, where each reply made two lambdas (benchmarks/README.md,
 * "Scale"). Not thread-safe: confined to the strategy's lock.
 */
final class PendingReply {

    private final BankModel model;
    private final BiConsumer<Rs485Response, Moment> apply;
    private final Runnable body = this::applyHeld;
    private Rs485Response response;
    private Moment at;

    /**
     * @param model the model whose batch applies the reply
     * @param apply applies one reply's inputs to the model, within the batch
     */
    PendingReply(BankModel model, BiConsumer<Rs485Response, Moment> apply) {
        this.model = Objects.requireNonNull(model, "model");
        this.apply = Objects.requireNonNull(apply, "apply");
    }

    /** Holds {@code reply}, received {@code receivedAt}, until {@link #applyIfAny}. */
    void hold(Rs485Response reply, Moment receivedAt) {
        this.response = Objects.requireNonNull(reply, "reply");
        this.at = Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** Applies the held reply, if any, as one batch of the model, and forgets it. */
    void applyIfAny() {
        if (response != null) {
            model.batch(body);
        }
    }

    private void applyHeld() {
        Rs485Response reply = response;
        Moment receivedAt = at;
        response = null; // taken before it is applied: a reply is applied once, even if applying it throws
        at = null;
        apply.accept(reply, receivedAt);
    }
}
