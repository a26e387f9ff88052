package org.rollcall.skyward.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Skyward Qmlativ API on a loopback port, following what public clients document of the real
 * one (formats.md 4.1): an OAuth 2.0 client-credentials token at {@code {base}/oauth/token} with
 * HTTP Basic key:secret, Bearer tokens that expire (the body then says "Token has expired"),
 * {@code GET|POST /Generic/{EntityID}/{Module}/{Object}/{page}/{pageSize}} with {@code searchFields},
 * POSTed search conditions and sorts, {@code Paging.Next}, and the failures a nightly pull meets:
 * 503s, 429s, dropped connections and slow pages. No public Skyward server exists to test against.
 */
public final class QmlativSimulator implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Objects whose rows belong to one entity: an EntityID other than the district-wide 1 scopes them. */
    private static final Set<String> ENTITY_SCOPED = Set.of("Enrollment/EntryWithdrawal", "Enrollment/StudentEntityYear");

    private final SimulatorOptions options;
    private final SimulatedDistrict district;
    private final HttpServer server;
    private final ExecutorService pool;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger dataRequests = new AtomicInteger();
    private final AtomicLong tokensIssued = new AtomicLong();
    private final Map<String, AtomicInteger> faultHits = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    private QmlativSimulator(SimulatorOptions options, int port) throws IOException {
        this.options = options;
        this.district = SimulatedDistrict.generate(options.students, options.seed, options.today);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.pool = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "qmlativ-simulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext(options.pathPrefix + "/", this::handle);
        server.start();
    }

    /** Starts on a free loopback port. */
    public static QmlativSimulator start(SimulatorOptions options) throws IOException {
        return new QmlativSimulator(options, 0);
    }

    public static QmlativSimulator start(SimulatorOptions options, int port) throws IOException {
        return new QmlativSimulator(options, port);
    }

    /** The API base URL, e.g. {@code http://127.0.0.1:4711/DemoAPI}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + options.pathPrefix);
    }

    public SimulatedDistrict district() {
        return district;
    }

    /** Requests served, by {@code "<METHOD> <object or oauth/token> <status>"}. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** From now on, page {@code page} of {@code object} fails {@code times} times (-1 = always) with {@code status}. */
    public void fail(String object, int page, int status, int times) {
        options.fail(object, page, status, times);
    }

    /** Removes every injected failure. */
    public void heal() {
        options.faults.clear();
    }

    public long tokensIssued() {
        return tokensIssued.get();
    }

    /** Requests for data objects so far (token requests not included). */
    public int dataRequests() {
        return dataRequests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath().substring(options.pathPrefix.length());
            if (path.equals("/oauth/token")) {
                token(ex);
            } else if (path.startsWith("/Generic/")) {
                generic(ex, path);
            } else {
                send(ex, "? " + path, 404, message("No HTTP resource was found that matches the request URI."));
            }
        } catch (RuntimeException e) {
            send(ex, "error", 500, message("An error has occurred."));
        }
    }

    private void token(HttpExchange ex) throws IOException {
        for (SimulatorOptions.Fault f : options.faults) {
            if (f.object().equals("oauth/token")) {
                int hits = faultHits.computeIfAbsent(f + "@" + System.identityHashCode(f), k -> new AtomicInteger())
                        .incrementAndGet();
                if (f.times() < 0 || hits <= f.times()) {
                    send(ex, ex.getRequestMethod() + " oauth/token", f.status(), message("Service Unavailable"));
                    return;
                }
            }
        }
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = ex.getRequestURI().getRawQuery();
        Map<String, String> form = form(body);
        form.putAll(form(query));
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString((enc(options.clientKey) + ":"
                + enc(options.clientSecret)).getBytes(StandardCharsets.UTF_8));
        if (!"client_credentials".equals(form.get("grant_type"))) {
            send(ex, ex.getRequestMethod() + " oauth/token", 400, JSON.createObjectNode().put("error", "unsupported_grant_type"));
            return;
        }
        if (!expected.equals(auth)) {
            send(ex, ex.getRequestMethod() + " oauth/token", 401, JSON.createObjectNode().put("error", "invalid_client"));
            return;
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, Instant.now().plus(options.tokenLifetime));
        tokensIssued.incrementAndGet();
        send(ex, ex.getRequestMethod() + " oauth/token", 200, JSON.createObjectNode().put("access_token", token)
                .put("token_type", "bearer").put("expires_in", options.tokenLifetime.toSeconds()));
    }

    private void generic(HttpExchange ex, String path) throws IOException {
        String[] parts = path.substring("/Generic/".length()).split("/");
        String object = parts.length >= 3 ? parts[1] + "/" + parts[2] : path;
        String label = ex.getRequestMethod() + " " + object;
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
        Instant expires = token == null ? null : tokens.get(token);
        if (expires == null) {
            send(ex, label, 401, message("Authorization has been denied for this request."));
            return;
        }
        int n = dataRequests.incrementAndGet();
        if (options.expireTokensAfterDataRequests > 0 && n == options.expireTokensAfterDataRequests) {
            tokens.replaceAll((k, v) -> Instant.EPOCH);
            expires = Instant.EPOCH;
        }
        if (!expires.isAfter(Instant.now())) {
            send(ex, label, options.expiryAs403 ? 403 : 401, message("Token has expired"));
            return;
        }
        if (parts.length != 5 || !district.hasObject(object)) {
            send(ex, label, 404, message("Object not found: " + object));
            return;
        }
        long entity;
        int page;
        int size;
        try {
            entity = Long.parseLong(parts[0]);
            page = Integer.parseInt(parts[3]);
            size = Integer.parseInt(parts[4]);
        } catch (NumberFormatException e) {
            send(ex, label, 400, message("EntityID, page and page size must be numbers"));
            return;
        }
        if (page < 1 || size < 1 || size > options.maxPageSize) {
            send(ex, label, 400, message("Page must be 1 or more and page size between 1 and " + options.maxPageSize));
            return;
        }
        if (options.slowEvery > 0 && n % options.slowEvery == 0) {
            sleep(options.slowPage.toMillis());
        }
        if (options.tooManyRequestsEvery > 0 && n % options.tooManyRequestsEvery == 0) {
            ex.getResponseHeaders().add("Retry-After", "0");
            send(ex, label, 429, message("Too many requests"));
            return;
        }
        for (SimulatorOptions.Fault f : options.faults) {
            if (f.object().equals(object) && f.page() == page) {
                int hits = faultHits.computeIfAbsent(f + "@" + System.identityHashCode(f), k -> new AtomicInteger()).incrementAndGet();
                if (f.times() < 0 || hits <= f.times()) {
                    if (f.status() == 0) {
                        count(label + " dropped");
                        ex.getResponseBody().close();
                        return;
                    }
                    send(ex, label, f.status(), message("Service Unavailable"));
                    return;
                }
            }
        }
        JsonNode search = null;
        if ("POST".equals(ex.getRequestMethod())) {
            byte[] body = ex.getRequestBody().readAllBytes();
            if (body.length > 0) {
                try {
                    search = JSON.readTree(body);
                } catch (IOException e) {
                    send(ex, label, 400, message("The request body is not JSON"));
                    return;
                }
            }
        }
        List<String> fields = searchFields(ex.getRequestURI().getRawQuery());
        List<ObjectNode> rows;
        try {
            rows = select(object, entity, search);
        } catch (IllegalArgumentException e) {
            send(ex, label, 400, message(e.getMessage()));
            return;
        }
        int from = Math.min(rows.size(), (page - 1) * size);
        int to = Math.min(rows.size(), from + size);
        ArrayNode objects = JSON.createArrayNode();
        for (ObjectNode r : rows.subList(from, to)) {
            if (fields.isEmpty()) {
                objects.add(r);
            } else {
                ObjectNode o = JSON.createObjectNode();
                for (String f : fields) {
                    if (r.has(f)) {
                        o.set(f, r.get(f));
                    }
                }
                objects.add(o);
            }
        }
        ObjectNode paging = JSON.createObjectNode();
        String query = ex.getRequestURI().getRawQuery();
        String base = (options.nextFromHost ? options.pathPrefix : "") + "/Generic/" + parts[0] + "/" + object + "/";
        String suffix = "/" + size + (query == null ? "" : "?" + query);
        if (to < rows.size()) {
            paging.put("Next", base + (page + 1) + suffix);
        } else {
            paging.putNull("Next");
        }
        paging.put("Previous", page > 1 ? base + (page - 1) + suffix : null);
        ObjectNode out = JSON.createObjectNode();
        out.set("Objects", objects);
        out.set("Paging", paging);
        send(ex, label, 200, out);
    }

    private List<ObjectNode> select(String object, long entity, JsonNode search) {
        List<ObjectNode> rows = new ArrayList<>();
        JsonNode condition = search == null ? null : search.get("SearchCondition");
        for (ObjectNode r : district.rows(object)) {
            if (entity != 1 && ENTITY_SCOPED.contains(object) && r.path("EntityID").asLong() != entity) {
                continue;
            }
            if (condition == null || condition.isNull() || SearchConditions.matches(condition, r)) {
                rows.add(r);
            }
        }
        JsonNode sort = search == null ? null : search.get("SearchSort");
        if (sort != null && sort.isArray() && !sort.isEmpty()) {
            Comparator<ObjectNode> c = null;
            for (JsonNode s : sort) {
                String field = s.path("FieldName").asText();
                Comparator<ObjectNode> one = Comparator.comparing(r -> r.get(field), SearchConditions::compare);
                if (s.path("Descending").asBoolean()) {
                    one = one.reversed();
                }
                c = c == null ? one : c.thenComparing(one);
            }
            rows.sort(c);
        }
        return rows;
    }

    private static List<String> searchFields(String rawQuery) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : pairs(rawQuery)) {
            if (e.getKey().equals("searchFields") || e.getKey().matches("searchFields\\[\\d+]")) {
                for (String f : e.getValue().split(",")) {
                    if (!f.isBlank()) {
                        out.add(f.trim());
                    }
                }
            }
        }
        return out;
    }

    private static List<Map.Entry<String, String>> pairs(String raw) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String p : raw.split("&")) {
            int eq = p.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? p : p.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8);
            out.add(Map.entry(k, v));
        }
        return out;
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        pairs(raw).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static ObjectNode message(String text) {
        return JSON.createObjectNode().put("Message", text);
    }

    private void send(HttpExchange ex, String label, int status, JsonNode body) throws IOException {
        count(label + " " + status);
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private void count(String key) {
        counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
