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

    /** @param root the API root; a supplier because the embedded sandbox's port is known only once it runs */
    public EdFiConnection(Supplier<URI> root, String clientId, String clientSecret) {
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
}
