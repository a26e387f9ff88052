package org.rollcall.arrival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.rollcall.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SFTP side's rules without a server: what a poll downloads, when a downloaded set is handed
 * over to the inbox, and what it remembers across restarts. The listing and the downloads are
 * played as camel-ftp plays them (filter, then one exchange per file, then commit); SftpDropIT
 * does it against a real server.
 */
class SftpArrivalTest {

    @TempDir
    Path dir;

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-24T03:00:00Z"));
    private static final long LAST_NIGHT = Instant.parse("2026-11-24T02:00:00Z").toEpochMilli();

    @AfterEach
    void close() throws IOException {
        camel.close();
    }

    private Path inbox() {
        return dir.resolve("inbox");
    }

    private SftpArrival sftp(String afterDownload, String marker, DropArrival[] arrivalOut) {
        SftpAccount account = new SftpAccount("127.0.0.1", 22, "district", "", "", null, "", dir.resolve("known_hosts"),
                true, afterDownload, ".rollcall/downloaded", Duration.ofSeconds(10));
        ArrivalOptions o = new ArrivalOptions(inbox(), Duration.ofMinutes(5), marker, Duration.ofHours(2),
                Duration.ofSeconds(10), account);
        DropArrival arrival = new DropArrival(Map.of("demo", o), clock);
        SftpArrival s = new SftpArrival("demo", o, arrival, clock);
        arrival.sftp("demo", s);
        arrivalOut[0] = arrival;
        return s;
    }

    /** A remote file as the listing describes it. */
    private record Remote(String name, String content, long modified) { }

    /** One poll: the listing goes through the filter, each accepted file is downloaded and stored. */
    private List<String> poll(SftpArrival s, Remote... files) throws IOException {
        s.begin(null, null);
        List<String> downloaded = new java.util.ArrayList<>();
        for (Remote r : files) {
            GenericFile<Object> f = new GenericFile<>();
            f.setFileNameOnly(r.name());
            f.setFileName(r.name());
            f.setFileLength(r.content().length());
            f.setLastModified(r.modified());
            if (s.accept(f)) {
                s.store(downloaded(r.name(), r.content()));
                downloaded.add(r.name());
            }
        }
        s.commit(null, null, downloaded.size());
        return downloaded;
    }

    /** The exchange camel-ftp hands the route once a file is downloaded to its local work file. */
    private Exchange downloaded(String name, String content) throws IOException {
        Path work = Files.createDirectories(dir.resolve("work")).resolve(name);
        Files.writeString(work, content);
        Exchange ex = new DefaultExchange(camel);
        ex.getIn().setHeader(Exchange.FILE_NAME_ONLY, name);
        ex.getIn().setHeader(Exchange.FILE_LOCAL_WORK_PATH, work.toString());
        return ex;
    }

    private static Remote[] night(long modified, String students) {
        return new Remote[] {new Remote("schools.csv", "School_id\n", modified),
            new Remote("students.csv", students, modified), new Remote("enrollments.csv", "Student_id\n", modified)};
    }

    @Test
    @DisplayName("a complete, quiet set is downloaded once and handed over; the same versions are not fetched again")
    void completeSetHandedOverOnce() throws IOException {
        DropArrival[] a = new DropArrival[1];
        SftpArrival s = sftp("keep", "", a);
        assertThat(poll(s, night(LAST_NIGHT, "Student_id\n1001\n"))).hasSize(3);
        assertThat(Files.readString(inbox().resolve("students.csv"))).isEqualTo("Student_id\n1001\n");
        assertThat(a[0].state("demo").kind()).isEqualTo(DropArrival.Kind.READY);
        a[0].take("demo");
        Files.delete(inbox().resolve("students.csv")); // the run archived the drop
        a[0].release("demo");
        assertThat(poll(s, night(LAST_NIGHT, "Student_id\n1001\n"))).isEmpty();
        assertThat(Files.exists(inbox().resolve("students.csv"))).isFalse();
    }

    @Test
    @DisplayName("Rollcall restarted: what was handed over before is still not fetched or handed over again")
    void rememberedAcrossRestarts() throws IOException {
        DropArrival[] a = new DropArrival[1];
        poll(sftp("keep", "", a), night(LAST_NIGHT, "Student_id\n1001\n"));
        for (String f : new String[] {"schools.csv", "students.csv", "enrollments.csv"}) {
            Files.delete(inbox().resolve(f));
        }
        SftpArrival restarted = sftp("keep", "", a);
        assertThat(poll(restarted, night(LAST_NIGHT, "Student_id\n1001\n"))).isEmpty();
        assertThat(a[0].state("demo").kind()).isEqualTo(DropArrival.Kind.EMPTY);
    }

