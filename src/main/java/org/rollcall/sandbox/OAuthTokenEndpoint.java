package org.rollcall.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /oauth/token} as the ODS/API's TokenController answers it (edfi-api.md 1.2): client credentials
 * in a form or JSON body, or in a Basic header with {@code grant_type} in the body; both at once is
 * {@code 400 invalid_client}, a wrong secret {@code 401}.
 */
final class OAuthTokenEndpoint {

    private final TokenService tokens;

    OAuthTokenEndpoint(TokenService tokens) {
        this.tokens = tokens;
    }

    SandboxResponse handle(SandboxRequest request) {
        if (!request.method().equals("POST")) {
            return Problem.methodNotAllowed(request, "Tokens are requested with POST.");
        }
        Map<String, String> params = bodyParameters(request);
        if (params == null) {
            return error(400, "invalid_request");
        }
        String id = params.get("client_id");
        String secret = params.get("client_secret");
        String authorization = request.header("authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return error(401, "invalid_client");
            }
            if (id != null || secret != null) {
                return error(400, "invalid_client"); // credentials in both places
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return error(400, "invalid_client");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return error(400, "invalid_client");
            }
            id = decoded.substring(0, colon);
            secret = decoded.substring(colon + 1);
        }
        String grantType = params.get("grant_type");
        if (grantType == null) {
            return error(400, "invalid_request");
        }
        if (!grantType.equals("client_credentials")) {
            return error(400, "unsupported_grant_type");
        }
        if (id == null || id.isEmpty()) {
            return error(400, "invalid_client");
        }
        if (!tokens.accepts(id, secret)) {
            return error(401, "invalid_client");
        }
        ObjectNode body = Json.object();
        body.put("access_token", tokens.issue());
        body.put("expires_in", tokens.expiresInSeconds());
        body.put("token_type", "bearer");
        return SandboxResponse.json(200, Json.bytes(body)).withHeader("Cache-Control", "no-store");
    }

    /** Form or JSON body parameters; an empty map for no body, null for a body that cannot be read. */
    private static Map<String, String> bodyParameters(SandboxRequest request) {
        Map<String, String> params = new HashMap<>();
        if (request.body().length == 0) {
            return params;
        }
        String contentType = request.header("content-type");
        String text = new String(request.body(), StandardCharsets.UTF_8);
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
            try {
                JsonNode json = Json.parse(request.body());
                if (!json.isObject()) {
                    return null;
                }
                json.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            } catch (IOException e) {
                return null;
            }
            return params;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    private static SandboxResponse error(int status, String error) {
        ObjectNode body = Json.object();
        body.put("error", error);
        return SandboxResponse.json(status, Json.bytes(body)).withHeader("Cache-Control", "no-store");
    }
}
