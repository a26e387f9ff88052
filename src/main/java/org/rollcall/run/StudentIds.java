package org.rollcall.run;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.rollcall.compact.IdTable;
import org.rollcall.model.Student;

/**
 * The students a drop's students.csv gave, by Clever Student_id, with their Ed-Fi studentUniqueId,
 * for enrollments.csv to join on; and which of them the run planned a Student for, so the validator
 * need not look up the state store for each enrollment's student. Held compactly ({@link IdTable}):
 * when the studentUniqueId is the Student_id (the default clever.student-id-column) 16 bytes a
 * student, otherwise the studentUniqueId's bytes too; the planned ones another 16.
 */
final class StudentIds {

    private static final String KEY = "studentUniqueId=";
    /** The value of a Student_id that is its own studentUniqueId. */
    private static final long SAME = -1;

    /** Student_id to {@link #SAME}, or the studentUniqueId's offset and length in {@link #pool}. */
    private final IdTable uniqueIds = new IdTable();
    private final IdTable planned = new IdTable();
    private byte[] pool = new byte[0];
    private int poolSize;

    /** A student read; {@code planned} when their Student record passed validation. */
    void add(Student s, boolean planned) {
        String unique = s.uniqueId();
        if (!uniqueIds.contains(s.sourceId())) {
            uniqueIds.put(s.sourceId(), unique.equals(s.sourceId()) ? SAME : store(unique));
        } else {
            unique = uniqueId(s.sourceId()); // the first row's
        }
        if (planned) {
            this.planned.put(unique, 1);
        }
    }

    /** The studentUniqueId of a Clever Student_id, or null when students.csv gave no such student. */
    String uniqueId(String studentId) {
        long v = uniqueIds.get(studentId);
        if (v == IdTable.ABSENT) {
            return null;
        }
        if (v == SAME) {
            return studentId;
        }
        return new String(pool, (int) (v >>> 20), (int) (v & 0xFFFFF), StandardCharsets.UTF_8);
    }

    /** Whether a Student natural key ({@code studentUniqueId=...}) is one this run planned. */
    boolean planned(String naturalKey) {
        return naturalKey.startsWith(KEY) && planned.contains(naturalKey.substring(KEY.length()));
    }

    /** Appends the id's bytes; returns offset << 20 | length. */
    private long store(String id) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        if (poolSize + bytes.length > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(1 << 16, Math.max(poolSize + bytes.length, pool.length * 2)));
        }
        System.arraycopy(bytes, 0, pool, poolSize, bytes.length);
        long v = ((long) poolSize << 20) | bytes.length;
        poolSize += bytes.length;
        return v;
    }
}
