package org.rollcall.calpads;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.rollcall.config.ConfigException;

/** What every district's imports share: the layouts (one per import type), the wording and the ELA status table. */
record CalpadsSetup(Map<ImportType, Layout> layouts, Messages messages, ElaStatuses statuses) {

    static CalpadsSetup load(Path ssidLayout, Path requestLayout, Path elaLayout, Path messages, Path statuses) {
        Map<ImportType, Layout> layouts = new EnumMap<>(ImportType.class);
        layouts.put(ImportType.SSID, needs(Layout.load(ssidLayout), Element.LOCAL_STUDENT_ID, Element.SSID));
        layouts.put(ImportType.REQUEST, needs(Layout.load(requestLayout), Element.REQUEST_ID, Element.RECORD_TYPE,
                Element.SELECTED, Element.LOCAL_STUDENT_ID, Element.SSID));
        layouts.put(ImportType.ELA, needs(Layout.load(elaLayout), Element.LOCAL_STUDENT_ID, Element.ELA_STATUS));
        Layout request = layouts.get(ImportType.REQUEST);
        if (!request.requestTypes().containsKey(Layout.RequestRole.REQUEST)
                || !request.requestTypes().containsKey(Layout.RequestRole.CANDIDATE) || request.selected().isEmpty()) {
            throw new ConfigException(requestLayout + ": a request results layout needs record-type.request, "
                    + "record-type.candidate and selected");
        }
        return new CalpadsSetup(Map.copyOf(layouts), Messages.load(messages), ElaStatuses.load(statuses));
    }

    private static Layout needs(Layout layout, Element... elements) {
        for (Element e : elements) {
            if (!layout.has(e)) {
                throw new ConfigException(layout.file() + ": the layout needs the element " + e.key() + " in fields");
            }
        }
        return layout;
    }

    Layout layout(ImportType type) {
        return layouts.get(type);
    }
}
