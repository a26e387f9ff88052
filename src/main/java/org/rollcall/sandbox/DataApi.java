package org.rollcall.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Ed-Fi resource endpoints, {@code /data/v3/{namespace}/{resource}[/{id}]}, with ODS/API 7.x semantics
 * (edfi-api.md 1.3-1.8): POST upserts by natural key, PUT replaces by id, DELETE by id, GET by id or by query
 * with paging; references must resolve, dependents block deletes, {@code If-Match} guards writes.
 */
final class DataApi {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 500;
    /** Query parameters that are not filters. */
    private static final Set<String> NOT_FILTERS = Set.of("offset", "limit", "totalcount", "minchangeversion",
            "maxchangeversion", "correlationid", "snapshot");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

    private final ApiModel model;
    private final ResourceStore store;
    private final Clock clock;

    DataApi(ApiModel model, ResourceStore store, Clock clock) {
        this.model = model;
        this.store = store;
        this.clock = clock;
    }

    /** A request for one resource; {@code rawId} is the path segment after the collection, or null. */
    SandboxResponse handle(SandboxRequest request, ResourceModel resource, String rawId) {
        String method = request.method();
        if (rawId == null) {
            return switch (method) {
                case "GET" -> query(request, resource);
                case "POST" -> post(request, resource);
                case "PUT", "DELETE" -> Problem.methodNotAllowed(request,
                        "Resource collections cannot be replaced or deleted. To update or delete an item, include"
                                + " its identifier in the URL.");
                default -> Problem.methodNotAllowed(request, method + " is not supported on resources.");
            };
        }
        if (method.equals("POST")) {
            return Problem.methodNotAllowed(request, "Resource items can only be updated using PUT. To \"upsert\" an"
                    + " item in the resource collection using POST, remove the identifier from the URL.");
        }
        String id = normalizeId(rawId);
        if (id == null) {
            return Problem.parameterValidation(request, "The value '" + rawId + "' is not a valid resource"
                    + " identifier; expected 32 hexadecimal characters.");
        }
        if (resource.descriptor && (method.equals("PUT") || method.equals("DELETE"))) {
            return Problem.methodNotAllowed(request, "The sandbox serves descriptors read-only; POST a descriptor to"
                    + " add or update a value.");
        }
        return switch (method) {
            case "GET" -> getById(request, resource, id);
            case "PUT" -> put(request, resource, id);
            case "DELETE" -> delete(request, resource, id);
            default -> Problem.methodNotAllowed(request, method + " is not supported on resources.");
        };
    }

    // ---- POST ----------------------------------------------------------------------------------------------

    private SandboxResponse post(SandboxRequest request, ResourceModel resource) {
        Parsed parsed = parse(request);
        if (parsed.failure != null) {
            return parsed.failure;
        }
        ObjectNode body = parsed.body;
        if (body.has("id")) {
            return Problem.dataValidation(request, "Resource identifiers cannot be assigned by the client. The 'id'"
                    + " property should not be included in the request body.");
        }
        Checked checked = check(request, resource, body);
        if (checked.failure != null) {
            return checked.failure;
        }
        String key = resource.naturalKey(body);
        // hashing and serialising happen before the write lock; only lookups and indexing happen inside it
        String preferredId = ResourceStore.idFor(resource.name, key, 0);
        Body prepared = resource.descriptor ? null : Body.of(Json.write(body));
        return store.write(() -> {
            Resolved resolved = resolve(checked.references);
            if (resolved.missing != null) {
                return Problem.unresolvedReference(request, resolved.missing);
            }
            StoredItem existing = store.byKey(resource.name, key);
            if (existing != null) {
                StoredItem updated = changed(existing, resource, body, prepared, key, resolved.keys);
                store.put(updated);
                return located(request, resource, updated, 200);
            }
            long seq = store.nextSeq();
            Body stored = prepared != null ? prepared : Body.of(serialize(resource, body, seq));
            StoredItem created = new StoredItem(store.newId(resource.name, key, preferredId), resource.name, key, seq,
                    stored.json, stored.etag, now(), resolved.keys, false);
            store.put(created);
            return located(request, resource, created, 201);
        });
    }

