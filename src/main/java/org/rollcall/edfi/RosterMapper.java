package org.rollcall.edfi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rollcall.model.Course;
import org.rollcall.model.Lineage;
import org.rollcall.model.PersonName;
import org.rollcall.model.Section;
import org.rollcall.model.SectionEnrollment;
import org.rollcall.model.Staff;
import org.rollcall.model.StaffSchool;
import org.rollcall.model.Term;
import org.rollcall.report.Problem;

/**
 * Rostering records to Ed-Fi Data Standard 5 bodies: Staff with a StaffSchoolAssociation per school
 * and a StaffEducationOrganizationAssignmentAssociation per position there; Course, Session (a
 * term), CourseOffering, Section with a StaffSectionAssociation per teacher; StudentSectionAssociation.
 * Required fields and references as resources-ds-5.0.yaml has them; descriptors through the
 * crosswalk. Pure, like {@link Ds5Mapper}, which calls it (its VERSION covers these bodies too).
 */
final class RosterMapper {

    /** Ed-Fi's limits on the free text fields filled here. */
    private static final int POSITION_TITLE = 100;

    List<EdFiRecord> staff(Staff s, MappingContext ctx) {
        List<EdFiRecord> out = new ArrayList<>();
        out.add(EdFiRecord.of(EdFiResource.STAFFS, staffBody(s, ctx), s.lineage()));
        Map<Long, List<StaffSchool>> bySchool = new LinkedHashMap<>();
        s.schools().forEach(a -> bySchool.computeIfAbsent(a.edfiSchoolId(), k -> new ArrayList<>()).add(a));
        bySchool.forEach((school, assignments) -> staffSchool(s, assignments, ctx).ifPresent(out::add));
        Map<String, EdFiRecord> positions = new LinkedHashMap<>();
        for (StaffSchool a : s.schools()) {
            // the same position named twice at a school (staff.csv and admins.csv) is one record
            assignment(s, a, ctx).ifPresent(r -> positions.putIfAbsent(r.naturalKey(), r));
        }
        out.addAll(positions.values());
        return out;
    }

    private static ObjectNode staffBody(Staff s, MappingContext ctx) {
        ObjectNode body = EdFiJson.object();
        body.put("staffUniqueId", s.uniqueId());
        PersonName n = s.name();
        body.put("firstName", n.first());
        if (n.middle() != null) {
            body.put("middleName", n.middle());
        }
        body.put("lastSurname", n.last());
        if (s.email() != null) {
            body.set("electronicMails", EdFiJson.array().add(EdFiJson.object()
                    .put("electronicMailTypeDescriptor", ctx.descriptor("ElectronicMailTypeDescriptor", "Work"))
                    .put("electronicMailAddress", s.email())));
        }
        ArrayNode codes = EdFiJson.array();
        String lea = Long.toString(ctx.leaId());
        addCode(codes, ctx, "District", lea, s.uniqueId());
        addCode(codes, ctx, "Other", lea, s.staffNumber());
        addCode(codes, ctx, "State", "SEA", s.stateId());
        body.set("identificationCodes", codes);
        return body;
    }

    private static void addCode(ArrayNode codes, MappingContext ctx, String system, String assigningOrg, String code) {
        if (code != null) {
            codes.add(EdFiJson.object()
                    .put("staffIdentificationSystemDescriptor", ctx.descriptor("StaffIdentificationSystemDescriptor", system))
                    .put("assigningOrganizationIdentificationCode", assigningOrg)
                    .put("identificationCode", code));
        }
    }

    /** One per school: the program of the first position there, the grades of every section taught there. */
    private static Optional<EdFiRecord> staffSchool(Staff s, List<StaffSchool> assignments, MappingContext ctx) {
        StaffSchool first = assignments.get(0);
        Optional<String> program = ctx.mapped("programAssignment", first.role());
        if (program.isEmpty()) {
            missing(ctx, first.lineage(), "programAssignment", first.role(), "staffSchoolAssociations");
            return Optional.empty();
        }
        ObjectNode body = EdFiJson.object();
        body.set("schoolReference", EdFiJson.object().put("schoolId", first.edfiSchoolId()));
        body.set("staffReference", EdFiJson.object().put("staffUniqueId", s.uniqueId()));
        body.put("programAssignmentDescriptor", program.get());
        body.set("schoolYearTypeReference", EdFiJson.object().put("schoolYear", first.schoolYear()));
        Set<String> seen = new LinkedHashSet<>();
        ArrayNode grades = EdFiJson.array();
        for (StaffSchool a : assignments) {
            for (String g : a.gradeLevels()) {
                ctx.mapped("gradeLevel", g).filter(seen::add)
                        .ifPresent(uri -> grades.add(EdFiJson.object().put("gradeLevelDescriptor", uri)));
            }
        }
        if (!grades.isEmpty()) {
            body.set("gradeLevels", grades);
        }
        return Optional.of(EdFiRecord.of(EdFiResource.STAFF_SCHOOL_ASSOCIATIONS, body, first.lineage()));
    }

