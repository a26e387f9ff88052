package org.rollcall.edfi;

import java.util.ArrayList;
import java.util.List;
import org.rollcall.model.Course;
import org.rollcall.model.Section;
import org.rollcall.model.Student;
import org.rollcall.report.Problem;

/**
 * Data Standard 4 (ODS/API 6.x). The bodies Rollcall writes are those of DS 5 with the differences
 * that matter: DS 4 requires {@code sexDescriptor} on the StudentEducationOrganizationAssociation,
 * so a student without a mappable sex gets no demographics record there, and the report says why;
 * a Course has one {@code academicSubjectDescriptor}, not a list; and a StaffSectionAssociation is
 * keyed by section and staff alone, so its beginDate is the school year's first day, which a term
 * start that moves cannot change (Rollcall's state keys it with the beginDate, as DS 5 does).
 */
public final class Ds4Mapper extends ForwardingMapper {

    static final String VERSION = "ds4-2";

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
            if (r.resource() == EdFiResource.STUDENT_EDUCATION_ORGANIZATION_ASSOCIATIONS
                    && !r.payload().hasNonNull("sexDescriptor")) {
                ctx.problems().report(Problem.error(r.lineage().source(), r.lineage().line(), "Gender",
                        "Data Standard 4 requires a sex on studentEducationOrganizationAssociations; "
                                + "the student's demographics are not sent"));
                continue;
            }
            out.add(r);
        }
        return out;
    }

    @Override
    public List<EdFiRecord> course(Course course, MappingContext ctx) {
        List<EdFiRecord> out = new ArrayList<>();
        for (EdFiRecord r : ds5.course(course, ctx)) {
            com.fasterxml.jackson.databind.JsonNode subjects = r.payload().remove("academicSubjects");
            if (subjects != null && !subjects.isEmpty()) {
                r.payload().set("academicSubjectDescriptor", subjects.get(0).get("academicSubjectDescriptor"));
            }
            out.add(EdFiRecord.of(r.resource(), r.payload(), r.lineage()));
        }
        return out;
    }

    @Override
    public List<EdFiRecord> section(Section section, MappingContext ctx) {
        List<EdFiRecord> out = new ArrayList<>();
        for (EdFiRecord r : ds5.section(section, ctx)) {
            if (r.resource() == EdFiResource.STAFF_SECTION_ASSOCIATIONS) {
                r.payload().put("beginDate", section.schoolYearStart().toString());
                out.add(EdFiRecord.of(r.resource(), r.payload(), r.lineage()));
            } else {
                out.add(r);
            }
        }
        return out;
    }

}
