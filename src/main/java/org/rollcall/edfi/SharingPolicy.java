package org.rollcall.edfi;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.rollcall.model.Program;
import org.rollcall.model.Student;

/**
 * Which sensitive values a target receives (rollcall.district.<id>.share). Seed 000
 * (000_24ef7be37d1b8b28.txt): "because Clever considers the data submitted for ell_status,
 * frl_status, and iep_status to be sensitive, these values may not be shared automatically", and
 * the extension fields are shared only when a district picks them. Every program value a student
 * carries is one of these fields; what is not allow-listed is taken off the student before it is
 * mapped, so a withheld value is in no payload (and in no payload hash) and allow-listing a field
 * later changes exactly the records that carry it.
 */
public final class SharingPolicy {

    /** Each program value under the Clever field name an allow-list uses, in the order reports list them. */
    private static final Map<Program, String> FIELDS = new EnumMap<>(Program.class);

    static {
        FIELDS.put(Program.ENGLISH_LEARNER, "ell_status");
        FIELDS.put(Program.ENGLISH_LEARNER_SINCE, "ell_status");
        FIELDS.put(Program.FREE_REDUCED_LUNCH, "frl_status");
        FIELDS.put(Program.IEP, "iep_status");
        FIELDS.put(Program.IDEA, "ext.idea_indicator");
        FIELDS.put(Program.DISABILITY, "ext.disability_status");
        FIELDS.put(Program.PRIMARY_DISABILITY_TYPE, "ext.primary_disability_type");
        FIELDS.put(Program.SECTION_504, "ext.section_504_status");
        FIELDS.put(Program.ECONOMIC_DISADVANTAGE, "ext.economic_disadvantage_status");
        FIELDS.put(Program.MIGRANT, "ext.migrant_status");
        FIELDS.put(Program.TITLE_I, "ext.title_i");
        if (FIELDS.size() != Program.values().length) {
            throw new IllegalStateException("every program value is sensitive and needs a field name");
        }
    }

    /** The field names an allow-list may hold. */
    public static final List<String> SENSITIVE_FIELDS = List.copyOf(new LinkedHashSet<>(FIELDS.values()));

    private final Set<Program> shared;

    private SharingPolicy(Set<Program> shared) {
        this.shared = shared;
    }

    /** The policy that shares the named fields and withholds every other. */
    public static SharingPolicy of(Collection<String> fieldNames) {
        Set<Program> shared = EnumSet.noneOf(Program.class);
        FIELDS.forEach((program, name) -> {
            if (fieldNames.contains(name)) {
                shared.add(program);
            }
        });
        for (String name : fieldNames) {
            if (!FIELDS.containsValue(name)) {
                throw new IllegalArgumentException("'" + name + "' is not one of " + String.join(", ", SENSITIVE_FIELDS));
            }
        }
        return new SharingPolicy(shared);
    }

    /** The default: nothing sensitive is shared. */
    public static SharingPolicy withholdAll() {
        return new SharingPolicy(EnumSet.noneOf(Program.class));
    }

    public static String fieldName(Program program) {
        return FIELDS.get(program);
    }

    /** The program values the target receives. */
    public Set<Program> shared() {
        return Set.copyOf(shared);
    }

    /**
     * The student as the target may see them: without the values it does not receive. {@code withheld}
     * gets the field name of each value taken off.
     */
    public Student apply(Student s, Consumer<String> withheld) {
        if (s.programs().isEmpty() || shared.containsAll(s.programs().keySet())) {
            return s;
        }
        Map<Program, String> kept = new LinkedHashMap<>();
        s.programs().forEach((program, value) -> {
            if (shared.contains(program)) {
                kept.put(program, value);
            }
        });
        Set<String> names = new LinkedHashSet<>();
        FIELDS.forEach((program, name) -> {
            if (s.programs().containsKey(program) && !shared.contains(program)) {
                names.add(name);
            }
        });
        names.forEach(withheld);
        return s.withPrograms(kept);
    }
}
