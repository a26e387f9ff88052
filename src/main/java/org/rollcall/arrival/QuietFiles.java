package org.rollcall.arrival;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How long files have gone unchanged: a file is quiet once its size and modification time have
 * stayed the same for the quiet period, measured on Rollcall's own clock, so a server whose
 * clock is off cannot make a growing file look finished. A file seen for the first time is taken
 * to have been unchanged since its modification time (never later than now): a drop that has been
 * sitting there since last night is quiet at once. Thread-safe.
 */
final class QuietFiles {

    private record Seen(long size, long modified, Instant since) { }

    private final Clock clock;
    private final Map<String, Seen> seen = new HashMap<>();

    QuietFiles(Clock clock) {
        this.clock = clock;
    }

    /** Records what {@code name} looks like now and says how long it has looked like that. */
    synchronized Duration unchangedFor(String name, long size, long modifiedMillis) {
        Instant now = clock.instant();
        Seen before = seen.get(name);
        Seen current;
        if (before == null) {
            Instant modified = Instant.ofEpochMilli(modifiedMillis);
            current = new Seen(size, modifiedMillis, modified.isAfter(now) ? now : modified);
        } else if (before.size() != size || before.modified() != modifiedMillis) {
            current = new Seen(size, modifiedMillis, now);
        } else {
            current = before;
        }
        seen.put(name, current);
        return Duration.between(current.since(), now);
    }

    /** Forgets every file not in {@code names}: one that comes back is new. */
    synchronized void retain(Collection<String> names) {
        seen.keySet().retainAll(names);
    }

    synchronized void clear() {
        seen.clear();
    }
}
