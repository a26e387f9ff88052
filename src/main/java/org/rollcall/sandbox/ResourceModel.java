package org.rollcall.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Ed-Fi resource (or descriptor) endpoint as the sandbox serves it: its body schema, its natural key (the
 * {@code x-Ed-Fi-isIdentity} GET parameters, edfi-api.md 1.10) and where each query parameter sits in the body.
 */
final class ResourceModel {

    /** Joins natural-key values; no Ed-Fi key value contains it. */
    static final char KEY_SEPARATOR = '\u001F';

    final String namespace;
    final String name;
    final String entityName;
    final boolean descriptor;
    /** True for the eight resources whose PUT may change the natural key ("cascading natural key updates"). */
    final boolean keyChangeAllowed;
    final SchemaNode schema;
    /** Identity parameters, sorted by name; their values joined make the natural key. */
    final List<QueryParameter> identity;
    /** Query parameters by lower-case name (the ODS/API matches them case-insensitively). */
    final Map<String, QueryParameter> queryParameters;
    /** Parameters found at more than one body path, whose values must agree (key unification). */
    final List<QueryParameter> unifiedParameters;

    ResourceModel(String namespace, String name, String entityName, boolean descriptor, boolean keyChangeAllowed,
                  SchemaNode schema, List<QueryParameter> identity, Map<String, QueryParameter> queryParameters) {
        this.namespace = namespace;
        this.name = name;
        this.entityName = entityName;
        this.descriptor = descriptor;
        this.keyChangeAllowed = keyChangeAllowed;
        this.schema = schema;
        this.identity = identity;
        this.queryParameters = queryParameters;
        this.unifiedParameters = queryParameters.values().stream().filter(p -> p.paths().size() > 1).toList();
    }

    /** The path below the data management API, e.g. {@code /ed-fi/students}. */
    String path() {
        return "/" + namespace + "/" + name;
    }

    /** For descriptors: the server-assigned integer property, e.g. {@code sexDescriptorId}. */
    String descriptorIdProperty() {
        return Character.toLowerCase(entityName.charAt(0)) + entityName.substring(1) + "Id";
    }

    /**
     * The natural key of a body: identity values in name order, joined. A descriptor's key is its URI,
     * {@code namespace#codeValue}, so a descriptor-valued property can be looked up directly.
     */
    String naturalKey(JsonNode body) {
        if (descriptor) {
            return body.path("namespace").asText() + "#" + body.path("codeValue").asText();
        }
        StringBuilder key = new StringBuilder();
        for (QueryParameter p : identity) {
            if (key.length() > 0) {
                key.append(KEY_SEPARATOR);
            }
            key.append(text(firstValue(body, p)));
        }
        return key.toString();
    }

    /** The natural key named by query parameters (keys lower-case), or null when one is missing. */
    String naturalKey(Map<String, String> query) {
        if (descriptor) {
            String ns = query.get("namespace");
            String code = query.get("codevalue");
            return ns == null || code == null ? null : ns + "#" + code;
        }
        StringBuilder key = new StringBuilder();
        for (QueryParameter p : identity) {
            String value = query.get(p.name().toLowerCase(Locale.ROOT));
            if (value == null) {
                return null;
            }
            if (key.length() > 0) {
                key.append(KEY_SEPARATOR);
            }
            key.append(value);
        }
        return key.toString();
    }

    /** The first non-null value of a parameter's paths, or null. */
    static JsonNode firstValue(JsonNode body, QueryParameter p) {
        for (List<String> path : p.paths()) {
            JsonNode node = at(body, path);
            if (node != null && !node.isNull()) {
                return node;
            }
        }
        return null;
    }

    static JsonNode at(JsonNode body, List<String> path) {
        JsonNode node = body;
        for (String part : path) {
            node = node.get(part);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    static String text(JsonNode value) {
        return value == null || value.isNull() ? "" : value.asText();
    }
}
