package org.rollcall.compact;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A run's ids held by a 64-bit hash each, with a {@code long} per id, in an open-addressed table of
 * 16-byte slots: what a run must remember of every student (has this id been seen, which line,
 * which flags). The slots are in a memory-mapped file under the run's folder ({@link MappedBuffers}),
 * not on the heap, so the heap a run takes stays the same however large the district. Two
 * different ids taken for one would need a 64-bit hash collision: for a million ids, odds of about
 * one in 36 million.
 *
 * <p>Not thread-safe: each run's reader owns its tables.
 */
public final class IdTable {

    /** What {@link #get} answers for an id not in the table; never a stored value. */
    public static final long ABSENT = Long.MIN_VALUE;

    private static final long EMPTY = 0;
    private static final int SLOT_BYTES = 16;
    private static final int FIRST_SLOTS = 1 << 10;
    /** 1 GiB of slots: 33 million ids, thirty times the largest district. */
    private static final int MAX_SLOTS = 1 << 26;

    private final Path dir;
    /** Slot i: the id's hash at {@code 16 i}, its value at {@code 16 i + 8}. */
    private ByteBuffer slots;
    private int capacity;
    private int size;

    /** An empty table whose slots live in a file under {@code dir}. */
    public IdTable(Path dir) {
        this.dir = dir;
        this.capacity = FIRST_SLOTS;
        this.slots = MappedBuffers.allocate(dir, (long) capacity * SLOT_BYTES);
    }

    /** The id's value, or {@link #ABSENT}. */
    public long get(String id) {
        long h = hash(id);
        int mask = capacity - 1;
        for (int i = slot(h, mask); ; i = (i + 1) & mask) {
            long key = slots.getLong(i * SLOT_BYTES);
            if (key == EMPTY) {
                return ABSENT;
            }
            if (key == h) {
                return slots.getLong(i * SLOT_BYTES + 8);
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
        int mask = capacity - 1;
        for (int i = slot(h, mask); ; i = (i + 1) & mask) {
            long key = slots.getLong(i * SLOT_BYTES);
            if (key == EMPTY) {
                slots.putLong(i * SLOT_BYTES, h);
                slots.putLong(i * SLOT_BYTES + 8, value);
                if (++size * 2 > capacity) {
                    grow();
                }
                return ABSENT;
            }
            if (key == h) {
                long earlier = slots.getLong(i * SLOT_BYTES + 8);
                if (replace) {
                    slots.putLong(i * SLOT_BYTES + 8, value);
                }
                return earlier;
            }
        }
    }

    private static int slot(long h, int mask) {
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        if (capacity == MAX_SLOTS) {
            throw new IllegalStateException("a run holds at most " + MAX_SLOTS / 2 + " ids in one table");
        }
        ByteBuffer old = slots;
        int oldCapacity = capacity;
        capacity = oldCapacity * 2;
        slots = MappedBuffers.allocate(dir, (long) capacity * SLOT_BYTES);
        int mask = capacity - 1;
        for (int j = 0; j < oldCapacity; j++) {
            long key = old.getLong(j * SLOT_BYTES);
            if (key != EMPTY) {
                int i = slot(key, mask);
                while (slots.getLong(i * SLOT_BYTES) != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots.putLong(i * SLOT_BYTES, key);
                slots.putLong(i * SLOT_BYTES + 8, old.getLong(j * SLOT_BYTES + 8));
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
