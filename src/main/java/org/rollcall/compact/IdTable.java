package org.rollcall.compact;

import java.nio.charset.StandardCharsets;

/**
 * A run's ids held by a 64-bit hash each, with a {@code long} per id, in open-addressed arrays:
 * what a run must remember of every student (has this id been seen, which line, which flags) at 16
 * bytes an id instead of the hundred-odd a {@code HashMap<String, ...>} entry costs, so memory
 * grows slowly with the district. Two different ids taken for one would need a 64-bit hash
 * collision: for a million ids, odds of about one in 36 million.
 *
 * <p>Not thread-safe: each run's reader owns its tables.
 */
public final class IdTable {

    /** What {@link #get} answers for an id not in the table; never a stored value. */
    public static final long ABSENT = Long.MIN_VALUE;

    private static final long EMPTY = 0;

    private long[] keys;
    private long[] values;
    private int size;

    public IdTable() {
        keys = new long[1 << 10];
        values = new long[1 << 10];
    }

    /** The id's value, or {@link #ABSENT}. */
    public long get(String id) {
        long h = hash(id);
        int mask = keys.length - 1;
        for (int i = slot(h, mask); ; i = (i + 1) & mask) {
            if (keys[i] == EMPTY) {
                return ABSENT;
            }
            if (keys[i] == h) {
                return values[i];
            }
        }
    }

    public boolean contains(String id) {
        return get(id) != ABSENT;
    }

    /** Stores the value unless the id has one; returns the earlier value, or {@link #ABSENT} when it stored. */
    public long putIfAbsent(String id, long value) {
        return put(hash(id), value, false);
    }

    /** Stores the value, replacing any; returns the earlier value or {@link #ABSENT}. */
    public long put(String id, long value) {
        return put(hash(id), value, true);
    }

    public int size() {
        return size;
    }

    private long put(long h, long value, boolean replace) {
        if (value == ABSENT) {
            throw new IllegalArgumentException("ABSENT is not a value");
        }
        int mask = keys.length - 1;
        for (int i = slot(h, mask); ; i = (i + 1) & mask) {
            if (keys[i] == EMPTY) {
                keys[i] = h;
                values[i] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return ABSENT;
            }
            if (keys[i] == h) {
                long earlier = values[i];
                if (replace) {
                    values[i] = value;
                }
                return earlier;
            }
        }
    }

    private static int slot(long h, int mask) {
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = slot(oldKeys[j], mask);
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    /**
     * FNV-1a 64 of the UTF-8 bytes with a final mix, never 0 (an empty slot) nor {@link #ABSENT}
     * (so a hash can be stored as a value).
     */
    public static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 29;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 32;
        return h == EMPTY || h == ABSENT ? 1 : h;
    }
}
