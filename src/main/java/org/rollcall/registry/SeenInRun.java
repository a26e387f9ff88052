package org.rollcall.registry;

import java.nio.file.Path;
import org.rollcall.compact.IdTable;

/**
 * The local numbers a SIS run has brought in so far, each with the source id it came with: how a
 * second row of the same student (a Clever student in two schools) is told from a second student
 * with the same number, without writing anything for the students who did not change. The source id
 * is kept as its hash in an {@link IdTable}, mapped under the run's folder: 100,000 students take
 * about 3 MB there, none on the heap.
 */
final class SeenInRun {

    private final IdTable numbers;

    SeenInRun(Path dir) {
        this.numbers = new IdTable(dir);
    }

    /** Remembers the student's source id under its local number; returns the one seen first, or null. */
    Long putIfAbsent(String localNumber, String sourceId) {
        long first = numbers.putIfAbsent(localNumber, IdTable.hash(sourceId == null ? "" : sourceId));
        return first == IdTable.ABSENT ? null : first;
    }

    /** Whether this source id is the one the local number came with first. */
    static boolean same(Long first, String sourceId) {
        return first != null && first == IdTable.hash(sourceId == null ? "" : sourceId);
    }
}
