package org.rollcall.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Issues and checks the sandbox's bearer tokens (OAuth2 client credentials, one client). */
final class TokenService {

    /** Outcome of checking an {@code Authorization} header. */
    enum Check {
        VALID("valid"),
        MISSING("Authorization header is missing."),
        NOT_BEARER("Authorization header must use the Bearer scheme."),
        UNKNOWN("Invalid token."),
        EXPIRED("Token is expired.");

        final String message;

        Check(String message) {
            this.message = message;
        }
    }

    private static final int PURGE_THRESHOLD = 10_000;

    private final String clientId;
    private final byte[] clientSecret;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    TokenService(String clientId, String clientSecret, Duration ttl, Clock clock) {
        this.clientId = clientId;
        this.clientSecret = clientSecret.getBytes(StandardCharsets.UTF_8);
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Compares in constant time, so the secret cannot be guessed from response times. */
    boolean accepts(String id, String secret) {
        return clientId.equals(id) && secret != null
                && MessageDigest.isEqual(clientSecret, secret.getBytes(StandardCharsets.UTF_8));
    }

    String issue() {
        if (expiries.size() > PURGE_THRESHOLD) {
            Instant now = clock.instant();
            expiries.values().removeIf(expiry -> !expiry.isAfter(now));
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        expiries.put(token, clock.instant().plus(ttl));
        return token;
    }

    /** Every token issued so far expires now (a rehearsal of a token that runs out mid-run). */
    void expireAll() {
        Instant now = clock.instant();
        expiries.replaceAll((token, expiry) -> now);
    }

    long expiresInSeconds() {
        return ttl.toSeconds();
    }

    Check check(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Check.MISSING;
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Check.NOT_BEARER;
        }
        String token = authorization.substring(7).trim();
        Instant expiry = expiries.get(token);
        if (expiry == null) {
            return Check.UNKNOWN;
        }
        if (!expiry.isAfter(clock.instant())) {
            expiries.remove(token);
            return Check.EXPIRED;
        }
        return Check.VALID;
    }
}
