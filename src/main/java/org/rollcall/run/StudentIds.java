package org.rollcall.run;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.rollcall.compact.IdTable;
import org.rollcall.compact.MappedBuffers;
import org.rollcall.model.Student;

/**
 * The students a drop's students.csv gave, by Clever Student_id, with their Ed-Fi studentUniqueId,
 * for enrollments.csv to join on; and which of them the run planned a Student for, so the validator
 * need not look up the state store for each enrollment's student. Held compactly ({@link IdTable}),
 * in memory-mapped files under the run's folder:
 * when the studentUniqueId is the Student_id (the default clever.student-id-column) one hash slot
 * a student, planned or not; otherwise the studentUniqueId's bytes too, and a slot more for a
 * planned one.
 */
final class StudentIds {

    private static final String KEY = "studentUniqueId=";
    /** The value of a Student_id that is its own studentUniqueId... */
    private static final long SAME = -1;
    /** ... and whose Student the run planned. */
    private static final long SAME_PLANNED = -2;

    /** Student_id to {@link #SAME}, {@link #SAME_PLANNED}, or the studentUniqueId's offset and length in {@link #pool}. */
    private final IdTable uniqueIds;
    /** The planned studentUniqueIds that are not their Student_id (none with the default column). */
    private final IdTable plannedOthers;
    private final Path dir;
    /** The studentUniqueIds that are not their Student_id, end to end; mapped once the first comes. */
    private ByteBuffer pool;
    private int poolSize;

    StudentIds(Path dir) {
        this.dir = dir;
        this.uniqueIds = new IdTable(dir);
        this.plannedOthers = new IdTable(dir);
    }

    /** A student read; {@code planned} when their Student record passed validation. */
    void add(Student s, boolean planned) {
        String id = s.sourceId();
        long v = uniqueIds.get(id);
        if (v == IdTable.ABSENT) {
            v = s.uniqueId().equals(id) ? SAME : store(s.uniqueId());
            uniqueIds.put(id, v);
        }
        if (planned) {
            if (v == SAME) {
                uniqueIds.put(id, SAME_PLANNED);
            } else if (v != SAME_PLANNED) {
                plannedOthers.put(uniqueId(id), 1); // the first row's
            }
        }
    }

    /** The studentUniqueId of a Clever Student_id, or null when students.csv gave no such student. */
    String uniqueId(String studentId) {
        long v = uniqueIds.get(studentId);
        if (v == IdTable.ABSENT) {
            return null;
        }
        if (v == SAME || v == SAME_PLANNED) {
            return studentId;
        }
        byte[] bytes = new byte[(int) (v & 0xFFFFF)];
        pool.get((int) (v >>> 20), bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Whether a Student natural key ({@code studentUniqueId=...}) is one this run planned. */
    boolean planned(String naturalKey) {
        if (!naturalKey.startsWith(KEY)) {
            return false;
        }
        String unique = naturalKey.substring(KEY.length());
        return uniqueIds.get(unique) == SAME_PLANNED || plannedOthers.contains(unique);
    }

    /** Appends the id's bytes; returns offset << 20 | length. */
    private long store(String id) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        if (pool == null) {
            pool = MappedBuffers.allocate(dir, 1 << 16);
        }
        pool = MappedBuffers.ensure(dir, pool, (long) poolSize + bytes.length);
        pool.put(poolSize, bytes);
        long v = ((long) poolSize << 20) | bytes.length;
        poolSize += bytes.length;
        return v;
    }
}
