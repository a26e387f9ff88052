package org.rollcall.calpads;

import java.util.List;
import org.rollcall.registry.RegistryEntry;

/**
 * Whether a file's SSID is imported for a matched student (seed 003):
 * <ul>
 *   <li>another student already holds it: not imported, "StateID being imported already exists for
 *       localStudentID (X)" naming that student (fatal);</li>
 *   <li>an earlier line of the same file imports it for another student: not imported (fatal);</li>
 *   <li>the student holds it already: nothing to import, the same message naming the student itself
 *       (a notice: the seed's Test results list it with an Error Count of 0);</li>
 *   <li>the student has another current state id: "StateID (A) being imported cannot overwrite
 *       current stateID (B)" (fatal);</li>
 *   <li>otherwise it is imported.</li>
 * </ul>
 */
final class SsidRules {

    enum Kind { IMPORT, EXISTS, ELSEWHERE, CLAIMED, CONFLICT }

    /** @param other the other student's local number (ELSEWHERE, CLAIMED); {@code otherLine} the earlier line (CLAIMED) */
    record Decision(Kind kind, String other, long otherLine) { }

    /** An earlier line of the file that imports an SSID: its student and line. */
    record Claim(String localNumber, long line) { }

    private SsidRules() {
    }

    static Decision decide(String ssid, RegistryEntry student, List<RegistryEntry> holders, Claim earlier) {
        for (RegistryEntry h : holders) {
            if (!h.localNumber().equals(student.localNumber())) {
                return new Decision(Kind.ELSEWHERE, h.localNumber(), 0);
            }
        }
        if (earlier != null && !earlier.localNumber().equals(student.localNumber())) {
            return new Decision(Kind.CLAIMED, earlier.localNumber(), earlier.line());
        }
        String current = student.currentStateId();
        if (ssid.equals(current)) {
            return new Decision(Kind.EXISTS, student.localNumber(), 0);
        }
        if (current != null) {
            return new Decision(Kind.CONFLICT, current, 0);
        }
        return new Decision(Kind.IMPORT, null, 0);
    }
}
