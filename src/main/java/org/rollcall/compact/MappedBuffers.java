package org.rollcall.compact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Zeroed buffers in memory-mapped files, off the Java heap: what a run must hold for every student
 * lives in pages the operating system writes to disk and reads back as it needs, so the heap a run
 * takes does not grow with the district. A buffer's file is opened delete-on-close and closed once
 * mapped (on Linux it leaves the folder at once): nothing is left behind, even by a run that is
 * killed, and the disk space returns when the buffer is collected.
 */
public final class MappedBuffers {

    /** A mapping's limit (a {@link ByteBuffer} is int-indexed). */
    public static final long MAX_BYTES = Integer.MAX_VALUE;

    private MappedBuffers() {
    }

    /** A buffer of {@code bytes} zeros, in native byte order, in a new file under {@code dir}. */
    public static ByteBuffer allocate(Path dir, long bytes) {
        if (bytes < 0 || bytes > MAX_BYTES) {
            throw new IllegalArgumentException("a mapped buffer holds at most " + MAX_BYTES + " bytes, not " + bytes);
        }
        try {
            Files.createDirectories(dir);
            Path file = Files.createTempFile(dir, "held-", ".bin");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE)) {
                return channel.map(FileChannel.MapMode.READ_WRITE, 0, bytes).order(ByteOrder.nativeOrder());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map " + bytes + " bytes under " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code buffer} when it holds {@code bytes}; otherwise a new one, twice as large or as large as
     * needed (up to {@link #MAX_BYTES}), that starts with its content.
     */
    public static ByteBuffer ensure(Path dir, ByteBuffer buffer, long bytes) {
        if (bytes <= buffer.capacity()) {
            return buffer;
        }
        ByteBuffer bigger = allocate(dir, Math.min(MAX_BYTES, Math.max(bytes, 2L * buffer.capacity())));
        bigger.put(0, buffer, 0, buffer.capacity());
        return bigger;
    }
}
