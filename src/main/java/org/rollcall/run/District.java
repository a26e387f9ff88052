package org.rollcall.run;

import org.rollcall.sync.GonePolicy;

import java.nio.file.Path;
import java.time.Duration;
import org.rollcall.clever.CleverOptions;
import org.rollcall.edfi.DescriptorCrosswalk;
import org.rollcall.edfi.EdFiMapper;
import org.rollcall.edfi.ProgramCatalog;
import org.rollcall.edfi.SharingPolicy;
import org.rollcall.edfi.client.EdFiConnection;
import org.rollcall.model.LocalEducationAgency;

/**
 * One district as configured: its LEA, its Clever inbox and rules, and its Ed-Fi target. Built once
 * at start-up from {@code rollcall.district.<id>.*}; shared by that district's routes.
 *
 * @param targetKey names the target in the state store, so two targets never share state
 * @param gone      what records missing from a complete snapshot mean, and the guard's limit
 * @param sharing   the sensitive fields its target receives (seed 000); the rest are withheld
 * @param programs  its Ed-Fi programs and their associations' beginDate
 */
public record District(
        String id,
        String name,
        LocalEducationAgency lea,
        Path cleverInbox,
        Duration cleverPoll,
        CleverOptions cleverOptions,
        DescriptorCrosswalk cleverCrosswalk,
        EdFiMapper mapper,
        String namespace,
        String targetKey,
        EdFiConnection target,
        int concurrency,
        int retries,
        GonePolicy gone,
        SharingPolicy sharing,
        ProgramCatalog programs) {

    /** The folder of a jsonl: target, or null when the target is an Ed-Fi API (then {@link #target()} is set). */
    public Path jsonlDir() {
        return targetKey.startsWith(id + "@jsonl:") ? Path.of(targetKey.substring((id + "@jsonl:").length())) : null;
    }

    /** The route-registry name of this district's delivery thread pool. */
    public String poolName() {
        return "edfiPool-" + id;
    }
}
