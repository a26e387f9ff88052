package org.rollcall.edfi;

import java.util.List;
import org.rollcall.model.Course;
import org.rollcall.model.LocalEducationAgency;
import org.rollcall.model.School;
import org.rollcall.model.Section;
import org.rollcall.model.SectionEnrollment;
import org.rollcall.model.Staff;
import org.rollcall.model.Student;
import org.rollcall.model.Term;

/**
 * A mapper that hands every record to another one ({@link #delegate()}): the base of mappers that
 * change a few resources of another Data Standard's mapping, or wrap a mapper, and override only those.
 */
public abstract class ForwardingMapper implements EdFiMapper {

    /** The mapper each method not overridden hands its record to. */
    protected abstract EdFiMapper delegate();

    @Override
    public String version() {
        return delegate().version();
    }

    @Override
    public List<EdFiRecord> localEducationAgency(LocalEducationAgency lea, MappingContext ctx) {
        return delegate().localEducationAgency(lea, ctx);
    }

    @Override
    public List<EdFiRecord> school(School school, MappingContext ctx) {
        return delegate().school(school, ctx);
    }

    @Override
    public List<EdFiRecord> student(Student student, MappingContext ctx) {
        return delegate().student(student, ctx);
    }

    @Override
    public List<EdFiRecord> staff(Staff staff, MappingContext ctx) {
        return delegate().staff(staff, ctx);
    }

    @Override
    public List<EdFiRecord> course(Course course, MappingContext ctx) {
        return delegate().course(course, ctx);
    }

    @Override
    public List<EdFiRecord> session(Term term, MappingContext ctx) {
        return delegate().session(term, ctx);
    }

    @Override
    public List<EdFiRecord> section(Section section, MappingContext ctx) {
        return delegate().section(section, ctx);
    }

    @Override
    public List<EdFiRecord> sectionEnrollment(SectionEnrollment enrollment, MappingContext ctx) {
        return delegate().sectionEnrollment(enrollment, ctx);
    }
}
