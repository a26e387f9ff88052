package org.rollcall.edfi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rollcall.model.Address;
import org.rollcall.model.Enrollment;
import org.rollcall.model.Lineage;
import org.rollcall.model.LocalEducationAgency;
import org.rollcall.model.PersonName;
import org.rollcall.model.Program;
import org.rollcall.model.School;
import org.rollcall.model.Student;
import org.rollcall.report.Problem;

/**
 * Canonical records to Ed-Fi Data Standard 5 bodies (ODS/API 7.x). Demographics live on the
 * StudentEducationOrganizationAssociation with the district's LEA (edfi-api.md 1.11): sex, races,
 * ethnicity, home language, English proficiency (Ell_status), economic disadvantage as a student
 * characteristic, migrant and disability status as indicators, identification codes, e-mail and
 * address; program flags become program associations ({@link ProgramMapper}). Every body is the
 * complete resource, because a POST replaces what the target holds (edfi-api.md 1.3).
 */
public final class Ds5Mapper implements EdFiMapper {

    private static final String YES = "Yes";

    /** Bump when the bodies this class builds change shape; every record is then re-evaluated. */
    static final String VERSION = "ds5-2";

    private final ProgramMapper programs = new ProgramMapper();

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public List<EdFiRecord> localEducationAgency(LocalEducationAgency lea, MappingContext ctx) {
        ObjectNode body = EdFiJson.object();
        body.put("localEducationAgencyId", lea.id());
        body.put("nameOfInstitution", lea.name());
        body.put("localEducationAgencyCategoryDescriptor",
                ctx.descriptor("LocalEducationAgencyCategoryDescriptor", lea.category()));
        body.set("categories", EdFiJson.array().add(EdFiJson.object().put("educationOrganizationCategoryDescriptor",
                ctx.descriptor("EducationOrganizationCategoryDescriptor", "Local Education Agency"))));
        return List.of(EdFiRecord.of(EdFiResource.LOCAL_EDUCATION_AGENCIES, body, Lineage.of("configuration", 0)));
    }

    @Override
    public List<EdFiRecord> school(School school, MappingContext ctx) {
        String file = school.lineage().source();
        long line = school.lineage().line();
        ArrayNode grades = EdFiJson.array();
        Set<String> seen = new LinkedHashSet<>();
        for (String grade : school.gradeLevels()) {
            mapped(ctx, "gradeLevel", grade).filter(seen::add)
                    .ifPresent(uri -> grades.add(EdFiJson.object().put("gradeLevelDescriptor", uri)));
        }
        if (grades.isEmpty()) {
            ctx.problems().report(Problem.error(file, line, "Low_grade",
                    "school has no grade levels Ed-Fi accepts (gradeLevels is required); set Low_grade and High_grade"));
            return List.of();
        }
        ObjectNode body = EdFiJson.object();
        body.put("schoolId", school.edfiSchoolId());
        body.put("nameOfInstitution", school.name());
        body.set("educationOrganizationCategories", EdFiJson.array().add(EdFiJson.object().put(
                "educationOrganizationCategoryDescriptor",
                ctx.descriptor("EducationOrganizationCategoryDescriptor", "School"))));
        body.set("gradeLevels", grades);
        body.set("localEducationAgencyReference", EdFiJson.object().put("localEducationAgencyId", ctx.leaId()));
        Address a = school.address();
        if (a != null && a.isComplete() && a.state().matches("[A-Z]{2}")) {
            body.set("addresses", EdFiJson.array().add(address(ctx, "Physical", a)));
        }
        if (school.phone() != null) {
            body.set("institutionTelephones", EdFiJson.array().add(EdFiJson.object()
                    .put("institutionTelephoneNumberTypeDescriptor",
                            ctx.descriptor("InstitutionTelephoneNumberTypeDescriptor", "Main"))
                    .put("telephoneNumber", school.phone())));
        }
        return List.of(EdFiRecord.of(EdFiResource.SCHOOLS, body, school.lineage()));
    }

