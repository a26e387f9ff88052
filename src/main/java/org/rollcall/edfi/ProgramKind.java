package org.rollcall.edfi;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.rollcall.model.Program;

/**
 * The Ed-Fi programs a student's flags put them in, each with the association Data Standard 5 has
 * for it and the source flags that decide it. Section 504 and migrant education use the general
 * StudentProgramAssociation: DS 5 has no Section 504 association, and its
 * StudentMigrantEducationProgramAssociation requires lastQualifyingMove and priorityForServices,
 * which no Clever field carries (Rollcall does not invent them).
 */
public enum ProgramKind {
    SPECIAL_EDUCATION("special-education", EdFiResource.STUDENT_SPECIAL_EDUCATION_PROGRAM_ASSOCIATIONS,
            "Special Education", "Special Education", List.of(Program.IEP, Program.IDEA)),
    SECTION_504("section-504", EdFiResource.STUDENT_PROGRAM_ASSOCIATIONS,
            "Section 504", "Section 504 Placement", List.of(Program.SECTION_504)),
    SCHOOL_FOOD_SERVICE("food-service", EdFiResource.STUDENT_SCHOOL_FOOD_SERVICE_PROGRAM_ASSOCIATIONS,
            "School Food Service", "Student School Food Service", List.of(Program.FREE_REDUCED_LUNCH)),
    TITLE_I_PART_A("title-i", EdFiResource.STUDENT_TITLE_I_PART_A_PROGRAM_ASSOCIATIONS,
            "Title I Part A", "Title I Part A", List.of(Program.TITLE_I)),
    MIGRANT("migrant", EdFiResource.STUDENT_PROGRAM_ASSOCIATIONS,
            "Migrant Education", "Migrant Education", List.of(Program.MIGRANT)),
    ENGLISH_LEARNER("english-learner", EdFiResource.STUDENT_LANGUAGE_INSTRUCTION_PROGRAM_ASSOCIATIONS,
            "English Learner", "English as a Second Language (ESL)",
            List.of(Program.ENGLISH_LEARNER, Program.ENGLISH_LEARNER_SINCE));

    private final String configName;
    private final EdFiResource association;
    private final String defaultName;
    private final String defaultType;
    private final List<Program> decidedBy;

    ProgramKind(String configName, EdFiResource association, String defaultName, String defaultType,
                List<Program> decidedBy) {
        this.configName = configName;
        this.association = association;
        this.defaultName = defaultName;
        this.defaultType = defaultType;
        this.decidedBy = decidedBy;
    }

    /** The key part in {@code rollcall.district.<id>.program.<configName>}. */
    public String configName() {
        return configName;
    }

    /** The resource a student's participation is sent as. */
    public EdFiResource association() {
        return association;
    }

    /** The program name and ProgramTypeDescriptor code a district gets unless it configures its own. */
    public ProgramDefinition defaultDefinition() {
        return new ProgramDefinition(defaultName, defaultType);
    }

    /** The source flags that decide whether a student is in the program. */
    public List<Program> decidedBy() {
        return decidedBy;
    }

    /** The programs at least one of whose flags is among {@code flags}: those a target can receive. */
    public static Set<ProgramKind> decidedByAnyOf(Collection<Program> flags) {
        Set<ProgramKind> out = EnumSet.noneOf(ProgramKind.class);
        for (ProgramKind k : values()) {
            if (k.decidedBy.stream().anyMatch(flags::contains)) {
                out.add(k);
            }
        }
        return out;
    }
}
