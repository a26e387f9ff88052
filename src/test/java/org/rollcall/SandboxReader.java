package org.rollcall;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.rollcall.edfi.EdFiJson;
import org.rollcall.sandbox.EdFiSandbox;

/** Reads what the sandbox holds, over its HTTP API, the way any Ed-Fi client would. */
final class SandboxReader {

    private final EdFiSandbox sandbox;
    private final HttpClient http = HttpClient.newHttpClient();

    SandboxReader(EdFiSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Every stored item of a resource, paged 500 at a time. */
    List<JsonNode> all(String resource) {
        String token = token();
        List<JsonNode> out = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            JsonNode page = EdFiJson.read(get(sandbox.rootUrl().resolve("data/v3/ed-fi/" + resource + "?limit=500&offset="
                    + offset), token));
            page.forEach(out::add);
            if (page.size() < 500) {
                return out;
            }
        }
    }

    private String token() {
        HttpRequest r = HttpRequest.newBuilder(sandbox.rootUrl().resolve("oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=rollcall&client_secret=rollcall-sandbox")).build();
        return EdFiJson.read(send(r)).get("access_token").asText();
    }

    private String get(URI uri, String token) {
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build());
    }

    private String send(HttpRequest r) {
        try {
            HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(r.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
