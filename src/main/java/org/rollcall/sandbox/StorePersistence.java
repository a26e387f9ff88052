package org.rollcall.sandbox;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the sandbox keeps what it stores between runs. The sandbox itself works from memory; a persistence
 * hears about every change, in order, and hands everything back at the next start.
 */
interface StorePersistence extends AutoCloseable {

    List<StoredItem> loadItems();

    void save(StoredItem item);

    /** Saves many items in one transaction (seeding). */
    void saveAll(Collection<StoredItem> items);

    void delete(StoredItem item);

    Map<String, Long> loadCounts();

    void saveCounts(Map<String, Long> counts);

    /** True once the default descriptors and school years have been seeded into this store. */
    boolean seeded();

    void markSeeded();

    /** A human-readable name of the store for log lines. */
    String describe();

    @Override
    void close();

    /** The in-memory sandbox: nothing survives {@code close()}. */
    static StorePersistence none() {
        return new StorePersistence() {
            @Override
            public List<StoredItem> loadItems() {
                return List.of();
            }

            @Override
            public void save(StoredItem item) {
            }

            @Override
            public void saveAll(Collection<StoredItem> items) {
            }

            @Override
            public void delete(StoredItem item) {
            }

            @Override
            public Map<String, Long> loadCounts() {
                return Map.of();
            }

            @Override
            public void saveCounts(Map<String, Long> counts) {
            }

            @Override
            public boolean seeded() {
                return false;
            }

            @Override
            public void markSeeded() {
            }

            @Override
            public String describe() {
                return "in-memory";
            }

            @Override
            public void close() {
            }
        };
    }
}
