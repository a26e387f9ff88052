package org.rollcall.clever;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rollcall.report.Problem;
import org.rollcall.report.ProblemSink;

/**
 * students_ext.csv, held while students.csv streams past it: per sis_id only the record's line and
 * its seven field codes packed in a {@code long} (see {@link ExtensionField}), so 100,000 students
 * cost a few megabytes, never the file. A sis_id is the student's Student_id (seed 000: "The sis_id
 * should be the student's ID from your SIS").
 *
 * <p>Problems, with file, line and field: a blank or repeated sis_id is an error and the later
 * record is skipped (the first stands); an unsupported value is a warning and only that value is
 * dropped; a sis_id that no students.csv row has is an error, reported once students.csv has been read.
 */
final class StudentExtensions {

    private static final class Entry {
        final int line;
        final long codes;
        boolean claimed;

        Entry(int line, long codes) {
            this.line = line;
            this.codes = codes;
        }
    }

    private static final StudentExtensions NONE = new StudentExtensions(null, Map.of());

    private final String fileName;
    private final Map<String, Entry> bySisId;

    private StudentExtensions(String fileName, Map<String, Entry> bySisId) {
        this.fileName = fileName;
        this.bySisId = bySisId;
    }

    /** No students_ext.csv in the drop. */
    static StudentExtensions none() {
        return NONE;
    }

    static StudentExtensions read(CleverCsvFile file, ProblemSink problems) {
        ignoredColumns(file, problems);
        Map<String, Entry> bySisId = new HashMap<>();
        file.forEachRow(problems, row -> {
            if (!row.hasAll(StudentExtColumns.REQUIRED)) {
                return;
            }
            String sisId = row.get(StudentExtColumns.SIS_ID);
            Entry earlier = bySisId.get(sisId);
            if (earlier != null) {
                row.error(StudentExtColumns.SIS_ID, "sis_id is also on line " + earlier.line
                        + " (the first one stands)");
                return;
            }
            bySisId.put(sisId, new Entry((int) row.line(), ExtensionField.readAll(row)));
        });
        return new StudentExtensions(file.fileName(), bySisId);
    }

    /** Columns other than sis_id and the seven fields are not read; the report says so once per file. */
    static void ignoredColumns(CleverCsvFile file, ProblemSink problems) {
        for (String name : file.header().names()) {
            if (name.equals(StudentExtColumns.SIS_ID.name()) && file.kind() == CleverFile.STUDENTS_EXT) {
                continue;
            }
            boolean extColumn = name.startsWith("ext.") || file.kind() == CleverFile.STUDENTS_EXT;
            if (extColumn && !ExtensionField.isField(name)) {
                problems.report(Problem.warning(file.fileName(), 0, name, "not one of seed 000's seven extension "
                        + "fields Rollcall maps; the column is ignored"));
            }
        }
    }

    /**
     * The packed codes for a students.csv Student_id (0: none), and a note that students.csv has
     * the sis_id, whatever becomes of the row.
     */
    long claim(String studentId) {
        if (studentId == null) {
            return 0;
        }
        Entry e = bySisId.get(studentId);
        if (e == null) {
            return 0;
        }
        e.claimed = true;
        return e.codes;
    }

    /** Reports each sis_id no students.csv row claimed, in line order. */
    void reportUnclaimed(ProblemSink problems) {
        List<Integer> lines = new ArrayList<>();
        for (Entry e : bySisId.values()) {
            if (!e.claimed) {
                lines.add(e.line);
            }
        }
        lines.sort(null);
        for (int line : lines) {
            problems.report(Problem.error(fileName, line, StudentExtColumns.SIS_ID.name(),
                    "sis_id is not a Student_id in students.csv; record skipped"));
        }
    }

    /** Records held: one per distinct sis_id. */
    int size() {
        return bySisId.size();
    }
}
