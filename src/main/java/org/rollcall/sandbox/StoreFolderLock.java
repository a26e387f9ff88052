package org.rollcall.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Claims a sandbox store folder for one running sandbox. H2's own file lock does not stop a second
 * connection from the same JVM, so the folder gets an OS file lock of its own ({@code sandbox.lock}).
 */
final class StoreFolderLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private StoreFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks the folder, creating it if needed; fails with a one-line message when another sandbox holds it. */
    static StoreFolderLock acquire(Path folder) {
        FileChannel channel = null;
        try {
            Files.createDirectories(folder);
            channel = FileChannel.open(folder.resolve("sandbox.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(folder);
            }
            return new StoreFolderLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(folder);
        } catch (IllegalStateException e) {
            closeQuietly(channel);
            throw e;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot open the Ed-Fi sandbox store folder " + folder.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }

    private static IllegalStateException inUse(Path folder) {
        return new IllegalStateException("The Ed-Fi sandbox store folder " + folder.toAbsolutePath()
                + " is in use by another running sandbox; stop it or choose another folder.");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the lock error is the one worth reporting
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