    private SandboxResponse located(SandboxRequest request, ResourceModel resource, StoredItem item, int status) {
        return SandboxResponse.empty(status)
                .withHeader("Location", request.baseUrl() + "data/v3" + resource.path() + "/" + item.id())
                .withHeader("ETag", quoted(item.etag()));
    }

    // ---- PUT -----------------------------------------------------------------------------------------------

    private SandboxResponse put(SandboxRequest request, ResourceModel resource, String id) {
        StoredItem current = store.byId(id);
        if (current == null || !current.resource().equals(resource.name)) {
            return Problem.notFound(request);
        }
        Parsed parsed = parse(request);
        if (parsed.failure != null) {
            return parsed.failure;
        }
        ObjectNode body = parsed.body;
        JsonNode bodyId = body.remove("id");
        if (bodyId != null && !bodyId.isNull() && !id.equals(normalizeId(bodyId.asText()))) {
            return Problem.dataValidation(request, "The resource identifier in the request body ('" + bodyId.asText()
                    + "') does not match the identifier in the URL ('" + id + "').");
        }
        Checked checked = check(request, resource, body);
        if (checked.failure != null) {
            return checked.failure;
        }
        String key = resource.naturalKey(body);
        Body prepared = resource.descriptor ? null : Body.of(Json.write(body));
        return store.write(() -> {
            StoredItem existing = store.byId(id);
            if (existing == null) {
                return Problem.notFound(request);
            }
            if (!ifMatch(request, existing)) {
                return Problem.optimisticLockFailed(request);
            }
            if (!key.equals(existing.naturalKey())) {
                if (!resource.keyChangeAllowed) {
                    return Problem.keyChangeNotSupported(request, resource.entityName);
                }
                if (store.byKey(resource.name, key) != null) {
                    return Problem.nonUniqueIdentity(request, resource.entityName);
                }
                StoredItem referrer = store.referrer(existing);
                if (referrer != null) {
                    // The ODS/API would cascade the new key into dependents; the sandbox refuses instead.
                    return Problem.dependentItemExists(request, model.resource(referrer.resource()).entityName);
                }
            }
            Resolved resolved = resolve(checked.references);
            if (resolved.missing != null) {
                return Problem.unresolvedReference(request, resolved.missing);
            }
            StoredItem updated = changed(existing, resource, body, prepared, key, resolved.keys);
            store.put(updated);
            return SandboxResponse.empty(204).withHeader("ETag", quoted(updated.etag()));
        });
    }

    // ---- DELETE --------------------------------------------------------------------------------------------

    private SandboxResponse delete(SandboxRequest request, ResourceModel resource, String id) {
        return store.write(() -> {
            StoredItem existing = store.byId(id);
            if (existing == null || !existing.resource().equals(resource.name)) {
                return Problem.notFound(request);
            }
            if (!ifMatch(request, existing)) {
                return Problem.optimisticLockFailed(request);
            }
            StoredItem referrer = store.referrer(existing);
            if (referrer != null) {
                return Problem.dependentItemExists(request, model.resource(referrer.resource()).entityName);
            }
            store.remove(existing);
            return SandboxResponse.empty(204);
        });
    }

    // ---- GET -----------------------------------------------------------------------------------------------

    private SandboxResponse getById(SandboxRequest request, ResourceModel resource, String id) {
        StoredItem item = store.byId(id);
        if (item == null || !item.resource().equals(resource.name)) {
            return Problem.notFound(request);
        }
        String etag = quoted(item.etag());
        if (etag.equals(request.header("if-none-match"))) {
            return SandboxResponse.empty(304).withHeader("ETag", etag);
        }
        return SandboxResponse.json(200, item.toApiJson()).withHeader("ETag", etag);
    }

