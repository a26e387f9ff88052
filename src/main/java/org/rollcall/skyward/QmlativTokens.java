package org.rollcall.skyward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * OAuth 2.0 client credentials against Skyward ({@code {base}/oauth/token}, key and secret as HTTP
 * Basic, each URL-encoded first: formats.md 4.1). The token is kept until shortly before it expires
 * (a tenth of its lifetime, at most a minute), or until the API says it has expired.
 */
public final class QmlativTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI tokenUrl;
    private final String basic;
    private final Duration timeout;
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;
    private long issued;

    public QmlativTokens(HttpClient http, URI baseUrl, String key, String secret, Duration timeout, Clock clock) {
        this.http = http;
        this.tokenUrl = URI.create(baseUrl + "/oauth/token");
        this.basic = "Basic " + Base64.getEncoder().encodeToString((URLEncoder.encode(key, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.clock = clock;
    }

    /** A token valid for a while yet; fetches a new one when needed. */
    public synchronized String token() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    /** The API refused this token as expired: the next {@link #token()} fetches a new one. */
    public synchronized void expired(String refused) {
        if (refused != null && refused.equals(token)) {
            token = null;
        }
    }

    /** Tokens fetched so far. */
    public synchronized long issued() {
        return issued;
    }

    private void fetch() {
        HttpRequest req = HttpRequest.newBuilder(tokenUrl).timeout(timeout)
                .header("Authorization", basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        HttpResponse<String> res;
        try {
            res = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SkywardFetchException("Skyward token endpoint " + tokenUrl + " did not answer: " + e, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SkywardFetchException("interrupted while fetching a Skyward token", 0, e);
        }
        if (res.statusCode() == 401 || res.statusCode() == 400) {
            throw new SkywardFetchException("Skyward refused the integration key and secret (HTTP " + res.statusCode()
                    + " from " + tokenUrl + "); check the Integration Access record", res.statusCode(), null);
        }
        if (res.statusCode() != 200) {
            throw new SkywardFetchException("Skyward token endpoint " + tokenUrl + " answered HTTP " + res.statusCode(),
                    res.statusCode(), null);
        }
        JsonNode body;
        try {
            body = JSON.readTree(res.body());
        } catch (IOException e) {
            throw new SkywardFetchException("Skyward token endpoint answered something that is not JSON", 200, e);
        }
        String t = body.path("access_token").asText(null);
        if (t == null || t.isEmpty()) {
            throw new SkywardFetchException("Skyward token endpoint answered without an access_token", 200, null);
        }
        long lifetime = body.path("expires_in").asLong(3600);
        long margin = Math.min(60, lifetime / 10);
        token = t;
        refreshAt = clock.instant().plusSeconds(Math.max(0, lifetime - margin));
        issued++;
    }
}
