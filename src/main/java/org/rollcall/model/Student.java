package org.rollcall.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The canonical student every source fills as far as it can. Coded values (gender, races, grade,
 * languages, program statuses) stay in the source's vocabulary; {@code source} names that vocabulary
 * so the crosswalk for it can turn them into Ed-Fi descriptors.
 *
 * <p>{@code gender} is the gender the student is known by; {@code legalGender} the one on legal
 * documents (seed 003: a student with gender X carries a legal gender of M or F).
 */
public record Student(
        String source,
        String uniqueId,
        String sourceId,
        String studentNumber,
        String stateId,
        PersonName legalName,
        PersonName preferredName,
        LocalDate birthDate,
        String gender,
        String legalGender,
        List<String> races,
        Boolean hispanicLatino,
        String homeLanguage,
        List<String> languages,
        Map<Program, String> programs,
        String email,
        Address address,
        String grade,
        String graduationYear,
        List<Enrollment> enrollments,
        Lineage lineage) {

    public Student {
        races = races == null ? List.of() : List.copyOf(races);
        languages = languages == null ? List.of() : List.copyOf(languages);
        programs = programs == null ? Map.of() : Map.copyOf(programs);
        enrollments = enrollments == null ? List.of() : List.copyOf(enrollments);
    }

    public String program(Program program) {
        return programs.get(program);
    }

    /** The same student with other program values (what a target may receive of them). */
    public Student withPrograms(Map<Program, String> other) {
        return new Student(source, uniqueId, sourceId, studentNumber, stateId, legalName, preferredName, birthDate,
                gender, legalGender, races, hispanicLatino, homeLanguage, languages, other, email, address, grade,
                graduationYear, enrollments, lineage);
    }
}
