package org.rollcall.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes what a store holds as JSONL, one file per resource ({@code <outDir>/students.jsonl}), one document per
 * line in insertion order. Documents are POST-ready (no {@code id}, {@code _etag}, {@code _lastModifiedDate},
 * no server-assigned descriptor ids), so the files can be sent to a real ODS/API, e.g. with lightbeam. Seeded
 * defaults (descriptor sets, school years) are left out.
 */
final class JsonlExport {

    private JsonlExport() {
    }

    /** Returns the number of documents written per resource. */
    static Map<String, Integer> write(ApiModel model, List<StoredItem> items, Path outDir) {
        Map<String, List<StoredItem>> byResource = items.stream().filter(i -> !i.seeded())
                .collect(Collectors.groupingBy(StoredItem::resource, TreeMap::new, Collectors.toList()));
        Map<String, Integer> written = new TreeMap<>();
        try {
            Files.createDirectories(outDir);
            for (Map.Entry<String, List<StoredItem>> e : byResource.entrySet()) {
                ResourceModel resource = model.resource(e.getKey());
                try (BufferedWriter out = Files.newBufferedWriter(outDir.resolve(e.getKey() + ".jsonl"),
                        StandardCharsets.UTF_8)) {
                    for (StoredItem item : e.getValue()) {
                        out.write(postable(resource, item));
                        out.write('\n');
                    }
                }
                written.put(e.getKey(), e.getValue().size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export the Ed-Fi sandbox store to " + outDir, e);
        }
        return written;
    }

    private static String postable(ResourceModel resource, StoredItem item) {
        if (resource == null || !resource.descriptor) {
            return item.body();
        }
        ObjectNode body = (ObjectNode) Json.parse(item.body());
        body.remove(resource.descriptorIdProperty());
        return Json.write(body);
    }
}
