package org.rollcall.arrival;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.rollcall.clever.CleverFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SFTP side of one district, as the clever-sftp route uses it: the route's file filter, its
 * download step and its poll strategy.
 *
 * <p>Each poll lists the account's folder. A Clever file (or the done marker) is downloaded when
 * the server has a version of it (size and time) Rollcall has not got, and, without a done marker,
 * once it has stopped changing for the quiet period. Downloads land in the staging folder
 * {@code <inbox>/.sftp/} under a temporary name and are renamed only when whole, so a download
 * cut off midway is never seen. After a poll in which every listed file was downloaded and none was
 * still changing, a complete set (every required file, or the done marker) that holds something
 * new is handed over to the inbox, under the inbox's lock, data files first; from there it is a
 * folder drop like any other.
 *
 * <p>With after-download = keep the staging folder mirrors the server (Clever's convention: the
 * district overwrites the same names and nobody deletes them), so a night in which the district
 * re-uploads only students.csv hands over that with the schools and enrollments the server still
 * has. With delete or move the server's copies go once downloaded, and so do the staged ones once
 * handed over. {@code .sftp/.promoted} records what was last handed over: that version is never
 * fetched or handed over again, across restarts too.
 *
 * <p>A host key that is not the one in known_hosts stops this district's polling for good (until
 * restart), with an error in the log and the health check down; other districts go on.
 */
