package org.rollcall.clever;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Seed 001 (ANet rostering with Clever): "ANet cannot access periods for teachers missing unique
 * email addresses. Please ensure that all teachers have unique school email addresses attached to
 * their records." A teacher whose Teacher_email is blank, or is also another teacher's (compared
 * ignoring case), has no unique email; their sections are not processed.
 */
final class UniqueTeacherEmails {

    /** Why a teacher's email is not unique; {@code otherLine} is the other teacher's teachers.csv line. */
    record Finding(boolean missing, long otherLine) {

        /** For a problem message: says why, and never the address itself. */
        String describe() {
            return missing ? "has no school email address (Teacher_email is blank)"
                    : "shares a school email address with the teacher on teachers.csv line " + otherLine;
        }
    }

    /** One teacher as the rule sees them: id, email (null when blank), first line. */
    record Teacher(String id, String email, long line) {
    }

    private UniqueTeacherEmails() {
    }

    /** The teachers without a unique email, by id; the others are not in the map. */
    static Map<String, Finding> check(List<Teacher> teachers) {
        Map<String, List<Teacher>> byEmail = new HashMap<>();
        Map<String, Finding> out = new LinkedHashMap<>();
        for (Teacher t : teachers) {
            if (t.email() == null) {
                out.put(t.id(), new Finding(true, 0));
            } else {
                byEmail.computeIfAbsent(t.email().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(t);
            }
        }
        for (Teacher t : teachers) {
            if (t.email() == null) {
                continue;
            }
            List<Teacher> same = byEmail.get(t.email().toLowerCase(Locale.ROOT));
            for (Teacher other : same) {
                if (!other.id().equals(t.id())) {
                    out.put(t.id(), new Finding(false, other.line()));
                    break;
                }
            }
        }
        return out;
    }
}
