package org.rollcall.edfi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rollcall.model.Program;
import org.rollcall.model.Student;
import org.rollcall.report.Problem;
import org.rollcall.sync.RecordValidator;

/**
 * Program flags to Data Standard 5 program associations (formats.md 1.6) and the Program resources.
 * Every body is checked against the DS 5.0 schema and the DS 5.2 descriptor sets the target validates
 * with, so none would come back as a 400.
 */
class ProgramMapperTest {

    static final LocalDate BEGIN = LocalDate.of(2026, 8, 17);

    private final List<Problem> problems = new ArrayList<>();
    private final UnmappedValues unmapped = new UnmappedValues();
    private final MappingContext ctx = new MappingContext("uri://ed-fi.org",
            DescriptorCrosswalk.load(Path.of("config/descriptors/clever.csv"), "uri://ed-fi.org"), 867530,
            problems::add, unmapped, ProgramCatalog.defaults(BEGIN));
    private final ProgramMapper mapper = new ProgramMapper();
    private final RecordValidator schema = new RecordValidator(
            EnumSet.of(RecordValidator.Check.SCHEMA, RecordValidator.Check.DESCRIPTORS), null, null);

    private static Student with(Map<Program, String> programs) {
        return Ds5MapperTest.student("F", List.of("W"), LocalDate.of(2015, 3, 9), "3").withPrograms(programs);
    }

    private static Student with(Program p, String value) {
        return with(Map.of(p, value));
    }

    private List<EdFiRecord> map(Student s) {
        List<EdFiRecord> out = mapper.associations(s, ctx);
        for (EdFiRecord r : out) {
            assertThat(schema.check(r)).as(r.resource().collection() + " against the DS 5.0 schema").isEmpty();
        }
        return out;
    }

    private static void assertKeyFields(JsonNode body, String programName, String programType) {
        assertThat(body.get("beginDate").asText()).isEqualTo("2026-08-17");
        assertThat(body.at("/educationOrganizationReference/educationOrganizationId").asLong()).isEqualTo(867530);
        assertThat(body.at("/programReference/educationOrganizationId").asLong()).isEqualTo(867530);
        assertThat(body.at("/programReference/programName").asText()).isEqualTo(programName);
        assertThat(body.at("/programReference/programTypeDescriptor").asText())
                .isEqualTo("uri://ed-fi.org/ProgramTypeDescriptor#" + programType);
        assertThat(body.at("/studentReference/studentUniqueId").asText()).isEqualTo("S100");
    }

