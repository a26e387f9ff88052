package org.rollcall.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox's DS 5.0 body check, for use before sending: the official OpenAPI schema (undefined
 * properties rejected) and, optionally, descriptor values in the {@code uri://ed-fi.org} namespace
 * against the DS 5.2 descriptor sets. Values in other namespaces (a state's own descriptors) cannot
 * be checked locally and pass. Errors are keyed by JSON path, worded like the ODS/API's.
 */
public final class Ds5Schema {

    private static final String ED_FI = "uri://ed-fi.org/";
    private static volatile Ds5Schema shared;

    private final ApiModel model;
    private final Set<String> descriptors = new HashSet<>();

    private Ds5Schema(ApiModel model) {
        this.model = model;
        for (Iterator<Map.Entry<String, JsonNode>> it = model.defaultDescriptorValues().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> set = it.next();
            for (JsonNode v : set.getValue()) {
                descriptors.add(key(set.getKey(), v.path("namespace").asText() + "#" + v.path("codeValue").asText()));
            }
        }
    }

    public static Ds5Schema get() {
        Ds5Schema s = shared;
        if (s == null) {
            synchronized (Ds5Schema.class) {
                if (shared == null) {
                    shared = new Ds5Schema(ApiModel.get());
                }
                s = shared;
            }
        }
        return s;
    }

    /** Whether the DS 5.0 API has this resource (collection name, e.g. {@code students}). */
    public boolean knows(String collection) {
        return model.resource(collection) != null;
    }

    /** Validation errors by JSON path; empty when the body is valid. */
    public Map<String, List<String>> check(String collection, JsonNode body, boolean checkDescriptors) {
        ResourceModel resource = model.resource(collection);
        if (resource == null) {
            return Map.of("$", List.of("The Ed-Fi DS 5.0 API has no resource '" + collection + "'."));
        }
        if (!(body instanceof ObjectNode object)) {
            return Map.of("$", List.of("The request body must be a JSON object."));
        }
        return BodyValidator.validate(resource, object.deepCopy(), (type, uri) -> !checkDescriptors
                || !uri.startsWith(ED_FI) || descriptors.contains(key(type, uri))).errors();
    }

    private static String key(String type, String uri) {
        return type.toLowerCase(Locale.ROOT) + " " + uri;
    }
}
