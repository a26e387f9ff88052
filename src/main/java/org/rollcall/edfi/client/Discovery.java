package org.rollcall.edfi.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.rollcall.edfi.EdFiJson;

/**
 * The Ed-Fi discovery document ({@code GET {root}/}): where the data API and the token endpoint
 * are, and which Data Standard the target serves. Paths are never hard-coded (edfi-api.md 1.1).
 */
public record Discovery(URI root, URI dataManagementApi, URI oauth, String dataStandardVersion) {

    public static Discovery read(URI root, HttpClient http) {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(root).timeout(Duration.ofSeconds(15))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new EdFiTargetException("Ed-Fi target " + root + " is not reachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EdFiTargetException("interrupted while reading " + root, e);
        }
        if (response.statusCode() != 200) {
            throw new EdFiTargetException("Ed-Fi target " + root + " answered " + response.statusCode()
                    + " to the discovery request; is this the API root?");
        }
        JsonNode doc;
        try {
            doc = EdFiJson.read(response.body());
        } catch (IllegalArgumentException e) {
            throw new EdFiTargetException("Ed-Fi target " + root + " did not return a discovery document (not JSON)");
        }
        JsonNode urls = doc.path("urls");
        if (!urls.hasNonNull("dataManagementApi") || !urls.hasNonNull("oauth")) {
            throw new EdFiTargetException("Ed-Fi target " + root
                    + " discovery document lacks urls.dataManagementApi or urls.oauth");
        }
        String data = urls.get("dataManagementApi").asText();
        String ds = null;
        for (JsonNode m : doc.path("dataModels")) {
            if ("Ed-Fi".equals(m.path("name").asText())) {
                ds = m.path("version").asText(null);
            }
        }
        return new Discovery(root, URI.create(data.endsWith("/") ? data : data + "/"),
                URI.create(urls.get("oauth").asText()), ds);
    }

    /** The collection URL of a resource path such as {@code ed-fi/students}. */
    public String collectionUrl(String resourcePath) {
        return dataManagementApi.resolve(resourcePath).toString();
    }
}
