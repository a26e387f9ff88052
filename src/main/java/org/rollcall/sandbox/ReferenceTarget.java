package org.rollcall.sandbox;

import java.util.List;

/**
 * What a reference object ({@code studentReference}, {@code educationOrganizationReference}, ...) points at.
 * A concrete reference has one candidate resource; an abstract one ({@code educationOrganizationReference},
 * {@code generalStudentProgramAssociationReference}) resolves against any of several.
 *
 * @param entityName the name used in messages, e.g. {@code Student} or {@code EducationOrganization}
 * @param candidates the resources that can satisfy the reference, each with the reference properties that make
 *                   up its natural key, in key order
 */
record ReferenceTarget(String entityName, List<Candidate> candidates) {

    record Candidate(String resource, List<String> keyProperties) {
    }
}
