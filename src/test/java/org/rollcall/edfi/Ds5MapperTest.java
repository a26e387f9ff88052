package org.rollcall.edfi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
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
import org.rollcall.sync.RecordValidator;

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

    /** A student with every program flag set (Frl_status F, Section 504 Yes), so everything is mapped. */
    static Student flagged(String sex) {
        Map<Program, String> all = new java.util.EnumMap<>(Program.class);
        all.put(Program.ENGLISH_LEARNER, "Y");
        all.put(Program.FREE_REDUCED_LUNCH, "F");
        all.put(Program.IEP, "Y");
        all.put(Program.IDEA, "Yes");
        all.put(Program.DISABILITY, "Yes");
        all.put(Program.PRIMARY_DISABILITY_TYPE, "AUT");
        all.put(Program.SECTION_504, "Yes");
        all.put(Program.ECONOMIC_DISADVANTAGE, "Yes");
        all.put(Program.MIGRANT, "Yes");
        all.put(Program.TITLE_I, "Yes");
        return student(sex, List.of("A", "W"), LocalDate.of(2015, 3, 9), "3").withPrograms(all);
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

    private static JsonNode seoaOf(List<EdFiRecord> out) {
        return out.stream().filter(r -> r.resource() == EdFiResource.STUDENT_EDUCATION_ORGANIZATION_ASSOCIATIONS)
                .findFirst().orElseThrow().payload();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "Ell_status {0}")
    @org.junit.jupiter.params.provider.CsvSource({"Y, Limited", "N, NotLimited"})
    void ellStatusIsTheLimitedEnglishProficiencyOnTheAssociation(String ell, String descriptor) {
        Student s = student("F", List.of("W"), LocalDate.of(2015, 3, 9), "3").withPrograms(Map.of(Program.ENGLISH_LEARNER, ell));
        assertThat(seoaOf(mapper.student(s, ctx)).get("limitedEnglishProficiencyDescriptor").asText())
                .isEqualTo("uri://ed-fi.org/LimitedEnglishProficiencyDescriptor#" + descriptor);
    }

    @Test
    void economicDisadvantageIsACharacteristicAndMigrantAndDisabilityStatusAreIndicators() {
        Student s = student("F", List.of("W"), LocalDate.of(2015, 3, 9), "3").withPrograms(Map.of(
                Program.ECONOMIC_DISADVANTAGE, "Yes", Program.MIGRANT, "No", Program.DISABILITY, "Yes"));
        JsonNode seoa = seoaOf(mapper.student(s, ctx));
        assertThat(seoa.at("/studentCharacteristics/0/studentCharacteristicDescriptor").asText())
                .isEqualTo("uri://ed-fi.org/StudentCharacteristicDescriptor#Economic Disadvantaged");
        assertThat(seoa.get("studentCharacteristics")).hasSize(1);
        assertThat(seoa.get("studentIndicators")).hasSize(2);
        assertThat(seoa.at("/studentIndicators/0/indicatorName").asText()).isEqualTo("Migrant Status");
        assertThat(seoa.at("/studentIndicators/0/indicator").asText()).isEqualTo("No");
        assertThat(seoa.at("/studentIndicators/1/indicatorName").asText()).isEqualTo("Disability Status");
        assertThat(seoa.at("/studentIndicators/1/indicator").asText()).isEqualTo("Yes");

        JsonNode notDisadvantaged = seoaOf(mapper.student(s.withPrograms(Map.of(Program.ECONOMIC_DISADVANTAGE, "No")),
                ctx));
        assertThat(notDisadvantaged.has("studentCharacteristics")).isFalse();
        assertThat(notDisadvantaged.has("studentIndicators")).isFalse();
    }

    @Test
    @DisplayName("seed 000 Gender \"X (Non-binary)\": the DS 5.2 SexDescriptor set has Non-binary")
    void nonBinaryIsADs52SexDescriptor() {
        JsonNode seoa = seoaOf(mapper.student(student("X", List.of(), LocalDate.of(2015, 3, 9), "3"), ctx));
        RecordValidator v = new RecordValidator(java.util.EnumSet.of(RecordValidator.Check.DESCRIPTORS), null, null);
        assertThat(seoa.get("sexDescriptor").asText()).isEqualTo("uri://ed-fi.org/SexDescriptor#Non-binary");
        assertThat(v.check(EdFiRecord.of(EdFiResource.STUDENT_EDUCATION_ORGANIZATION_ASSOCIATIONS,
                (com.fasterxml.jackson.databind.node.ObjectNode) seoa, Lineage.of("students.csv", 7)))).isEmpty();
    }

    @Test
    void programAssociationsFollowTheAssociationWhenTheContextHasPrograms() {
        MappingContext withPrograms = new MappingContext(ctx.namespace(), ctx.crosswalk(), ctx.leaId(), problems::add,
                unmapped, ProgramCatalog.defaults(LocalDate.of(2026, 8, 17)));
        Student s = student("F", List.of("W"), LocalDate.of(2015, 3, 9), "3").withPrograms(Map.of(
                Program.ENGLISH_LEARNER, "Y", Program.FREE_REDUCED_LUNCH, "F", Program.IEP, "Y"));
        assertThat(mapper.student(s, withPrograms)).extracting(EdFiRecord::resource).containsExactly(
                EdFiResource.STUDENTS, EdFiResource.STUDENT_SCHOOL_ASSOCIATIONS,
                EdFiResource.STUDENT_EDUCATION_ORGANIZATION_ASSOCIATIONS,
                EdFiResource.STUDENT_SPECIAL_EDUCATION_PROGRAM_ASSOCIATIONS,
                EdFiResource.STUDENT_SCHOOL_FOOD_SERVICE_PROGRAM_ASSOCIATIONS,
                EdFiResource.STUDENT_LANGUAGE_INSTRUCTION_PROGRAM_ASSOCIATIONS);
    }
}