    @Override
    public List<EdFiRecord> student(Student s, MappingContext ctx) {
        String file = s.lineage().source();
        long line = s.lineage().line();
        PersonName name = s.legalName();
        if (s.birthDate() == null) {
            ctx.problems().report(Problem.error(file, line, "DOB",
                    "birth date is required by Ed-Fi (Student.birthDate); student not sent"));
            return List.of();
        }
        if (name == null || name.first() == null || name.last() == null) {
            ctx.problems().report(Problem.error(file, line, name == null || name.first() == null ? "First_name" : "Last_name",
                    "first and last name are required by Ed-Fi; student not sent"));
            return List.of();
        }
        List<EdFiRecord> out = new ArrayList<>(3);
        out.add(EdFiRecord.of(EdFiResource.STUDENTS, studentBody(s), s.lineage()));
        for (Enrollment e : s.enrollments()) {
            enrollment(s, e, ctx).ifPresent(out::add);
        }
        out.add(EdFiRecord.of(EdFiResource.STUDENT_EDUCATION_ORGANIZATION_ASSOCIATIONS, seoa(s, ctx), s.lineage()));
        out.addAll(programs.associations(s, ctx));
        return out;
    }

    private static ObjectNode studentBody(Student s) {
        ObjectNode body = EdFiJson.object();
        body.put("studentUniqueId", s.uniqueId());
        PersonName n = s.legalName();
        body.put("firstName", n.first());
        putIfPresent(body, "middleName", n.middle());
        body.put("lastSurname", n.last());
        putIfPresent(body, "generationCodeSuffix", n.suffix());
        body.put("birthDate", s.birthDate().toString());
        PersonName preferred = s.preferredName();
        if (preferred != null) {
            putIfPresent(body, "preferredFirstName", preferred.first());
            putIfPresent(body, "preferredLastSurname", preferred.last());
        }
        return body;
    }

    private static Optional<EdFiRecord> enrollment(Student s, Enrollment e, MappingContext ctx) {
        Lineage lineage = e.lineage() != null ? e.lineage() : s.lineage();
        String grade = e.grade() != null ? e.grade() : s.grade();
        Optional<String> gradeLevel = mapped(ctx, "gradeLevel", grade);
        if (gradeLevel.isEmpty() || e.edfiSchoolId() == null || e.entryDate() == null) {
            String field = gradeLevel.isEmpty() ? "Grade" : e.edfiSchoolId() == null ? "School_id" : "entry date";
            ctx.problems().report(Problem.error(lineage.source(), lineage.line(), field,
                    "an enrollment needs a school, an entry date and a grade Ed-Fi accepts; enrollment not sent"));
            return Optional.empty();
        }
        ObjectNode body = EdFiJson.object();
        body.set("studentReference", EdFiJson.object().put("studentUniqueId", s.uniqueId()));
        body.set("schoolReference", EdFiJson.object().put("schoolId", e.edfiSchoolId()));
        body.put("entryDate", e.entryDate().toString());
        body.put("entryGradeLevelDescriptor", gradeLevel.get());
        if (isDescriptorUri(e.entryCode())) {
            body.put("entryTypeDescriptor", e.entryCode());
        }
        LocalDate exit = e.exitDate();
        if (exit != null) {
            body.put("exitWithdrawDate", exit.toString());
            if (isDescriptorUri(e.exitCode())) {
                body.put("exitWithdrawTypeDescriptor", e.exitCode());
            }
        }
        return Optional.of(EdFiRecord.of(EdFiResource.STUDENT_SCHOOL_ASSOCIATIONS, body, lineage));
    }

