package org.rollcall.arrival;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.rollcall.clever.CleverFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, for the clever-watch route, when the drop in a district's inbox has arrived: every
 * required file is there ({@link CleverFile#requiredNames()}) and none has changed for the quiet
 * period, or, when the district has a done marker, the marker is there. A drop still arriving
 * (a file missing, a file still growing) just waits; one that has waited longer than
 * clever.incomplete-after gets a warning in the log and turns the health check down.
 *
 * <p>A ready drop is taken ({@link #take}) until its run ends ({@link #release}): meanwhile the
 * SFTP side cannot put newer files in the inbox under the run's feet. Thread-safe.
 */
public final class DropArrival {

    private static final Logger LOG = LoggerFactory.getLogger(DropArrival.class);

    /** What an inbox holds: nothing, a drop still arriving (with why), or a drop ready to process. */
    public enum Kind { EMPTY, WAITING, READY }

    public record State(Kind kind, String reason) {

        static final State EMPTY = new State(Kind.EMPTY, null);
        static final State READY = new State(Kind.READY, null);
    }

    private final Map<String, Inbox> inboxes = new LinkedHashMap<>();
    private final Clock clock;

    DropArrival(Map<String, ArrivalOptions> districts, Clock clock) {
        this.clock = clock;
        districts.forEach((id, o) -> inboxes.put(id, new Inbox(id, o, clock)));
    }

    /** The clever-watch route's question: true when the district's drop is ready, which then is taken. */
    public boolean take(String districtId) {
        Inbox inbox = inbox(districtId);
        State state = inbox.state();
        if (state.kind() != Kind.READY || !inbox.lock.tryAcquire()) {
            return false;
        }
        LOG.info("district {}: the drop in {} is complete", districtId, inbox.options.inbox());
        return true;
    }

    /** The taken drop's run has ended (archived, rejected, or left in the inbox to try again). */
    public void release(String districtId) {
        Inbox inbox = inbox(districtId);
        inbox.handedOver = false;
        inbox.quiet.clear();
        inbox.lock.release();
    }

    /** What the district's inbox holds now. */
    public State state(String districtId) {
        return inbox(districtId).state();
    }

    /**
     * Why {@code run --once} must leave the waiting drop alone, if it must: the district has a done
     * marker and the drop has not got it. Otherwise the operator's "process what is waiting" stands.
     */
    public Optional<String> notCompleteNow(String districtId) {
        Inbox inbox = inbox(districtId);
        ArrivalOptions o = inbox.options;
        if (o.hasDoneMarker() && !Files.isRegularFile(o.inbox().resolve(o.doneMarker()))) {
            return Optional.of("the drop in " + o.inbox() + " has not got its done marker " + o.doneMarker()
                    + " yet; it is not processed");
        }
        return Optional.empty();
    }

    /** Why the district's incomplete drop has waited longer than clever.incomplete-after, if it has. */
    public Optional<String> waitingTooLong(String districtId) {
        Inbox inbox = inbox(districtId);
        inbox.state();
        return Optional.ofNullable(inbox.overdue);
    }

    /** The SFTP side asks to put files in the inbox: not while a run has the drop. */
    boolean tryHold(String districtId) {
        return inbox(districtId).lock.tryAcquire();
    }

    /** The SFTP side has put a complete, quiet drop in the inbox (or failed to): the next look may take it. */
    void unhold(String districtId, boolean handedOver) {
        Inbox inbox = inbox(districtId);
        inbox.handedOver = handedOver;
        inbox.lock.release();
    }

    /** The SFTP side of a district, which also says when a drop is still arriving on the server. */
    void sftp(String districtId, SftpArrival sftp) {
        inbox(districtId).sftp = sftp;
    }

    private Inbox inbox(String districtId) {
        Inbox inbox = inboxes.get(districtId);
        if (inbox == null) {
            throw new IllegalArgumentException("no district '" + districtId + "'");
        }
        return inbox;
    }

    /** One district's inbox and what has been seen of it. */
    private static final class Inbox {

        final String district;
        final ArrivalOptions options;
        final Clock clock;
        final QuietFiles quiet;
        final Semaphore lock = new Semaphore(1);
        volatile SftpArrival sftp;
        volatile boolean handedOver;
        private Instant waitingSince;
        private String overdue;

        Inbox(String district, ArrivalOptions options, Clock clock) {
            this.district = district;
            this.options = options;
            this.clock = clock;
            this.quiet = new QuietFiles(clock);
        }

        synchronized State state() {
            State s = look();
            Instant now = clock.instant();
            if (s.kind() != Kind.WAITING) {
                waitingSince = null;
                overdue = null;
                return s;
            }
            if (waitingSince == null) {
                waitingSince = now;
                LOG.info("district {}: a drop is arriving and waits: {}", district, s.reason());
            }
            Duration waited = Duration.between(waitingSince, now);
            if (overdue == null && waited.compareTo(options.incompleteAfter()) >= 0) {
                overdue = "an incomplete drop has waited " + Durations.describe(waited) + ": " + s.reason();
                LOG.warn("district {}: {}; it is not processed until it is complete (clever.incomplete-after {})",
                        district, overdue, Durations.describe(options.incompleteAfter()));
            }
            return s;
        }

        private State look() {
            Path dir = options.inbox();
            List<String> present = new ArrayList<>();
            for (String name : CleverFile.names()) {
                if (Files.isRegularFile(dir.resolve(name))) {
                    present.add(name);
                }
            }
            quiet.retain(present);
            boolean markerThere = options.hasDoneMarker() && Files.isRegularFile(dir.resolve(options.doneMarker()));
            if (present.isEmpty() && !markerThere) {
                SftpArrival remote = sftp;
                return remote == null ? State.EMPTY : remote.arriving().map(r -> new State(Kind.WAITING, r))
                        .orElse(State.EMPTY);
            }
            if (options.hasDoneMarker()) {
                return markerThere ? State.READY
                        : new State(Kind.WAITING, "waiting for the done marker " + options.doneMarker());
            }
            List<String> missing = new ArrayList<>(CleverFile.requiredNames());
            missing.removeAll(present);
            if (!missing.isEmpty()) {
                return new State(Kind.WAITING, String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                        + " missing");
            }
            if (handedOver) {
                // the SFTP side only hands over a set that was complete and quiet on the server
                return State.READY;
            }
            String latest = null;
            Duration least = null;
            for (String name : present) {
                Path f = dir.resolve(name);
                Duration unchanged;
                try {
                    unchanged = quiet.unchangedFor(name, Files.size(f), Files.getLastModifiedTime(f).toMillis());
                } catch (IOException e) {
                    // gone or replaced between the listing and the look: it is still changing
                    return new State(Kind.WAITING, name + " is being replaced");
                }
                if (least == null || unchanged.compareTo(least) < 0) {
                    least = unchanged;
                    latest = name;
                }
            }
            if (least.compareTo(options.quietPeriod()) < 0) {
                return new State(Kind.WAITING, latest + " changed " + Durations.describe(least)
                        + " ago; the drop is processed once no file has changed for "
                        + Durations.describe(options.quietPeriod()));
            }
            return State.READY;
        }
    }
}
