package org.rollcall.clever;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rollcall.model.School;
import org.rollcall.model.Staff;
import org.rollcall.report.ProblemSink;

/**
 * Reads a drop's rostering files in the order their references need: teachers.csv, then staff.csv
 * and admins.csv (a Staff_id may be a teacher too), then sections.csv, which names teachers. Any of
 * them may be absent; the drop was rejected when it opened if sections.csv came without teachers.csv.
 */
final class RosterReader {

    private final Map<CleverFile, CleverCsvFile> files;
    private final CleverOptions options;

    RosterReader(Map<CleverFile, CleverCsvFile> files, CleverOptions options) {
        this.files = files;
        this.options = options;
    }

    CleverRoster read(Map<String, School> schools, ProblemSink problems) {
        Map<String, RosterPerson> people = new LinkedHashMap<>();
        Map<String, UniqueTeacherEmails.Finding> withoutUniqueEmail = Map.of();
        CleverCsvFile teachers = files.get(CleverFile.TEACHERS);
        if (teachers != null) {
            TeacherReader reader = new TeacherReader(teachers);
            people.putAll(reader.read(schools, problems));
            withoutUniqueEmail = reader.withoutUniqueEmail();
        }
        Map<String, RosterPerson> teachersOnly = Map.copyOf(people);
        for (CleverFile kind : List.of(CleverFile.STAFF, CleverFile.ADMINS)) {
            CleverCsvFile file = files.get(kind);
            if (file != null) {
                new StaffReader(file).read(schools, people, problems);
            }
        }
        CleverCsvFile sectionsFile = files.get(CleverFile.SECTIONS);
        if (teachers == null && sectionsFile == null && people.isEmpty()) {
            return CleverRoster.none();
        }
        SectionReader sections = new SectionReader(sectionsFile, options);
        if (sectionsFile != null) {
            sections.read(schools, teachersOnly, withoutUniqueEmail, problems);
        }
        List<Staff> staff = new ArrayList<>();
        people.values().forEach(p -> staff.add(p.toStaff(options.defaultEntryDate(), options.schoolYear())));
        return new CleverRoster(sectionsFile != null, staff, sections.terms(), sections.courses(), sections.sections(),
                sections.notProcessed());
    }
}
