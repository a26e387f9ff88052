package org.rollcall.edfi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rollcall.model.Staff;
import org.rollcall.model.LocalEducationAgency;
import org.rollcall.model.School;
import org.rollcall.model.Student;

/**
 * Data Standard 6 (Ed-Fi API 8): the demographics DS 3-5 keep on the
 * StudentEducationOrganizationAssociation are split off into {@code studentDemographics} (sex,
 * races, ethnicity, languages, English proficiency, characteristics), one
 * {@code studentIdentificationCodes} record per identification system, and
 * {@code studentDirectories} (addresses, e-mail); the association itself keeps its references and
 * indicators. Staff likewise: its e-mail addresses go to {@code staffDirectories} and its
 * identification codes to {@code staffIdentificationCodes}, both with the LEA. LocalEducationAgency,
 * School, Student, StudentSchoolAssociation, the other rostering bodies, and the program
 * associations and Programs are as in DS 5 (their DS 6 shapes have the same required fields).
 */
public final class Ds6Mapper extends ForwardingMapper {

    static final String VERSION = "ds6-2";

    private static final Set<String> DEMOGRAPHICS = Set.of("sexDescriptor", "races", "hispanicLatinoEthnicity",
            "languages", "limitedEnglishProficiencyDescriptor", "studentCharacteristics", "tribalAffiliations");
    private static final Set<String> DIRECTORY = Set.of("addresses", "electronicMails", "telephones");
    private static final Set<String> ASSOCIATION = Set.of("educationOrganizationReference", "studentReference",
            "studentIndicators");

    private final Ds5Mapper ds5 = new Ds5Mapper();

    @Override
    protected EdFiMapper delegate() {
        return ds5;
    }

    @Override
    public String version() {
        return VERSION;
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

    @Override
    public List<EdFiRecord> staff(Staff staff, MappingContext ctx) {
        List<EdFiRecord> out = new ArrayList<>();
        for (EdFiRecord r : ds5.staff(staff, ctx)) {
            if (r.resource() != EdFiResource.STAFFS) {
                out.add(r);
                continue;
            }
            ObjectNode body = r.payload();
            JsonNode mails = body.remove("electronicMails");
            JsonNode codes = body.remove("identificationCodes");
            out.add(EdFiRecord.of(EdFiResource.STAFFS, body, r.lineage()));
            ObjectNode lea = EdFiJson.object().put("educationOrganizationId", ctx.leaId());
            ObjectNode staffRef = EdFiJson.object().put("staffUniqueId", staff.uniqueId());
            if (mails != null && !mails.isEmpty()) {
                ObjectNode directory = EdFiJson.object();
                directory.set("educationOrganizationReference", lea.deepCopy());
                directory.set("staffReference", staffRef.deepCopy());
                directory.set("electronicMails", mails);
                out.add(EdFiRecord.of(EdFiResource.STAFF_DIRECTORIES, directory, r.lineage()));
            }
            for (JsonNode code : codes == null ? EdFiJson.array() : codes) {
                ObjectNode one = EdFiJson.object();
                one.set("educationOrganizationReference", lea.deepCopy());
                one.set("staffReference", staffRef.deepCopy());
                code.fields().forEachRemaining(f -> one.set(f.getKey(), f.getValue().deepCopy()));
                out.add(EdFiRecord.of(EdFiResource.STAFF_IDENTIFICATION_CODES, one, r.lineage()));
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
