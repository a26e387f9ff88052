package org.rollcall.skyward;

/**
 * A Skyward fetch that could not complete: what was being read, how far it got, and why. The data
 * read so far is not a snapshot and must not be planned.
 */
public final class SkywardFetchException extends RuntimeException {

    private final int status;

    public SkywardFetchException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The last HTTP status Skyward answered, 0 when it did not answer. */
    public int status() {
        return status;
    }
}
