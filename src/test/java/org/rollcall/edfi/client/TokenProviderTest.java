package org.rollcall.edfi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.rollcall.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Token handling against a real HTTP token endpoint on loopback (edfi-api.md 1.2). */
class TokenProviderTest {

    private HttpServer server;
    private final AtomicInteger issued = new AtomicInteger();
    private volatile int status = 200;
    private volatile String lastAuthorization;
    private URI tokenUrl;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth/token", ex -> {
            lastAuthorization = ex.getRequestHeaders().getFirst("Authorization");
            ex.getRequestBody().readAllBytes();
            byte[] body = status == 200
                    ? ("{\"access_token\":\"t" + issued.incrementAndGet() + "\",\"expires_in\":1800,\"token_type\":\"bearer\"}")
                            .getBytes(StandardCharsets.UTF_8)
                    : "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.UTF_8);
            sleep(50);
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        tokenUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth/token");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private TokenProvider provider(Clock clock) {
        return new TokenProvider(tokenUrl, "rollcall", "s3cret", HttpClient.newHttpClient(), clock);
    }

    @Test
    void manyThreadsShareOneTokenFetch() throws Exception {
        TokenProvider tokens = provider(Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<String>> got = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            got.add(pool.submit((Callable<String>) tokens::token));
        }
        for (Future<String> f : got) {
            assertThat(f.get()).isEqualTo("t1");
        }
        pool.shutdown();
        assertThat(issued.get()).isEqualTo(1);
        assertThat(lastAuthorization).isEqualTo("Basic cm9sbGNhbGw6czNjcmV0");
    }

    @Test
    void aRefusedTokenIsReplacedOnceNoMatterHowManyThreadsSawThe401() {
        TokenProvider tokens = provider(Clock.systemUTC());
        String first = tokens.token();
        tokens.rejected(first);
        tokens.rejected(first);
        assertThat(tokens.token()).isEqualTo("t2");
        tokens.rejected(first);
        assertThat(tokens.token()).isEqualTo("t2");
        assertThat(tokens.fetches()).isEqualTo(2);
    }

    @Test
    void theTokenIsRefreshedBeforeItExpires() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-23T00:00:00Z"));
        TokenProvider tokens = provider(clock);
        assertThat(tokens.token()).isEqualTo("t1");
        clock.advance(Duration.ofMinutes(28));
        assertThat(tokens.token()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(61));
        assertThat(tokens.token()).as("within the last minute of its 30").isEqualTo("t2");
    }

    @Test
    void wrongCredentialsAreAClearErrorWithoutTheSecret() {
        status = 401;
        TokenProvider tokens = provider(Clock.systemUTC());
        assertThatThrownBy(tokens::token).isInstanceOf(EdFiTargetException.class)
                .hasMessageContaining("refused client 'rollcall' (401)").hasMessageNotContaining("s3cret");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
