package org.rollcall.clever;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.rollcall.compact.IdTable;
import org.rollcall.compact.MappedBuffers;
import org.rollcall.report.FileCounts;
import org.rollcall.report.Problem;
import org.rollcall.report.ProblemSink;

/**
 * students_ext.csv, held while students.csv streams past it: per sis_id only the record's line and
 * its seven field codes packed in a {@code long} (see {@link ExtensionField}), by the sis_id's hash
 * ({@link IdTable}): under 100 bytes a student, never the file, and those in memory-mapped files
 * under the run's folder rather than on the heap. A sis_id is the student's
 * Student_id (seed 000: "The sis_id should be the student's ID from your SIS").
 *
 * <p>Problems, with file, line and field: a blank or repeated sis_id is an error and the later
 * record is skipped (the first stands); an unsupported value is a warning and only that value is
 * dropped; a sis_id that no students.csv row has is an error, reported once students.csv has been read.
 */
final class StudentExtensions {

    private static final StudentExtensions NONE = new StudentExtensions(null, null, null);
    private static final int RECORD_BYTES = 16;

    private final String fileName;
    private final FileCounts.Counter counter;
    private final Path dir;
    /** sis_id to the record's index in {@link #records}. */
    private final IdTable bySisId;
    /**
     * Record i: its line at {@code 16 i} (negated once a students.csv row claims it), its codes at
     * {@code 16 i + 8}; records in line order.
     */
    private ByteBuffer records;
    private int size;

    private StudentExtensions(String fileName, FileCounts.Counter counter, Path dir) {
        this.fileName = fileName;
        this.counter = counter;
        this.dir = dir;
        this.bySisId = dir == null ? null : new IdTable(dir);
        this.records = dir == null ? null : MappedBuffers.allocate(dir, 1024L * RECORD_BYTES);
    }

    /** No students_ext.csv in the drop. */
    static StudentExtensions none() {
        return NONE;
    }

    /** Reads the file, holding its records under {@code dir} (the run's folder). */
    static StudentExtensions read(CleverCsvFile file, Path dir, ProblemSink problems) {
        ignoredColumns(file, problems);
        StudentExtensions ext = new StudentExtensions(file.fileName(), file.counter(), dir);
        file.forEachRow(problems, row -> {
            if (!row.hasAll(StudentExtColumns.REQUIRED)) {
                return;
            }
            long earlier = ext.bySisId.putIfAbsent(row.get(StudentExtColumns.SIS_ID), ext.size);
            if (earlier != IdTable.ABSENT) {
                row.error(StudentExtColumns.SIS_ID, "sis_id is also on line " + ext.line((int) earlier)
                        + " (the first one stands)");
                return;
            }
            ext.add((int) row.line(), ExtensionField.readAll(row));
        });
        return ext;
    }

    private void add(int line, long packed) {
        records = MappedBuffers.ensure(dir, records, (long) (size + 1) * RECORD_BYTES);
        records.putLong(size * RECORD_BYTES, line);
        records.putLong(size * RECORD_BYTES + 8, packed);
        size++;
    }

    private int line(int i) {
        return (int) Math.abs(records.getLong(i * RECORD_BYTES));
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
        int at = (int) i * RECORD_BYTES;
        records.putLong(at, -Math.abs(records.getLong(at)));
        return records.getLong(at + 8);
    }

    /** Reports each sis_id no students.csv row claimed, in line order, and counts its record rejected. */
    void reportUnclaimed(ProblemSink problems) {
        // records are held in line order
        for (int i = 0; i < size; i++) {
            if (records.getLong(i * RECORD_BYTES) > 0) {
                problems.report(Problem.error(fileName, line(i), StudentExtColumns.SIS_ID.name(),
                        "sis_id is not a Student_id in students.csv; record skipped"));
                counter.rejectAccepted();
            }
        }
    }

    /** Records held: one per distinct sis_id. */
    int size() {
        return size;
    }
}
