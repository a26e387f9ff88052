package org.rollcall.clever;

import java.util.Arrays;
import java.util.BitSet;
import org.rollcall.compact.IdTable;
import org.rollcall.report.Problem;
import org.rollcall.report.ProblemSink;

/**
 * students_ext.csv, held while students.csv streams past it: per sis_id only the record's line and
 * its seven field codes packed in a {@code long} (see {@link ExtensionField}), by the sis_id's hash
 * ({@link IdTable}): under 100 bytes a student, never the file. A sis_id is the student's
 * Student_id (seed 000: "The sis_id should be the student's ID from your SIS").
 *
 * <p>Problems, with file, line and field: a blank or repeated sis_id is an error and the later
 * record is skipped (the first stands); an unsupported value is a warning and only that value is
 * dropped; a sis_id that no students.csv row has is an error, reported once students.csv has been read.
 */
final class StudentExtensions {

    private static final StudentExtensions NONE = new StudentExtensions(null);

    private final String fileName;
    /** sis_id to the record's index in the arrays below. */
    private final IdTable bySisId = new IdTable();
    private int[] lines = new int[1024];
    private long[] codes = new long[1024];
    private final BitSet claimed = new BitSet();
    private int size;

    private StudentExtensions(String fileName) {
        this.fileName = fileName;
    }

    /** No students_ext.csv in the drop. */
    static StudentExtensions none() {
        return NONE;
    }

    static StudentExtensions read(CleverCsvFile file, ProblemSink problems) {
        ignoredColumns(file, problems);
        StudentExtensions ext = new StudentExtensions(file.fileName());
        file.forEachRow(problems, row -> {
            if (!row.hasAll(StudentExtColumns.REQUIRED)) {
                return;
            }
            long earlier = ext.bySisId.putIfAbsent(row.get(StudentExtColumns.SIS_ID), ext.size);
            if (earlier != IdTable.ABSENT) {
                row.error(StudentExtColumns.SIS_ID, "sis_id is also on line " + ext.lines[(int) earlier]
                        + " (the first one stands)");
                return;
            }
            ext.add((int) row.line(), ExtensionField.readAll(row));
        });
        return ext;
    }

    private void add(int line, long packed) {
        if (size == lines.length) {
            lines = Arrays.copyOf(lines, size * 2);
            codes = Arrays.copyOf(codes, size * 2);
        }
        lines[size] = line;
        codes[size] = packed;
        size++;
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
        if (studentId == null || size == 0) {
            return 0;
        }
        long i = bySisId.get(studentId);
        if (i == IdTable.ABSENT) {
            return 0;
        }
        claimed.set((int) i);
        return codes[(int) i];
    }

    /** Reports each sis_id no students.csv row claimed, in line order. */
    void reportUnclaimed(ProblemSink problems) {
        // records are held in line order
        for (int i = claimed.nextClearBit(0); i < size; i = claimed.nextClearBit(i + 1)) {
            problems.report(Problem.error(fileName, lines[i], StudentExtColumns.SIS_ID.name(),
                    "sis_id is not a Student_id in students.csv; record skipped"));
        }
    }

    /** Records held: one per distinct sis_id. */
    int size() {
        return size;
    }
}
