package org.rollcall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** OAuth2 client credentials as the ODS/API TokenController answers (edfi-api.md 1.2). */
class OAuthTokenIT extends SandboxITBase {

    private HttpResponse<String> token(String contentType, String body, String basic) {
        HttpRequest.Builder b = HttpRequest.newBuilder(client.root().resolve("oauth/token"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (basic != null) {
            b.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(b);
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void aFormBodyGetsABearerTokenThatExpiresAfterTheConfiguredTtl() {
        HttpResponse<String> r = token(FORM,
                "grant_type=client_credentials&client_id=rollcall&client_secret=rollcall-sandbox", null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = SandboxClient.json(r);
        assertThat(body.get("access_token").asText()).hasSize(32);
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(1800);
    }

    @Test
    void aJsonBodyWorksToo() {
        HttpResponse<String> r = token("application/json",
                "{\"grant_type\":\"client_credentials\",\"client_id\":\"rollcall\",\"client_secret\":\"rollcall-sandbox\"}",
                null);
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void aBasicHeaderWithGrantTypeInTheBodyWorksAsLightbeamSendsIt() {
        HttpResponse<String> r = token(FORM, "grant_type=client_credentials", "rollcall:rollcall-sandbox");
        assertThat(r.statusCode()).isEqualTo(200);
        String token = SandboxClient.json(r).get("access_token").asText();
        HttpResponse<String> data = client.send(HttpRequest.newBuilder(client.data("students"))
                .header("Authorization", "Bearer " + token).GET());
        assertThat(data.statusCode()).isEqualTo(200);
    }

    @Test
    void credentialsInBothHeaderAndBodyAre400InvalidClient() {
        HttpResponse<String> r = token(FORM,
                "grant_type=client_credentials&client_id=rollcall&client_secret=rollcall-sandbox",
                "rollcall:rollcall-sandbox");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.json(r).get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void aWrongSecretIs401() {
        HttpResponse<String> r = token(FORM, "grant_type=client_credentials&client_id=rollcall&client_secret=nope",
                null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(SandboxClient.json(r).get("error").asText()).isEqualTo("invalid_client");
        assertThat(token(FORM, "grant_type=client_credentials", "rollcall:nope").statusCode()).isEqualTo(401);
    }

    @Test
    void anotherGrantTypeIsRefused() {
        HttpResponse<String> r = token(FORM, "grant_type=password&client_id=rollcall&client_secret=rollcall-sandbox",
                null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.json(r).get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void dataCallsWithoutAValidBearerTokenAre401ProblemDetails() {
        HttpResponse<String> missing = client.send(HttpRequest.newBuilder(client.data("students")).GET());
        assertThat(missing.statusCode()).isEqualTo(401);
        JsonNode problem = SandboxClient.json(missing);
        assertThat(problem.get("type").asText()).isEqualTo("urn:ed-fi:api:security:authentication");
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");

        HttpResponse<String> invalid = client.send(HttpRequest.newBuilder(client.data("students"))
                .header("Authorization", "Bearer 0123456789abcdef0123456789abcdef").GET());
        assertThat(invalid.statusCode()).isEqualTo(401);
        assertThat(SandboxClient.json(invalid).get("type").asText()).isEqualTo("urn:ed-fi:api:security:authentication");
    }

    @Test
    void theCredentialsAreConfigurable() {
        client.sandbox.close();
        client = SandboxClient.start(SandboxOptions.inMemory().withCredentials("district-7", "s3cret"));
        assertThat(token(FORM, "grant_type=client_credentials", "district-7:s3cret").statusCode()).isEqualTo(200);
        assertThat(token(FORM, "grant_type=client_credentials", "rollcall:rollcall-sandbox").statusCode())
                .isEqualTo(401);
    }

    @Test
    void anExpiredTokenIs401AndANewTokenWorks() throws InterruptedException {
        SandboxClient shortLived = SandboxClient.start(SandboxOptions.inMemory().withTokenTtl(Duration.ofSeconds(1)));
        try {
            assertThat(shortLived.get("students").statusCode()).isEqualTo(200);
            Thread.sleep(1200);
            HttpResponse<String> expired = shortLived.get("students");
            assertThat(expired.statusCode()).isEqualTo(401);
            JsonNode problem = SandboxClient.json(expired);
            assertThat(problem.get("type").asText()).isEqualTo("urn:ed-fi:api:security:authentication");
            assertThat(problem.get("errors").toString()).contains("expired");
            SandboxClient fresh = new SandboxClient(shortLived.sandbox, shortLived.options);
            assertThat(fresh.get("students").statusCode()).isEqualTo(200);
        } finally {
            shortLived.sandbox.close();
        }
    }
}
