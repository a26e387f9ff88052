package org.rollcall.clever;

import java.util.Objects;
import org.rollcall.report.Problem;

/**
 * The whole drop is unusable (a file or required header missing, a file that is not CSV): nothing
 * from it is sent. The message is {@link Problem#describe()}: one line naming the file and header,
 * never a value from the file.
 */
public final class DropRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public DropRejectedException(Problem problem) {
        super(Objects.requireNonNull(problem, "problem").describe());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
