package org.rollcall.edfi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The one Jackson mapper for Ed-Fi bodies, and the payload hash the state store compares. */
public final class EdFiJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private EdFiJson() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Hash of what would be sent, salted with the mapping version: the same body under a changed
     * mapping hashes differently, so a mapping change re-evaluates every record (peers.md 10.12).
     */
    public static String hash(String mappingVersion, String body) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(mappingVersion.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
