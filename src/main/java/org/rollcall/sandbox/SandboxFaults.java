package org.rollcall.sandbox;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trouble the sandbox can make on its data API, for rehearsing a nightly sync against a target
 * that misbehaves: a share of requests answered 500, a share of connections dropped after the
 * request was handled (the client never hears that it worked), added latency, bursts of 429 or
 * 503 with Retry-After, and every token expired at once. Settings take effect on the next request
 * and can change while a run is in flight. Seeded, so a test sees the same sequence each time.
 */
public final class SandboxFaults {

    private final Random random;
    private volatile double errorRate;
    private volatile double dropRate;
    private volatile Duration latency = Duration.ZERO;
    private final AtomicInteger tooManyRequests = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private volatile long retryAfterSeconds = 1;
    private volatile Runnable expireTokens = () -> { };
    private volatile java.util.Set<String> resources = java.util.Set.of();

    public SandboxFaults(long seed) {
        this.random = new Random(seed);
    }

    /** This share (0..1) of data requests is answered 500 without being handled. */
    public SandboxFaults errors(double rate) {
        this.errorRate = rate;
        return this;
    }

    /** This share (0..1) of data requests is handled, then the connection is closed without an answer. */
    public SandboxFaults drops(double rate) {
        this.dropRate = rate;
        return this;
    }

    public SandboxFaults latency(Duration d) {
        this.latency = d;
        return this;
    }

    /** The next {@code n} data requests get 429 with {@code Retry-After: retryAfter} (whole seconds). */
    public SandboxFaults tooManyRequests(int n, Duration retryAfter) {
        this.retryAfterSeconds = retryAfter.toSeconds();
        tooManyRequests.set(n);
        return this;
    }

    /** The next {@code n} data requests get 503 with the same Retry-After. */
    public SandboxFaults unavailable(int n, Duration retryAfter) {
        this.retryAfterSeconds = retryAfter.toSeconds();
        unavailable.set(n);
        return this;
    }

    /** Every token issued so far is expired now: the next data request with one gets 401. */
    public SandboxFaults expireTokens() {
        expireTokens.run();
        return this;
    }

    /** Limits the faults to these resources (collection names, e.g. {@code schools}); none given = all. */
    public SandboxFaults only(String... collections) {
        this.resources = java.util.Set.of(collections);
        return this;
    }

    boolean appliesTo(String path) {
        java.util.Set<String> r = resources;
        if (r.isEmpty()) {
            return true;
        }
        String[] parts = path.split("/");
        // /data/v3/ed-fi/{resource}[/{id}]
        return parts.length > 4 && r.contains(parts[4]);
    }

    /** Back to a well-behaved server. */
    public SandboxFaults clear() {
        resources = java.util.Set.of();
        errorRate = 0;
        dropRate = 0;
        latency = Duration.ZERO;
        tooManyRequests.set(0);
        unavailable.set(0);
        return this;
    }

    void onExpireTokens(Runnable r) {
        this.expireTokens = r;
    }

    /** What to do with one data request. */
    enum Fault { NONE, ERROR, DROP, TOO_MANY, UNAVAILABLE }

    Fault next() throws InterruptedException {
        Duration l = latency;
        if (!l.isZero()) {
            Thread.sleep(l.toMillis());
        }
        if (tooManyRequests.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Fault.TOO_MANY;
        }
        if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Fault.UNAVAILABLE;
        }
        double r;
        synchronized (random) {
            r = random.nextDouble();
        }
        if (r < errorRate) {
            return Fault.ERROR;
        }
        if (r < errorRate + dropRate) {
            return Fault.DROP;
        }
        return Fault.NONE;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
