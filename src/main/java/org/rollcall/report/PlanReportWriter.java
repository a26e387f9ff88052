package org.rollcall.report;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rollcall.edfi.EdFiResource;
import org.rollcall.ops.Mask;
import org.rollcall.sync.PlanSummary;

/**
 * The output of {@code ./rollcall plan}: per resource how many records would be created, updated,
 * left unchanged, deleted, exited, re-keyed, held by the guard or refused as invalid, with a few
 * sample keys of each. The terminal gets masked keys; the JSON file under the reports folder (where
 * student data may live) gets them whole.
 */
public final class PlanReportWriter {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path dir;

    public PlanReportWriter(Path dir) {
        this.dir = dir;
    }

    /** Writes {@code plan-<runId>.json} and returns its path. */
    public Path write(String runId, String district, PlanSummary plan, List<Problem> rejection) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runId", runId);
        out.put("district", district);
        if (!rejection.isEmpty()) {
            out.put("rejected", rejection.stream().map(Problem::describe).toList());
        }
        Map<String, Object> resources = new LinkedHashMap<>();
        for (EdFiResource r : EdFiResource.inDependencyOrder()) {
            Map<String, Object> kinds = new LinkedHashMap<>();
            plan.of(r).forEach((kind, n) -> {
                if (n != 0) {
                    kinds.put(kind.name().toLowerCase(Locale.ROOT), Map.of("count", n, "samples", plan.samples(r, kind)));
                }
            });
            if (!kinds.isEmpty()) {
                resources.put(r.collection(), kinds);
            }
        }
        out.put("resources", resources);
        Path file = dir.resolve("plan-" + runId + ".json");
        try {
            Files.createDirectories(dir);
            JSON.writeValue(file.toFile(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plan to " + file, e);
        }
        return file;
    }

    /** The terminal table, sample keys masked. */
    public static String summary(String runId, String district, PlanSummary plan) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Plan %s (district %s): nothing was sent%n", runId, district));
        sb.append(String.format("  %-46s %8s %8s %10s %8s %7s %7s %5s %8s%n", "resource", "create", "update",
                "unchanged", "delete", "exit", "re-key", "held", "invalid"));
        for (EdFiResource r : EdFiResource.inDependencyOrder()) {
            Map<PlanSummary.Kind, Long> c = plan.of(r);
            if (c.values().stream().allMatch(n -> n == 0)) {
                continue;
            }
            sb.append(String.format("  %-46s %8d %8d %10d %8d %7d %7d %5d %8d%n", r.collection(),
                    c.get(PlanSummary.Kind.CREATE), c.get(PlanSummary.Kind.UPDATE), c.get(PlanSummary.Kind.UNCHANGED),
                    c.get(PlanSummary.Kind.DELETE), c.get(PlanSummary.Kind.EXIT), c.get(PlanSummary.Kind.REKEY),
                    c.get(PlanSummary.Kind.HELD), c.get(PlanSummary.Kind.INVALID)));
            for (PlanSummary.Kind k : PlanSummary.Kind.values()) {
                List<String> s = plan.samples(r, k);
                if (!s.isEmpty() && k != PlanSummary.Kind.UNCHANGED) {
                    sb.append(String.format("      %s e.g. %s%n", k.name().toLowerCase(Locale.ROOT),
                            String.join(", ", s.stream().map(Mask::key).toList())));
                }
            }
        }
        return sb.toString();
    }
}
