package org.rollcall.sync;

import org.rollcall.edfi.EdFiResource;
import org.rollcall.model.Lineage;

/**
 * One record a run must send: its body, hash and lineage. A delete, an exit or a key change also
 * carries the Ed-Fi id (and ETag) of the record it changes; a key change the natural key it had.
 * {@code attempts} counts earlier tries in this run (an unresolved reference is re-queued once).
 */
public record PlannedChange(long seq, String runId, EdFiResource resource, String naturalKey, Action action,
                            String payload, String payloadHash, Lineage lineage, String edfiId, String etag,
                            String previousKey, int attempts) {

    public PlannedChange(long seq, String runId, EdFiResource resource, String naturalKey, Action action,
                         String payload, String payloadHash, Lineage lineage) {
        this(seq, runId, resource, naturalKey, action, payload, payloadHash, lineage, null, null, null, 0);
    }

    /**
     * What the plan expects to happen. CREATE and UPDATE POST the body (Ed-Fi upserts by natural key),
     * EXIT POSTs the last body with exit fields, DELETE deletes by id, REKEY PUTs a new natural key
     * by id (only where Ed-Fi allows it).
     */
    public enum Action {
        CREATE, UPDATE, DELETE, EXIT, REKEY;

        /** Changes that remove a record from the target's current picture: what the guard counts. */
        public boolean removes() {
            return this == DELETE || this == EXIT;
        }
    }
}
