package org.rollcall.edfi.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.LongAdder;
import org.rollcall.edfi.EdFiJson;

/**
 * One OAuth2 client-credentials token per target, shared by every delivery thread. A token is
 * fetched by one thread at a time (the others wait for it), refreshed before it expires, and
 * replaced once when the target answers 401 to it (edfi-api.md 1.2).
 */
public final class TokenProvider {

    /** Refresh this long before the target says the token expires. */
    static final Duration MARGIN = Duration.ofSeconds(60);

    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http;
    private final Clock clock;
    private final LongAdder fetches = new LongAdder();

    private String token;
    private Instant refreshAt = Instant.MIN;

    public TokenProvider(URI tokenUrl, String clientId, String clientSecret, HttpClient http, Clock clock) {
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.http = http;
        this.clock = clock;
    }

    /** The current bearer token, fetching one if there is none or it is about to expire. */
    public synchronized String token() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    /**
     * The target refused {@code rejected}. If it is still the current token it is dropped, so the
     * next {@link #token()} fetches a new one; threads that saw the same 401 share that one fetch.
     */
    public synchronized void rejected(String rejected) {
        if (rejected != null && rejected.equals(token)) {
            token = null;
        }
    }

    /** How many tokens have been fetched (a metric: should stay near one per token lifetime). */
    public long fetches() {
        return fetches.sum();
    }

    private void fetch() {
        String basic = Base64.getEncoder().encodeToString(
                (enc(clientId) + ":" + enc(clientSecret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new EdFiTargetException("token endpoint " + tokenUrl + " is not reachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EdFiTargetException("interrupted while fetching a token");
        }
        if (response.statusCode() != 200) {
            throw new EdFiTargetException("token endpoint " + tokenUrl + " refused client '" + clientId + "' ("
                    + response.statusCode() + "); check the client id and secret");
        }
        JsonNode body = EdFiJson.read(response.body());
        String access = body.path("access_token").asText(null);
        if (access == null || access.isEmpty()) {
            throw new EdFiTargetException("token endpoint " + tokenUrl + " returned no access_token");
        }
        long expiresIn = body.path("expires_in").asLong(1800);
        Duration life = Duration.ofSeconds(Math.max(1, expiresIn));
        Duration margin = life.compareTo(MARGIN.multipliedBy(2)) > 0 ? MARGIN : life.dividedBy(4);
        token = access;
        refreshAt = clock.instant().plus(life).minus(margin);
        fetches.increment();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
