package org.rollcall.sync;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.rollcall.edfi.EdFiResource;

/**
 * Every natural key a run's snapshot holds, per resource, on disk: how a run finds the keys it met
 * twice and the records it no longer has without writing a "seen" mark on every record the target
 * holds (one row update per unchanged record cost more than everything else in planning it).
 * Entries are appended as the records are planned, then sorted by key and arrival (an external
 * merge sort in chunks of {@link #CHUNK}), so memory stays flat however large the run.
 *
 * <p>The files hold natural keys (student ids), so they live under the data directory, not in the
 * system's temporary folder, and are deleted when the run's keys are closed.
 */
public final class RunKeys implements AutoCloseable {

    static final int CHUNK = 50_000;

    /** How the planner treated an occurrence of a key. */
    public enum Kind {
        /** the same body the target holds: no call */
        UNCHANGED,
        /** planned to be sent */
        PLANNED,
        /** a later copy the plan refused (the first copy stands), already reported */
        REFUSED,
        /** a later, identical copy of a planned record */
        REPEATED,
        /** invalid, never sent; the source still has the record, so it is not gone */
        INVALID
    }

    /** One occurrence of a key in the run, in arrival order {@code seq}. */
    public record Entry(String naturalKey, long seq, String hash, Kind kind, String source, long line) { }

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::naturalKey)
            .thenComparingLong(Entry::seq);

    private final Path dir;
    private final Map<EdFiResource, Spool> spools = new EnumMap<>(EdFiResource.class);
    private final Map<EdFiResource, Path> sorted = new EnumMap<>(EdFiResource.class);
    private final List<Reader> open = new ArrayList<>();

    /** @param dir a folder of this run's own, created if needed and deleted with its files on close */
    public RunKeys(Path dir) {
        this.dir = dir;
    }

    /** Appends an occurrence; safe from the planner's lanes (each resource is written by one lane). */
    public void add(EdFiResource resource, Entry entry) {
        Spool spool;
        synchronized (spools) {
            spool = spools.computeIfAbsent(resource, r -> new Spool(r, dir));
        }
        spool.add(entry);
    }

    /** Sorts what was added; after this, {@link #sorted} reads each resource's entries in key order. */
    public void sort() {
        synchronized (spools) {
            for (Map.Entry<EdFiResource, Spool> e : spools.entrySet()) {
                sorted.put(e.getKey(), e.getValue().sort());
            }
            spools.clear();
        }
    }

    /** The entries of one resource by natural key, then arrival; empty when the run had none. */
    public Iterator<Entry> sorted(EdFiResource resource) {
        Path file = sorted.get(resource);
        if (file == null) {
            return java.util.Collections.emptyIterator();
        }
        Reader r = new Reader(file);
        synchronized (open) {
            open.add(r);
        }
        return r;
    }

    @Override
    public void close() {
        synchronized (spools) {
            spools.values().forEach(Spool::close);
            spools.clear();
        }
        synchronized (open) {
            open.forEach(Reader::close);
            open.clear();
        }
        try {
            if (Files.isDirectory(dir)) {
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the run's key files in " + dir, e);
        }
    }

    /** A resource's entries: sorted chunks written as they fill, merged at the end. */
    private static final class Spool {
        private final EdFiResource resource;
        private final Path dir;
        private final List<Entry> chunk = new ArrayList<>();
        private final List<Path> runs = new ArrayList<>();

        Spool(EdFiResource resource, Path dir) {
            this.resource = resource;
            this.dir = dir;
        }

        synchronized void add(Entry e) {
            chunk.add(e);
            if (chunk.size() >= CHUNK) {
                spill();
            }
        }

        private void spill() {
            chunk.sort(ORDER);
            Path file = dir.resolve(resource.collection() + "-" + runs.size() + ".keys");
            write(file, chunk.iterator());
            runs.add(file);
            chunk.clear();
        }

        synchronized Path sort() {
            if (runs.isEmpty()) {
                chunk.sort(ORDER);
                Path file = dir.resolve(resource.collection() + ".sorted");
                write(file, chunk.iterator());
                chunk.clear();
                return file;
            }
            if (!chunk.isEmpty()) {
                spill();
            }
            Path file = dir.resolve(resource.collection() + ".sorted");
            List<Reader> readers = runs.stream().map(Reader::new).toList();
            PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> ORDER.compare(a.entry, b.entry));
            for (Reader r : readers) {
                if (r.hasNext()) {
                    heads.add(new Head(r.next(), r));
                }
            }
            write(file, new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return !heads.isEmpty();
                }

                @Override
                public Entry next() {
                    Head h = heads.poll();
                    if (h.from.hasNext()) {
                        heads.add(new Head(h.from.next(), h.from));
                    }
                    return h.entry;
                }
            });
            for (Path run : runs) {
                delete(run);
            }
            runs.clear();
            return file;
        }

        synchronized void close() {
            chunk.clear();
            runs.forEach(Spool::delete);
            runs.clear();
        }

        private static void delete(Path p) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void write(Path file, Iterator<Entry> entries) {
            try {
                Files.createDirectories(dir);
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                        1 << 16))) {
                    while (entries.hasNext()) {
                        Entry e = entries.next();
                        out.writeUTF(e.naturalKey());
                        out.writeLong(e.seq());
                        out.writeUTF(e.hash() == null ? "" : e.hash());
                        out.writeByte(e.kind().ordinal());
                        out.writeUTF(e.source() == null ? "" : e.source());
                        out.writeLong(e.line());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the run's keys to " + file, e);
            }
        }
    }

    private record Head(Entry entry, Reader from) { }

    /** Reads a key file from start to end, closing it at the end. */
    private static final class Reader implements Iterator<Entry> {
        private static final Kind[] KINDS = Kind.values();
        private final Path file;
        private DataInputStream in;
        private Entry next;
        private boolean done;

        Reader(Path file) {
            this.file = file;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                next = read();
            }
            return next != null;
        }

        @Override
        public Entry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Entry e = next;
            next = null;
            return e;
        }

        void close() {
            done = true;
            try {
                if (in != null) {
                    in.close();
                }
            } catch (IOException ignored) {
                // the file is deleted next; nothing is lost
            }
        }

        private Entry read() {
            try {
                if (in == null) {
                    in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                }
                String key;
                try {
                    key = in.readUTF();
                } catch (EOFException end) {
                    done = true;
                    in.close();
                    return null;
                }
                long seq = in.readLong();
                String hash = in.readUTF();
                Kind kind = KINDS[in.readByte()];
                String source = in.readUTF();
                long line = in.readLong();
                return new Entry(key, seq, hash.isEmpty() ? null : hash, kind, source.isEmpty() ? null : source, line);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the run's keys from " + file, e);
            }
        }
    }
}
