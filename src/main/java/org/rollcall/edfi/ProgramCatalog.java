package org.rollcall.edfi;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The district's programs (rollcall.district.<id>.program.*), the beginDate its students'
 * program associations get (Clever gives none: the school-year start) and the Title I Part A
 * participant type, which Clever's Yes/No does not say.
 */
public record ProgramCatalog(Map<ProgramKind, ProgramDefinition> programs, LocalDate beginDate,
                             String titleIParticipant) {

    public ProgramCatalog {
        programs = programs.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(programs));
    }

    /** No programs: a source that reports no program flags (Skyward) maps none. */
    public static ProgramCatalog none() {
        return new ProgramCatalog(Map.of(), null, null);
    }

    /** Every program under its default name and type. */
    public static ProgramCatalog defaults(LocalDate beginDate) {
        Map<ProgramKind, ProgramDefinition> all = new EnumMap<>(ProgramKind.class);
        for (ProgramKind k : ProgramKind.values()) {
            all.put(k, k.defaultDefinition());
        }
        return new ProgramCatalog(all, Objects.requireNonNull(beginDate, "beginDate"), "Public Targeted Assistance Program");
    }

    /** The program of this kind, or null when the catalog has none (its associations are then not sent). */
    public ProgramDefinition program(ProgramKind kind) {
        return beginDate == null ? null : programs.get(kind);
    }
}
