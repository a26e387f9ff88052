package org.rollcall.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.edfi.EdFiJson;
import org.rollcall.edfi.EdFiRecord;
import org.rollcall.edfi.EdFiResource;
import org.rollcall.model.Lineage;

/** The checks before sending: schema, descriptors, references (rollcall.validate). */
class RecordValidatorTest {

    @TempDir
    Path dir;

    private StateStore store;

    @BeforeEach
    void open() {
        store = StateStore.open("embedded", "", "", 2, dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static EdFiRecord ssa(String student) {
        ObjectNode body = (ObjectNode) EdFiJson.read("{\"entryDate\":\"2026-08-17\","
                + "\"entryGradeLevelDescriptor\":\"uri://ed-fi.org/GradeLevelDescriptor#Fifth grade\","
                + "\"schoolReference\":{\"schoolId\":101},\"studentReference\":{\"studentUniqueId\":\"" + student + "\"}}");
        return EdFiRecord.of(EdFiResource.STUDENT_SCHOOL_ASSOCIATIONS, body, Lineage.of("students.csv", 7));
    }

    private static EdFiRecord school() {
        return EdFiRecord.of(EdFiResource.SCHOOLS, (ObjectNode) EdFiJson.read("{\"schoolId\":101,"
                + "\"nameOfInstitution\":\"North\",\"educationOrganizationCategories\":[{"
                + "\"educationOrganizationCategoryDescriptor\":\"uri://ed-fi.org/EducationOrganizationCategoryDescriptor#School\"}],"
                + "\"gradeLevels\":[{\"gradeLevelDescriptor\":\"uri://ed-fi.org/GradeLevelDescriptor#Fifth grade\"}]}"),
                Lineage.of("schools.csv", 2));
    }

    private static EdFiRecord student(String id) {
        return EdFiRecord.of(EdFiResource.STUDENTS, (ObjectNode) EdFiJson.read("{\"studentUniqueId\":\"" + id
                + "\",\"firstName\":\"A\",\"lastSurname\":\"B\",\"birthDate\":\"2015-01-02\"}"), Lineage.of("students.csv", 7));
    }

    @Test
    void aReferenceResolvesToARecordAcceptedEarlierInTheRunOrKnownToTheStore() {
        RecordValidator v = new RecordValidator(EnumSet.of(RecordValidator.Check.REFERENCES), store, "t");
        v.accepted(school());

        assertThat(v.check(ssa("S1"))).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("$.studentReference.studentUniqueId");
            assertThat(x.message()).contains("neither in this run nor known");
        });

        v.accepted(student("S1"));
        assertThat(v.check(ssa("S1"))).isEmpty();

        // a student a earlier run delivered is known to the state store
        PlannedChange sent = new PlannedChange(0, "r0", EdFiResource.STUDENTS, "studentUniqueId=S2",
                PlannedChange.Action.CREATE, "{}", "h", Lineage.of("students.csv", 3));
        store.openRun("r0", "demo", "t", "clever", "x");
        store.plan(java.util.List.of(sent));
        PlannedChange planned = store.pending("r0", EdFiResource.STUDENTS, 0, 10).get(0);
        store.recordOutcome("t", planned, Outcome.CREATED, 201, null, "id-2", "e1");
        assertThat(v.check(ssa("S2"))).isEmpty();
    }

    @Test
    void aParentPlannedLongAgoInTheRunStillResolvesThoughOnlyRecentParentsAreKeptInMemory() {
        store.openRun("r1", "demo", "t", "clever", "x");
        RecordValidator v = new RecordValidator(EnumSet.of(RecordValidator.Check.REFERENCES), store, "t");
        SyncPlanner planner = new SyncPlanner(store, "t", "r1", "v1", p -> { }, v);
        planner.accept(school());
        for (int i = 0; i <= RecordValidator.RECENT_PARENTS + SyncPlanner.BATCH; i++) {
            planner.accept(student("P" + i));
        }
        // P0 has left the recent window; it was planned (a CREATE) when its batch was flushed
        assertThat(v.check(ssa("P0"))).isEmpty();
        assertThat(v.check(ssa("never-seen"))).singleElement()
                .satisfies(x -> assertThat(x.path()).isEqualTo("$.studentReference.studentUniqueId"));
    }

    @Test
    void theSchemaRejectsAMisspeltFieldAndTheDescriptorSetsAnUnknownValue() {
        RecordValidator v = new RecordValidator(EnumSet.of(RecordValidator.Check.SCHEMA,
                RecordValidator.Check.DESCRIPTORS), store, "t");
        EdFiRecord bad = ssa("S1");
        bad.payload().put("entryDat", "2026-08-17");
        bad.payload().put("entryGradeLevelDescriptor", "uri://ed-fi.org/GradeLevelDescriptor#Grade Zero");

        assertThat(v.check(bad)).extracting(RecordValidator.Violation::path)
                .contains("$.entryDat", "$.entryGradeLevelDescriptor");
        assertThat(v.check(ssa("S1"))).isEmpty();
    }

    @Test
    void withDescriptorsOffAnUnknownDescriptorPassesButTheSchemaStillChecks() {
        RecordValidator v = new RecordValidator(EnumSet.of(RecordValidator.Check.SCHEMA), store, "t");
        EdFiRecord bad = ssa("S1");
        bad.payload().put("entryGradeLevelDescriptor", "uri://ed-fi.org/GradeLevelDescriptor#Grade Zero");
        assertThat(v.check(bad)).isEmpty();
        bad.payload().put("entryDat", "x");
        assertThat(v.check(bad)).extracting(RecordValidator.Violation::path).containsExactly("$.entryDat");
    }
}
