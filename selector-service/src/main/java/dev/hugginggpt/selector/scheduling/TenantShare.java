package dev.hugginggpt.selector.scheduling;

import java.util.function.IntSupplier;

/**
 * How many tasks one tenant may have running at once: a share of the live executors' slots, so that however many
 * long tasks one tenant sends, the other tenants' tasks find a free slot. A tenant's ready tasks beyond it wait here,
 * not in an executor's queue, and their deadlines start only once they are dispatched.
 */
@FunctionalInterface
public interface TenantShare {
    /** The most tasks one tenant may have in flight now. */
    int maxInFlight();

    static TenantShare unlimited() {
        return () -> Integer.MAX_VALUE;
    }

    /** {@code share} of the live slots, at least one; unlimited while no executor has announced its slots. */
    static TenantShare of(double share, IntSupplier liveSlots) {
        if (share >= 1) {
            return unlimited();
        }
        return () -> {
            int slots = liveSlots.getAsInt();
            return slots <= 0 ? Integer.MAX_VALUE : Math.max(1, (int) Math.floor(share * slots));
        };
    }
}
