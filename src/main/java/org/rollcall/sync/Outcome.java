package org.rollcall.sync;

/**
 * How a record of a run ended. Every record ends as exactly one of these. RELEASED and DISCARDED
 * end held changes: released ones are sent by the approval run, discarded ones never.
 */
public enum Outcome {
    CREATED, UPDATED, UNCHANGED, DELETED, EXITED, HELD, FAILED, INVALID, RELEASED, DISCARDED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
