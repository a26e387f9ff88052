package org.rollcall.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Where a drop's files go once a run is done with them: {@code <inbox>/archive/<runId>/} when the
 * drop was processed, {@code <inbox>/error/<runId>/} with a {@code reason.txt} when it was rejected.
 * Moving them out of the inbox is what lets a district drop the same file names again tomorrow.
 */
public final class DropFolders {

    public static final String ARCHIVE = "archive";
    public static final String ERROR = "error";

    private DropFolders() {
    }

    public static Path archive(Path inbox, String runId, List<Path> files) {
        return move(inbox.resolve(ARCHIVE).resolve(runId), files);
    }

    public static Path reject(Path inbox, String runId, List<Path> files, String reason) {
        Path dir = move(inbox.resolve(ERROR).resolve(runId), files);
        try {
            Files.writeString(dir.resolve("reason.txt"), reason + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("reason.txt"), e);
        }
        return dir;
    }

    /** The files of the drop waiting in an inbox: its regular files, not the archive or error folders. */
    public static List<Path> waiting(Path inbox) {
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        try (var s = Files.list(inbox)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + inbox, e);
        }
    }

    private static Path move(Path dir, List<Path> files) {
        try {
            Files.createDirectories(dir);
            for (Path f : files) {
                if (Files.exists(f)) {
                    Files.move(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the drop to " + dir, e);
        }
    }
}