    private static ObjectNode seoa(Student s, MappingContext ctx) {
        ObjectNode body = EdFiJson.object();
        body.set("educationOrganizationReference", EdFiJson.object().put("educationOrganizationId", ctx.leaId()));
        body.set("studentReference", EdFiJson.object().put("studentUniqueId", s.uniqueId()));
        mapped(ctx, "sex", s.gender()).ifPresent(uri -> body.put("sexDescriptor", uri));
        if (s.hispanicLatino() != null) {
            body.put("hispanicLatinoEthnicity", s.hispanicLatino());
        }
        ArrayNode races = EdFiJson.array();
        Set<String> seen = new LinkedHashSet<>();
        for (String race : s.races()) {
            mapped(ctx, "race", race).filter(seen::add)
                    .ifPresent(uri -> races.add(EdFiJson.object().put("raceDescriptor", uri)));
        }
        if (!races.isEmpty()) {
            body.set("races", races);
        }
        mapped(ctx, "language", s.homeLanguage()).ifPresent(uri -> body.set("languages", EdFiJson.array().add(
                EdFiJson.object().put("languageDescriptor", uri).set("uses", EdFiJson.array().add(
                        EdFiJson.object().put("languageUseDescriptor",
                                ctx.descriptor("LanguageUseDescriptor", "Home language")))))));
        mapped(ctx, "limitedEnglishProficiency", s.program(Program.ENGLISH_LEARNER))
                .ifPresent(uri -> body.put("limitedEnglishProficiencyDescriptor", uri));
        if (YES.equals(s.program(Program.ECONOMIC_DISADVANTAGE))) {
            body.set("studentCharacteristics", EdFiJson.array().add(EdFiJson.object().put(
                    "studentCharacteristicDescriptor",
                    ctx.descriptor("StudentCharacteristicDescriptor", "Economic Disadvantaged"))));
        }
        ArrayNode indicators = EdFiJson.array();
        // CEDS Yes/No elements with no Ed-Fi descriptor of their own travel as indicators, by CEDS name
        addIndicator(indicators, "Migrant Status", s.program(Program.MIGRANT));
        addIndicator(indicators, "Disability Status", s.program(Program.DISABILITY));
        if (!indicators.isEmpty()) {
            body.set("studentIndicators", indicators);
        }
        ArrayNode codes = EdFiJson.array();
        String lea = Long.toString(ctx.leaId());
        addCode(codes, ctx, "District", lea, s.sourceId());
        addCode(codes, ctx, "Local", lea, s.studentNumber());
        addCode(codes, ctx, "State", "SEA", s.stateId());
        if (!codes.isEmpty()) {
            body.set("studentIdentificationCodes", codes);
        }
        if (s.email() != null) {
            body.set("electronicMails", EdFiJson.array().add(EdFiJson.object()
                    .put("electronicMailTypeDescriptor", ctx.descriptor("ElectronicMailTypeDescriptor", "Organization"))
                    .put("electronicMailAddress", s.email())));
        }
        Address a = s.address();
        if (a != null && a.isComplete() && a.state().matches("[A-Z]{2}")) {
            body.set("addresses", EdFiJson.array().add(address(ctx, "Home", a)));
        }
        return body;
    }

    private static void addIndicator(ArrayNode indicators, String name, String value) {
        if (value != null) {
            indicators.add(EdFiJson.object().put("indicatorName", name).put("indicator", value));
        }
    }

    private static void addCode(ArrayNode codes, MappingContext ctx, String system, String assigningOrg, String code) {
        if (code != null) {
            codes.add(EdFiJson.object()
                    .put("studentIdentificationSystemDescriptor",
                            ctx.descriptor("StudentIdentificationSystemDescriptor", system))
                    .put("assigningOrganizationIdentificationCode", assigningOrg)
                    .put("identificationCode", code));
        }
    }

    private static ObjectNode address(MappingContext ctx, String type, Address a) {
        return EdFiJson.object()
                .put("addressTypeDescriptor", ctx.descriptor("AddressTypeDescriptor", type))
                .put("streetNumberName", a.street())
                .put("city", a.city())
                .put("stateAbbreviationDescriptor", ctx.descriptor("StateAbbreviationDescriptor", a.state()))
                .put("postalCode", a.postalCode());
    }

    /** A source that resolved its entry/exit code to a descriptor already (Skyward) passes the URI itself. */
    private static boolean isDescriptorUri(String code) {
        return code != null && code.startsWith("uri://");
    }

    /** The crosswalk's descriptor for a value; a value with none is counted as a coverage gap. */
    private static Optional<String> mapped(MappingContext ctx, String field, String value) {
        return ctx.mapped(field, value);
    }

    private static void putIfPresent(ObjectNode body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value);
        }
    }
}
