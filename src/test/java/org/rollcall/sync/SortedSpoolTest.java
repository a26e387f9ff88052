package org.rollcall.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortedSpoolTest {

    private static final SortedSpool.Codec<Long> LONGS = new SortedSpool.Codec<>() {
        @Override
        public void write(DataOutputStream out, Long item) throws IOException {
            out.writeLong(item);
        }

        @Override
        public Long read(DataInputStream in) throws IOException {
            return in.readLong();
        }
    };

    @TempDir
    Path dir;

    @Test
    void moreChunksThanAreMergedAtOnceComeBackInOrderAndLeaveNothingBehind() throws Exception {
        long n = (long) SortedSpool.CHUNK * (SortedSpool.FAN_IN + 2) + 7; // a merge in two passes
        long sum = 0;
        try (SortedSpool<Long> spool = new SortedSpool<>(dir, "keys", LONGS, Comparator.naturalOrder())) {
            long x = 12345;
            for (long i = 0; i < n; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L; // any order
                spool.add(x >>> 20);
                sum += x >>> 20;
            }
            try (var files = Files.list(dir)) {
                assertThat(files.count()).as("chunk files").isEqualTo(SortedSpool.FAN_IN + 2);
            }
            long count = 0;
            long seen = 0;
            long previous = Long.MIN_VALUE;
            for (Iterator<Long> it = spool.sorted(); it.hasNext(); ) {
                long v = it.next();
                assertThat(v).isGreaterThanOrEqualTo(previous);
                previous = v;
                seen += v;
                count++;
            }
            assertThat(count).isEqualTo(n);
            assertThat(seen).as("the same items").isEqualTo(sum);
            try (var files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("keys.sorted");
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isZero();
        }
    }
}
