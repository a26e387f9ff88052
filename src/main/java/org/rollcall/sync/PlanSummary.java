package org.rollcall.sync;

import java.util.EnumMap;
import java.util.Map;
import org.rollcall.edfi.EdFiResource;

/** What planning a run found per resource: records to send and records already up to date. */
public final class PlanSummary {

    private final Map<EdFiResource, long[]> counts = new EnumMap<>(EdFiResource.class);

    void add(EdFiResource resource, PlannedChange.Action action) {
        counts.computeIfAbsent(resource, r -> new long[3])[action == PlannedChange.Action.CREATE ? 0 : 1]++;
    }

    void unchanged(EdFiResource resource) {
        counts.computeIfAbsent(resource, r -> new long[3])[2]++;
    }

    public long toCreate(EdFiResource resource) {
        return counts.getOrDefault(resource, new long[3])[0];
    }

    public long toUpdate(EdFiResource resource) {
        return counts.getOrDefault(resource, new long[3])[1];
    }

    public long unchangedCount(EdFiResource resource) {
        return counts.getOrDefault(resource, new long[3])[2];
    }

    public long toSend() {
        return counts.values().stream().mapToLong(c -> c[0] + c[1]).sum();
    }
}
