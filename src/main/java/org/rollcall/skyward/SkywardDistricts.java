package org.rollcall.skyward;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rollcall.config.ConfigException;
import org.rollcall.config.RollcallConfig;
import org.rollcall.config.Settings;
import org.rollcall.edfi.DescriptorCrosswalk;

/** The districts that sync from Skyward (those with {@code skyward.url} set), with their options and crosswalk. */
public final class SkywardDistricts {

    /** One district's Skyward setup. */
    public record Setup(String districtId, SkywardOptions options, DescriptorCrosswalk crosswalk) { }

    private final Map<String, Setup> byId = new LinkedHashMap<>();

    private SkywardDistricts() {
    }

    /** Reads every district's skyward.* keys; crosswalk paths resolve against {@code home}. */
    public static SkywardDistricts from(RollcallConfig c, Path home) {
        SkywardDistricts out = new SkywardDistricts();
        List<String> problems = new ArrayList<>();
        for (String id : c.districts()) {
            String url = c.get(Settings.SKYWARD_URL, id);
            if (url == null || url.isEmpty()) {
                continue;
            }
            String key = c.get(Settings.SKYWARD_CLIENT_KEY, id);
            String secret = c.get(Settings.SKYWARD_CLIENT_SECRET, id);
            if (key.isEmpty()) {
                problems.add(Settings.SKYWARD_CLIENT_KEY.nameFor(id) + ": is required when skyward.url is set");
            }
            if (secret.isEmpty()) {
                problems.add(Settings.SKYWARD_CLIENT_SECRET.nameFor(id) + ": is required when skyward.url is set");
            }
            if (!problems.isEmpty()) {
                continue;
            }
            SkywardOptions o = new SkywardOptions(URI.create(url), key, secret,
                    c.get(Settings.SKYWARD_ENTITY_IDS, id).stream().map(Long::valueOf).toList(),
                    c.get(Settings.SKYWARD_PAGE_SIZE, id), c.get(Settings.SKYWARD_SCHEDULE, id),
                    c.get(Settings.SKYWARD_TIME_ZONE, id), c.get(Settings.SKYWARD_STUDENT_ID_FIELD, id),
                    home.resolve(c.get(Settings.SKYWARD_CROSSWALK, id)), c.get(Settings.SKYWARD_RETRIES, id),
                    c.get(Settings.SKYWARD_BACKOFF, id), c.get(Settings.SKYWARD_TIMEOUT, id));
            out.byId.put(id, new Setup(id, o, DescriptorCrosswalk.load(o.crosswalk(), c.get(Settings.EDFI_NAMESPACE, id))));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return out;
    }

    public Optional<Setup> get(String districtId) {
        return Optional.ofNullable(byId.get(districtId));
    }

    public Collection<Setup> all() {
        return byId.values();
    }
}
