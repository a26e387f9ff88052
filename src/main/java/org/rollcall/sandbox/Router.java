package org.rollcall.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sends each request to the endpoint that answers it, after the bearer-token check for data calls. It is the
 * innermost {@link SandboxHandler}; fault-injection filters go around it.
 */
final class Router implements SandboxHandler {

    static final String DATA_PREFIX = "/data/v3/";
    static final String TOKEN_PATH = "/oauth/token";
    static final String COUNTS_PATH = "/_sandbox/requests";

    private final ApiModel model;
    private final TokenService tokens;
    private final RequestCounts counts;
    private final DataApi data;
    private final OAuthTokenEndpoint token;
    private final DiscoveryEndpoints discovery;

    Router(ApiModel model, TokenService tokens, RequestCounts counts, DataApi data) {
        this.model = model;
        this.tokens = tokens;
        this.counts = counts;
        this.data = data;
        this.token = new OAuthTokenEndpoint(tokens);
        this.discovery = new DiscoveryEndpoints(model);
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        String path = request.path();
        if (path.startsWith(DATA_PREFIX)) {
            return dataCall(request, path.substring(DATA_PREFIX.length()));
        }
        if (path.equals(TOKEN_PATH)) {
            return token.handle(request);
        }
        if (path.equals("/") || path.startsWith("/metadata")) {
            return discovery.handle(request);
        }
        if (path.equals(COUNTS_PATH) && request.method().equals("GET")) {
            ObjectNode body = Json.object();
            body.put("total", counts.asMap().values().stream().mapToLong(Long::longValue).sum());
            body.set("counts", Json.MAPPER.valueToTree(counts.asMap()));
            return SandboxResponse.json(200, Json.bytes(body));
        }
        return Problem.notFound(request);
    }

    /** {@code {namespace}/{resource}[/{id}]} below {@code /data/v3/}. */
    private SandboxResponse dataCall(SandboxRequest request, String rest) {
        TokenService.Check check = tokens.check(request.header("authorization"));
        if (check != TokenService.Check.VALID) {
            return Problem.authentication(request, check.message);
        }
        String[] parts = rest.split("/", -1);
        int n = parts.length;
        if (n > 0 && parts[n - 1].isEmpty()) {
            n--; // a trailing slash on the collection URL works
        }
        if (n < 2 || n > 3) {
            return Problem.notFound(request);
        }
        ResourceModel resource = model.resource(parts[1]);
        if (resource == null || !resource.namespace.equals(parts[0])) {
            return Problem.notFound(request);
        }
        return data.handle(request, resource, n == 3 ? parts[2] : null);
    }

    /**
     * The resource a request is counted under: the collection for data calls, a fixed name for the rest,
     * null for the counts endpoint itself (reading the counts should not change them).
     */
    static String countedResource(String path) {
        if (path.startsWith(DATA_PREFIX)) {
            String[] parts = path.substring(DATA_PREFIX.length()).split("/");
            return parts.length >= 2 ? parts[1] : "data";
        }
        if (path.equals(TOKEN_PATH)) {
            return "oauth/token";
        }
        if (path.equals("/")) {
            return "discovery";
        }
        if (path.startsWith("/metadata")) {
            return "metadata";
        }
        if (path.startsWith("/_sandbox")) {
            return null;
        }
        return "other";
    }
}
