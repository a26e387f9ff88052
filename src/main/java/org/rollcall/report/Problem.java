package org.rollcall.report;

/**
 * Something wrong with the input, at the place it was found. {@code line} is the 1-based physical
 * line of the record in its file (0 when the problem is about the whole file). Messages name the
 * file, line and field, never the value when the value could be personal data.
 */
public record Problem(Severity severity, String file, long line, String field, String message) {

    public enum Severity {
        /** The whole file or drop cannot be used: nothing from it is sent. */
        FATAL,
        /** The record is skipped; the rest of the file goes on. */
        ERROR,
        /** The value is dropped or normalised; the record goes on. */
        WARNING
    }

    public static Problem fatal(String file, String field, String message) {
        return new Problem(Severity.FATAL, file, 0, field, message);
    }

    public static Problem error(String file, long line, String field, String message) {
        return new Problem(Severity.ERROR, file, line, field, message);
    }

    public static Problem warning(String file, long line, String field, String message) {
        return new Problem(Severity.WARNING, file, line, field, message);
    }

    /** One line for an operator: {@code students.csv line 12, field Gender: unsupported value}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(" line ").append(line);
        }
        if (field != null) {
            sb.append(line > 0 ? ", field " : " field ").append(field);
        }
        return sb.append(": ").append(message).toString();
    }
}
