package org.rollcall.edfi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rollcall.model.Address;
import org.rollcall.model.Enrollment;
import org.rollcall.model.Lineage;
import org.rollcall.model.LocalEducationAgency;
import org.rollcall.model.PersonName;
import org.rollcall.model.Program;
import org.rollcall.model.School;
import org.rollcall.model.Student;
import org.rollcall.report.Problem;

class Ds5MapperTest {

    private final List<Problem> problems = new ArrayList<>();
    private final UnmappedValues unmapped = new UnmappedValues();
    private final MappingContext ctx = new MappingContext("uri://ed-fi.org",
            DescriptorCrosswalk.load(Path.of("config/descriptors/clever.csv"), "uri://ed-fi.org"), 867530,
            problems::add, unmapped);
    private final Ds5Mapper mapper = new Ds5Mapper();

    static Student student(String gender, List<String> races, LocalDate dob, String grade) {
        Lineage line = Lineage.of("students.csv", 7);
        return new Student("clever", "S100", "S100", "N100", "ST100", PersonName.of("Ana", "B", "Cruz"), null, dob,
                gender, null, races, Boolean.TRUE, "Spanish", List.of(), Map.of(Program.ENGLISH_LEARNER, "Y"),
                "ana@example.org", new Address("1 Main St", "Springfield", "MN", "55101"), grade, "2031",
                List.of(new Enrollment("sch-1", 867530001L, LocalDate.of(2026, 8, 17), null, grade, null, null, line)),
                line);
    }

    @Test
    void aStudentBecomesStudentSchoolAssociationAndDemographicsOnTheLeaAssociation() {
        List<EdFiRecord> out = mapper.student(student("X", List.of("A", "W"), LocalDate.of(2015, 3, 9), "3"), ctx);
        assertThat(out).extracting(EdFiRecord::resource).containsExactly(EdFiResource.STUDENTS,
                EdFiResource.STUDENT_SCHOOL_ASSOCIATIONS, EdFiResource.STUDENT_EDUCATION_ORGANIZATION_ASSOCIATIONS);
        JsonNode student = out.get(0).payload();
        assertThat(student.get("studentUniqueId").asText()).isEqualTo("S100");
        assertThat(student.get("birthDate").asText()).isEqualTo("2015-03-09");
        assertThat(student.get("lastSurname").asText()).isEqualTo("Cruz");
        assertThat(out.get(0).naturalKey()).isEqualTo("studentUniqueId=S100");

        JsonNode ssa = out.get(1).payload();
        assertThat(ssa.at("/schoolReference/schoolId").asLong()).isEqualTo(867530001L);
        assertThat(ssa.get("entryDate").asText()).isEqualTo("2026-08-17");
        assertThat(ssa.get("entryGradeLevelDescriptor").asText()).isEqualTo("uri://ed-fi.org/GradeLevelDescriptor#Third grade");
        assertThat(out.get(1).naturalKey()).isEqualTo("entryDate=2026-08-17|schoolId=867530001|studentUniqueId=S100");

        JsonNode seoa = out.get(2).payload();
        assertThat(seoa.at("/educationOrganizationReference/educationOrganizationId").asLong()).isEqualTo(867530L);
        // seed 000: Gender "X (Non-binary)"
        assertThat(seoa.get("sexDescriptor").asText()).isEqualTo("uri://ed-fi.org/SexDescriptor#Non-binary");
        assertThat(seoa.get("races").findValuesAsText("raceDescriptor")).containsExactly(
                "uri://ed-fi.org/RaceDescriptor#Asian", "uri://ed-fi.org/RaceDescriptor#White");
        assertThat(seoa.get("hispanicLatinoEthnicity").asBoolean()).isTrue();
        assertThat(seoa.at("/languages/0/languageDescriptor").asText()).isEqualTo("uri://ed-fi.org/LanguageDescriptor#spa");
        assertThat(seoa.at("/languages/0/uses/0/languageUseDescriptor").asText())
                .isEqualTo("uri://ed-fi.org/LanguageUseDescriptor#Home language");
        assertThat(seoa.get("studentIdentificationCodes").findValuesAsText("identificationCode"))
                .containsExactly("S100", "N100", "ST100");
        // Ell_status Y: the share allow-list decides before mapping whether the mapper sees it (SharingPolicy)
        assertThat(seoa.get("limitedEnglishProficiencyDescriptor").asText())
                .isEqualTo("uri://ed-fi.org/LimitedEnglishProficiencyDescriptor#Limited");
        assertThat(out).as("a context without programs maps no program association").hasSize(3);
        assertThat(problems).isEmpty();
    }

    @Test
    void aValueWithNoCrosswalkEntryIsLeftOutAndCounted() {
        List<EdFiRecord> out = mapper.student(student("F", List.of("M"), LocalDate.of(2015, 3, 9), "3"), ctx);
        JsonNode seoa = out.get(2).payload();
        assertThat(seoa.has("races")).isFalse();
        assertThat(unmapped.gaps()).containsExactly(new UnmappedValues.Gap("race", "M", 1));
    }

    @Test
    void aStudentWithoutBirthDateIsReportedAndNotSent() {
        List<EdFiRecord> out = mapper.student(student("F", List.of("W"), null, "3"), ctx);
        assertThat(out).isEmpty();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
            assertThat(p.file()).isEqualTo("students.csv");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.field()).isEqualTo("DOB");
        });
    }

    @Test
    void anEnrollmentWithoutAGradeIsReportedButTheStudentGoes() {
        List<EdFiRecord> out = mapper.student(student("F", List.of("W"), LocalDate.of(2015, 3, 9), null), ctx);
        assertThat(out).extracting(EdFiRecord::resource).containsExactly(EdFiResource.STUDENTS,
                EdFiResource.STUDENT_EDUCATION_ORGANIZATION_ASSOCIATIONS);
        assertThat(problems).singleElement().extracting(Problem::field).isEqualTo("Grade");
    }

    @Test
    void leaAndSchoolCarryTheirRequiredCategoriesAndGrades() {
        JsonNode lea = mapper.localEducationAgency(new LocalEducationAgency(867530, "Demo", "Independent"), ctx)
                .get(0).payload();
        assertThat(lea.get("localEducationAgencyCategoryDescriptor").asText())
                .isEqualTo("uri://ed-fi.org/LocalEducationAgencyCategoryDescriptor#Independent");
        School school = new School("clever", "sch-1", 867530001L, "North Elementary", "1", "867530001", null,
                List.of("Kindergarten", "1", "2"), new Address("2 Oak Ave", "Springfield", "MN", "55101"), "555-0100",
                Lineage.of("schools.csv", 2));
        JsonNode s = mapper.school(school, ctx).get(0).payload();
        assertThat(s.get("gradeLevels").findValuesAsText("gradeLevelDescriptor")).containsExactly(
                "uri://ed-fi.org/GradeLevelDescriptor#Kindergarten", "uri://ed-fi.org/GradeLevelDescriptor#First grade",
                "uri://ed-fi.org/GradeLevelDescriptor#Second grade");
        assertThat(s.at("/localEducationAgencyReference/localEducationAgencyId").asLong()).isEqualTo(867530L);

        School noGrades = new School("clever", "sch-2", 867530002L, "Annex", "2", null, null, List.of(), null, null,
                Lineage.of("schools.csv", 3));
        assertThat(mapper.school(noGrades, ctx)).isEmpty();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.describe())
                .startsWith("schools.csv line 3, field Low_grade: school has no grade levels"));
    }
}
