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
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Items of one kind written to disk as they come and read back sorted: an external merge sort in
 * chunks of {@link #CHUNK} items, so memory stays flat however many there are. Files live in a
 * folder the caller owns and are deleted on {@link #close}.
 */
final class SortedSpool<T> implements AutoCloseable {

    /**
     * Items held before a chunk is sorted and written: a run keeps a chunk per resource filling at
     * once, about 250 bytes an item, so 10,000 keeps a run's spools under 20 MB; a million-student run
     * merges some 200 chunk files per resource.
     */
    static final int CHUNK = 10_000;
    /** A chunk file's read buffer: a merge reads every chunk file of the resource at once. */
    private static final int READ_BUFFER = 1 << 15;
    /** Chunk files merged at once: well under a process's open-file limit. */
    static final int FAN_IN = 128;

    /** How an item is written and read. */
    interface Codec<T> {
        void write(DataOutputStream out, T item) throws IOException;

        T read(DataInputStream in) throws IOException;
    }

    private final Path dir;
    private final String name;
    private final Codec<T> codec;
    private final Comparator<T> order;
    private final List<T> chunk = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private final List<Reader> open = new ArrayList<>();
    private Path sorted;

    SortedSpool(Path dir, String name, Codec<T> codec, Comparator<T> order) {
        this.dir = dir;
        this.name = name;
        this.codec = codec;
        this.order = order;
    }

    synchronized void add(T item) {
        if (sorted != null) {
            throw new IllegalStateException("spool " + name + " is sorted already");
        }
        chunk.add(item);
        if (chunk.size() >= CHUNK) {
            spill();
        }
    }

    /** Everything added, in order; the first call sorts, later ones read the sorted file again. */
    synchronized Iterator<T> sorted() {
        if (sorted == null) {
            sorted = dir.resolve(name + ".sorted");
            if (runs.isEmpty()) {
                chunk.sort(order);
                write(sorted, chunk.iterator());
                chunk.clear();
            } else {
                if (!chunk.isEmpty()) {
                    spill();
                }
                merge();
            }
        }
        Reader r = new Reader(sorted);
        open.add(r);
        return r;
    }

    @Override
    public synchronized void close() {
        chunk.clear();
        open.forEach(Reader::close);
        open.clear();
        runs.forEach(SortedSpool::delete);
        runs.clear();
        if (sorted != null) {
            delete(sorted);
        }
    }

    private void spill() {
        chunk.sort(order);
        Path file = dir.resolve(name + "-" + runs.size() + ".run");
        write(file, chunk.iterator());
        runs.add(file);
        chunk.clear();
    }

    private record Head<T>(T item, Iterator<T> from) { }

    /** Merges the chunk files into the sorted file, at most {@link #FAN_IN} at once (each is an open file). */
    private void merge() {
        int pass = 0;
        while (runs.size() > FAN_IN) {
            List<Path> merged = new ArrayList<>();
            for (int i = 0; i < runs.size(); i += FAN_IN) {
                List<Path> group = runs.subList(i, Math.min(runs.size(), i + FAN_IN));
                Path file = dir.resolve(name + "-p" + pass + "-" + merged.size() + ".run");
                merge(group, file);
                merged.add(file);
            }
            runs.clear();
            runs.addAll(merged);
            pass++;
        }
        merge(runs, sorted);
        runs.clear();
    }

    private void merge(List<Path> files, Path into) {
        PriorityQueue<Head<T>> heads = new PriorityQueue<>((a, b) -> order.compare(a.item(), b.item()));
        for (Path run : files) {
            Reader r = new Reader(run);
            if (r.hasNext()) {
                heads.add(new Head<>(r.next(), r));
            }
        }
        write(into, new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public T next() {
                Head<T> h = heads.poll();
                if (h.from().hasNext()) {
                    heads.add(new Head<>(h.from().next(), h.from()));
                }
                return h.item();
            }
        });
        files.forEach(SortedSpool::delete);
    }

    private void write(Path file, Iterator<T> items) {
        try {
            Files.createDirectories(dir);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                    1 << 16))) {
                while (items.hasNext()) {
                    codec.write(out, items.next());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }

    /** Reads a spool file from start to end, closing it at the end. */
    private final class Reader implements Iterator<T> {
        private final Path file;
        private DataInputStream in;
        private T next;
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
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            T t = next;
            next = null;
            return t;
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

        private T read() {
            try {
                if (in == null) {
                    in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), READ_BUFFER));
                }
                in.mark(1);
                if (in.read() < 0) {
                    close();
                    return null;
                }
                in.reset();
                return codec.read(in);
            } catch (EOFException truncated) {
                throw new UncheckedIOException("spool file " + file + " ends in the middle of an item", truncated);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }
}
