package org.rollcall.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the readers counted, per file of a drop, as they streamed it: data records read, accepted
 * and rejected (skipped for a record error), and how the file was decoded. With the run's
 * problems this is the processing report. Thread-safe.
 */
public final class FileCounts {

    /**
     * One file's counts; {@code encoding} as detected, e.g. {@code UTF-8 with BOM} or
     * {@code windows-1252}; {@code streamed} false when no reader read it (the drop was rejected,
     * or no reader reads that file yet), and then the counts are 0.
     */
    public record FileRows(String file, String encoding, boolean streamed, long read, long accepted, long rejected) { }

    /** The counter a reader feeds for one file: once per data record read, then accepted or rejected. */
    public static final class Counter {

        private final LongAdder read = new LongAdder();
        private final LongAdder accepted = new LongAdder();
        private final LongAdder rejected = new LongAdder();
        private volatile boolean streamed;

        /** A new pass over the file: a file read twice counts its latest pass, not both. */
        public void startPass() {
            streamed = true;
            read.reset();
            accepted.reset();
            rejected.reset();
        }

        public void read() {
            read.increment();
        }

        public void accepted() {
            accepted.increment();
        }

        public void rejected() {
            rejected.increment();
        }

        /** A record counted accepted that a later step could not use (a join found nothing): rejected instead. */
        public void rejectAccepted() {
            accepted.decrement();
            rejected.increment();
        }
    }

    private record Entry(String encoding, Counter counter) { }

    private final Map<String, Entry> files = new LinkedHashMap<>();

    /** The counter of {@code file}, decoded as {@code encoding}; the same counter for the same file. */
    public synchronized Counter file(String file, String encoding) {
        return files.compute(file, (f, e) -> e == null ? new Entry(encoding, new Counter())
                : new Entry(encoding, e.counter())).counter();
    }

    /** Every file counted, in the order the drop opened them. */
    public synchronized List<FileRows> files() {
        List<FileRows> out = new ArrayList<>();
        files.forEach((f, e) -> out.add(new FileRows(f, e.encoding(), e.counter().streamed, e.counter().read.sum(),
                e.counter().accepted.sum(), e.counter().rejected.sum())));
        return out;
    }
}
