package org.rollcall.run;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The configured districts by id; looked up by the beans a district's routes call. */
public final class Districts {

    private final Map<String, District> byId = new LinkedHashMap<>();

    public Districts(Collection<District> districts) {
        districts.forEach(d -> byId.put(d.id(), d));
    }

    public District get(String id) {
        District d = byId.get(id);
        if (d == null) {
            throw new IllegalArgumentException("no district '" + id + "'");
        }
        return d;
    }

    public Collection<District> all() {
        return byId.values();
    }
}
