package org.rollcall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Discovery, metadata and dependencies, shaped the way lightbeam (edanalytics/lightbeam api.py) reads them. */
class DiscoveryIT extends SandboxITBase {

    @Test
    void theRootIsAnOds7DiscoveryDocumentWithAbsoluteUrlsOnTheRequestHost() {
        HttpResponse<String> r = client.getPublic("");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = SandboxClient.json(r);
        assertThat(doc.get("version").asText()).startsWith("7.");
        assertThat(doc.get("dataModels").get(0).get("name").asText()).isEqualTo("Ed-Fi");
        assertThat(doc.get("dataModels").get(0).get("version").asText()).isEqualTo("5.0.0");
        String base = "http://127.0.0.1:" + client.sandbox.port() + "/";
        JsonNode urls = doc.get("urls");
        assertThat(urls.get("dataManagementApi").asText()).isEqualTo(base + "data/v3/");
        assertThat(urls.get("oauth").asText()).isEqualTo(base + "oauth/token");
        assertThat(urls.get("dependencies").asText()).isEqualTo(base + "metadata/data/v3/dependencies");
        assertThat(urls.get("openApiMetadata").asText()).isEqualTo(base + "metadata/");
        assertThat(urls.fieldNames()).toIterable().contains("xsdMetadata", "changeQueries", "composites", "identity");
    }

    @Test
    void urlsFollowTheHostTheClientUsed() {
        URI viaLocalhost = URI.create("http://localhost:" + client.sandbox.port() + "/");
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(viaLocalhost).GET());
        assertThat(SandboxClient.json(r).get("urls").get("oauth").asText())
                .isEqualTo("http://localhost:" + client.sandbox.port() + "/oauth/token");
    }

    @Test
    void theOpenApiListNamesResourcesAndDescriptorsWithEndpointUriAndPrefix() {
        JsonNode list = SandboxClient.json(client.getPublic("metadata/"));
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("name").asText()).isEqualTo("Resources");
        assertThat(list.get(0).get("endpointUri").asText())
                .isEqualTo(client.root() + "metadata/data/v3/resources/swagger.json");
        assertThat(list.get(0).get("prefix").asText()).isEmpty();
        assertThat(list.get(1).get("name").asText()).isEqualTo("Descriptors");
        assertThat(list.get(1).get("endpointUri").asText())
                .isEqualTo(client.root() + "metadata/data/v3/descriptors/swagger.json");
    }

    @Test
    void theSwaggerDocumentsAreTheShippedSpecsAsJsonPointingAtThisSandbox() {
        JsonNode list = SandboxClient.json(client.getPublic("metadata/"));
        JsonNode resources = SandboxClient.json(client.send(
                HttpRequest.newBuilder(URI.create(list.get(0).get("endpointUri").asText())).GET()));
        assertThat(resources.get("openapi").asText()).startsWith("3.0");
        assertThat(resources.get("servers").get(0).get("url").asText()).isEqualTo(client.root() + "data/v3");
        assertThat(resources.at("/components/schemas/edFi_student/required")).isNotEmpty();
        assertThat(resources.at("/paths/~1ed-fi~1students/post")).isNotNull();
        assertThat(resources.at("/components/securitySchemes/oauth2_client_credentials/flows/clientCredentials/tokenUrl")
                .asText()).isEqualTo(client.root() + "oauth/token");
        JsonNode descriptors = SandboxClient.json(client.send(
                HttpRequest.newBuilder(URI.create(list.get(1).get("endpointUri").asText())).GET()));
        assertThat(descriptors.at("/components/schemas/edFi_sexDescriptor/properties/codeValue")).isNotNull();
    }

    @Test
    void dependenciesListEveryResourceInLoadOrderWithCreateOperations() {
        JsonNode deps = SandboxClient.json(client.getPublic("metadata/data/v3/dependencies"));
        List<String> order = new ArrayList<>();
        deps.forEach(d -> {
            assertThat(d.get("operations").toString()).contains("Create");
            order.add(d.get("resource").asText());
        });
        assertThat(order).contains("/ed-fi/sexDescriptors", "/ed-fi/students", "/tpdm/candidates");
        assertThat(order.indexOf("/ed-fi/localEducationAgencies")).isLessThan(order.indexOf("/ed-fi/schools"));
        assertThat(order.indexOf("/ed-fi/schools")).isLessThan(order.indexOf("/ed-fi/studentSchoolAssociations"));
        assertThat(order.indexOf("/ed-fi/students"))
                .isLessThan(order.indexOf("/ed-fi/studentEducationOrganizationAssociations"));
        assertThat(deps.get(0).get("order").asInt()).isEqualTo(1);
    }

    @Test
    void unknownPathsAre404ProblemDetails() {
        HttpResponse<String> r = client.getPublic("nothing/here");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(SandboxClient.json(r).get("type").asText()).isEqualTo("urn:ed-fi:api:not-found");
        assertThat(client.get("noSuchThings").statusCode()).isEqualTo(404);
    }
}
