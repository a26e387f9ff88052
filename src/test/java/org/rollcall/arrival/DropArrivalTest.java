package org.rollcall.arrival;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.rollcall.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a folder drop counts as arrived (issue 4: "A drop is processed only when complete and quiet:
 * all files present and unchanged for a configurable quiet period ... or a done-marker file. A
 * partial upload is never read as a snapshot"), on a clock the test moves.
 */
class DropArrivalTest {

    @TempDir
    Path inbox;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-24T02:00:00Z"));

    private DropArrival arrival(String marker) {
        ArrivalOptions o = new ArrivalOptions(inbox, Duration.ofMinutes(5), marker, Duration.ofHours(2),
                Duration.ofSeconds(10), null);
        return new DropArrival(Map.of("demo", o), clock);
    }

    /** Writes a file as an upload would: modified now (the test's now). */
    private void write(String name, String text) throws IOException {
        Path f = inbox.resolve(name);
        Files.writeString(f, text);
        Files.setLastModifiedTime(f, FileTime.from(clock.instant()));
    }

    private void dropAll() throws IOException {
        write("schools.csv", "School_id\n");
        write("students.csv", "Student_id\n");
        write("enrollments.csv", "Student_id\n");
    }

    private void later(Duration d) {
        clock.advance(d);
    }

    @Test
    @DisplayName("an empty inbox holds nothing")
    void empty() {
        assertThat(arrival("").state("demo").kind()).isEqualTo(DropArrival.Kind.EMPTY);
    }

    @Test
    @DisplayName("students.csv present, enrollments.csv still missing: the drop waits, however long it is quiet")
    void aRequiredFileMissingWaits() throws IOException {
        DropArrival a = arrival("");
        write("schools.csv", "x\n");
        write("students.csv", "x\n");
        later(Duration.ofHours(1));
        DropArrival.State s = a.state("demo");
        assertThat(s.kind()).isEqualTo(DropArrival.Kind.WAITING);
        assertThat(s.reason()).isEqualTo("enrollments.csv is missing");
        assertThat(a.take("demo")).isFalse();
    }

    @Test
    @DisplayName("a file still growing waits; once nothing has changed for the quiet period the drop is ready")
    void aGrowingFileWaitsForTheQuietPeriod() throws IOException {
        DropArrival a = arrival("");
        dropAll();
        assertThat(a.state("demo").kind()).isEqualTo(DropArrival.Kind.WAITING);
        later(Duration.ofMinutes(4));
        Files.writeString(inbox.resolve("students.csv"), "Student_id\n1001\n");
        Files.setLastModifiedTime(inbox.resolve("students.csv"), FileTime.from(clock.instant()));
        assertThat(a.state("demo").reason()).startsWith("students.csv changed 0ms ago");
        later(Duration.ofMinutes(4));
        assertThat(a.state("demo").kind()).as("4 minutes after the last change").isEqualTo(DropArrival.Kind.WAITING);
        later(Duration.ofMinutes(1));
        assertThat(a.state("demo").kind()).isEqualTo(DropArrival.Kind.READY);
    }

    @Test
    @DisplayName("a file whose size and time change is caught even when its time is put back (a tool keeping old times)")
    void quietIsWhatRollcallSawNotOnlyTheFileTime() throws IOException {
        DropArrival a = arrival("");
        dropAll();
        for (String f : new String[] {"schools.csv", "students.csv", "enrollments.csv"}) {
            Files.setLastModifiedTime(inbox.resolve(f), FileTime.from(clock.instant().minus(Duration.ofDays(1))));
        }
        assertThat(a.state("demo").kind()).as("a day-old drop is quiet at once").isEqualTo(DropArrival.Kind.READY);
        Files.writeString(inbox.resolve("students.csv"), "Student_id\n1001\n1002\n");
        Files.setLastModifiedTime(inbox.resolve("students.csv"), FileTime.from(clock.instant().minus(Duration.ofDays(1))));
        later(Duration.ofMinutes(1));
        assertThat(a.state("demo").kind()).isEqualTo(DropArrival.Kind.WAITING);
        later(Duration.ofMinutes(5));
        assertThat(a.state("demo").kind()).isEqualTo(DropArrival.Kind.READY);
    }

    @Test
    @DisplayName("with a done marker, the marker completes the drop at once, and nothing completes it without")
    void doneMarker() throws IOException {
        DropArrival a = arrival("upload.done");
        dropAll();
        later(Duration.ofHours(1));
        assertThat(a.state("demo").reason()).isEqualTo("waiting for the done marker upload.done");
        assertThat(a.notCompleteNow("demo")).get().asString().contains("upload.done");
        write("upload.done", "");
        assertThat(a.state("demo").kind()).isEqualTo(DropArrival.Kind.READY);
        assertThat(a.notCompleteNow("demo")).isEmpty();
    }

    @Test
    @DisplayName("an incomplete drop waiting longer than clever.incomplete-after is reported; a complete one clears it")
    void incompleteForTooLong() throws IOException {
        DropArrival a = arrival("");
        write("students.csv", "x\n");
        a.state("demo");
        later(Duration.ofMinutes(119));
        assertThat(a.waitingTooLong("demo")).isEmpty();
        later(Duration.ofMinutes(1));
        assertThat(a.waitingTooLong("demo")).get().asString()
                .isEqualTo("an incomplete drop has waited 2h: schools.csv, enrollments.csv are missing");
        write("schools.csv", "x\n");
        write("enrollments.csv", "x\n");
        later(Duration.ofMinutes(5));
        assertThat(a.state("demo").kind()).isEqualTo(DropArrival.Kind.READY);
        assertThat(a.waitingTooLong("demo")).isEmpty();
    }

    @Test
    @DisplayName("a taken drop is not taken twice, and the SFTP side cannot hand files over while its run is on")
    void takenUntilReleased() throws IOException {
        DropArrival a = arrival("");
        dropAll();
        later(Duration.ofMinutes(5));
        assertThat(a.take("demo")).isTrue();
        assertThat(a.take("demo")).isFalse();
        assertThat(a.tryHold("demo")).isFalse();
        a.release("demo");
        assertThat(a.tryHold("demo")).isTrue();
        a.unhold("demo", true);
        assertThat(a.take("demo")).isTrue();
    }

    @Test
    @DisplayName("a set the SFTP side handed over is ready without a second quiet period (it was quiet on the server)")
    void handedOverIsReady() throws IOException {
        DropArrival a = arrival("");
        assertThat(a.tryHold("demo")).isTrue();
        dropAll();
        a.unhold("demo", true);
        assertThat(a.state("demo").kind()).isEqualTo(DropArrival.Kind.READY);
    }
}
