package org.rollcall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rollcall.edfi.EdFiResource;

/**
 * Every resource Rollcall writes to a DS 5 target is keyed in its state by exactly the identity the
 * DS 5.0 OpenAPI specification gives it, and may have its key changed by a PUT only where the
 * specification allows it: otherwise the state store and the target would disagree on which record
 * is which.
 */
class NaturalKeysTest {

    private final ApiModel model = ApiModel.get();

    @Test
    void eachResourcesNaturalKeyIsTheSpecificationsIdentity() {
        int checked = 0;
        for (EdFiResource r : EdFiResource.values()) {
            ResourceModel spec = model.resource(r.collection());
            if (spec == null) {
                continue; // Data Standard 6 only
            }
            Set<String> ours = r.keyPaths().stream().map(p -> parameterName(p, r.keyPaths())).collect(Collectors.toSet());
            Set<String> theirs = spec.identity.stream().map(QueryParameter::name).collect(Collectors.toSet());
            assertThat(ours).as(r.collection()).isEqualTo(theirs);
            assertThat(r.keyPaths()).as(r.collection() + " key paths, sorted").isSorted();
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(16);
    }

    /**
     * The specification's query parameter for a key path: its last field, as in {@code schoolReference.schoolId}; where
     * two references give the same field, the one of a reference to another kind of record is named with that
     * reference's role ({@code programReference.educationOrganizationId} is {@code programEducationOrganizationId}).
     */
    private static String parameterName(String path, List<String> all) {
        String field = path.substring(path.lastIndexOf('.') + 1);
        long same = all.stream().filter(p -> p.endsWith("." + field) || p.equals(field)).count();
        int dot = path.lastIndexOf('.');
        if (same < 2 || dot < 0) {
            return field;
        }
        String role = path.substring(0, dot).replace("Reference", "");
        return (role + "Id").equals(field) ? field
                : role + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    @Test
    void onlyResourcesTheSpecificationLetsAPutReKeyHaveAChangeableKey() {
        for (EdFiResource r : EdFiResource.values()) {
            ResourceModel spec = model.resource(r.collection());
            if (r.changeableKey() != null) {
                assertThat(spec.keyChangeAllowed).as(r.collection()).isTrue();
            }
        }
        assertThat(model.resource("staffSectionAssociations").keyChangeAllowed)
                .as("so a moved StaffSectionAssociation is deleted and posted again").isFalse();
        assertThat(List.of(EdFiResource.STUDENT_SCHOOL_ASSOCIATIONS, EdFiResource.STUDENT_SECTION_ASSOCIATIONS))
                .allSatisfy(r -> assertThat(r.changeableKey()).isNotNull());
    }
}
