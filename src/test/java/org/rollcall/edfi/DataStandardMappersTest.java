package org.rollcall.edfi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rollcall.report.Problem;

/**
 * The mappers for Data Standards 4 and 6 against the property lists of the official DS 4.0 and
 * DS 6.0 OpenAPI specifications (test resource extracted from them): every field sent exists in
 * the target's schema and every required field is there.
 */
class DataStandardMappersTest {

    private final List<Problem> problems = new ArrayList<>();
    private final MappingContext ctx = new MappingContext("uri://ed-fi.org",
            DescriptorCrosswalk.load(Path.of("config/descriptors/clever.csv"), "uri://ed-fi.org"), 867530,
            problems::add, new UnmappedValues(), ProgramCatalog.defaults(LocalDate.of(2026, 8, 17)));


    private static JsonNode spec(String ds, String resource) throws Exception {
        try (var in = DataStandardMappersTest.class.getResourceAsStream("/edfi/ds4-ds6-resource-properties.json")) {
            return EdFiJson.MAPPER.readTree(in).path(ds).path(resource);
        }
    }

    private static void conforms(String ds, EdFiRecord r) throws Exception {
        String name = r.resource().collection();
        String singular = name.endsWith("ies") ? name.substring(0, name.length() - 3) + "y"
                : name.substring(0, name.length() - 1);
        JsonNode spec = spec(ds, singular);
        assertThat(spec.isMissingNode()).as(ds + " has " + singular).isFalse();
        Set<String> allowed = new HashSet<>();
        spec.path("properties").forEach(p -> allowed.add(p.asText()));
        List<String> fields = new ArrayList<>();
        r.payload().fieldNames().forEachRemaining(fields::add);
        assertThat(allowed).as(ds + " " + name + " defines every field sent").containsAll(fields);
        spec.path("required").forEach(req -> assertThat(r.payload().has(req.asText()))
                .as(ds + " " + name + " requires " + req.asText()).isTrue());
    }

    @Test
    void dataStandard6SplitsDemographicsIdentificationCodesAndDirectoryOffTheAssociation() throws Exception {
        List<EdFiRecord> out = new Ds6Mapper().student(Ds5MapperTest.student("F", List.of("A", "W"),
                LocalDate.of(2015, 3, 9), "3"), ctx);

        assertThat(out).extracting(EdFiRecord::resource).contains(EdFiResource.STUDENT_DEMOGRAPHICS,
                EdFiResource.STUDENT_IDENTIFICATION_CODES, EdFiResource.STUDENT_DIRECTORIES,
                EdFiResource.STUDENT_EDUCATION_ORGANIZATION_ASSOCIATIONS);
        for (EdFiRecord r : out) {
            conforms("ds-6.0", r);
        }
        JsonNode demographics = out.stream().filter(r -> r.resource() == EdFiResource.STUDENT_DEMOGRAPHICS)
                .findFirst().orElseThrow().payload();
        assertThat(demographics.path("sexDescriptor").asText()).isEqualTo("uri://ed-fi.org/SexDescriptor#Female");
        assertThat(demographics.path("races")).hasSize(2);
        assertThat(out.stream().filter(r -> r.resource() == EdFiResource.STUDENT_IDENTIFICATION_CODES)
                .map(EdFiRecord::naturalKey).distinct().count()).as("one record per identification system").isEqualTo(3);
    }

