package org.rollcall.sync;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import org.rollcall.edfi.EdFiResource;

/**
 * Every natural key a run's snapshot holds, per resource, on disk: how a run finds the keys it met
 * twice and the records it no longer has without writing a "seen" mark on every record the target
 * holds (one row update per unchanged record cost more than everything else in planning it). Entries
 * are appended as the records are planned and read back by key, then arrival ({@link SortedSpool}),
 * so memory stays flat however large the run.
 *
 * <p>The files hold natural keys (student ids), so they live under the data directory, not in the
 * system's temporary folder, and are deleted when the run's keys are closed.
 */
public final class RunKeys implements AutoCloseable {

    static final int CHUNK = SortedSpool.CHUNK;

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

    static final Comparator<Entry> ORDER = Comparator.comparing(Entry::naturalKey).thenComparingLong(Entry::seq);

    private static final SortedSpool.Codec<Entry> CODEC = new SortedSpool.Codec<>() {
        private final Kind[] kinds = Kind.values();

        @Override
        public void write(DataOutputStream out, Entry e) throws IOException {
            out.writeUTF(e.naturalKey());
            out.writeLong(e.seq());
            out.writeUTF(e.hash() == null ? "" : e.hash());
            out.writeByte(e.kind().ordinal());
            out.writeUTF(e.source() == null ? "" : e.source());
            out.writeLong(e.line());
        }

        @Override
        public Entry read(DataInputStream in) throws IOException {
            String key = in.readUTF();
            long seq = in.readLong();
            String hash = in.readUTF();
            Kind kind = kinds[in.readByte()];
            String source = in.readUTF();
            long line = in.readLong();
            return new Entry(key, seq, hash.isEmpty() ? null : hash, kind, source.isEmpty() ? null : source, line);
        }
    };

    private final Path dir;
    private final Map<EdFiResource, SortedSpool<Entry>> spools = new EnumMap<>(EdFiResource.class);

    /** @param dir a folder of this run's own, created if needed and deleted with its files on close */
    public RunKeys(Path dir) {
        this.dir = dir;
    }

    /** The folder the run's files are in (other spools of the run may use it too). */
    Path dir() {
        return dir;
    }

    /** Appends an occurrence; safe from the planner's lanes. */
    public void add(EdFiResource resource, Entry entry) {
        spool(resource).add(entry);
    }

    /** The entries of one resource by natural key, then arrival; empty when the run had none. */
    public Iterator<Entry> sorted(EdFiResource resource) {
        SortedSpool<Entry> spool;
        synchronized (spools) {
            spool = spools.get(resource);
        }
        return spool == null ? java.util.Collections.emptyIterator() : spool.sorted();
    }

    private SortedSpool<Entry> spool(EdFiResource resource) {
        synchronized (spools) {
            return spools.computeIfAbsent(resource, r -> new SortedSpool<>(dir, r.collection(), CODEC, ORDER));
        }
    }

    @Override
    public void close() {
        synchronized (spools) {
            spools.values().forEach(SortedSpool::close);
            spools.clear();
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
}
