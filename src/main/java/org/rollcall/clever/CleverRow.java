package org.rollcall.clever;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.rollcall.model.School;
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

    /** The school the column's School_id names; an unknown one is an error (the caller skips the record). */
    School school(Column column, Map<String, School> schools) {
        String id = get(column);
        School school = id == null ? null : schools.get(id);
        if (school == null && id != null) {
            error(column, "School_id " + MessageValues.schoolIdentifier(id) + " is not a school read from schools.csv");
        }
        return school;
    }

    /** The supported value the column holds, or null; an unsupported one is named (it is a code) and dropped. */
    String code(Column column, CodeSet supported) {
        String raw = get(column);
        String value = supported.canonical(raw);
        if (raw != null && value == null) {
            warning(column, "unsupported value " + MessageValues.code(raw) + " (supported: " + supported.supported() + ")");
        }
        return value;
    }

    /** Clever's literal for the column's grade, or null; a grade Clever does not have is dropped. */
    String grade(Column column) {
        String raw = get(column);
        String grade = CleverGrade.normalise(raw);
        if (raw != null && grade == null) {
            warning(column, "unsupported grade " + MessageValues.code(raw));
        }
        return grade;
    }

    /** The column's date (MM/DD/YYYY or YYYY-MM-DD), or null; anything else is dropped. */
    LocalDate date(Column column) {
        String raw = get(column);
        LocalDate date = CleverDate.parse(raw);
        if (raw != null && date == null) {
            warning(column, "not a date in MM/DD/YYYY or YYYY-MM-DD");
        }
        return date;
    }

    /**
     * The record is skipped: the message says why, this adds that it was skipped. The processing
     * report counts the record as rejected.
     */
    void error(Column column, String message) {
        rejected = true;
        problems.report(Problem.error(fileName(), line(), field(column), message + "; record skipped"));
    }

    /**
     * The record is skipped for an error reported once for all the records it applies to (the
     * enrollments of a section that was not processed), not on each; the processing report counts
     * the record as rejected all the same.
     */
    void rejectReportedOnce() {
        rejected = true;
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
