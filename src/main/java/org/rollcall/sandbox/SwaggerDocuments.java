package org.rollcall.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shipped DS 5.0 OpenAPI documents served as {@code swagger.json}, the way an ODS/API serves its own:
 * converted from YAML, with {@code servers} and the OAuth token URL pointing at this sandbox. The YAML is
 * parsed on first request (about 3 s cold) and kept for the JVM; each base URL's JSON is rendered once.
 */
final class SwaggerDocuments {

    enum Kind {
        RESOURCES(ModelCompiler.RESOURCES_SPEC),
        DESCRIPTORS(ModelCompiler.DESCRIPTORS_SPEC);

        final String file;

        Kind(String file) {
            this.file = file;
        }
    }

    private static final Map<Kind, JsonNode> PARSED = new ConcurrentHashMap<>();
    private final Map<String, byte[]> rendered = new ConcurrentHashMap<>();

    byte[] render(Kind kind, String baseUrl) {
        return rendered.computeIfAbsent(kind + " " + baseUrl, k -> Json.bytes(withServer(parsed(kind), baseUrl)));
    }

    private static JsonNode parsed(Kind kind) {
        return PARSED.computeIfAbsent(kind, k -> {
            String resource = "edfi/" + k.file;
            try (InputStream in = SwaggerDocuments.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing classpath resource " + resource);
                }
                return ModelCompiler.readYaml(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        });
    }

    /** A shallow copy of the spec with {@code servers} and {@code tokenUrl} set; the shared tree is not touched. */
    private static ObjectNode withServer(JsonNode spec, String baseUrl) {
        ObjectNode out = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("components")) {
                ObjectNode components = out.putObject("components");
                components.setAll((ObjectNode) e.getValue());
                ObjectNode schemes = components.putObject("securitySchemes");
                ObjectNode oauth = schemes.putObject("oauth2_client_credentials");
                oauth.put("type", "oauth2");
                oauth.put("description", "Ed-Fi ODS/API OAuth 2.0 Client Credentials Grant Type authorization");
                oauth.putObject("flows").putObject("clientCredentials").put("tokenUrl", baseUrl + "oauth/token")
                        .putObject("scopes");
            } else if (!e.getKey().equals("servers")) {
                out.set(e.getKey(), e.getValue());
            }
            if (e.getKey().equals("info")) {
                out.putArray("servers").addObject().put("url", baseUrl + "data/v3");
            }
        }
        return out;
    }
}
