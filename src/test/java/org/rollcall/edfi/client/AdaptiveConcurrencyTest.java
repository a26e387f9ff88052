package org.rollcall.edfi.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Concurrency per target adapts: back off on 429, grow on success (issue: "every failure mode"). */
class AdaptiveConcurrencyTest {

    @Test
    void a429HalvesTheLimitAndSuccessesGrowItBackToTheMaximum() {
        AdaptiveConcurrency c = new AdaptiveConcurrency(16);
        c.throttled();
        assertThat(c.limit()).isEqualTo(8);
        c.throttled();
        c.throttled();
        c.throttled();
        c.throttled();
        assertThat(c.limit()).as("never below one").isEqualTo(1);
        for (int i = 0; i < 1000; i++) {
            c.succeeded();
        }
        assertThat(c.limit()).isEqualTo(16);
    }

    @Test
    void aRequestWaitsWhileTheLimitIsInFlight() throws Exception {
        AdaptiveConcurrency c = new AdaptiveConcurrency(2);
        c.throttled();
        c.acquire();
        CountDownLatch got = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                c.acquire();
                got.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        assertThat(got.await(200, TimeUnit.MILLISECONDS)).as("the second waits at a limit of one").isFalse();
        c.release();
        assertThat(got.await(2, TimeUnit.SECONDS)).isTrue();
        t.join();
    }
}