    private SandboxResponse query(SandboxRequest request, ResourceModel resource) {
        Map<String, String> q = request.query();
        Integer offset = integer(q.get("offset"), 0);
        if (offset == null || offset < 0) {
            return Problem.parameterValidation(request, "Offset must be omitted or set to a non-negative integer.");
        }
        Integer limit = integer(q.get("limit"), DEFAULT_LIMIT);
        if (limit == null || limit < 0 || limit > MAX_LIMIT) {
            return Problem.parameterValidation(request,
                    "Limit must be omitted or set to a numeric value between 0 and " + MAX_LIMIT + ".");
        }
        boolean totalCount = "true".equalsIgnoreCase(q.get("totalcount"));
        List<Map.Entry<QueryParameter, String>> filters = new ArrayList<>();
        String idFilter = null;
        for (Map.Entry<String, String> e : q.entrySet()) {
            if (NOT_FILTERS.contains(e.getKey())) {
                continue;
            }
            if (e.getKey().equals("id")) {
                idFilter = e.getValue();
                continue;
            }
            QueryParameter p = resource.queryParameters.get(e.getKey());
            if (p != null) { // like the ODS/API, unknown parameters are ignored
                filters.add(Map.entry(p, e.getValue()));
            }
        }
        Iterable<StoredItem> candidates;
        if (idFilter != null) {
            StoredItem item = store.byId(idFilter.toLowerCase(Locale.ROOT).replace("-", ""));
            candidates = item == null ? List.of() : List.of(item);
        } else {
            String key = resource.naturalKey(q);
            if (key != null) {
                StoredItem item = store.byKey(resource.name, key);
                candidates = item == null ? List.of() : List.of(item);
            } else {
                candidates = store.items(resource.name);
            }
        }
        StringBuilder page = new StringBuilder("[");
        int matched = 0;
        int added = 0;
        for (StoredItem item : candidates) {
            if (!item.resource().equals(resource.name) || !matches(item, filters)) {
                continue;
            }
            matched++;
            if (matched > offset && added < limit) {
                if (added++ > 0) {
                    page.append(',');
                }
                page.append(item.toApiJson());
            } else if (added >= limit && !totalCount) {
                break;
            }
        }
        page.append(']');
        SandboxResponse response = SandboxResponse.json(200, page.toString());
        if (totalCount) {
            response.withHeader("Total-Count", Integer.toString(matched));
        }
        return response;
    }

