package org.rollcall.model;

/**
 * A student's enrollment status as a source determines it (seed 002: ENROLLED, PRE-ENROLLED,
 * GRADUATED, INACTIVE). {@link #label()} is the spelling the seed uses.
 */
public enum StudentStatus {
    ENROLLED("ENROLLED"),
    PRE_ENROLLED("PRE-ENROLLED"),
    GRADUATED("GRADUATED"),
    INACTIVE("INACTIVE");

    private final String label;

    StudentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the student has left: their enrollments are sent exited, never deleted. */
    public boolean isExited() {
        return this == GRADUATED || this == INACTIVE;
    }
}