    @Test
    void dataStandard4SendsTheDs5BodiesAndRequiresSexOnTheAssociation() throws Exception {
        List<EdFiRecord> withSex = new Ds4Mapper().student(Ds5MapperTest.student("M", List.of("B"),
                LocalDate.of(2015, 3, 9), "3"), ctx);
        for (EdFiRecord r : withSex) {
            conforms("ds-4.0", r);
        }
        assertThat(withSex).extracting(EdFiRecord::resource)
                .contains(EdFiResource.STUDENT_EDUCATION_ORGANIZATION_ASSOCIATIONS);

        List<EdFiRecord> withoutSex = new Ds4Mapper().student(Ds5MapperTest.student(null, List.of("B"),
                LocalDate.of(2015, 3, 9), "3"), ctx);
        assertThat(withoutSex).extracting(EdFiRecord::resource)
                .doesNotContain(EdFiResource.STUDENT_EDUCATION_ORGANIZATION_ASSOCIATIONS);
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("Data Standard 4 requires a sex"));
    }

    @Test
    void dataStandard6KeepsTheProgramAssociationsAndMovesProficiencyAndCharacteristicsToDemographics() throws Exception {
        List<EdFiRecord> out = new Ds6Mapper().student(Ds5MapperTest.flagged("F"), ctx);
        for (EdFiRecord r : out) {
            conforms("ds-6.0", r);
        }
        assertThat(out).extracting(EdFiRecord::resource).contains(
                EdFiResource.STUDENT_SPECIAL_EDUCATION_PROGRAM_ASSOCIATIONS, EdFiResource.STUDENT_PROGRAM_ASSOCIATIONS,
                EdFiResource.STUDENT_SCHOOL_FOOD_SERVICE_PROGRAM_ASSOCIATIONS,
                EdFiResource.STUDENT_TITLE_I_PART_A_PROGRAM_ASSOCIATIONS,
                EdFiResource.STUDENT_LANGUAGE_INSTRUCTION_PROGRAM_ASSOCIATIONS);
        JsonNode demographics = out.stream().filter(r -> r.resource() == EdFiResource.STUDENT_DEMOGRAPHICS)
                .findFirst().orElseThrow().payload();
        assertThat(demographics.get("limitedEnglishProficiencyDescriptor").asText()).endsWith("#Limited");
        assertThat(demographics.at("/studentCharacteristics/0/studentCharacteristicDescriptor").asText())
                .endsWith("#Economic Disadvantaged");
        JsonNode seoa = out.stream().filter(r -> r.resource() == EdFiResource.STUDENT_EDUCATION_ORGANIZATION_ASSOCIATIONS)
                .findFirst().orElseThrow().payload();
        assertThat(seoa.get("studentIndicators")).hasSize(2);
        assertThat(seoa.has("limitedEnglishProficiencyDescriptor")).isFalse();
        for (EdFiRecord p : new ProgramMapper().programs(java.util.EnumSet.allOf(ProgramKind.class), ctx)) {
            conforms("ds-6.0", p);
        }
    }

    @Test
    void dataStandard4SendsTheSameProgramAssociations() throws Exception {
        List<EdFiRecord> ds4 = new Ds4Mapper().student(Ds5MapperTest.flagged("M"), ctx);
        List<EdFiRecord> ds5 = new Ds5Mapper().student(Ds5MapperTest.flagged("M"), ctx);
        assertThat(ds4).extracting(EdFiRecord::naturalKey).isEqualTo(ds5.stream().map(EdFiRecord::naturalKey).toList());
        for (EdFiRecord r : ds4) {
            conforms("ds-4.0", r);
        }
        for (EdFiRecord p : new ProgramMapper().programs(java.util.EnumSet.allOf(ProgramKind.class), ctx)) {
            conforms("ds-4.0", p);
        }
    }

    @Test
    void dataStandard6ContactsConform() throws Exception {
        org.rollcall.model.Contact c = new org.rollcall.model.Contact("clever", "G1",
                org.rollcall.model.PersonName.of("Rosa", null, "Cruz"), null, "rosa@family.test.example",
                "(612) 555-0142", "Cell", org.rollcall.model.Lineage.of("students.csv", 2));
        ContactMapper contacts = new ContactMapper();
        conforms("ds-6.0", contacts.contact(c, ctx).get(0));
        conforms("ds-6.0", contacts.studentContact("S100", new org.rollcall.model.StudentContact(c, "Parent", true, null,
                null, 1, c.lineage()), ctx).get(0));
    }

    @Test
    void theDataStandardIsChosenFromTheDiscoveryDocumentOnFirstUse() {
        assertThat(DataStandards.major("5.2.0")).isEqualTo("5");
        assertThat(DataStandards.major("6.0")).isEqualTo("6");
        int[] asked = {0};
        DiscoveredMapper m = new DiscoveredMapper(() -> {
            asked[0]++;
            return "6.0.0";
        });
        assertThat(asked[0]).as("nothing is asked before the first run").isZero();
        assertThat(m.version()).isEqualTo(Ds6Mapper.VERSION);
        assertThat(m.version()).isEqualTo(Ds6Mapper.VERSION);
        assertThat(asked[0]).isEqualTo(1);
    }
}