public final class SftpArrival implements GenericFileFilter<Object>, PollingConsumerPollStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(SftpArrival.class);

    /** The staging folder inside the inbox, and Camel's download work folder inside it. */
    static final String STAGING = ".sftp";
    static final String WORK = ".work";
    private static final String PROMOTED = ".promoted";

    private record Version(long size, long modified) { }

    private final String district;
    private final ArrivalOptions options;
    private final String routeId;
    private final Path staging;
    private final Set<String> names = new LinkedHashSet<>();
    private final DropArrival arrival;
    private final QuietFiles quiet;
    private final CountDownLatch firstPoll = new CountDownLatch(1);
    private final Map<String, Version> promoted;

    // one poll's listing: the consumer thread lists, downloads and commits in turn
    private final Map<String, Version> listed = new HashMap<>();
    private String changing;

    private volatile String arriving;
    private volatile String failure;
    private volatile String stopped;

    SftpArrival(String district, ArrivalOptions options, DropArrival arrival, Clock clock) {
        this.district = district;
        this.options = options;
        this.routeId = "clever-sftp-" + district;
        this.staging = stagingOf(options.inbox());
        this.arrival = arrival;
        this.quiet = new QuietFiles(clock);
        names.addAll(CleverFile.names());
        if (options.hasDoneMarker()) {
            names.add(options.doneMarker());
        }
        try {
            Files.createDirectories(staging.resolve(WORK));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the SFTP staging folder " + staging, e);
        }
        this.promoted = readPromoted();
    }

    static Path stagingOf(Path inbox) {
        return inbox.resolve(STAGING);
    }

    public String routeId() {
        return routeId;
    }

    // ---- the route's filter: which listed files to download

    @Override
    public boolean accept(GenericFile<Object> file) {
        String name = file.getFileNameOnly();
        if (file.isDirectory() || !names.contains(name)) {
            return false;
        }
        Version v = new Version(file.getFileLength(), file.getLastModified());
        listed.put(name, v);
        if (v.equals(staged(name)) || v.equals(promoted.get(name))) {
            return false;
        }
        // with a done marker the district says when it is done; without one, the file must be quiet
        if (!options.hasDoneMarker()
                && quiet.unchangedFor(name, v.size(), v.modified()).compareTo(options.quietPeriod()) < 0) {
            changing = name;
            return false;
        }
        return true;
    }

    // ---- the route's step: a whole download goes into staging

    /** Moves the downloaded work file into staging, after checking it has every byte the listing promised. */
    public void store(Exchange exchange) {
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String workPath = exchange.getIn().getHeader(Exchange.FILE_LOCAL_WORK_PATH, String.class);
        Version v = listed.get(name);
        if (workPath == null || v == null) {
            throw new IllegalStateException("district " + district + ": " + name + " arrived without its local "
                    + "download file or listing");
        }
        Path work = Path.of(workPath);
        try {
            long got = Files.size(work);
            if (got != v.size()) {
                throw new IllegalStateException("district " + district + ": " + name + ": " + got + " bytes downloaded, "
                        + "the server listed " + v.size() + ": it changed during the download; it is fetched again");
            }
            Path part = staging.resolve("." + name + ".part");
            Files.copy(work, part, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(part, FileTime.fromMillis(v.modified()));
            Files.move(part, staging.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("district {}: downloaded {} ({} bytes) from {}", district, name, got, options.sftp().server());
        } catch (IOException e) {
            throw new UncheckedIOException("district " + district + ": cannot stage " + name, e);
        }
    }

    // ---- the poll strategy: what a whole poll means

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        listed.clear();
        changing = null;
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        try {
            if (failure != null) {
                LOG.info("district {}: SFTP server {} answers again", district, options.sftp().server());
                failure = null;
            }
            handOver();
        } finally {
            firstPoll.countDown();
        }
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        try {
            if (isHostKeyRefused(cause)) {
                stop(endpoint.getCamelContext(), cause);
            } else {
                String why = describe(cause);
                if (!why.equals(failure)) {
                    LOG.warn("district {}: cannot fetch the Clever drop from {}: {}; trying again at the next poll",
                            district, options.sftp().server(), why);
                }
                failure = why;
            }
        } finally {
            firstPoll.countDown();
        }
        return false;
    }

    /** After a poll: hand a complete set over to the inbox if it holds something new and nothing is amiss. */
    private void handOver() {
        if (changing != null) {
            arriving = changing + " is still changing on the server";
            return;
        }
        for (Map.Entry<String, Version> e : listed.entrySet()) {
            if (!e.getValue().equals(staged(e.getKey())) && !e.getValue().equals(promoted.get(e.getKey()))) {
                arriving = e.getKey() + " is not downloaded yet";
                return;
            }
        }
        Map<String, Version> staged = stagedVersions();
        boolean somethingNew = staged.entrySet().stream().anyMatch(e -> !e.getValue().equals(promoted.get(e.getKey())));
        if (!somethingNew) {
            arriving = null;
            return;
        }
        if (options.hasDoneMarker()) {
            if (!staged.containsKey(options.doneMarker())) {
                arriving = "the server has new files; waiting for the done marker " + options.doneMarker();
                return;
            }
        } else {
            List<String> missing = new ArrayList<>(CleverFile.requiredNames());
            missing.removeAll(staged.keySet());
            if (!missing.isEmpty()) {
                arriving = "the server has new files; " + String.join(", ", missing) + " missing";
                return;
            }
        }
        if (!arrival.tryHold(district)) {
            // a run has the inbox's drop: hand over at the next poll
            return;
        }
        boolean handed = false;
        try {
            promote(staged);
            handed = true;
            arriving = null;
        } finally {
            arrival.unhold(district, handed);
        }
    }

    private void promote(Map<String, Version> staged) {
        List<String> order = new ArrayList<>(staged.keySet());
        // the marker last: whoever looks at the inbox sees it only with every file it vouches for
        if (order.remove(options.doneMarker())) {
            order.add(options.doneMarker());
        }
        boolean keep = options.sftp().afterDownload().equals("keep");
        try {
            for (String name : order) {
                Path part = options.inbox().resolve("." + name + ".part");
                Files.copy(staging.resolve(name), part, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
                Files.move(part, options.inbox().resolve(name), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            promoted.clear();
            promoted.putAll(staged);
            writePromoted();
            for (String name : order) {
                if (!keep || name.equals(options.doneMarker())) {
                    Files.delete(staging.resolve(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("district " + district + ": cannot hand the SFTP drop over to "
                    + options.inbox(), e);
        }
        LOG.info("district {}: the drop on {} is complete ({}); handed over to {}", district, options.sftp().server(),
                String.join(", ", order), options.inbox());
    }

    private void stop(CamelContext camel, Exception cause) {
        stopped = "the SFTP server " + options.sftp().server() + " did not present the host key known_hosts ("
                + options.sftp().knownHostsFile() + ") has for it: " + describe(cause);
        LOG.error("district {}: {}. Fetching this district's drops is stopped until Rollcall restarts; other "
                + "districts go on. Check the key with the server's owner and correct known_hosts.", district, stopped);
        // a route cannot be stopped from its own consumer's thread
        Thread t = new Thread(() -> {
            try {
                camel.getRouteController().stopRoute(routeId, 30, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("district {}: route {} did not stop: {}", district, routeId, e.getMessage());
            }
        }, "rollcall-stop-" + routeId);
        t.setDaemon(true);
        t.start();
    }

    private static boolean isHostKeyRefused(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t.getClass().getSimpleName().contains("HostKey") || m.contains("HostKey has been changed")
                    || m.contains("UnknownHostKey") || m.contains("reject HostKey")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The outermost message and the root cause's: names hosts and methods, never a password. */
    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return root == cause ? top : top + " (" + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
    }

    // ---- what the rest of Rollcall asks

    /** Why a drop on the server is not handed over yet, if one is arriving there. */
    public Optional<String> arriving() {
        return Optional.ofNullable(arriving);
    }

    /** Why the last poll failed, if it did. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Why polling was stopped for good (a refused host key), if it was. */
    public Optional<String> stopped() {
        return Optional.ofNullable(stopped);
    }

    /** Waits for the first poll to end ({@code run --once} polls once); false if it did not in time. */
    public boolean awaitFirstPoll(Duration timeout) throws InterruptedException {
        return firstPoll.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    // ---- staging

    private Version staged(String name) {
        Path f = staging.resolve(name);
        try {
            return Files.isRegularFile(f) ? new Version(Files.size(f), Files.getLastModifiedTime(f).toMillis()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Map<String, Version> stagedVersions() {
        Map<String, Version> out = new TreeMap<>();
        for (String name : names) {
            Version v = staged(name);
            if (v != null) {
                out.put(name, v);
            }
        }
        return out;
    }

    private Map<String, Version> readPromoted() {
        Map<String, Version> out = new HashMap<>();
        Path f = staging.resolve(PROMOTED);
        if (!Files.isRegularFile(f)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String[] p = line.split("\t");
                if (p.length == 3) {
                    out.put(p[0], new Version(Long.parseLong(p[1]), Long.parseLong(p[2])));
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.warn("district {}: {} cannot be read ({}); the server's files are fetched again", district, f,
                    e.getMessage());
            out.clear();
        }
        return out;
    }

    private void writePromoted() throws IOException {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(promoted).forEach((name, v) -> sb.append(name).append('\t').append(v.size()).append('\t')
                .append(v.modified()).append('\n'));
        Path part = staging.resolve(PROMOTED + ".part");
        Files.writeString(part, sb.toString(), StandardCharsets.UTF_8);
        Files.move(part, staging.resolve(PROMOTED), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
