package org.rollcall.clever;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rollcall.model.Course;
import org.rollcall.model.Section;
import org.rollcall.model.Staff;
import org.rollcall.model.Term;

/**
 * What a drop's rostering files hold (teachers.csv, staff.csv, admins.csv, sections.csv): the staff,
 * the terms and courses sections name, and the sections processed; and the Section_ids of the
 * sections that were not, whose records in the target are left alone. Small enough to keep whole:
 * a district has thousands of sections, not millions. Enrollments stream past it.
 */
public final class CleverRoster {

    private static final CleverRoster NONE = new CleverRoster(false, List.of(), List.of(), List.of(), Map.of(), Map.of());

    private final boolean hasSections;
    private final List<Staff> staff;
    private final List<Term> terms;
    private final List<Course> courses;
    private final Map<String, Section> sections;
    private final Map<String, Long> notProcessed;
    private final List<Section> order;

    CleverRoster(boolean hasSections, List<Staff> staff, List<Term> terms, List<Course> courses,
                 Map<String, Section> sections, Map<String, Long> notProcessed) {
        this.hasSections = hasSections;
        this.staff = List.copyOf(staff);
        this.terms = List.copyOf(terms);
        this.courses = List.copyOf(courses);
        this.sections = Map.copyOf(sections);
        this.notProcessed = Map.copyOf(notProcessed);
        this.order = List.copyOf(sections.values());
    }

    /** A drop without rostering files. */
    static CleverRoster none() {
        return NONE;
    }

    /** Whether the drop had sections.csv: without it, enrollments.csv is checked and counted, not sent. */
    public boolean hasSections() {
        return hasSections;
    }

    /** Teachers and other staff, each with what they do at each school. */
    public List<Staff> staff() {
        return staff;
    }

    /** The terms the processed sections name (Ed-Fi sessions). */
    public List<Term> terms() {
        return terms;
    }

    public List<Course> courses() {
        return courses;
    }

    /** The processed sections, in file order. */
    public List<Section> sections() {
        return order;
    }

    /**
     * Section_ids of the sections not processed tonight (a record error, or seed 001): they have not
     * left, so a snapshot leaves what the target holds of them alone.
     */
    public Set<String> notProcessed() {
        return notProcessed.keySet();
    }

    Section section(String sectionId) {
        return sections.get(sectionId);
    }

    /** The sections.csv line of a section that was not processed, or null. */
    Long notProcessedLine(String sectionId) {
        return notProcessed.get(sectionId);
    }
}
