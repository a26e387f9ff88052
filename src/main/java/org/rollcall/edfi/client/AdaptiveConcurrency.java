package org.rollcall.edfi.client;

/**
 * How many requests a target gets at once, adapted to how it copes (additive increase,
 * multiplicative decrease): a 429 or 503 halves the limit, each success grows it by 1/limit, up to
 * the configured maximum. Shared by every thread sending to the target.
 */
public final class AdaptiveConcurrency {

    private final int max;
    private double limit;
    private int inFlight;

    public AdaptiveConcurrency(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        this.max = max;
        this.limit = max;
    }

    /** Waits until fewer requests than the current limit are in flight, then takes a slot. */
    public synchronized void acquire() throws InterruptedException {
        while (inFlight >= (int) limit) {
            wait();
        }
        inFlight++;
    }

    public synchronized void release() {
        inFlight = Math.max(0, inFlight - 1);
        notifyAll();
    }

    /** The target answered: grow slowly back towards the maximum. */
    public synchronized void succeeded() {
        if (limit < max) {
            limit = Math.min(max, limit + 1.0 / limit);
            notifyAll();
        }
    }

    /** The target said slow down (429, 503): halve the limit. */
    public synchronized void throttled() {
        limit = Math.max(1, limit / 2);
    }

    public synchronized int limit() {
        return (int) limit;
    }

    public int max() {
        return max;
    }
}