    /**
     * The position at the school: the first of the source's own codes (staff.csv Role, then Title)
     * the crosswalk knows, else the role's ({@code teacher}, {@code staff}, {@code admin}).
     */
    private static Optional<EdFiRecord> assignment(Staff s, StaffSchool a, MappingContext ctx) {
        Optional<String> classification = Optional.empty();
        for (String code : a.classifications()) {
            classification = ctx.mapped("staffClassification", code);
            if (classification.isPresent()) {
                break;
            }
        }
        if (classification.isEmpty()) {
            classification = ctx.mapped("staffClassification", a.role());
        }
        if (classification.isEmpty()) {
            missing(ctx, a.lineage(), "staffClassification", a.role(), "staffEducationOrganizationAssignmentAssociations");
            return Optional.empty();
        }
        ObjectNode body = EdFiJson.object();
        body.set("educationOrganizationReference", EdFiJson.object().put("educationOrganizationId", a.edfiSchoolId()));
        body.set("staffReference", EdFiJson.object().put("staffUniqueId", s.uniqueId()));
        body.put("staffClassificationDescriptor", classification.get());
        body.put("beginDate", a.beginDate().toString());
        if (a.title() != null) {
            body.put("positionTitle", a.title().length() <= POSITION_TITLE ? a.title()
                    : a.title().substring(0, POSITION_TITLE));
        }
        return Optional.of(EdFiRecord.of(EdFiResource.STAFF_EDUCATION_ORGANIZATION_ASSIGNMENT_ASSOCIATIONS, body,
                a.lineage()));
    }

    List<EdFiRecord> course(Course c, MappingContext ctx) {
        long edOrg = educationOrganization(c, ctx);
        ObjectNode body = EdFiJson.object();
        body.put("courseCode", c.code());
        body.put("courseTitle", c.title());
        body.put("numberOfParts", 1);
        body.set("educationOrganizationReference", EdFiJson.object().put("educationOrganizationId", edOrg));
        body.set("identificationCodes", EdFiJson.array().add(EdFiJson.object()
                .put("courseIdentificationSystemDescriptor", ctx.descriptor("CourseIdentificationSystemDescriptor",
                        c.schoolCourse() ? "School course code" : "LEA course code"))
                .put("assigningOrganizationIdentificationCode", Long.toString(edOrg))
                .put("identificationCode", c.code())));
        ctx.mapped("academicSubject", c.subject()).ifPresent(uri -> body.set("academicSubjects",
                EdFiJson.array().add(EdFiJson.object().put("academicSubjectDescriptor", uri))));
        if (c.description() != null) {
            body.put("courseDescription", c.description().length() <= 1024 ? c.description()
                    : c.description().substring(0, 1024));
        }
        return List.of(EdFiRecord.of(EdFiResource.COURSES, body, c.lineage()));
    }

    private static long educationOrganization(Course c, MappingContext ctx) {
        return c.schoolCourse() ? c.educationOrganizationId() : ctx.leaId();
    }

    /** A term's session; totalInstructionalDays (required) is derived: its weekdays, Clever has no calendar. */
    List<EdFiRecord> session(Term t, MappingContext ctx) {
        Optional<String> term = ctx.mapped("term", t.termCode());
        if (term.isEmpty()) {
            term = ctx.crosswalk().descriptor("term", "*");
        }
        if (term.isEmpty()) {
            missing(ctx, t.lineage(), "term", t.termCode(), "sessions");
            return List.of();
        }
        ObjectNode body = EdFiJson.object();
        body.put("sessionName", t.name());
        body.set("schoolReference", EdFiJson.object().put("schoolId", t.edfiSchoolId()));
        body.set("schoolYearTypeReference", EdFiJson.object().put("schoolYear", t.schoolYear()));
        body.put("beginDate", t.beginDate().toString());
        body.put("endDate", t.endDate().toString());
        body.put("termDescriptor", term.get());
        body.put("totalInstructionalDays", weekdays(t.beginDate(), t.endDate()));
        return List.of(EdFiRecord.of(EdFiResource.SESSIONS, body, t.lineage()));
    }

