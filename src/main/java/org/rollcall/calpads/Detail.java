package org.rollcall.calpads;

/**
 * One line of the results report's Error Detail (seed 003): the file line (0 for a student with no
 * line in the file), how serious, which check, the message and the line's fields ("Data File:").
 */
record Detail(long line, Severity severity, Check check, String title, String message, String dataFile) {

    /**
     * ERROR: the record (or its SSID) is not imported. WARNING: it is imported, and the report says
     * what did not match. NOTICE: nothing to import, nothing wrong (the student has that SSID already).
     */
    enum Severity { ERROR, WARNING, NOTICE }
}
