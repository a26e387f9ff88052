package org.rollcall.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run an {@link EdFiSandbox}.
 *
 * @param host         interface to bind, normally the loopback {@code 127.0.0.1}
 * @param port         port to bind; 0 picks a free one
 * @param storeDir     folder of a persistent store (an H2 database), or null to keep everything in memory
 * @param clientId     the one OAuth client the sandbox accepts
 * @param clientSecret its secret
 * @param tokenTtl     how long an access token stays valid
 */
public record SandboxOptions(String host, int port, Path storeDir, String clientId, String clientSecret,
                             Duration tokenTtl) {

    public SandboxOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(tokenTtl, "tokenTtl");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("tokenTtl must be positive, was " + tokenTtl);
        }
    }

    /** Loopback, a free port, in memory, client {@code rollcall} / {@code rollcall-sandbox}, 30-minute tokens. */
    public static SandboxOptions inMemory() {
        return new SandboxOptions("127.0.0.1", 0, null, "rollcall", "rollcall-sandbox", Duration.ofMinutes(30));
    }

    public SandboxOptions withPort(int p) {
        return new SandboxOptions(host, p, storeDir, clientId, clientSecret, tokenTtl);
    }

    public SandboxOptions withStoreDir(Path d) {
        return new SandboxOptions(host, port, d, clientId, clientSecret, tokenTtl);
    }

    public SandboxOptions withCredentials(String id, String secret) {
        return new SandboxOptions(host, port, storeDir, id, secret, tokenTtl);
    }

    public SandboxOptions withTokenTtl(Duration t) {
        return new SandboxOptions(host, port, storeDir, clientId, clientSecret, t);
    }

    /** The secret stays out of log lines and exception messages. */
    @Override
    public String toString() {
        return "SandboxOptions[host=" + host + ", port=" + port + ", storeDir=" + storeDir + ", clientId=" + clientId
                + ", tokenTtl=" + tokenTtl + "]";
    }
}
