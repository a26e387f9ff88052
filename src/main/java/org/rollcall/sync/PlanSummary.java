package org.rollcall.sync;

import java.util.ArrayList;
import org.rollcall.edfi.EdFiResource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What planning a run found per resource: records to create, update, delete, exit or re-key,
 * records already up to date, changes held by the guard and records found invalid. Keeps the first
 * few natural keys of each kind as samples for {@code ./rollcall plan}. Thread-safe.
 */
public final class PlanSummary {

    /** The kinds a planned record can be counted as. */
    public enum Kind { CREATE, UPDATE, UNCHANGED, DELETE, EXIT, REKEY, HELD, INVALID }

    static final int SAMPLES = 3;

    private final Map<Key, long[]> counts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Key, List<String>> samples = new java.util.concurrent.ConcurrentHashMap<>();

    private record Key(EdFiResource resource, Kind kind) { }

    public void count(EdFiResource resource, Kind kind, String naturalKey) {
        add(resource, kind, 1);
        sample(resource, kind, naturalKey);
    }

    /** Keeps a key as a sample of its kind, if there are fewer than {@value #SAMPLES} yet. */
    public void sample(EdFiResource resource, Kind kind, String naturalKey) {
        if (naturalKey != null) {
            List<String> s = samples.computeIfAbsent(new Key(resource, kind), k -> new ArrayList<>());
            synchronized (s) {
                if (s.size() < SAMPLES) {
                    s.add(naturalKey);
                }
            }
        }
    }

    public void add(EdFiResource resource, Kind kind, long n) {
        long[] c = counts.computeIfAbsent(new Key(resource, kind), k -> new long[1]);
        synchronized (c) {
            c[0] += n;
        }
    }

    void add(EdFiResource resource, PlannedChange.Action action, String naturalKey) {
        count(resource, Kind.valueOf(action.name()), naturalKey);
    }

    void unchanged(EdFiResource resource) {
        add(resource, Kind.UNCHANGED, 1);
    }

    public long get(EdFiResource resource, Kind kind) {
        long[] c = counts.get(new Key(resource, kind));
        if (c == null) {
            return 0;
        }
        synchronized (c) {
            return c[0];
        }
    }

    public List<String> samples(EdFiResource resource, Kind kind) {
        List<String> s = samples.get(new Key(resource, kind));
        if (s == null) {
            return List.of();
        }
        synchronized (s) {
            return List.copyOf(s);
        }
    }

    public long toCreate(EdFiResource resource) {
        return get(resource, Kind.CREATE);
    }

    public long toUpdate(EdFiResource resource) {
        return get(resource, Kind.UPDATE);
    }

    public long unchangedCount(EdFiResource resource) {
        return get(resource, Kind.UNCHANGED);
    }

    /** Records that will be sent: everything planned except what is unchanged, held or invalid. */
    public long toSend() {
        long n = 0;
        for (Map.Entry<Key, long[]> e : counts.entrySet()) {
            Kind k = e.getKey().kind();
            if (k != Kind.UNCHANGED && k != Kind.HELD && k != Kind.INVALID) {
                synchronized (e.getValue()) {
                    n += e.getValue()[0];
                }
            }
        }
        return n;
    }

    /** Counts by kind for one resource, for reports and {@code plan}. */
    public Map<Kind, Long> of(EdFiResource resource) {
        Map<Kind, Long> out = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            out.put(k, get(resource, k));
        }
        return out;
    }
}
