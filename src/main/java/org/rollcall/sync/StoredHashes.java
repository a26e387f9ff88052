package org.rollcall.sync;

import java.nio.file.Path;
import org.rollcall.compact.IdTable;
import org.rollcall.edfi.EdFiResource;

/**
 * What the state store holds of one resource at a target, read once: each natural key with the first
 * 64 bits of the hash of the body the target accepted, in an {@link IdTable} mapped under the run's
 * folder. A large run asks it first, so an unchanged record or a new one costs no state store lookup;
 * only what it cannot settle is looked up.
 *
 * <p>It only ever answers {@link Verdict#UNCHANGED} when the key's slot holds the same hash prefix,
 * which another key's record could match only by a 64-bit collision of both the key and the body
 * hash; two stored keys that share a slot are marked, and looked up.
 *
 * <p>Not thread-safe: the planner lane of its resource owns it.
 */
final class StoredHashes {

    /** What the table says of a record about to be planned. */
    enum Verdict {
        /** the target holds this body: no call */
        UNCHANGED,
        /** the store knows no record with this key: a create */
        ABSENT,
        /** the store knows the key; whether it is a create or an update is the store's row to say */
        LOOK_UP
    }

    /** A stored record without a hash (its last send failed); hash values are odd. */
    private static final long NO_HASH = 0;
    /** Two stored keys in one slot. */
    private static final long SHARED = 2;

    private final IdTable table;

    private StoredHashes(IdTable table) {
        this.table = table;
    }

    /** Reads every record of {@code resource} the store holds at {@code target}. */
    static StoredHashes read(StateStore store, String target, EdFiResource resource, Path dir) {
        IdTable table = new IdTable(dir);
        store.forEachPayloadHash(target, resource, (key, hash) -> {
            if (table.putIfAbsent(key, prefix(hash)) != IdTable.ABSENT) {
                table.put(key, SHARED);
            }
        });
        return new StoredHashes(table);
    }

    Verdict check(String naturalKey, String hash) {
        long stored = table.get(naturalKey);
        if (stored == IdTable.ABSENT) {
            return Verdict.ABSENT;
        }
        return stored == prefix(hash) ? Verdict.UNCHANGED : Verdict.LOOK_UP;
    }

    private static long prefix(String hash) {
        if (hash == null || hash.length() < 16) {
            return NO_HASH;
        }
        try {
            return Long.parseUnsignedLong(hash, 0, 16, 16) | 1L;
        } catch (NumberFormatException e) {
            // not a body hash (a removal's marker): never equal to a record's
            return NO_HASH;
        }
    }
}
