package org.rollcall.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door every HTTP request comes through: turns the exchange into a {@link SandboxRequest}, asks the
 * handler chain, writes the {@link SandboxResponse} and counts it. Logs method, resource and status only.
 */
final class HttpEntry implements HttpHandler {

    /** H2 keeps a stored body in one VARCHAR, which holds up to a million characters. */
    static final int MAX_BODY_BYTES = 1_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(HttpEntry.class);

    private final SandboxHandler handler;
    private final RequestCounts counts;

    HttpEntry(SandboxHandler handler, RequestCounts counts) {
        this.handler = handler;
        this.counts = counts;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            SandboxRequest request = read(exchange);
            SandboxResponse response;
            if (request.body().length > MAX_BODY_BYTES) {
                response = Problem.tooLarge(request, MAX_BODY_BYTES);
            } else {
                try {
                    response = handler.handle(request);
                } catch (RuntimeException e) {
                    LOG.error("Ed-Fi sandbox failed on {} {}", request.method(), Router.countedResource(request.path()),
                            e);
                    response = Problem.systemFailure(request);
                }
            }
            String resource = Router.countedResource(request.path());
            if (response.status() == FaultInjector.DROP) {
                // handled, but the client never hears: close without an answer
                LOG.debug("{} {} dropped", request.method(), resource);
                return;
            }
            if (resource != null) {
                counts.record(request.method(), resource, response.status());
            }
            LOG.debug("{} {} {}", request.method(), resource, response.status());
            write(exchange, response);
        } finally {
            exchange.close();
        }
    }

    private static SandboxRequest read(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        Map<String, String> headers = new HashMap<>();
        for (Map.Entry<String, List<String>> e : exchange.getRequestHeaders().entrySet()) {
            if (!e.getValue().isEmpty()) {
                headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().get(0));
            }
        }
        URI uri = exchange.getRequestURI();
        String host = headers.get("host");
        if (host == null) {
            host = exchange.getLocalAddress().getHostString() + ":" + exchange.getLocalAddress().getPort();
        }
        return new SandboxRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), uri.getPath(),
                query(uri.getRawQuery()), headers, body, "http://" + host + "/");
    }

    /** Decoded query parameters by lower-case name; a repeated name keeps its first value. */
    static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
        }
        return query;
    }

    private static void write(HttpExchange exchange, SandboxResponse response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        response.headers().forEach(headers::set);
        byte[] body = response.body();
        if (body.length == 0) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
