package org.rollcall.edfi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rollcall.model.LocalEducationAgency;
import org.rollcall.model.School;
import org.rollcall.model.Student;

/**
 * Data Standard 6 (Ed-Fi API 8): the demographics DS 3-5 keep on the
 * StudentEducationOrganizationAssociation are split off into {@code studentDemographics} (sex,
 * races, ethnicity, languages, English proficiency, characteristics), one
 * {@code studentIdentificationCodes} record per identification system, and
 * {@code studentDirectories} (addresses, e-mail); the association itself keeps its references and
 * indicators. LocalEducationAgency, School, Student, StudentSchoolAssociation and the program
 * associations and Programs are as in DS 5 (their DS 6 shapes have the same required fields).
 */
public final class Ds6Mapper implements EdFiMapper {

    static final String VERSION = "ds6-2";

    private static final Set<String> DEMOGRAPHICS = Set.of("sexDescriptor", "races", "hispanicLatinoEthnicity",
            "languages", "limitedEnglishProficiencyDescriptor", "studentCharacteristics", "tribalAffiliations");
    private static final Set<String> DIRECTORY = Set.of("addresses", "electronicMails", "telephones");
    private static final Set<String> ASSOCIATION = Set.of("educationOrganizationReference", "studentReference",
            "studentIndicators");

    private final Ds5Mapper ds5 = new Ds5Mapper();

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public List<EdFiRecord> localEducationAgency(LocalEducationAgency lea, MappingContext ctx) {
        return ds5.localEducationAgency(lea, ctx);
    }

    @Override
    public List<EdFiRecord> school(School school, MappingContext ctx) {
        return ds5.school(school, ctx);
    }

    @Override
    public List<EdFiRecord> student(Student student, MappingContext ctx) {
        List<EdFiRecord> out = new ArrayList<>();
        for (EdFiRecord r : ds5.student(student, ctx)) {
            if (r.resource() != EdFiResource.STUDENT_EDUCATION_ORGANIZATION_ASSOCIATIONS) {
                out.add(r);
                continue;
            }
            ObjectNode seoa = r.payload();
            out.add(EdFiRecord.of(EdFiResource.STUDENT_EDUCATION_ORGANIZATION_ASSOCIATIONS, pick(seoa, ASSOCIATION),
                    r.lineage()));
            ObjectNode demographics = pick(seoa, DEMOGRAPHICS);
            if (demographics.size() > 2) {
                out.add(EdFiRecord.of(EdFiResource.STUDENT_DEMOGRAPHICS, demographics, r.lineage()));
            }
            ObjectNode directory = pick(seoa, DIRECTORY);
            if (directory.size() > 2) {
                out.add(EdFiRecord.of(EdFiResource.STUDENT_DIRECTORIES, directory, r.lineage()));
            }
            for (JsonNode code : seoa.path("studentIdentificationCodes")) {
                ObjectNode body = EdFiJson.object();
                body.set("educationOrganizationReference", seoa.get("educationOrganizationReference").deepCopy());
                body.set("studentReference", seoa.get("studentReference").deepCopy());
                code.fields().forEachRemaining(f -> body.set(f.getKey(), f.getValue().deepCopy()));
                out.add(EdFiRecord.of(EdFiResource.STUDENT_IDENTIFICATION_CODES, body, r.lineage()));
            }
        }
        return out;
    }

    /** The references and the listed fields of a DS 5 association body. */
    private static ObjectNode pick(ObjectNode seoa, Set<String> fields) {
        ObjectNode body = EdFiJson.object();
        body.set("educationOrganizationReference", seoa.get("educationOrganizationReference").deepCopy());
        body.set("studentReference", seoa.get("studentReference").deepCopy());
        seoa.fields().forEachRemaining(f -> {
            if (fields.contains(f.getKey()) && !body.has(f.getKey())) {
                body.set(f.getKey(), f.getValue().deepCopy());
            }
        });
        return body;
    }
}
