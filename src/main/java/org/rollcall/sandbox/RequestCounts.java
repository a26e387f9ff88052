package org.rollcall.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests the sandbox answered, per method, resource and status (e.g. {@code POST students 201}).
 * Live and thread-safe; a persistent sandbox keeps the counts in its store, so they add up across restarts.
 * The resource is the collection name for data calls ({@code students}) and {@code discovery},
 * {@code oauth/token} or {@code metadata} for the rest.
 */
public final class RequestCounts {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final AtomicBoolean dirty = new AtomicBoolean();

    RequestCounts(Map<String, Long> initial) {
        initial.forEach((key, n) -> counter(key).add(n));
    }

    /** Requests answered with exactly this method, resource and status. */
    public long get(String method, String resource, int status) {
        LongAdder n = counts.get(key(method, resource, status));
        return n == null ? 0 : n.sum();
    }

    /** Requests with this method and resource, whatever their status. */
    public long total(String method, String resource) {
        String prefix = method + " " + resource + " ";
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)
                        && e.getKey().indexOf(' ', prefix.length()) < 0)
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** Requests with this method, whatever their resource and status. */
    public long total(String method) {
        String prefix = method + " ";
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** A sorted snapshot keyed {@code "POST students 201"}. */
    public Map<String, Long> asMap() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((key, n) -> out.put(key, n.sum()));
        return out;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }

    void record(String method, String resource, int status) {
        counter(key(method, resource, status)).increment();
        dirty.set(true);
    }

    /** True once since the last call when something was recorded: tells the store whether to save. */
    boolean takeDirty() {
        return dirty.getAndSet(false);
    }

    private LongAdder counter(String key) {
        return counts.computeIfAbsent(key, k -> new LongAdder());
    }

    static String key(String method, String resource, int status) {
        return method + " " + resource + " " + status;
    }
}
