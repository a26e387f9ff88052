package org.rollcall.sync;

import org.rollcall.edfi.EdFiResource;
import org.rollcall.model.Lineage;

/** One record a run must send: its body, hash and lineage, and the target's answer once it has one. */
public record PlannedChange(long seq, String runId, EdFiResource resource, String naturalKey, Action action,
                            String payload, String payloadHash, Lineage lineage) {

    /** What the plan expects to happen; the target's status code says what did. */
    public enum Action { CREATE, UPDATE }
}
