package org.rollcall.report;

/** Where readers and mappers report problems as they stream; never throws for ERROR/WARNING. */
@FunctionalInterface
public interface ProblemSink {

    void report(Problem problem);

    ProblemSink IGNORE = p -> { };
}
