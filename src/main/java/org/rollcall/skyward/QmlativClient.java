package org.rollcall.skyward;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Qmlativ Generic API objects page by page ({@code /Generic/{EntityID}/{Module}/{Object}/{page}/{pageSize}},
 * formats.md 4.1), following {@code Paging.Next} to the end and handing each object to a consumer as
 * its page is parsed, so no more than one page is held at a time.
 *
 * <p>Every call carries the Bearer token; a 401, or a 403 whose body says the token has expired,
 * fetches a new token and repeats the call once. 429, 5xx and network failures are repeated with
 * exponential backoff and jitter (honouring Retry-After) up to the configured retries; then the
 * fetch fails with a {@link SkywardFetchException} naming the object and page.
 */
public final class QmlativClient {

    private static final Logger LOG = LoggerFactory.getLogger(QmlativClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final SkywardOptions options;
    private final QmlativTokens tokens;
    private long requests;
    private long retried;

    public QmlativClient(SkywardOptions options, Clock clock) {
        this.options = options;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.timeout()).build();
        this.tokens = new QmlativTokens(http, options.baseUrl(), options.clientKey(), options.clientSecret(),
                options.timeout(), clock);
    }

    public QmlativTokens tokens() {
        return tokens;
    }

    /** HTTP requests made for data (token requests not included). */
    public long requests() {
        return requests;
    }

    /** Requests repeated after a 429, 5xx, network failure or expired token. */
    public long retried() {
        return retried;
    }

    /**
     * Reads every object of {@code module/object} in {@code entityId}, optionally filtered and sorted
     * by a POSTed search body, with only {@code fields}; returns how many objects were read.
     */
    public long each(long entityId, String object, ObjectNode search, List<String> fields, Consumer<JsonNode> sink) {
        StringBuilder query = new StringBuilder();
        for (String f : fields) {
            query.append(query.length() == 0 ? "?" : "&").append("searchFields=")
                    .append(URLEncoder.encode(f, StandardCharsets.UTF_8));
        }
        String next = "/Generic/" + entityId + "/" + object + "/1/" + options.pageSize() + query;
        String previous = null;
        long count = 0;
        int page = 0;
        while (next != null && !next.isBlank() && !next.equals(previous)) {
            page++;
            URI uri = resolve(next);
            Page p = fetchPage(uri, object, page, search, sink);
            count += p.objects;
            previous = next;
            next = p.objects == 0 ? null : p.next;
        }
        LOG.debug("Skyward {}: {} objects in {} pages", object, count, page);
        return count;
    }

    private record Page(long objects, String next) { }

    /** {@code Paging.Next} is relative to the API base ("/Generic/..."), to the host ("/DistrictAPI/Generic/...") or absolute. */
    private URI resolve(String next) {
        if (next.startsWith("http://") || next.startsWith("https://")) {
            return URI.create(next);
        }
        String basePath = options.baseUrl().getRawPath();
        if (basePath != null && !basePath.isEmpty() && next.startsWith(basePath + "/")) {
            return options.baseUrl().resolve(next);
        }
        return URI.create(options.baseUrl() + (next.startsWith("/") ? next : "/" + next));
    }

    private Page fetchPage(URI uri, String object, int page, ObjectNode search, Consumer<JsonNode> sink) {
        boolean authRetried = false;
        int attempt = 0;
        while (true) {
            String token;
            try {
                token = tokens.token();
            } catch (SkywardFetchException e) {
                // the token endpoint being unavailable is as transient as a data page being so
                if (!isTransient(e.status()) || attempt >= options.retries()) {
                    throw e;
                }
                attempt++;
                retried++;
                LOG.info("Skyward token request failed ({}); retry {} of {}", e.getMessage(), attempt, options.retries());
                sleep(backoff(attempt));
                continue;
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(options.timeout())
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json");
            if (search != null) {
                b.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(search.toString()));
            } else {
                b.GET();
            }
            requests++;
            int status;
            String why;
            long retryAfter = -1;
            try {
                HttpResponse<InputStream> res = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
                status = res.statusCode();
                if (status == 200) {
                    try (InputStream in = res.body()) {
                        return parse(in, sink);
                    }
                }
                String body;
                try (InputStream in = res.body()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                boolean expired = status == 401 || status == 403
                        && body.toLowerCase(Locale.ROOT).contains("token has expired");
                if (expired && !authRetried) {
                    authRetried = true;
                    retried++;
                    tokens.expired(token);
                    continue;
                }
                why = "HTTP " + status + message(body);
                if (!isTransient(status)) {
                    throw new SkywardFetchException("Skyward refused " + object + " page " + page + ": " + why, status, null);
                }
                retryAfter = res.headers().firstValueAsLong("Retry-After").orElse(-1);
            } catch (IOException e) {
                status = 0;
                why = "no answer (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SkywardFetchException("interrupted while reading Skyward " + object, 0, e);
            }
            if (attempt >= options.retries()) {
                throw new SkywardFetchException("Skyward " + object + " page " + page + " failed after "
                        + (attempt + 1) + " attempts: " + why, status, null);
            }
            attempt++;
            retried++;
            long delay = retryAfter >= 0 ? retryAfter * 1000 : backoff(attempt);
            LOG.info("Skyward {} page {}: {}; retry {} of {} in {} ms", object, page, why, attempt, options.retries(), delay);
            sleep(delay);
        }
    }

    /** 429, 5xx and no answer at all are worth another try; other answers are final. */
    private static boolean isTransient(int status) {
        return status == 0 || status == 429 || status >= 500;
    }

    /** Exponential from the configured base, capped at 30 s, with up to 50% jitter. */
    private long backoff(int attempt) {
        long base = Math.min(30_000, options.backoff().toMillis() << Math.min(attempt - 1, 16));
        return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    /** Streams {@code {"Objects":[...], "Paging":{"Next":...}}}: objects go to the sink one by one. */
    private static Page parse(InputStream in, Consumer<JsonNode> sink) throws IOException {
        long n = 0;
        String next = null;
        try (JsonParser p = JSON.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a page is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if ("Objects".equals(field) && t == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode o = JSON.readTree(p);
                        sink.accept(o);
                        n++;
                    }
                } else if ("Paging".equals(field) && t == JsonToken.START_OBJECT) {
                    JsonNode paging = JSON.readTree(p);
                    JsonNode nx = paging.get("Next");
                    next = nx == null || nx.isNull() ? null : nx.asText();
                } else {
                    p.skipChildren();
                }
            }
        }
        return new Page(n, next);
    }

    private static String message(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            String m = n.path("Message").asText(n.path("error").asText(""));
            return m.isEmpty() ? "" : " (" + (m.length() > 200 ? m.substring(0, 200) : m) + ")";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SkywardFetchException("interrupted while waiting to retry Skyward", 0, e);
        }
    }
}