    @Test
    void iepStatusYIsASpecialEducationAssociationWithTheDisabilityDesignatedIdea() {
        Map<Program, String> p = new EnumMap<>(Program.class);
        p.put(Program.IEP, "Y");
        p.put(Program.IDEA, "Yes");
        p.put(Program.PRIMARY_DISABILITY_TYPE, "SLD");
        List<EdFiRecord> out = map(with(p));
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.resource()).isEqualTo(EdFiResource.STUDENT_SPECIAL_EDUCATION_PROGRAM_ASSOCIATIONS);
            assertKeyFields(r.payload(), "Special Education", "Special Education");
            assertThat(r.payload().get("ideaEligibility").asBoolean()).isTrue();
            assertThat(r.payload().at("/disabilities/0/disabilityDescriptor").asText())
                    .isEqualTo("uri://ed-fi.org/DisabilityDescriptor#Specific Learning Disability");
            assertThat(r.payload().at("/disabilities/0/orderOfDisability").asInt()).isEqualTo(1);
            assertThat(r.payload().at("/disabilities/0/designations/0/disabilityDesignationDescriptor").asText())
                    .isEqualTo("uri://ed-fi.org/DisabilityDesignationDescriptor#Individuals with Disabilities Education Act");
            assertThat(r.naturalKey()).isEqualTo("beginDate=2026-08-17|educationOrganizationId=867530"
                    + "|educationOrganizationId=867530|programName=Special Education"
                    + "|programTypeDescriptor=uri://ed-fi.org/ProgramTypeDescriptor#Special Education|studentUniqueId=S100");
        });
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "IEP {0}, IDEA {1}: association {2}")
    @CsvSource({"Y, , true", "Y, No, true", "N, Yes, false", ", Yes, true", ", No, false", "N, , false"})
    void iepStatusDecidesAndIdeaIndicatorFillsInWithoutIt(String iep, String idea, boolean association) {
        Map<Program, String> p = new EnumMap<>(Program.class);
        if (iep != null) {
            p.put(Program.IEP, iep);
        }
        if (idea != null) {
            p.put(Program.IDEA, idea);
        }
        List<EdFiRecord> out = map(with(p));
        assertThat(out).hasSize(association ? 1 : 0);
        if (association && idea != null) {
            assertThat(out.get(0).payload().get("ideaEligibility").asBoolean()).isEqualTo(idea.equals("Yes"));
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"AUT|Autism Spectrum Disorders", "DB|Deaf-Blindness", "DD|Other",
        "EMN|Serious Emotional Disability", "HI|Hearing Impairment, including Deafness", "ID|Intellectual Disability",
        "MD|Multiple Disabilities", "OI|Orthopedic Impairment", "OHI|Other Health Impairment",
        "SLD|Specific Learning Disability", "SLI|Speech or Language Impairment", "TBI|Traumatic Brain Injury",
        "VI|Visual Impairment, including Blindness"})
    void everyPrimaryDisabilityTypeHasADisabilityDescriptor(String code, String descriptor) {
        List<EdFiRecord> out = map(with(Map.of(Program.IEP, "Y", Program.PRIMARY_DISABILITY_TYPE, code)));
        assertThat(out.get(0).payload().at("/disabilities/0/disabilityDescriptor").asText())
                .isEqualTo("uri://ed-fi.org/DisabilityDescriptor#" + descriptor);
        assertThat(unmapped.isEmpty()).isTrue();
    }

    @Test
    void aDisabilityTypeWithoutSpecialEducationIsAWarningAndNotSent() {
        assertThat(map(with(Map.of(Program.IEP, "N", Program.PRIMARY_DISABILITY_TYPE, "HI")))).isEmpty();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
            assertThat(p.field()).isEqualTo("ext.primary_disability_type");
            assertThat(p.line()).isEqualTo(7);
        });
    }

    @Test
    void section504IsAGeneralStudentProgramAssociationWithTheSection504Program() {
        assertThat(map(with(Program.SECTION_504, "Yes"))).singleElement().satisfies(r -> {
            assertThat(r.resource()).isEqualTo(EdFiResource.STUDENT_PROGRAM_ASSOCIATIONS);
            assertKeyFields(r.payload(), "Section 504", "Section 504 Placement");
        });
        assertThat(map(with(Program.SECTION_504, "No"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"F, Free Lunch", "R, Reduced Price Lunch"})
    void freeOrReducedLunchIsASchoolFoodServiceAssociation(String frl, String service) {
        assertThat(map(with(Program.FREE_REDUCED_LUNCH, frl))).singleElement().satisfies(r -> {
            assertThat(r.resource()).isEqualTo(EdFiResource.STUDENT_SCHOOL_FOOD_SERVICE_PROGRAM_ASSOCIATIONS);
            assertKeyFields(r.payload(), "School Food Service", "Student School Food Service");
            assertThat(r.payload().at("/schoolFoodServiceProgramServices/0/schoolFoodServiceProgramServiceDescriptor")
                    .asText()).isEqualTo("uri://ed-fi.org/SchoolFoodServiceProgramServiceDescriptor#" + service);
        });
    }

    @Test
    void frlStatusNIsNoAssociation() {
        assertThat(map(with(Program.FREE_REDUCED_LUNCH, "N"))).isEmpty();
    }

    @Test
    void titleIIsATitleIPartAAssociationWithTheConfiguredParticipantType() {
        assertThat(map(with(Program.TITLE_I, "Yes"))).singleElement().satisfies(r -> {
            assertThat(r.resource()).isEqualTo(EdFiResource.STUDENT_TITLE_I_PART_A_PROGRAM_ASSOCIATIONS);
            assertKeyFields(r.payload(), "Title I Part A", "Title I Part A");
            assertThat(r.payload().get("titleIPartAParticipantDescriptor").asText())
                    .isEqualTo("uri://ed-fi.org/TitleIPartAParticipantDescriptor#Public Targeted Assistance Program");
        });
        MappingContext schoolwide = new MappingContext(ctx.namespace(), ctx.crosswalk(), ctx.leaId(), ctx.problems(),
                ctx.unmapped(), new ProgramCatalog(ctx.programs().programs(), BEGIN, "Public Schoolwide Program"));
        assertThat(mapper.associations(with(Program.TITLE_I, "Yes"), schoolwide).get(0).payload()
                .get("titleIPartAParticipantDescriptor").asText()).endsWith("#Public Schoolwide Program");
        assertThat(map(with(Program.TITLE_I, "No"))).isEmpty();
    }

    @Test
    void migrantIsAGeneralAssociationWithTheMigrantEducationProgram() {
        assertThat(map(with(Program.MIGRANT, "Yes"))).singleElement().satisfies(r -> {
            assertThat(r.resource()).isEqualTo(EdFiResource.STUDENT_PROGRAM_ASSOCIATIONS);
            assertKeyFields(r.payload(), "Migrant Education", "Migrant Education");
        });
    }

    @Test
    void anEnglishLearnerIsALanguageInstructionAssociation() {
        assertThat(map(with(Program.ENGLISH_LEARNER, "Y"))).singleElement().satisfies(r -> {
            assertThat(r.resource()).isEqualTo(EdFiResource.STUDENT_LANGUAGE_INSTRUCTION_PROGRAM_ASSOCIATIONS);
            assertKeyFields(r.payload(), "English Learner", "English as a Second Language (ESL)");
            assertThat(r.payload().get("englishLearnerParticipation").asBoolean()).isTrue();
        });
        assertThat(map(with(Program.ENGLISH_LEARNER, "N"))).isEmpty();
    }

    @Test
    @org.junit.jupiter.api.DisplayName("seed 003: \"ELA Start Date: Overwrites the Identified Date field in LEP\": an "
            + "imported LEP record's Identified Date is the English learner association's beginDate")
    void anImportedLepRecordBeginsTheAssociationOnItsIdentifiedDate() {
        assertThat(map(with(Program.ENGLISH_LEARNER_SINCE, "2020-09-01"))).singleElement().satisfies(r -> {
            assertThat(r.resource()).isEqualTo(EdFiResource.STUDENT_LANGUAGE_INSTRUCTION_PROGRAM_ASSOCIATIONS);
            assertThat(r.payload().get("beginDate").asText()).isEqualTo("2020-09-01");
            assertThat(r.payload().at("/programReference/programName").asText()).isEqualTo("English Learner");
        });
        // with the SIS's flag too, one association, from the imported date
        assertThat(map(with(Map.of(Program.ENGLISH_LEARNER, "Y", Program.ENGLISH_LEARNER_SINCE, "2020-09-01"))))
                .singleElement().satisfies(r -> assertThat(r.payload().get("beginDate").asText()).isEqualTo("2020-09-01"));
    }

    @Test
    void section504AndMigrantAreTwoRecordsOfOneResource() {
        List<EdFiRecord> out = map(with(Map.of(Program.SECTION_504, "Yes", Program.MIGRANT, "Yes")));
        assertThat(out).extracting(EdFiRecord::resource).containsOnly(EdFiResource.STUDENT_PROGRAM_ASSOCIATIONS);
        assertThat(out).extracting(EdFiRecord::naturalKey).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void withoutACatalogNoAssociationIsMapped() {
        MappingContext none = new MappingContext(ctx.namespace(), ctx.crosswalk(), ctx.leaId(), problems::add, unmapped);
        assertThat(mapper.associations(with(Map.of(Program.IEP, "Y", Program.TITLE_I, "Yes")), none)).isEmpty();
        assertThat(mapper.programs(EnumSet.allOf(ProgramKind.class), none)).isEmpty();
    }

    @Test
    void theProgramsAreSentForTheLea() {
        List<EdFiRecord> programs = mapper.programs(EnumSet.of(ProgramKind.SPECIAL_EDUCATION,
                ProgramKind.SCHOOL_FOOD_SERVICE), ctx);
        assertThat(programs).extracting(EdFiRecord::naturalKey).containsExactly(
                "educationOrganizationId=867530|programName=Special Education"
                        + "|programTypeDescriptor=uri://ed-fi.org/ProgramTypeDescriptor#Special Education",
                "educationOrganizationId=867530|programName=School Food Service"
                        + "|programTypeDescriptor=uri://ed-fi.org/ProgramTypeDescriptor#Student School Food Service");
        for (EdFiRecord r : mapper.programs(EnumSet.allOf(ProgramKind.class), ctx)) {
            assertThat(r.resource()).isEqualTo(EdFiResource.PROGRAMS);
            assertThat(schema.check(r)).as(r.naturalKey()).isEmpty();
        }
    }

    @Test
    void aConfiguredProgramKeepsItsNameAndAFullUriType() {
        Map<ProgramKind, ProgramDefinition> programs = new EnumMap<>(ctx.programs().programs());
        programs.put(ProgramKind.SPECIAL_EDUCATION, ProgramDefinition.parse(
                " District SpEd | uri://state.example.org/ProgramTypeDescriptor#IEP "));
        MappingContext custom = new MappingContext(ctx.namespace(), ctx.crosswalk(), ctx.leaId(), problems::add,
                unmapped, new ProgramCatalog(programs, BEGIN, "Public Targeted Assistance Program"));
        JsonNode body = mapper.associations(with(Program.IEP, "Y"), custom).get(0).payload();
        assertThat(body.at("/programReference/programName").asText()).isEqualTo("District SpEd");
        assertThat(body.at("/programReference/programTypeDescriptor").asText())
                .isEqualTo("uri://state.example.org/ProgramTypeDescriptor#IEP");
    }

    @Test
    void whichProgramsASharedFieldCanFeed() {
        assertThat(ProgramKind.decidedByAnyOf(List.of(Program.IDEA))).containsExactly(ProgramKind.SPECIAL_EDUCATION);
        assertThat(ProgramKind.decidedByAnyOf(List.of(Program.ECONOMIC_DISADVANTAGE, Program.DISABILITY))).isEmpty();
        assertThat(ProgramKind.decidedByAnyOf(List.of(Program.values()))).containsExactlyInAnyOrder(ProgramKind.values());
    }
}
