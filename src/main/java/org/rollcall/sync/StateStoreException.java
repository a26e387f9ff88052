package org.rollcall.sync;

import java.sql.SQLException;

/**
 * The state store cannot do what was asked. The database's own message is left out on purpose:
 * drivers quote the values of a failed statement, and those can be student data. The SQL state
 * and vendor code are enough to look the failure up.
 */
public class StateStoreException extends RuntimeException {

    public StateStoreException(String message) {
        super(message);
    }

    public StateStoreException(String message, Throwable cause) {
        super(message + describe(cause));
    }

    private static String describe(Throwable cause) {
        if (cause instanceof SQLException e) {
            return " (SQL state " + e.getSQLState() + ", code " + e.getErrorCode() + ")";
        }
        return cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")";
    }
}
