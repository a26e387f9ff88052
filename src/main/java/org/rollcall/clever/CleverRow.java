package org.rollcall.clever;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.List;
import org.rollcall.report.Problem;
import org.rollcall.report.ProblemSink;

/**
 * One data record of a drop file: its values by column (trimmed, an empty value is absent) and
 * problem reports that carry the file, the record's starting line and the field as the file
 * spells it.
 */
final class CleverRow {

    private final CleverCsvFile file;
    private final CsvRecord record;
    private final ProblemSink problems;
    private boolean rejected;

    CleverRow(CleverCsvFile file, CsvRecord record, ProblemSink problems) {
        this.file = file;
        this.record = record;
        this.problems = problems;
    }

    String fileName() {
        return file.fileName();
    }

    /** The physical line the record starts on (the header is line 1). */
    long line() {
        return record.getStartingLineNumber();
    }

    /** The trimmed value, or null when the column is absent or the value empty. */
    String get(Column column) {
        int i = file.header().indexOf(column);
        if (i < 0) {
            return null;
        }
        String value = record.getField(i).strip();
        return value.isEmpty() ? null : value;
    }

    /**
     * Reports each blank column among {@code required} as an error; true when none is blank.
     * Every blank column is named, so one fix-up pass over the source is enough.
     */
    boolean hasAll(List<Column> required) {
        boolean all = true;
        for (Column column : required) {
            if (get(column) == null) {
                error(column, "required value is blank");
                all = false;
            }
        }
        return all;
    }

    /**
     * The record is skipped: the message says why, this adds that it was skipped. The processing
     * report counts the record as rejected.
     */
    void error(Column column, String message) {
        rejected = true;
        problems.report(Problem.error(fileName(), line(), field(column), message + "; record skipped"));
    }

    /** Whether a record error was reported on this row: it is skipped. */
    boolean isRejected() {
        return rejected;
    }

    /** The value is dropped and the record goes on. */
    void warning(Column column, String message) {
        problems.report(Problem.warning(fileName(), line(), field(column), message + "; value dropped"));
    }

    private String field(Column column) {
        return file.header().nameOf(column);
    }
}