    private static boolean matches(StoredItem item, List<Map.Entry<QueryParameter, String>> filters) {
        if (filters.isEmpty()) {
            return true;
        }
        JsonNode body = Json.parse(item.body());
        for (Map.Entry<QueryParameter, String> filter : filters) {
            boolean any = false;
            for (List<String> path : filter.getKey().paths()) {
                JsonNode value = ResourceModel.at(body, path);
                if (value != null && value.isValueNode() && (value.isBoolean()
                        ? value.asText().equalsIgnoreCase(filter.getValue()) : value.asText().equals(filter.getValue()))) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    // ---- shared steps --------------------------------------------------------------------------------------

    private record Parsed(ObjectNode body, SandboxResponse failure) {
    }

    private record Checked(List<BodyValidator.FoundReference> references, SandboxResponse failure) {
    }

    /** The first reference that resolves nowhere (its entity name), or the reference keys of all. */
    private record Resolved(List<String> keys, String missing) {
    }

    private Parsed parse(SandboxRequest request) {
        String contentType = request.header("content-type");
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return new Parsed(null, Problem.unsupportedMediaType(request));
        }
        JsonNode node;
        try {
            node = Json.parse(request.body());
        } catch (IOException e) {
            return new Parsed(null, Problem.badRequest(request, "The request body is not valid JSON: "
                    + firstLine(e.getMessage())));
        }
        if (node == null || !node.isObject()) {
            return new Parsed(null, Problem.badRequest(request, "The request body must be a JSON object."));
        }
        return new Parsed((ObjectNode) node, null);
    }

    /** Drops server-owned properties, validates, then drops nulls and reference links (the ODS ignores both). */
    private Checked check(SandboxRequest request, ResourceModel resource, ObjectNode body) {
        body.remove("_etag");
        body.remove("_lastModifiedDate");
        if (resource.descriptor) {
            body.remove(resource.descriptorIdProperty());
        }
        BodyValidator.Result result = BodyValidator.validate(resource, body, this::descriptorExists);
        if (!result.valid()) {
            return new Checked(null, Problem.validation(request, result.errors()));
        }
        result.references().forEach(r -> r.value().remove("link"));
        removeNulls(body);
        return new Checked(result.references(), null);
    }

    private boolean descriptorExists(String descriptorType, String uri) {
        ResourceModel descriptor = model.descriptorResource(descriptorType);
        return descriptor != null && store.byKey(descriptor.name, uri) != null;
    }

    private Resolved resolve(List<BodyValidator.FoundReference> references) {
        Set<String> keys = new LinkedHashSet<>();
        for (BodyValidator.FoundReference ref : references) {
            String found = null;
            for (ReferenceTarget.Candidate candidate : ref.target().candidates()) {
                StringBuilder key = new StringBuilder();
                for (String property : candidate.keyProperties()) {
                    if (key.length() > 0) {
                        key.append(ResourceModel.KEY_SEPARATOR);
                    }
                    key.append(ResourceModel.text(ref.value().get(property)));
                }
                if (store.byKey(candidate.resource(), key.toString()) != null) {
                    found = StoredItem.referenceKey(candidate.resource(), key.toString());
                    break;
                }
            }
            if (found == null) {
                return new Resolved(null, ref.target().entityName());
            }
            keys.add(found);
        }
        return new Resolved(List.copyOf(keys), null);
    }

    /** A body as stored, with its ETag. */
    private record Body(String json, String etag) {
        static Body of(String json) {
            return new Body(json, ResourceStore.etag(json));
        }
    }

    /**
     * The stored item after a POST update or PUT: same id and order, new body; the ETag and last-modified
     * date move only if the body changed. {@code prepared} is the serialised body, or null for descriptors,
     * whose body carries their position.
     */
    private StoredItem changed(StoredItem existing, ResourceModel resource, ObjectNode body, Body prepared, String key,
                               List<String> references) {
        Body next = prepared != null ? prepared : Body.of(serialize(resource, body, existing.seq()));
        if (next.json.equals(existing.body()) && key.equals(existing.naturalKey())) {
            return new StoredItem(existing.id(), existing.resource(), key, existing.seq(), existing.body(),
                    existing.etag(), existing.lastModified(), references, existing.seeded());
        }
        return new StoredItem(existing.id(), existing.resource(), key, existing.seq(), next.json, next.etag, now(),
                references, false);
    }

    /** The body as stored; a descriptor carries its server-assigned {@code xxxDescriptorId} first. */
    private static String serialize(ResourceModel resource, ObjectNode body, long seq) {
        if (!resource.descriptor) {
            return Json.write(body);
        }
        ObjectNode out = Json.object();
        out.put(resource.descriptorIdProperty(), seq);
        out.setAll(body);
        return Json.write(out);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static boolean ifMatch(SandboxRequest request, StoredItem item) {
        String expected = request.header("if-match");
        return expected == null || expected.equals("*") || unquoted(expected).equals(item.etag());
    }

    private static void removeNulls(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) {
                    it.remove();
                } else {
                    removeNulls(e.getValue());
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : (ArrayNode) node) {
                removeNulls(item);
            }
        }
    }

    /** Lower-case 32-hex, accepting the dashed GUID form; null when malformed. */
    static String normalizeId(String raw) {
        String id = raw.toLowerCase(Locale.ROOT);
        if (id.length() == 36) {
            id = id.replace("-", "");
        }
        return ID.matcher(id).matches() ? id : null;
    }

    private static Integer integer(String value, int fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String quoted(String etag) {
        return "\"" + etag + "\"";
    }

    private static String unquoted(String etag) {
        String e = etag.trim();
        if (e.startsWith("W/")) {
            e = e.substring(2);
        }
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
