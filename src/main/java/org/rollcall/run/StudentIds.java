package org.rollcall.run;

import java.util.HashMap;
import java.util.Map;
import org.rollcall.model.Student;

/**
 * The students a drop's students.csv gave, by Clever Student_id, with their Ed-Fi studentUniqueId,
 * for enrollments.csv to join on. Only the two ids are kept; when they are the same (the default
 * clever.student-id-column) only one string per student is.
 */
final class StudentIds {

    private final Map<String, String> uniqueIds = new HashMap<>();

    void add(Student s) {
        String unique = s.uniqueId().equals(s.sourceId()) ? s.sourceId() : s.uniqueId();
        uniqueIds.putIfAbsent(s.sourceId(), unique);
    }

    /** The studentUniqueId of a Clever Student_id, or null when students.csv gave no such student. */
    String uniqueId(String studentId) {
        return uniqueIds.get(studentId);
    }
}
