package org.rollcall.edfi.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.rollcall.edfi.EdFiJson;

/**
 * An Ed-Fi error response made readable: the problem-details {@code type}, {@code detail} and
 * {@code validationErrors} of ODS/API 7.2+ and API 8, or the {@code message} of older servers
 * (edfi-api.md 1.7).
 */
public record EdFiError(int status, String type, String message) {

    public static EdFiError of(int status, String body) {
        if (body == null || body.isBlank()) {
            return new EdFiError(status, null, "HTTP " + status + " with no body");
        }
        JsonNode json;
        try {
            json = EdFiJson.read(body);
        } catch (IllegalArgumentException e) {
            String text = body.strip();
            return new EdFiError(status, null, text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
        String type = json.path("type").asText(null);
        List<String> parts = new ArrayList<>();
        String detail = json.path("detail").asText(null);
        if (detail != null) {
            parts.add(detail);
        }
        JsonNode validation = json.path("validationErrors");
        for (Iterator<Map.Entry<String, JsonNode>> it = validation.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> msgs = new ArrayList<>();
            e.getValue().forEach(m -> msgs.add(m.asText()));
            parts.add(e.getKey() + ": " + String.join("; ", msgs));
        }
        json.path("errors").forEach(m -> parts.add(m.asText()));
        if (parts.isEmpty() && json.hasNonNull("message")) {
            parts.add(json.get("message").asText());
        }
        if (parts.isEmpty()) {
            parts.add("HTTP " + status);
        }
        return new EdFiError(status, type, String.join(" | ", parts));
    }

    /** A referenced resource is missing: worth retrying once its parent is sent. */
    public boolean isUnresolvedReference() {
        if (status != 409) {
            return false;
        }
        if (type != null) {
            return type.endsWith("unresolved-reference");
        }
        // ODS/API before 7.2: a plain message naming the missing reference
        String m = message.toLowerCase(java.util.Locale.ROOT);
        return m.contains("reference") && (m.contains("not found") || m.contains("does not exist")
                || m.contains("unresolved"));
    }
}
