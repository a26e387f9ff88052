package org.rollcall.edfi;

import java.util.List;
import org.rollcall.model.LocalEducationAgency;
import org.rollcall.model.School;
import org.rollcall.model.Student;

/**
 * Canonical records to Ed-Fi resource bodies for one Data Standard version. Pure: no I/O; problems
 * and coverage gaps go to the {@link MappingContext}. A record that cannot be mapped yields nothing
 * (and a reported problem) rather than a body the target would reject.
 */
public interface EdFiMapper {

    /** Identifies the mapping code; part of every payload hash so a mapping change re-sends. */
    String version();

    List<EdFiRecord> localEducationAgency(LocalEducationAgency lea, MappingContext ctx);

    List<EdFiRecord> school(School school, MappingContext ctx);

    /**
     * The Student, a StudentSchoolAssociation per enrollment, its StudentEducationOrganizationAssociation
     * and its program associations (for the program flags it carries and the context's programs).
     */
    List<EdFiRecord> student(Student student, MappingContext ctx);
}
