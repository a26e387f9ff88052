package org.rollcall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET by id, by natural key and other properties, and paging (edfi-api.md 1.8; Postman ResponseTests "GET"). */
class ResourceGetIT extends SandboxITBase {

    @Test
    void getByIdReturnsTheBodyWithIdETagAndLastModifiedDate() {
        HttpResponse<String> post = client.post("students", Payloads.student("605001"));
        String id = SandboxClient.idOf(post);
        HttpResponse<String> r = client.get("students/" + id);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode item = SandboxClient.json(r);
        assertThat(item.get("id").asText()).isEqualTo(id);
        assertThat(item.get("studentUniqueId").asText()).isEqualTo("605001");
        assertThat(item.get("birthDate").asText()).isEqualTo("2010-05-04");
        assertThat(DataApi.quoted(item.get("_etag").asText())).isEqualTo(post.headers().firstValue("ETag").orElseThrow());
        assertThat(r.headers().firstValue("ETag")).isEqualTo(post.headers().firstValue("ETag"));
        assertThat(item.get("_lastModifiedDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void anUnknownIdIs404AndAMalformedIdIs400() {
        HttpResponse<String> missing = client.get("students/0123456789abcdef0123456789abcdef");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(SandboxClient.json(missing).get("type").asText()).isEqualTo("urn:ed-fi:api:not-found");
        HttpResponse<String> malformed = client.get("students/invalid");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.json(malformed).get("type").asText())
                .isEqualTo("urn:ed-fi:api:bad-request:parameter-validation-failed");
    }

    @Test
    void anIdOfAnotherResourceIs404() {
        String id = stored("students", Payloads.student("605002"));
        assertThat(client.get("schools/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void ifNoneMatchWithTheCurrentETagIs304() {
        HttpResponse<String> post = client.post("students", Payloads.student("605003"));
        String etag = post.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> r = client.get("students/" + SandboxClient.idOf(post), "If-None-Match", etag);
        assertThat(r.statusCode()).isEqualTo(304);
    }

    @Test
    void aNaturalKeyQueryReturnsZeroOrOneItems() {
        String id = stored("students", Payloads.student("605004"));
        JsonNode found = SandboxClient.json(client.get("students?studentUniqueId=605004"));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("id").asText()).isEqualTo(id);
        assertThat(SandboxClient.json(client.get("students?studentUniqueId=999999"))).isEmpty();
    }

    @Test
    void referencePropertiesAreQueriedFlat() {
        storeDistrictWithStudent("605005");
        stored("students", Payloads.student("605006"));
        String id = stored("studentSchoolAssociations", Payloads.ssa("605005", Payloads.SCHOOL_ID, "2024-08-21"));
        stored("studentSchoolAssociations", Payloads.ssa("605006", Payloads.SCHOOL_ID, "2024-08-21"));

        JsonNode byKey = SandboxClient.json(client.get("studentSchoolAssociations?studentUniqueId=605005&schoolId="
                + Payloads.SCHOOL_ID + "&entryDate=2024-08-21"));
        assertThat(byKey).hasSize(1);
        assertThat(byKey.get(0).get("id").asText()).isEqualTo(id);
        assertThat(SandboxClient.json(client.get("studentSchoolAssociations?schoolId=" + Payloads.SCHOOL_ID)))
                .hasSize(2);
        assertThat(SandboxClient.json(client.get("studentSchoolAssociations?studentUniqueId=605006"))).hasSize(1);
        assertThat(SandboxClient.json(client.get("studentSchoolAssociations?entryGradeLevelDescriptor="
                + SandboxClient.q("uri://ed-fi.org/GradeLevelDescriptor#Ninth grade")))).hasSize(2);
    }

    @Test
    void otherTopLevelPropertiesFilterAndNamesAreCaseInsensitive() {
        stored("students", Payloads.student("605007", "Alpha"));
        stored("students", Payloads.student("605008", "Beta"));
        assertThat(SandboxClient.json(client.get("students?lastSurname=Beta"))).hasSize(1);
        assertThat(SandboxClient.json(client.get("students?LastSurname=Beta"))).hasSize(1);
    }

    @Test
    void pagingUsesOffsetAndLimitInAStableOrderWithTotalCountOnRequest() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(stored("students", Payloads.student("6060" + String.format("%02d", i))));
        }
        JsonNode firstPage = SandboxClient.json(client.get("students"));
        assertThat(firstPage).hasSize(DataApi.DEFAULT_LIMIT);
        assertThat(firstPage.get(0).get("id").asText()).isEqualTo(ids.get(0));

        HttpResponse<String> page = client.get("students?offset=10&limit=5&totalCount=true");
        JsonNode items = SandboxClient.json(page);
        assertThat(items).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(items.get(i).get("id").asText()).isEqualTo(ids.get(10 + i));
        }
        assertThat(page.headers().firstValue("Total-Count")).hasValue("30");
        assertThat(client.get("students?offset=10&limit=5").headers().firstValue("Total-Count")).isEmpty();
        assertThat(SandboxClient.json(client.get("students?offset=28&limit=5"))).hasSize(2);
        assertThat(SandboxClient.json(client.get("students?limit=0"))).isEmpty();
        HttpResponse<String> countOnly = client.get("students?limit=0&totalCount=true"); // how lightbeam counts
        assertThat(SandboxClient.json(countOnly)).isEmpty();
        assertThat(countOnly.headers().firstValue("Total-Count")).hasValue("30");
        assertThat(SandboxClient.json(client.get("students?limit=500"))).hasSize(30);
    }

    @Test
    void aLimitAbove500OrBelowZeroIs400ParameterValidationFailed() {
        for (String limit : List.of("501", "-1", "abc")) {
            HttpResponse<String> r = client.get("students?limit=" + limit);
            assertThat(r.statusCode()).as(limit).isEqualTo(400);
            assertThat(SandboxClient.json(r).get("type").asText())
                    .isEqualTo("urn:ed-fi:api:bad-request:parameter-validation-failed");
        }
        assertThat(client.get("students?offset=-1").statusCode()).isEqualTo(400);
    }

    @Test
    void totalCountCountsFilteredItems() {
        stored("students", Payloads.student("605010", "Gamma"));
        stored("students", Payloads.student("605011", "Gamma"));
        stored("students", Payloads.student("605012", "Delta"));
        HttpResponse<String> r = client.get("students?lastSurname=Gamma&limit=1&totalCount=true");
        assertThat(SandboxClient.json(r)).hasSize(1);
        assertThat(r.headers().firstValue("Total-Count")).hasValue("2");
    }
}
