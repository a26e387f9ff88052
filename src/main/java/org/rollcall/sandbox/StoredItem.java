package org.rollcall.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * One stored resource item.
 *
 * @param id           32 lower-case hex characters, stable for the natural key it was created with
 * @param resource     collection name, e.g. {@code students}
 * @param naturalKey   see {@link ResourceModel#naturalKey}
 * @param seq          insertion order, which is the stable GET order
 * @param body         the resource as compact JSON, without {@code id}, {@code _etag}, {@code _lastModifiedDate}
 * @param etag         unquoted; changes whenever the body changes
 * @param lastModified when the body last changed
 * @param references   what the item refers to, each {@link #referenceKey(String, String)}
 * @param seeded       true for values the sandbox seeded (default descriptors, school years) until a client
 *                     changes them; export leaves them out
 */
record StoredItem(String id, String resource, String naturalKey, long seq, String body, String etag,
                  Instant lastModified, List<String> references, boolean seeded) {

    private static final char RESOURCE_SEPARATOR = '\u001E';

    static String referenceKey(String resource, String naturalKey) {
        return resource + RESOURCE_SEPARATOR + naturalKey;
    }

    /** The resource named by a {@link #referenceKey}. */
    static String resourceOf(String referenceKey) {
        return referenceKey.substring(0, referenceKey.indexOf(RESOURCE_SEPARATOR));
    }

    String referenceKey() {
        return referenceKey(resource, naturalKey);
    }

    /** The item as the API returns it: {@code id} first, then the body, then {@code _etag} and {@code _lastModifiedDate}. */
    String toApiJson() {
        StringBuilder sb = new StringBuilder(body.length() + 120);
        sb.append("{\"id\":\"").append(id).append('"');
        String inner = body.substring(1, body.length() - 1);
        if (!inner.isBlank()) {
            sb.append(',').append(inner);
        }
        sb.append(",\"_etag\":\"").append(etag).append("\",\"_lastModifiedDate\":\"").append(lastModified)
                .append("\"}");
        return sb.toString();
    }
}
