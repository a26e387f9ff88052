package org.rollcall.edfi;

import java.util.ArrayList;
import java.util.List;
import org.rollcall.model.LocalEducationAgency;
import org.rollcall.model.School;
import org.rollcall.model.Student;
import org.rollcall.report.Problem;

/**
 * Data Standard 4 (ODS/API 6.x). The bodies Rollcall writes are those of DS 5 with one difference
 * that matters: DS 4 requires {@code sexDescriptor} on the StudentEducationOrganizationAssociation,
 * so a student without a mappable sex gets no demographics record there, and the report says why.
 */
public final class Ds4Mapper implements EdFiMapper {

    static final String VERSION = "ds4-2";

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
}
