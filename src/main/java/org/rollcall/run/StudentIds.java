package org.rollcall.run;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.rollcall.model.Student;

/**
 * The students a drop's students.csv gave, by Clever Student_id, with their Ed-Fi studentUniqueId,
 * for enrollments.csv to join on; and which of them the run planned a Student for, so the validator
 * need not look up the state store for each enrollment's student. Only the ids are kept; when the two
 * are the same (the default clever.student-id-column) one string per student is.
 */
final class StudentIds {

    private static final String KEY = "studentUniqueId=";

    private final Map<String, String> uniqueIds = new HashMap<>();
    private final Set<String> planned = new HashSet<>();

    /** A student read; {@code planned} when their Student record passed validation. */
    void add(Student s, boolean planned) {
        String unique = s.uniqueId().equals(s.sourceId()) ? s.sourceId() : s.uniqueId();
        uniqueIds.putIfAbsent(s.sourceId(), unique);
        if (planned) {
            this.planned.add(uniqueIds.get(s.sourceId()));
        }
    }

    /** The studentUniqueId of a Clever Student_id, or null when students.csv gave no such student. */
    String uniqueId(String studentId) {
        return uniqueIds.get(studentId);
    }

    /** Whether a Student natural key ({@code studentUniqueId=...}) is one this run planned. */
    boolean planned(String naturalKey) {
        return naturalKey.startsWith(KEY) && planned.contains(naturalKey.substring(KEY.length()));
    }
}
