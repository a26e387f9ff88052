package org.rollcall.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP response: status, headers and body (empty for 204 and 304). */
record SandboxResponse(int status, Map<String, String> headers, byte[] body) {

    static final String JSON = "application/json; charset=utf-8";

    static SandboxResponse json(int status, byte[] body) {
        return new SandboxResponse(status, new LinkedHashMap<>(Map.of("Content-Type", JSON)), body);
    }

    static SandboxResponse json(int status, String body) {
        return json(status, body.getBytes(StandardCharsets.UTF_8));
    }

    static SandboxResponse json(int status, Object value) {
        return json(status, Json.bytes(value));
    }

    static SandboxResponse empty(int status) {
        return new SandboxResponse(status, new LinkedHashMap<>(), new byte[0]);
    }

    SandboxResponse withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
