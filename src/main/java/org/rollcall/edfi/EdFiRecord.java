package org.rollcall.edfi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rollcall.model.Lineage;

/** One Ed-Fi resource body ready to plan and send, with its natural key and where it came from. */
public record EdFiRecord(EdFiResource resource, String naturalKey, ObjectNode payload, Lineage lineage) {

    public static EdFiRecord of(EdFiResource resource, ObjectNode payload, Lineage lineage) {
        return new EdFiRecord(resource, resource.naturalKey(payload), payload, lineage);
    }
}
