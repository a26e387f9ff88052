package org.rollcall.sandbox;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One HTTP request as the sandbox handlers see it.
 *
 * @param method  upper case, e.g. {@code POST}
 * @param path    decoded path, e.g. {@code /data/v3/ed-fi/students}
 * @param query   decoded query parameters by lower-case name (the ODS/API matches names case-insensitively)
 * @param headers request headers by lower-case name (first value)
 * @param body    the raw body, empty when there is none
 * @param baseUrl {@code http://<Host header>/}, the root every absolute URL in a response is built on
 */
record SandboxRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                      byte[] body, String baseUrl) {

    String header(String name) {
        return headers.get(name);
    }

    /**
     * The caller's correlation id ({@code correlation-id} header or {@code correlationId} query parameter), echoed
     * in problem details as the ODS/API does; a fresh one otherwise.
     */
    String correlationId() {
        String id = headers.get("correlation-id");
        if (id == null) {
            id = query.get("correlationid");
        }
        return id != null ? id : Long.toHexString(ThreadLocalRandom.current().nextLong());
    }
}
