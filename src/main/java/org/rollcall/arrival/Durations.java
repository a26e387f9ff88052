package org.rollcall.arrival;

import java.time.Duration;

/** Durations as an operator reads them in a log line: {@code 2h 5m}, {@code 42s}, {@code 300ms}. */
final class Durations {

    private Durations() {
    }

    static String describe(Duration d) {
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            return d.toMillis() + "ms";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + (s % 60 == 0 ? "" : " " + (s % 60) + "s");
        }
        return (s / 3600) + "h" + (s % 3600 / 60 == 0 ? "" : " " + (s % 3600 / 60) + "m");
    }
}
