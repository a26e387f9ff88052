package org.rollcall.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a fresh ODS holds before anyone writes to it: the DS 5.2 default descriptor values and the school
 * years 1991-2050 ({@code schoolYearTypes}, which {@code schoolYearTypeReference}s resolve against). Seeded
 * once per store; seeded items are marked so export leaves them out.
 */
final class Seeds {

    static final int FIRST_SCHOOL_YEAR = 1991;
    static final int LAST_SCHOOL_YEAR = 2050;

    private Seeds() {
    }

    /** Seeds the store unless its persistence says it already was; returns how many items were added. */
    static int seedIfNew(ApiModel model, ResourceStore store, Clock clock) {
        if (store.persistence().seeded()) {
            return 0;
        }
        return store.write(() -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            List<StoredItem> items = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = model.defaultDescriptorValues().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> set = it.next();
                ResourceModel resource = model.descriptorResource(set.getKey());
                if (resource == null) {
                    continue; // a DS 5.2 descriptor type the DS 5.0 API does not have
                }
                for (JsonNode value : set.getValue()) {
                    long seq = store.nextSeq();
                    ObjectNode body = Json.object();
                    body.put(resource.descriptorIdProperty(), seq);
                    body.put("codeValue", value.path("codeValue").asText());
                    body.put("description", value.path("description").asText());
                    body.put("namespace", value.path("namespace").asText());
                    body.put("shortDescription", value.path("shortDescription").asText());
                    items.add(item(store, resource, body, seq, now));
                }
            }
            ResourceModel schoolYears = model.resource("schoolYearTypes");
            int current = currentSchoolYear(clock);
            for (int year = FIRST_SCHOOL_YEAR; year <= LAST_SCHOOL_YEAR; year++) {
                ObjectNode body = Json.object();
                body.put("schoolYear", year);
                body.put("currentSchoolYear", year == current);
                body.put("schoolYearDescription", (year - 1) + "-" + year);
                items.add(item(store, schoolYears, body, store.nextSeq(), now));
            }
            store.seed(items);
            store.persistence().markSeeded();
            return items.size();
        });
    }

    private static StoredItem item(ResourceStore store, ResourceModel resource, ObjectNode body, long seq,
                                   Instant now) {
        String key = resource.naturalKey(body);
        String json = Json.write(body);
        return new StoredItem(store.newId(resource.name, key), resource.name, key, seq, json, ResourceStore.etag(json),
                now, List.of(), true);
    }

    /** The school year in progress, named by its ending year (2024-2025 is 2025); a new year starts in July. */
    static int currentSchoolYear(Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return today.getMonthValue() >= 7 ? today.getYear() + 1 : today.getYear();
    }
}
