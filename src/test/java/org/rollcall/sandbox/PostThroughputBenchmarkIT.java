package org.rollcall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * POST throughput from 16 concurrent clients over loopback, in memory and on an H2 store. The clients use
 * Apache HttpClient 5 with a pool of 16 connections, the client camel-http gives the hub. Half the POSTs are
 * students, half enrollments of them, so every other POST resolves references. Prints req/s; asserts only
 * that every POST succeeded. Run with
 * {@code mvn -B -o test -Dtest=PostThroughputBenchmarkIT -Dsurefire.excludedGroups=none}.
 */
@Tag("benchmark")
class PostThroughputBenchmarkIT {

    private static final int CLIENTS = 16;
    private static final int WARM_UP = 10_000;
    private static final int MEASURED = 40_000;

    @TempDir
    Path store;

    @Test
    void inMemory() throws Exception {
        measure("in-memory", SandboxOptions.inMemory());
    }

    @Test
    void h2Store() throws Exception {
        measure("H2 store", SandboxOptions.inMemory().withStoreDir(store));
    }

    private void measure(String label, SandboxOptions options) throws Exception {
        long t0 = System.nanoTime();
        SandboxClient client = SandboxClient.start(options);
        long startMs = (System.nanoTime() - t0) / 1_000_000;
        try (CloseableHttpClient http = HttpClients.custom().setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(CLIENTS)
                        .setMaxConnPerRoute(CLIENTS).build()).build()) {
            client.post("localEducationAgencies", Payloads.lea(Payloads.LEA_ID));
            client.post("schools", Payloads.school(Payloads.SCHOOL_ID, Payloads.LEA_ID));
            String authorization = "Bearer " + client.token();
            run(http, client, authorization, "w", WARM_UP);
            long start = System.nanoTime();
            run(http, client, authorization, "m", MEASURED);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("Ed-Fi sandbox %s: %d POSTs from %d clients in %.2f s = %.0f req/s on %d cores"
                            + " (start-up %d ms)%n", label, MEASURED, CLIENTS, seconds, MEASURED / seconds,
                    Runtime.getRuntime().availableProcessors(), startMs);
        } finally {
            client.sandbox.close();
        }
    }

    private static void run(CloseableHttpClient http, SandboxClient client, String authorization, String prefix,
                            int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        List<Future<Integer>> results = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            results.add(pool.submit(() -> {
                int failures = 0;
                for (int i = next.getAndIncrement(); i < total / 2; i = next.getAndIncrement()) {
                    String id = prefix + i;
                    failures += post(http, client, authorization, "students", Payloads.student(id));
                    failures += post(http, client, authorization, "studentSchoolAssociations",
                            Payloads.ssa(id, Payloads.SCHOOL_ID, "2024-08-21"));
                }
                return failures;
            }));
        }
        int failures = 0;
        for (Future<Integer> f : results) {
            failures += f.get();
        }
        pool.shutdown();
        assertThat(failures).isZero();
    }

    /** 0 when the POST created the item, 1 otherwise. */
    private static int post(CloseableHttpClient http, SandboxClient client, String authorization, String resource,
                            String body) throws Exception {
        HttpPost post = new HttpPost(client.data(resource));
        post.setHeader("Authorization", authorization);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        int status = http.execute(post, response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
        return status == 201 ? 0 : 1;
    }
}
