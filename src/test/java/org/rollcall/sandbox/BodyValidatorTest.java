package org.rollcall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The DS 5.0 schema check, without a server. */
class BodyValidatorTest {

    private static final ApiModel MODEL = ApiModel.get();
    private static final Set<String> KNOWN = Set.of("uri://ed-fi.org/SexDescriptor#Female",
            "uri://ed-fi.org/RaceDescriptor#White", "uri://ed-fi.org/LanguageDescriptor#eng",
            "uri://ed-fi.org/LanguageUseDescriptor#Home language");

    private static BodyValidator.Result validate(String resource, String json) throws Exception {
        return BodyValidator.validate(MODEL.resource(resource), (ObjectNode) Json.MAPPER.readTree(json),
                (type, uri) -> KNOWN.contains(uri) && uri.contains("/" + type + "#"));
    }

    @Test
    void aValidSeoaPassesAndItsReferencesAreCollected() throws Exception {
        BodyValidator.Result r = validate("studentEducationOrganizationAssociations",
                Payloads.seoa("1", Payloads.LEA_ID, "White"));
        assertThat(r.errors()).isEmpty();
        assertThat(r.references()).extracting(BodyValidator.FoundReference::path)
                .containsExactlyInAnyOrder("$.studentReference", "$.educationOrganizationReference");
    }

    @Test
    void everyProblemIsReportedAtItsJsonPath() throws Exception {
        BodyValidator.Result r = validate("studentEducationOrganizationAssociations", """
                {"studentReference": {"studentUniqueId": "1", "link": {"rel": "Student", "href": "/x"}},
                 "educationOrganizationReference": {},
                 "sexDescriptor": "Female",
                 "races": [{"raceDescriptor": "uri://ed-fi.org/RaceDescriptor#Purple"}, null],
                 "languages": [{"languageDescriptor": "uri://ed-fi.org/LanguageDescriptor#eng",
                                "uses": [{"languageUseDescriptor": "uri://ed-fi.org/LanguageUseDescriptor#Home language",
                                          "extra": 1}]}],
                 "hispanicLatinoEthnicity": "no"}""");
        assertThat(r.errors()).containsOnlyKeys("$.educationOrganizationReference.educationOrganizationId",
                "$.sexDescriptor", "$.races[0].raceDescriptor", "$.races[1]", "$.languages[0].uses[0].extra",
                "$.hispanicLatinoEthnicity");
        assertThat(r.errors().get("$.races[0].raceDescriptor"))
                .containsExactly("RaceDescriptor value 'uri://ed-fi.org/RaceDescriptor#Purple' does not exist.");
        assertThat(r.errors().get("$.sexDescriptor").get(0)).contains("a '#' is expected");
    }

    @Test
    void datesMustBeRealCalendarDates() throws Exception {
        assertThat(validate("students", Payloads.student("1").replace("2010-05-04", "2010-02-30")).errors())
                .containsKey("$.birthDate");
        assertThat(validate("students", Payloads.student("1").replace("2010-05-04", "2010-5-4")).errors())
                .containsKey("$.birthDate");
    }

    @Test
    void minimumAndMaximumAreChecked() throws Exception {
        String ssa = Payloads.ssa("1", 1, "2024-08-21").trim();
        String negativeFte = ssa.substring(0, ssa.length() - 1) + ", \"fullTimeEquivalency\": -0.5}";
        assertThat(validate("studentSchoolAssociations", negativeFte).errors()).containsKey("$.fullTimeEquivalency");
    }

    @Test
    void keyUnificationConflictsAreReported() throws Exception {
        BodyValidator.Result r = validate("studentSchoolAssociations", """
                {"studentReference": {"studentUniqueId": "1"}, "schoolReference": {"schoolId": 1},
                 "calendarReference": {"calendarCode": "C", "schoolId": 2, "schoolYear": 2025},
                 "entryDate": "2024-08-21", "entryGradeLevelDescriptor": "uri://ed-fi.org/GradeLevelDescriptor#X"}""");
        assertThat(r.errors().keySet()).anyMatch(k -> k.endsWith("Reference.schoolId"));
    }
}
