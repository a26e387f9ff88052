package org.rollcall.skyward.simulator;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * How the Qmlativ simulator behaves: the district it serves (size, seed, the day its dates are
 * relative to), the credentials it accepts, token lifetime, and the failures it injects.
 */
public final class SimulatorOptions {

    /** A failure injected on a page of an object: {@code status} (0 = connection dropped), {@code times} (-1 = always). */
    public record Fault(String object, int page, int status, int times) { }

    int students = 200;
    long seed = 2002;
    LocalDate today = LocalDate.now();
    String pathPrefix = "/DemoAPI";
    String clientKey = "rollcall-key";
    String clientSecret = "rollcall-secret";
    Duration tokenLifetime = Duration.ofMinutes(60);
    int expireTokensAfterDataRequests = -1;
    boolean expiryAs403 = false;
    int maxPageSize = 10_000;
    Duration slowPage = Duration.ZERO;
    int slowEvery = 0;
    int tooManyRequestsEvery = 0;
    boolean nextFromHost = false;
    final List<Fault> faults = new java.util.concurrent.CopyOnWriteArrayList<>();

    public static SimulatorOptions district(int students, LocalDate today) {
        SimulatorOptions o = new SimulatorOptions();
        o.students = students;
        o.today = today;
        return o;
    }

    public SimulatorOptions seed(long seed) {
        this.seed = seed;
        return this;
    }

    public SimulatorOptions credentials(String key, String secret) {
        this.clientKey = key;
        this.clientSecret = secret;
        return this;
    }

    public SimulatorOptions tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
        return this;
    }

    /** Every token issued so far expires once this many data requests have been served (a token expiring mid-run). */
    public SimulatorOptions expireTokensAfter(int dataRequests) {
        this.expireTokensAfterDataRequests = dataRequests;
        return this;
    }

    /** Answer an expired token with 403 (as rqmlativ expects) instead of 401; the body says "Token has expired" either way. */
    public SimulatorOptions expiryAs403() {
        this.expiryAs403 = true;
        return this;
    }

    public SimulatorOptions maxPageSize(int max) {
        this.maxPageSize = max;
        return this;
    }

    /** Every {@code every}-th data request waits {@code delay} before answering. */
    public SimulatorOptions slowPages(int every, Duration delay) {
        this.slowEvery = every;
        this.slowPage = delay;
        return this;
    }

    /** Every {@code every}-th data request is answered 429 Too Many Requests with Retry-After: 0. */
    public SimulatorOptions tooManyRequestsEvery(int every) {
        this.tooManyRequestsEvery = every;
        return this;
    }

    /** Page {@code page} of {@code object} (e.g. "Demographics/Name"; "oauth/token" for the token endpoint, any page) fails {@code times} times (-1 = always) with {@code status}. */
    public SimulatorOptions fail(String object, int page, int status, int times) {
        faults.add(new Fault(object, page, status, times));
        return this;
    }

    /** Write {@code Paging.Next} relative to the host ({@code /DemoAPI/Generic/...}) instead of the API base. */
    public SimulatorOptions nextRelativeToHost() {
        this.nextFromHost = true;
        return this;
    }

    public SimulatorOptions pathPrefix(String prefix) {
        this.pathPrefix = prefix;
        return this;
    }

    public String clientKey() {
        return clientKey;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public LocalDate today() {
        return today;
    }
}