    /** Monday to Friday from begin to end, both included. */
    static int weekdays(LocalDate begin, LocalDate end) {
        int n = 0;
        for (LocalDate d = begin; !d.isAfter(end); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                n++;
            }
        }
        return n;
    }

    /** The section's CourseOffering, the Section, and a StaffSectionAssociation per teacher. */
    List<EdFiRecord> section(Section s, MappingContext ctx) {
        List<EdFiRecord> out = new ArrayList<>();
        Term t = s.term();
        ObjectNode offering = EdFiJson.object();
        offering.put("localCourseCode", s.course().code());
        if (s.courseTitle() != null) {
            offering.put("localCourseTitle", s.courseTitle());
        }
        offering.set("courseReference", EdFiJson.object().put("courseCode", s.course().code())
                .put("educationOrganizationId", educationOrganization(s.course(), ctx)));
        offering.set("schoolReference", EdFiJson.object().put("schoolId", s.edfiSchoolId()));
        offering.set("sessionReference", EdFiJson.object().put("schoolId", s.edfiSchoolId())
                .put("schoolYear", t.schoolYear()).put("sessionName", t.name()));
        out.add(EdFiRecord.of(EdFiResource.COURSE_OFFERINGS, offering, s.lineage()));

        ObjectNode section = EdFiJson.object();
        section.put("sectionIdentifier", s.sourceId());
        section.set("courseOfferingReference", EdFiJson.object().put("localCourseCode", s.course().code())
                .put("schoolId", s.edfiSchoolId()).put("schoolYear", t.schoolYear()).put("sessionName", t.name()));
        if (s.name() != null) {
            section.put("sectionName", s.name());
        }
        ctx.mapped("gradeLevel", s.grade()).ifPresent(uri -> section.set("offeredGradeLevels",
                EdFiJson.array().add(EdFiJson.object().put("gradeLevelDescriptor", uri))));
        out.add(EdFiRecord.of(EdFiResource.SECTIONS, section, s.lineage()));

        teacher(s, s.teacherId(), "primary", ctx).ifPresent(out::add);
        for (String co : s.coTeacherIds()) {
            teacher(s, co, "co-teacher", ctx).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<EdFiRecord> teacher(Section s, String staffUniqueId, String position, MappingContext ctx) {
        Optional<String> classroomPosition = ctx.mapped("classroomPosition", position);
        if (classroomPosition.isEmpty()) {
            missing(ctx, s.lineage(), "classroomPosition", position, "staffSectionAssociations");
            return Optional.empty();
        }
        ObjectNode body = EdFiJson.object();
        body.set("sectionReference", sectionReference(s));
        body.set("staffReference", EdFiJson.object().put("staffUniqueId", staffUniqueId));
        body.put("beginDate", s.term().beginDate().toString());
        if (s.term().datesGiven()) {
            body.put("endDate", s.term().endDate().toString());
        }
        body.put("classroomPositionDescriptor", classroomPosition.get());
        return Optional.of(EdFiRecord.of(EdFiResource.STAFF_SECTION_ASSOCIATIONS, body, s.lineage()));
    }

    /** A StudentSectionAssociation from the term's start (the school year's when the drop gave none). */
    List<EdFiRecord> sectionEnrollment(SectionEnrollment e, MappingContext ctx) {
        Section s = e.section();
        ObjectNode body = EdFiJson.object();
        body.set("sectionReference", sectionReference(s));
        body.set("studentReference", EdFiJson.object().put("studentUniqueId", e.studentUniqueId()));
        body.put("beginDate", s.term().beginDate().toString());
        if (s.term().datesGiven()) {
            body.put("endDate", s.term().endDate().toString());
        }
        return List.of(EdFiRecord.of(EdFiResource.STUDENT_SECTION_ASSOCIATIONS, body, e.lineage()));
    }

    static ObjectNode sectionReference(Section s) {
        return EdFiJson.object().put("localCourseCode", s.course().code()).put("schoolId", s.edfiSchoolId())
                .put("schoolYear", s.term().schoolYear()).put("sectionIdentifier", s.sourceId())
                .put("sessionName", s.term().name());
    }

    /** A required descriptor the crosswalk does not give: the record is not sent, and the report says which line to add. */
    private static void missing(MappingContext ctx, Lineage lineage, String field, String value, String resource) {
        ctx.problems().report(Problem.error(lineage.source(), lineage.line(), null, resource + " needs a "
                + field + " descriptor and the crosswalk has no line '" + field + "," + value + ",...'; not sent"));
    }
}
