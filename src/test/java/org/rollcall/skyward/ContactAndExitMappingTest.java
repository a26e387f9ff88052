package org.rollcall.skyward;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rollcall.edfi.ContactMapper;
import org.rollcall.edfi.DescriptorCrosswalk;
import org.rollcall.edfi.Ds5Mapper;
import org.rollcall.edfi.EdFiRecord;
import org.rollcall.edfi.EdFiResource;
import org.rollcall.edfi.MappingContext;
import org.rollcall.edfi.UnmappedValues;
import org.rollcall.model.Contact;
import org.rollcall.model.Enrollment;
import org.rollcall.model.Lineage;
import org.rollcall.model.PersonName;
import org.rollcall.model.Student;
import org.rollcall.model.StudentContact;
import org.rollcall.report.ProblemCollector;

/** The Ed-Fi bodies a Skyward student brings beyond Clever's: entry/exit types, contacts and their associations. */
class ContactAndExitMappingTest {

    private final ProblemCollector problems = new ProblemCollector();
    private final MappingContext ctx = new MappingContext("uri://ed-fi.org",
            DescriptorCrosswalk.load(Path.of("config/descriptors/skyward.csv"), "uri://ed-fi.org"), 867530, problems,
            new UnmappedValues());

    private static Student student(List<Enrollment> enrollments) {
        return new Student("skyward", "2000001", "1001", "2000001", "TX9000001", PersonName.of("Ana", null, "Cruz"), null,
                LocalDate.of(2014, 3, 2), "F", null, List.of("White"), false, "spa", List.of("spa"), Map.of(), null, null,
                "05", null, enrollments, Lineage.of("Student/Student", 1001));
    }

    @Test
    void anExitedEnrollmentCarriesItsExitDateAndTypeAndAnOpenOneNeither() {
        Enrollment exited = new Enrollment("1", 255901001L, LocalDate.of(2025, 8, 18), LocalDate.of(2026, 5, 29), "05",
                "uri://ed-fi.org/EntryTypeDescriptor#Transfer", "uri://ed-fi.org/ExitWithdrawTypeDescriptor#Graduated",
                Lineage.of("Enrollment/EntryWithdrawal", 7));
        Enrollment open = new Enrollment("2", 255901002L, LocalDate.of(2026, 8, 17), null, "06", null, null,
                Lineage.of("Enrollment/EntryWithdrawal", 8));
        List<EdFiRecord> ssa = new Ds5Mapper().student(student(List.of(exited, open)), ctx).stream()
                .filter(r -> r.resource() == EdFiResource.STUDENT_SCHOOL_ASSOCIATIONS).toList();
        assertThat(ssa).hasSize(2);
        assertThat(ssa.get(0).payload().get("exitWithdrawDate").asText()).isEqualTo("2026-05-29");
        assertThat(ssa.get(0).payload().get("exitWithdrawTypeDescriptor").asText())
                .isEqualTo("uri://ed-fi.org/ExitWithdrawTypeDescriptor#Graduated");
        assertThat(ssa.get(0).payload().get("entryTypeDescriptor").asText()).endsWith("#Transfer");
        assertThat(ssa.get(1).payload().has("exitWithdrawDate")).isFalse();
        assertThat(ssa.get(1).payload().has("exitWithdrawTypeDescriptor")).isFalse();
        assertThat(ssa.get(1).payload().has("entryTypeDescriptor")).isFalse();
    }

    @Test
    void aGuardianBecomesAContactAndAStudentContactAssociation() {
        Contact mother = new Contact("skyward", "500002", PersonName.of("Rosa", null, "Cruz"), "F", null,
                Lineage.of("Demographics/Name", 500002));
        StudentContact link = new StudentContact(mother, "MO", true, true, true, 1,
                Lineage.of("Demographics/NameRelationship", 20));
        ContactMapper m = new ContactMapper();
        EdFiRecord c = m.contact(mother, ctx).get(0);
        assertThat(c.resource()).isEqualTo(EdFiResource.CONTACTS);
        assertThat(c.naturalKey()).isEqualTo("contactUniqueId=500002");
        assertThat(c.payload().get("sexDescriptor").asText()).isEqualTo("uri://ed-fi.org/SexDescriptor#Female");
        EdFiRecord a = m.studentContact("2000001", link, ctx).get(0);
        assertThat(a.naturalKey()).isEqualTo("contactUniqueId=500002|studentUniqueId=2000001");
        assertThat(a.payload().get("relationDescriptor").asText()).isEqualTo("uri://ed-fi.org/RelationDescriptor#Mother");
        assertThat(a.payload().get("legalGuardian").asBoolean()).isTrue();
        assertThat(a.payload().get("primaryContactStatus").asBoolean()).isTrue();
        assertThat(a.payload().get("contactPriority").asInt()).isEqualTo(1);
    }

    @Test
    void aContactWithoutALastNameIsReportedAndNotSent() {
        Contact nameless = new Contact("skyward", "500003", PersonName.of("Rosa", null, null), null, null,
                Lineage.of("Demographics/Name", 500003));
        assertThat(new ContactMapper().contact(nameless, ctx)).isEmpty();
        assertThat(problems.groups()).anySatisfy(g -> assertThat(g.file()).isEqualTo("Demographics/Name"));
    }
}
