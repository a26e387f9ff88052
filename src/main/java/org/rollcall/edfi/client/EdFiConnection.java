package org.rollcall.edfi.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A district's Ed-Fi target: its root, discovered lazily on first use (so a target that is down at
 * start-up fails the run that needs it, not the whole hub), and its shared token.
 */
public final class EdFiConnection {

    private final Supplier<URI> root;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http;
    private volatile Discovery discovery;
    private volatile TokenProvider tokens;
    private final AdaptiveConcurrency concurrency;

    /** @param root the API root; a supplier because the embedded sandbox's port is known only once it runs */
    public EdFiConnection(Supplier<URI> root, String clientId, String clientSecret) {
        this(root, clientId, clientSecret, 8);
    }

    /** @param maxConcurrency requests in flight at most; fewer while the target signals overload */
    public EdFiConnection(Supplier<URI> root, String clientId, String clientSecret, int maxConcurrency) {
        this.concurrency = new AdaptiveConcurrency(maxConcurrency);
        this.root = root;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public Discovery discovery() {
        Discovery d = discovery;
        if (d == null) {
            synchronized (this) {
                if (discovery == null) {
                    discovery = Discovery.read(root.get(), http);
                }
                d = discovery;
            }
        }
        return d;
    }

    public TokenProvider tokens() {
        TokenProvider t = tokens;
        if (t == null) {
            synchronized (this) {
                if (tokens == null) {
                    tokens = new TokenProvider(discovery().oauth(), clientId, clientSecret, http, Clock.systemUTC());
                }
                t = tokens;
            }
        }
        return t;
    }

    /** Requests in flight to this target, adapted to 429/503 answers. */
    public AdaptiveConcurrency concurrency() {
        return concurrency;
    }

    /**
     * The target's current ETag of a record, read again after a 412 (someone else changed it).
     * Empty when the record is gone or the target gives no ETag.
     */
    public java.util.Optional<String> currentEtag(String resourcePath, String id) {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        URI.create(discovery().collectionUrl(resourcePath) + "/" + id))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens().token())
                .header("Accept", "application/json").GET().build();
        try {
            java.net.http.HttpResponse<Void> response = http.send(request,
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? response.headers().firstValue("ETag") : java.util.Optional.empty();
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }
}
