package org.rollcall.edfi;

import java.util.List;
import java.util.function.Supplier;
import org.rollcall.model.Course;
import org.rollcall.model.Section;
import org.rollcall.model.SectionEnrollment;
import org.rollcall.model.Staff;
import org.rollcall.model.Term;
import org.rollcall.model.LocalEducationAgency;
import org.rollcall.model.School;
import org.rollcall.model.Student;

/**
 * The mapper for whatever Data Standard the target's discovery document names, chosen on first use
 * (rollcall.district.<id>.edfi.data-standard = auto), so a target that is down at start-up fails
 * the run that needs it rather than the hub.
 */
public final class DiscoveredMapper implements EdFiMapper {

    private final Supplier<String> dataStandardVersion;
    private volatile EdFiMapper chosen;

    public DiscoveredMapper(Supplier<String> dataStandardVersion) {
        this.dataStandardVersion = dataStandardVersion;
    }

    private EdFiMapper chosen() {
        EdFiMapper m = chosen;
        if (m == null) {
            synchronized (this) {
                if (chosen == null) {
                    chosen = DataStandards.mapper(DataStandards.major(dataStandardVersion.get()));
                }
                m = chosen;
            }
        }
        return m;
    }

    @Override
    public String version() {
        return chosen().version();
    }

    @Override
    public List<EdFiRecord> localEducationAgency(LocalEducationAgency lea, MappingContext ctx) {
        return chosen().localEducationAgency(lea, ctx);
    }

    @Override
    public List<EdFiRecord> school(School school, MappingContext ctx) {
        return chosen().school(school, ctx);
    }

    @Override
    public List<EdFiRecord> student(Student student, MappingContext ctx) {
        return chosen().student(student, ctx);
    }

    @Override
    public List<EdFiRecord> staff(Staff staff, MappingContext ctx) {
        return chosen().staff(staff, ctx);
    }

    @Override
    public List<EdFiRecord> course(Course course, MappingContext ctx) {
        return chosen().course(course, ctx);
    }

    @Override
    public List<EdFiRecord> session(Term term, MappingContext ctx) {
        return chosen().session(term, ctx);
    }

    @Override
    public List<EdFiRecord> section(Section section, MappingContext ctx) {
        return chosen().section(section, ctx);
    }

    @Override
    public List<EdFiRecord> sectionEnrollment(SectionEnrollment enrollment, MappingContext ctx) {
        return chosen().sectionEnrollment(enrollment, ctx);
    }
}
