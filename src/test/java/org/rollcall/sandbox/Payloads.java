package org.rollcall.sandbox;

/**
 * Valid DS 5.0 bodies for the sandbox tests, built on the Grand Bend ids (LEA 255901, school 255901001).
 * Names and birth dates are synthetic.
 */
final class Payloads {

    static final long LEA_ID = 255901;
    static final long SCHOOL_ID = 255901001;

    private Payloads() {
    }

    static String lea(long id) {
        return """
                {"localEducationAgencyId": %d, "nameOfInstitution": "Grand Bend ISD",
                 "localEducationAgencyCategoryDescriptor": "uri://ed-fi.org/LocalEducationAgencyCategoryDescriptor#Independent",
                 "categories": [{"educationOrganizationCategoryDescriptor":
                   "uri://ed-fi.org/EducationOrganizationCategoryDescriptor#Local Education Agency"}]}
                """.formatted(id);
    }

    static String school(long id, long leaId) {
        return """
                {"schoolId": %d, "nameOfInstitution": "Grand Bend High School",
                 "localEducationAgencyReference": {"localEducationAgencyId": %d},
                 "educationOrganizationCategories": [{"educationOrganizationCategoryDescriptor":
                   "uri://ed-fi.org/EducationOrganizationCategoryDescriptor#School"}],
                 "gradeLevels": [{"gradeLevelDescriptor": "uri://ed-fi.org/GradeLevelDescriptor#Ninth grade"},
                                 {"gradeLevelDescriptor": "uri://ed-fi.org/GradeLevelDescriptor#Tenth grade"}]}
                """.formatted(id, leaId);
    }

    static String student(String uniqueId) {
        return student(uniqueId, "Learner");
    }

    static String student(String uniqueId, String lastSurname) {
        return """
                {"studentUniqueId": "%s", "firstName": "Test", "lastSurname": "%s", "birthDate": "2010-05-04"}
                """.formatted(uniqueId, lastSurname);
    }

    static String ssa(String studentUniqueId, long schoolId, String entryDate) {
        return """
                {"studentReference": {"studentUniqueId": "%s"}, "schoolReference": {"schoolId": %d},
                 "entryDate": "%s", "entryGradeLevelDescriptor": "uri://ed-fi.org/GradeLevelDescriptor#Ninth grade",
                 "entryTypeDescriptor": "uri://ed-fi.org/EntryTypeDescriptor#Transfer"}
                """.formatted(studentUniqueId, schoolId, entryDate);
    }

    static String seoa(String studentUniqueId, long edOrgId, String race) {
        return """
                {"studentReference": {"studentUniqueId": "%s"},
                 "educationOrganizationReference": {"educationOrganizationId": %d},
                 "sexDescriptor": "uri://ed-fi.org/SexDescriptor#Female",
                 "hispanicLatinoEthnicity": false,
                 "races": [{"raceDescriptor": "uri://ed-fi.org/RaceDescriptor#%s"}],
                 "languages": [{"languageDescriptor": "uri://ed-fi.org/LanguageDescriptor#eng",
                                "uses": [{"languageUseDescriptor": "uri://ed-fi.org/LanguageUseDescriptor#Home language"}]}]}
                """.formatted(studentUniqueId, edOrgId, race);
    }
}
