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
            Set<String> ours = r.keyPaths().stream().map(p -> p.substring(p.lastIndexOf('.') + 1))
                    .collect(Collectors.toSet());
            Set<String> theirs = spec.identity.stream().map(QueryParameter::name).collect(Collectors.toSet());
            assertThat(ours).as(r.collection()).isEqualTo(theirs);
            assertThat(r.keyPaths()).as(r.collection() + " key paths, sorted").isSorted();
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(16);
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
