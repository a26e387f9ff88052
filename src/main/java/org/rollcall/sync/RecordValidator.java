package org.rollcall.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rollcall.edfi.EdFiRecord;
import org.rollcall.edfi.EdFiResource;
import org.rollcall.sandbox.Ds5Schema;

/**
 * The checks a record passes before it is planned (rollcall.validate): the Data Standard's OpenAPI
 * schema, descriptor values against the descriptor sets, and references that resolve to a record
 * accepted earlier in the run or known to the state store. Natural-key uniqueness within the run is
 * the planner's own check. A record that fails is reported with its source line and never sent,
 * so the target never sees a body it would refuse with 400 or 409.
 */
public final class RecordValidator {

    /** The checks rollcall.validate can switch on. */
    public enum Check { SCHEMA, DESCRIPTORS, UNIQUENESS, REFERENCES }

    /** One reason a record is invalid: the JSON path and what is wrong there. */
    public record Violation(String path, String message) { }

    private final Set<Check> checks;
    private final StateStore store;
    private final String target;
    private final Ds5Schema schema;
    /**
     * Parents accepted lately, per resource. Bounded so memory stays flat however large the run: a
     * source emits a student's records together, so a child finds its parent here; one accepted
     * longer ago has been planned by then and is found in the state store.
     */
    private final Map<EdFiResource, Set<String>> accepted = new EnumMap<>(EdFiResource.class);
    static final int RECENT_PARENTS = 10_000;
    private volatile String runId;

    public RecordValidator(Set<Check> checks, StateStore store, String target) {
        this.checks = checks.isEmpty() ? Set.of() : Set.copyOf(checks);
        this.store = store;
        this.target = target;
        this.schema = checks.contains(Check.SCHEMA) || checks.contains(Check.DESCRIPTORS) ? Ds5Schema.get() : null;
    }

    public static RecordValidator none() {
        return new RecordValidator(Set.of(), null, null);
    }

    /** The run whose records this validator sees, so a parent planned earlier in it resolves. */
    void inRun(String runId) {
        this.runId = runId;
    }

    public boolean checks(Check check) {
        return checks.contains(check);
    }

    /** What is wrong with a record; empty when it may be sent. */
    public List<Violation> check(EdFiRecord record) {
        List<Violation> out = new ArrayList<>();
        if (schema != null && schema.knows(record.resource().collection())) {
            Map<String, List<String>> errors = schema.check(record.resource().collection(), record.payload(),
                    checks.contains(Check.DESCRIPTORS));
            errors.forEach((path, messages) -> {
                boolean descriptor = messages.stream().anyMatch(m -> m.contains("Descriptor"));
                if (checks.contains(Check.SCHEMA) || descriptor) {
                    out.add(new Violation(path, String.join("; ", messages)));
                }
            });
        }
        if (checks.contains(Check.REFERENCES)) {
            references(record.payload(), out);
        }
        return out;
    }

    /** Remembers a planned record, so the records that reference it resolve. */
    public void accepted(EdFiRecord record) {
        if (checks.contains(Check.REFERENCES) && isParent(record.resource())) {
            accepted.computeIfAbsent(record.resource(), r -> recentSet()).add(record.naturalKey());
        }
    }

    private void references(JsonNode payload, List<Violation> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            List<EdFiResource> candidates = targets(field.getKey());
            if (candidates.isEmpty() || !field.getValue().isObject()) {
                continue;
            }
            Map.Entry<String, JsonNode> id = field.getValue().fields().next();
            String idName = candidates.get(0).keyPaths().get(0);
            String value = id.getValue().asText();
            boolean found = false;
            for (EdFiResource parent : candidates) {
                String key = parent.keyPaths().get(0) + "=" + value;
                if (accepted.getOrDefault(parent, Set.of()).contains(key) || known(parent, key)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                out.add(new Violation("$." + field.getKey() + "." + id.getKey(), "the referenced "
                        + candidates.get(0).collection().replaceAll("s$|ies$", "") + " (" + idName
                        + ") is neither in this run nor known to have been sent"));
            }
        }
    }

    private boolean known(EdFiResource parent, String key) {
        if (store == null) {
            return false;
        }
        RecordState s = store.states(target, parent, List.of(key)).get(key);
        if (s != null && s.edfiId() != null && !"deleted".equals(s.lastStatus())) {
            return true;
        }
        return runId != null && store.plannedHash(runId, parent, key).isPresent();
    }

    private static Set<String> recentSet() {
        return java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > RECENT_PARENTS;
            }
        });
    }

    private static boolean isParent(EdFiResource r) {
        return r == EdFiResource.LOCAL_EDUCATION_AGENCIES || r == EdFiResource.SCHOOLS || r == EdFiResource.STUDENTS;
    }

    /** The resources a reference property points at (only the ones Rollcall itself writes). */
    private static List<EdFiResource> targets(String property) {
        return switch (property) {
            case "studentReference" -> List.of(EdFiResource.STUDENTS);
            case "schoolReference" -> List.of(EdFiResource.SCHOOLS);
            case "localEducationAgencyReference" -> List.of(EdFiResource.LOCAL_EDUCATION_AGENCIES);
            case "educationOrganizationReference" -> List.of(EdFiResource.LOCAL_EDUCATION_AGENCIES, EdFiResource.SCHOOLS);
            default -> List.of();
        };
    }
}
