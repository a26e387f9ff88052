package org.rollcall.edfi;

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

    /** A default Ed-Fi descriptor in the target's namespace: {@code uri://ed-fi.org/SexDescriptor#Male}. */
    public String descriptor(String name, String codeValue) {
        String ns = namespace.endsWith("/") ? namespace.substring(0, namespace.length() - 1) : namespace;
        return ns + "/" + name + "#" + codeValue;
    }
}
