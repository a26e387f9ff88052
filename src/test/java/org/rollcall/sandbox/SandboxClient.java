package org.rollcall.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain HTTP client for the sandbox tests: java.net.http on loopback, one bearer token, JSON helpers. */
final class SandboxClient {

    static final ObjectMapper JSON = new ObjectMapper();

    final EdFiSandbox sandbox;
    final SandboxOptions options;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    SandboxClient(EdFiSandbox sandbox, SandboxOptions options) {
        this.sandbox = sandbox;
        this.options = options;
    }

    /** Starts a sandbox with these options and a client for it; close the sandbox when done. */
    static SandboxClient start(SandboxOptions options) {
        return new SandboxClient(EdFiSandbox.start(options), options);
    }

    URI root() {
        return sandbox.rootUrl();
    }

    /** {@code <root>data/v3/ed-fi/<path>}. */
    URI data(String path) {
        return root().resolve("data/v3/ed-fi/" + path);
    }

    String token() {
        if (token == null) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(root().resolve("oauth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                            + q(options.clientId()) + "&client_secret=" + q(options.clientSecret()))));
            if (r.statusCode() != 200) {
                throw new IllegalStateException("token request failed: " + r.statusCode() + " " + r.body());
            }
            token = json(r).get("access_token").asText();
        }
        return token;
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(authorized(data(path), headers).GET());
    }

    HttpResponse<String> post(String path, String body, String... headers) {
        return send(authorized(data(path), headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> put(String path, String body, String... headers) {
        return send(authorized(data(path), headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> delete(String path, String... headers) {
        return send(authorized(data(path), headers).DELETE());
    }

    /** An unauthenticated GET of any URL below the root. */
    HttpResponse<String> getPublic(String pathBelowRoot) {
        return send(HttpRequest.newBuilder(root().resolve(pathBelowRoot)).GET());
    }

    HttpRequest.Builder authorized(URI uri, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** The id at the end of a POST's Location header. */
    static String idOf(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