    @Test
    @DisplayName("keep: a night with only students.csv re-uploaded hands over the whole set the server holds")
    void keepMirrorsTheServer() throws IOException {
        DropArrival[] a = new DropArrival[1];
        SftpArrival s = sftp("keep", "", a);
        poll(s, night(LAST_NIGHT, "Student_id\n1001\n"));
        a[0].take("demo");
        for (String f : new String[] {"schools.csv", "students.csv", "enrollments.csv"}) {
            Files.delete(inbox().resolve(f));
        }
        a[0].release("demo");
        Remote[] tonight = night(LAST_NIGHT, "Student_id\n1001\n");
        tonight[1] = new Remote("students.csv", "Student_id\n1001\n1002\n", LAST_NIGHT + 1_800_000);
        assertThat(poll(s, tonight)).as("a new version seen: it must stay unchanged for the quiet period").isEmpty();
        clock.advance(Duration.ofMinutes(5));
        assertThat(poll(s, tonight)).containsExactly("students.csv");
        assertThat(Files.readString(inbox().resolve("students.csv"))).contains("1002");
        assertThat(inbox().resolve("schools.csv")).exists();
        assertThat(inbox().resolve("enrollments.csv")).exists();
    }

    @Test
    @DisplayName("delete: the set is handed over only once every required file has come since the last drop")
    void deleteWaitsForTheWholeSet() throws IOException {
        DropArrival[] a = new DropArrival[1];
        SftpArrival s = sftp("delete", "", a);
        poll(s, new Remote("students.csv", "Student_id\n", LAST_NIGHT));
        assertThat(s.arriving()).get().asString().contains("schools.csv, enrollments.csv missing");
        assertThat(a[0].state("demo").kind()).isEqualTo(DropArrival.Kind.WAITING);
        poll(s, new Remote("schools.csv", "School_id\n", LAST_NIGHT), new Remote("enrollments.csv", "x\n", LAST_NIGHT));
        assertThat(inbox().resolve("students.csv")).exists();
        assertThat(SftpArrival.stagingOf(inbox()).resolve("students.csv")).as("delete: staging emptied").doesNotExist();
    }

    @Test
    @DisplayName("a file still changing on the server holds the whole set back, even the files already fetched")
    void aChangingFileHoldsTheSetBack() throws IOException {
        DropArrival[] a = new DropArrival[1];
        SftpArrival s = sftp("keep", "", a);
        Remote[] files = night(LAST_NIGHT, "Student_id\n");
        files[1] = new Remote("students.csv", "Student_id\n10", clock.millis() - 1_000);
        assertThat(poll(s, files)).containsExactly("schools.csv", "enrollments.csv");
        assertThat(s.arriving()).get().asString().isEqualTo("students.csv is still changing on the server");
        assertThat(inbox().resolve("schools.csv")).doesNotExist();
    }

    @Test
    @DisplayName("a download shorter than the listing said is refused and not staged")
    void aShortDownloadIsRefused() throws IOException {
        DropArrival[] a = new DropArrival[1];
        SftpArrival s = sftp("keep", "", a);
        s.begin(null, null);
        GenericFile<Object> f = new GenericFile<>();
        f.setFileNameOnly("students.csv");
        f.setFileLength(1000);
        f.setLastModified(LAST_NIGHT);
        assertThat(s.accept(f)).isTrue();
        Exchange ex = downloaded("students.csv", "Student_id\n10");
        assertThatThrownBy(() -> s.store(ex)).hasMessageContaining("13 bytes downloaded, the server listed 1000");
        s.commit(null, null, 0);
        assertThat(SftpArrival.stagingOf(inbox()).resolve("students.csv")).doesNotExist();
        assertThat(s.arriving()).get().asString().isEqualTo("students.csv is not downloaded yet");
    }

    @Test
    @DisplayName("done marker: files are fetched as they come but handed over only with the marker, which comes last")
    void markerHandsOver() throws IOException {
        DropArrival[] a = new DropArrival[1];
        SftpArrival s = sftp("keep", "upload.done", a);
        Remote[] files = night(clock.millis(), "Student_id\n");
        assertThat(poll(s, files)).as("no quiet period with a marker").hasSize(3);
        assertThat(inbox().resolve("students.csv")).doesNotExist();
        Remote[] withMarker = java.util.Arrays.copyOf(files, 4);
        withMarker[3] = new Remote("upload.done", "", clock.millis());
        assertThat(poll(s, withMarker)).containsExactly("upload.done");
        assertThat(inbox().resolve("students.csv")).exists();
        assertThat(inbox().resolve("upload.done")).exists();
        assertThat(a[0].state("demo").kind()).isEqualTo(DropArrival.Kind.READY);
    }
}
