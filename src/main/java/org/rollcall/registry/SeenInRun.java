package org.rollcall.registry;

import java.nio.charset.StandardCharsets;

/**
 * The local numbers a SIS run has brought in so far, each with the source id it came with: how a
 * second row of the same student (a Clever student in two schools) is told from a second student
 * with the same number, without writing anything for the students who did not change. Two 64-bit
 * hashes per student in open-addressed arrays: 100,000 students take about 3 MB.
 */
final class SeenInRun {

    private static final long EMPTY = 0;

    private long[] keys = new long[1 << 12];
    private long[] values = new long[1 << 12];
    private int size;

    /** Remembers the student's source id under its local number; returns the one seen first, or null. */
    Long putIfAbsent(String localNumber, String sourceId) {
        long k = hash(localNumber);
        long v = hash(sourceId == null ? "" : sourceId);
        int mask = keys.length - 1;
        for (int i = (int) (k ^ (k >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == EMPTY) {
                keys[i] = k;
                values[i] = v;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return null;
            }
            if (keys[i] == k) {
                return values[i];
            }
        }
    }

    /** Whether this source id is the one the local number came with first. */
    static boolean same(Long first, String sourceId) {
        return first != null && first == hash(sourceId == null ? "" : sourceId);
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = (int) (oldKeys[j] ^ (oldKeys[j] >>> 32)) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    /** FNV-1a 64 of the UTF-8 bytes, never 0 (0 marks an empty slot). */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 29;
        return h == EMPTY ? 1 : h;
    }
}
