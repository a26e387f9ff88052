package org.rollcall.edfi;

import java.util.Optional;
import org.rollcall.report.ProblemSink;

/**
 * What a mapper needs besides the record: the target's descriptor namespace, the source's
 * crosswalk, the district's LEA id, its programs, and where to report problems and coverage gaps.
 */
public record MappingContext(String namespace, DescriptorCrosswalk crosswalk, long leaId,
                             ProblemSink problems, UnmappedValues unmapped, ProgramCatalog programs) {

    /** A context without programs: program flags map to no association (sources that report none). */
    public MappingContext(String namespace, DescriptorCrosswalk crosswalk, long leaId, ProblemSink problems,
                          UnmappedValues unmapped) {
        this(namespace, crosswalk, leaId, problems, unmapped, ProgramCatalog.none());
    }

    /** The crosswalk's descriptor for a source value; a value with none is counted as a coverage gap. */
    public Optional<String> mapped(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.startsWith("uri://")) {
            // a value a source or a CALPADS import already resolved (registry overlays)
            return Optional.of(value);
        }
        Optional<String> uri = crosswalk.descriptor(field, value);
        if (uri.isEmpty()) {
            unmapped.add(field, value);
        }
        return uri;
    }

    /** A default Ed-Fi descriptor in the target's namespace: {@code uri://ed-fi.org/SexDescriptor#Male}. */
    public String descriptor(String name, String codeValue) {
        String ns = namespace.endsWith("/") ? namespace.substring(0, namespace.length() - 1) : namespace;
        return ns + "/" + name + "#" + codeValue;
    }
}
