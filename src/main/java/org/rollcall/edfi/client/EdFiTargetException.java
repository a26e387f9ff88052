package org.rollcall.edfi.client;

/** The Ed-Fi target cannot be used: unreachable, not an Ed-Fi API, or refusing our credentials. */
public class EdFiTargetException extends RuntimeException {

    public EdFiTargetException(String message) {
        super(message);
    }

    public EdFiTargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
