package org.rollcall.sync;

/** How a record of a run ended. Every record ends as exactly one of these. */
public enum Outcome {
    CREATED, UPDATED, UNCHANGED, DELETED, HELD, FAILED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
