package org.rollcall.skyward;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * One district's Skyward Qmlativ connection and pull settings, from
 * {@code rollcall.district.<id>.skyward.*}.
 *
 * @param baseUrl    the API base, e.g. {@code https://skyward.iscorp.com/DistrictAPI} (no trailing slash)
 * @param entityIds  entities to read entity-scoped objects from (1 = district-wide)
 * @param studentIdField the Qmlativ field that becomes the Ed-Fi studentUniqueId
 */
public record SkywardOptions(
        URI baseUrl,
        String clientKey,
        String clientSecret,
        List<Long> entityIds,
        int pageSize,
        String schedule,
        ZoneId timeZone,
        String studentIdField,
        Path crosswalk,
        int retries,
        Duration backoff,
        Duration timeout) {

    public SkywardOptions {
        String u = baseUrl.toString();
        baseUrl = URI.create(u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
        entityIds = List.copyOf(entityIds);
    }

    /** The entity lookups and district-wide objects are read from: the first configured one. */
    public long primaryEntity() {
        return entityIds.get(0);
    }
}
