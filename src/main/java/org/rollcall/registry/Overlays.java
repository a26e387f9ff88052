package org.rollcall.registry;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.rollcall.model.Lineage;
import org.rollcall.model.Program;
import org.rollcall.model.Student;

/**
 * What a student looks like with what CALPADS imports added, the one rule SIS runs and CALPADS
 * Updates both apply, so both map a student to the same Ed-Fi bodies:
 * <ul>
 *   <li>state id: the SIS's State_id when it has one (seed 003: an imported StateID "cannot overwrite
 *       current stateID"), else the imported SSID;</li>
 *   <li>English learner status and home language: the imported ones (seed 003: the file's values
 *       overwrite the LEP program status and the Home Primary Language), passed on as Ed-Fi
 *       descriptors; a value the CALPADS crosswalk does not map leaves the SIS's in place;</li>
 *   <li>an LEP record of status LEP with an Identified Date puts the student in the English learner
 *       program from that date ({@link Program#ENGLISH_LEARNER_SINCE}); Not LEP, Exited LEP, EO and
 *       Pending records put them in none.</li>
 * </ul>
 */
public final class Overlays {

    /** The LEP program status (seed 003: EL -> LEP) that puts a student in the English learner program. */
    static final String ENGLISH_LEARNER = "LEP";

    /** The student_overlay columns, in {@link Overlay}'s order (as {@code o.}). */
    static final String COLUMNS = "o.ssid, o.ela_status, o.lep_status, o.lep_identified_date, o.lep_tbd_date, "
            + "o.lep_uri, o.primary_language, o.primary_language_uri, o.overlay_import";

    private Overlays() {
    }

    /**
     * The registry student as its SIS last brought it in (without enrollments), with its overlays,
     * and {@code lineage} as where it came from: what a CALPADS Update maps and sends.
     */
    public static Student student(RegistryEntry e, Lineage lineage) {
        Student s = StudentJson.read(e.studentJson());
        return apply(new Student(s.source(), s.uniqueId(), s.sourceId(), s.studentNumber(), s.stateId(), s.legalName(),
                s.preferredName(), s.birthDate(), s.gender(), s.legalGender(), s.races(), s.hispanicLatino(),
                s.homeLanguage(), s.languages(), s.programs(), s.email(), s.address(), s.grade(), s.graduationYear(),
                List.of(), lineage), e.overlay());
    }

    public static Student apply(Student s, Overlay o) {
        if (o == null || o.equals(Overlay.NONE)) {
            return s;
        }
        String stateId = s.stateId() != null ? s.stateId() : o.ssid();
        String home = o.primaryLanguageUri() != null ? o.primaryLanguageUri() : s.homeLanguage();
        Map<Program, String> programs = s.programs();
        boolean learner = ENGLISH_LEARNER.equals(o.lepStatus()) && o.identifiedDate() != null;
        if (o.lepUri() != null || learner) {
            Map<Program, String> p = new EnumMap<>(Program.class);
            p.putAll(s.programs());
            if (o.lepUri() != null) {
                p.put(Program.ENGLISH_LEARNER, o.lepUri());
            }
            if (learner) {
                p.put(Program.ENGLISH_LEARNER_SINCE, o.identifiedDate().toString());
            }
            programs = p;
        }
        return new Student(s.source(), s.uniqueId(), s.sourceId(), s.studentNumber(), stateId, s.legalName(),
                s.preferredName(), s.birthDate(), s.gender(), s.legalGender(), s.races(), s.hispanicLatino(), home,
                s.languages(), programs, s.email(), s.address(), s.grade(), s.graduationYear(), s.enrollments(),
                s.lineage());
    }
}
