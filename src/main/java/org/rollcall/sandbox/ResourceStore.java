package org.rollcall.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The sandbox's ODS: every stored item in memory, indexed by id, by natural key, in insertion order and by
 * what refers to it, with each change written through to a {@link StorePersistence}. Reads need no lock;
 * a change (and the checks it depends on) runs inside {@link #write(Supplier)}, one at a time.
 */
final class ResourceStore {

    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final StorePersistence persistence;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, StoredItem> byId = new ConcurrentHashMap<>();
    /** Resource -> natural key -> item. */
    private final Map<String, Map<String, StoredItem>> byKey = new ConcurrentHashMap<>();
    /** Resource -> seq -> item: the stable GET order. */
    private final Map<String, ConcurrentSkipListMap<Long, StoredItem>> ordered = new ConcurrentHashMap<>();
    /** Reference key of a target -> ids of the items referring to it. */
    private final Map<String, Set<String>> referrers = new ConcurrentHashMap<>();
    private final AtomicLong seq = new AtomicLong();

    ResourceStore(StorePersistence persistence) {
        this.persistence = persistence;
        for (StoredItem item : persistence.loadItems()) {
            index(item);
            seq.accumulateAndGet(item.seq(), Math::max);
        }
    }

    StorePersistence persistence() {
        return persistence;
    }

    StoredItem byId(String id) {
        return byId.get(id);
    }

    StoredItem byKey(String resource, String naturalKey) {
        Map<String, StoredItem> keys = byKey.get(resource);
        return keys == null ? null : keys.get(naturalKey);
    }

    /** A resource's items in insertion order (a live, weakly consistent view). */
    Collection<StoredItem> items(String resource) {
        ConcurrentSkipListMap<Long, StoredItem> items = ordered.get(resource);
        return items == null ? List.of() : items.values();
    }

    int size(String resource) {
        ConcurrentSkipListMap<Long, StoredItem> items = ordered.get(resource);
        return items == null ? 0 : items.size();
    }

    int size() {
        return byId.size();
    }

    /** Some other item that refers to the given one, or null. */
    StoredItem referrer(StoredItem target) {
        Set<String> ids = referrers.get(target.referenceKey());
        if (ids != null) {
            for (String id : ids) {
                if (!id.equals(target.id())) {
                    StoredItem item = byId.get(id);
                    if (item != null) {
                        return item;
                    }
                }
            }
        }
        return null;
    }

    /** Runs a check-then-change sequence with no other change in between. */
    <T> T write(Supplier<T> change) {
        lock.lock();
        try {
            return change.get();
        } finally {
            lock.unlock();
        }
    }

    long nextSeq() {
        return seq.incrementAndGet();
    }

    /**
     * A 32-hex id derived from the natural key, so the same key gets the same id in every run (and after a
     * delete and re-create); salted when a key-changed item already holds it. {@code preferred} is
     * {@link #idFor}{@code (resource, naturalKey, 0)}, computed before taking the write lock.
     */
    String newId(String resource, String naturalKey, String preferred) {
        if (!byId.containsKey(preferred)) {
            return preferred;
        }
        for (int salt = 1; ; salt++) {
            String id = idFor(resource, naturalKey, salt);
            if (!byId.containsKey(id)) {
                return id;
            }
        }
    }

    String newId(String resource, String naturalKey) {
        return newId(resource, naturalKey, idFor(resource, naturalKey, 0));
    }

    static String idFor(String resource, String naturalKey, int salt) {
        String name = resource + ResourceModel.KEY_SEPARATOR + naturalKey + (salt == 0 ? "" : "#" + salt);
        return HEX.formatHex(sha256(name), 0, 16);
    }

    /** Inserts or replaces (by id) an item; call inside {@link #write}. */
    void put(StoredItem item) {
        StoredItem old = byId.get(item.id());
        index(item); // before dropping the old entries, so readers never miss the item
        if (old != null) {
            if (!old.naturalKey().equals(item.naturalKey())) {
                byKey.get(old.resource()).remove(old.naturalKey(), old);
            }
            if (old.seq() != item.seq()) {
                ordered.get(old.resource()).remove(old.seq(), old);
            }
            for (String ref : old.references()) {
                if (!item.references().contains(ref)) {
                    Set<String> ids = referrers.get(ref);
                    if (ids != null) {
                        ids.remove(item.id());
                    }
                }
            }
        }
        persistence.save(item);
    }

    /** Adds seeded items in one batch; call inside {@link #write}. */
    void seed(Collection<StoredItem> items) {
        items.forEach(this::index);
        persistence.saveAll(items);
    }

    void remove(StoredItem item) {
        unindex(item);
        persistence.delete(item);
    }

    private void index(StoredItem item) {
        byId.put(item.id(), item);
        byKey.computeIfAbsent(item.resource(), r -> new ConcurrentHashMap<>()).put(item.naturalKey(), item);
        ordered.computeIfAbsent(item.resource(), r -> new ConcurrentSkipListMap<>()).put(item.seq(), item);
        for (String ref : item.references()) {
            referrers.computeIfAbsent(ref, r -> ConcurrentHashMap.newKeySet()).add(item.id());
        }
    }

    private void unindex(StoredItem item) {
        byId.remove(item.id());
        Map<String, StoredItem> keys = byKey.get(item.resource());
        if (keys != null) {
            keys.remove(item.naturalKey(), item);
        }
        ConcurrentSkipListMap<Long, StoredItem> items = ordered.get(item.resource());
        if (items != null) {
            items.remove(item.seq(), item);
        }
        for (String ref : item.references()) {
            Set<String> ids = referrers.get(ref);
            if (ids != null) {
                ids.remove(item.id());
            }
        }
    }

    /** The ETag of a body: a content hash, so an unchanged body keeps its ETag. */
    static String etag(String body) {
        byte[] digest = sha256(body);
        long n = 0;
        for (int i = 0; i < 8; i++) {
            n = (n << 8) | (digest[i] & 0xff);
        }
        return Long.toString(n & Long.MAX_VALUE);
    }

    private static byte[] sha256(String text) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return digest.digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
