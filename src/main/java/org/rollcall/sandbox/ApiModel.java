package org.rollcall.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Ed-Fi DS 5.0 API as the sandbox understands it, built from the compact model file (see
 * {@link ModelCompiler}): every resource and descriptor endpoint, compiled body schemas, natural keys, flat
 * query parameters, reference targets and the default descriptor values. Immutable; loaded once per JVM.
 */
final class ApiModel {

    private static final String MODEL_RESOURCE = "edfi/" + ModelCompiler.MODEL_FILE;
    private static volatile ApiModel shared;

    private final JsonNode schemasJson;
    private final Map<String, JsonNode> descriptorSchemasJson = new HashMap<>();
    private final Map<String, ResourceModel> resources = new LinkedHashMap<>();
    private final Map<String, ResourceModel> bySchema = new HashMap<>();
    /** Descriptor type (lower case, e.g. {@code sexdescriptor}) to its descriptor resource. */
    private final Map<String, ResourceModel> descriptorTypes = new HashMap<>();
    /** Descriptor type names by lower case, known before any schema is compiled. */
    private final Map<String, String> descriptorTypeNames = new HashMap<>();
    private final Map<String, SchemaNode> compiled = new HashMap<>();
    private final Map<String, PathInfo> paths = new LinkedHashMap<>();
    private final JsonNode descriptorValues;
    private List<Dependency> dependencies;

    private record PathInfo(String namespace, String name, String schema, boolean descriptor, boolean cascading,
                            Map<String, Boolean> parameters) {
    }

    /** One entry of {@code /metadata/data/v3/dependencies}. */
    record Dependency(String resource, int order) {
    }

    /** The shared model, loaded from the classpath on first use. */
    static ApiModel get() {
        ApiModel model = shared;
        if (model == null) {
            synchronized (ApiModel.class) {
                model = shared;
                if (model == null) {
                    shared = model = load();
                }
            }
        }
        return model;
    }

    private static ApiModel load() {
        try (InputStream in = ApiModel.class.getClassLoader().getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + MODEL_RESOURCE);
            }
            return new ApiModel(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MODEL_RESOURCE, e);
        }
    }

    ApiModel(JsonNode model) {
        this.schemasJson = model.path("resources").path("schemas");
        model.path("descriptors").path("schemas").fields()
                .forEachRemaining(e -> descriptorSchemasJson.put(e.getKey(), e.getValue()));
        this.descriptorValues = model.path("descriptorValues");
        readPaths(model.path("descriptors").path("paths"), true);
        readPaths(model.path("resources").path("paths"), false);
        for (PathInfo p : paths.values()) {
            if (p.descriptor) {
                String type = capitalize(p.name.substring(0, p.name.length() - 1));
                descriptorTypeNames.put(type.toLowerCase(Locale.ROOT), type);
            }
        }
        for (PathInfo p : paths.values()) {
            ResourceModel resource = build(p);
            resources.put(p.name, resource);
            bySchema.put(p.schema, resource);
            if (p.descriptor) {
                descriptorTypes.put(resource.entityName.toLowerCase(Locale.ROOT), resource);
            }
        }
        resolveReferences();
    }

    private void readPaths(JsonNode pathsJson, boolean descriptor) {
        for (Iterator<Map.Entry<String, JsonNode>> it = pathsJson.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String[] parts = e.getKey().split("/");
            Map<String, Boolean> params = new LinkedHashMap<>();
            for (JsonNode p : e.getValue().path("parameters")) {
                params.put(p.get("name").asText(), p.path("identity").asBoolean(false));
            }
            paths.put(parts[2], new PathInfo(parts[1], parts[2], e.getValue().get("schema").asText(), descriptor,
                    e.getValue().path("cascadingKeyUpdates").asBoolean(false), params));
        }
    }

    Iterable<ResourceModel> resources() {
        return resources.values();
    }

    /** The resource or descriptor endpoint by name (e.g. {@code students}), or null. */
    ResourceModel resource(String name) {
        return resources.get(name);
    }

    /** The descriptor endpoint for a descriptor type such as {@code SexDescriptor}, or null. */
    ResourceModel descriptorResource(String descriptorType) {
        return descriptorTypes.get(descriptorType.toLowerCase(Locale.ROOT));
    }

    /** DS 5.2 default descriptor values by XML element name (e.g. {@code SexDescriptor}). */
    JsonNode defaultDescriptorValues() {
        return descriptorValues;
    }

    // ---- building resources ------------------------------------------------------------------------------

    private ResourceModel build(PathInfo p) {
        SchemaNode schema = compileObject(p.schema);
        String entityName = schema.entityName;
        List<QueryParameter> identity = new ArrayList<>();
        Map<String, QueryParameter> query = new LinkedHashMap<>();
        if (p.descriptor) {
            // Descriptor GETs list no query parameters; allow the scalar properties, like get-by-example.
            for (Map.Entry<String, SchemaNode> e : schema.properties.entrySet()) {
                if (isScalar(e.getValue()) && !e.getKey().startsWith("_")) {
                    query.put(e.getKey().toLowerCase(Locale.ROOT),
                            new QueryParameter(e.getKey(), false, List.of(List.of(e.getKey()))));
                }
            }
        } else {
            Map<String, List<List<String>>> located = locateQueryParameters(schema, p.parameters.keySet());
            for (Map.Entry<String, Boolean> param : p.parameters.entrySet()) {
                List<List<String>> where = located.get(param.getKey());
                if (where == null) {
                    continue; // e.g. minChangeVersion: not a body property
                }
                QueryParameter qp = new QueryParameter(param.getKey(), param.getValue(), List.copyOf(where));
                query.put(param.getKey().toLowerCase(Locale.ROOT), qp);
                if (param.getValue()) {
                    identity.add(qp);
                }
            }
            identity.sort(Comparator.comparing(QueryParameter::name));
        }
        return new ResourceModel(p.namespace, p.name, entityName, p.descriptor, p.cascading, schema,
                List.copyOf(identity), Map.copyOf(query));
    }

    /**
     * Maps GET parameter names to body paths. A top-level scalar is queried by its own name. A reference
     * property is queried by its own name unless the reference is role-named or the name would clash, in which
     * case the ODS/API prefixes it: {@code programReference.educationOrganizationId} is
     * {@code programEducationOrganizationId}, {@code nextYearSchoolReference.schoolId} is {@code nextYearSchoolId},
     * {@code chartOfAccountReference.accountIdentifier} is {@code chartOfAccountIdentifier}. So the prefixed
     * spellings are tried first and the bare name last.
     */
    private static Map<String, List<List<String>>> locateQueryParameters(SchemaNode schema, Set<String> names) {
        Map<String, List<List<String>>> located = new LinkedHashMap<>();
        for (Map.Entry<String, SchemaNode> e : schema.properties.entrySet()) {
            String prop = e.getKey();
            SchemaNode node = e.getValue();
            if (node.reference != null || (node.kind == SchemaNode.Kind.OBJECT && prop.endsWith("Reference"))) {
                String prefix = prop.substring(0, prop.length() - "Reference".length());
                for (String refProp : node.properties.keySet()) {
                    if (refProp.equals("link")) {
                        continue;
                    }
                    String name = null;
                    for (String candidate : prefixedNames(prefix, refProp)) {
                        if (names.contains(candidate) && !node.properties.containsKey(candidate)) {
                            name = candidate;
                            break;
                        }
                    }
                    if (name == null && names.contains(refProp)) {
                        name = refProp;
                    }
                    if (name != null) {
                        located.computeIfAbsent(name, k -> new ArrayList<>()).add(List.of(prop, refProp));
                    }
                }
            } else if (isScalar(node) && names.contains(prop)) {
                located.computeIfAbsent(prop, k -> new ArrayList<>()).add(List.of(prop));
            }
        }
        return located;
    }

    /** Role-name spellings, longest prefix first: words of the prefix + property, merging a shared word. */
    private static List<String> prefixedNames(String prefix, String property) {
        List<String> words = camelWords(prefix);
        List<String> out = new ArrayList<>();
        for (int n = words.size(); n > 0; n--) {
            String head = String.join("", words.subList(0, n));
            out.add(head + capitalize(property));
            String last = words.get(n - 1).toLowerCase(Locale.ROOT);
            if (property.startsWith(last) && property.length() > last.length()
                    && Character.isUpperCase(property.charAt(last.length()))) {
                String before = String.join("", words.subList(0, n - 1));
                out.add(before.isEmpty() ? property : before + capitalize(property));
            }
        }
        return out;
    }

    private static List<String> camelWords(String s) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < s.length(); i++) {
            if (Character.isUpperCase(s.charAt(i))) {
                words.add(s.substring(start, i));
                start = i;
            }
        }
        words.add(s.substring(start));
        return words;
    }

    private static boolean isScalar(SchemaNode node) {
        return node.kind != SchemaNode.Kind.OBJECT && node.kind != SchemaNode.Kind.ARRAY;
    }

    // ---- compiling schemas -------------------------------------------------------------------------------

    private JsonNode schemaJson(String name) {
        JsonNode s = schemasJson.get(name);
        return s != null ? s : descriptorSchemasJson.get(name);
    }

    private SchemaNode compileObject(String name) {
        SchemaNode done = compiled.get(name);
        if (done != null) {
            return done;
        }
        JsonNode json = schemaJson(name);
        if (json == null) {
            throw new IllegalStateException("model refers to unknown schema " + name);
        }
        SchemaNode node = SchemaNode.object(capitalize(name.substring(name.indexOf('_') + 1)));
        compiled.put(name, node); // before the properties: schemas may refer back to themselves
        Set<String> required = new LinkedHashSet<>();
        json.path("required").forEach(r -> required.add(r.asText()));
        node.required = Set.copyOf(required);
        json.path("properties").fields()
                .forEachRemaining(e -> node.properties.put(e.getKey(), compileProperty(e.getKey(), e.getValue())));
        return node;
    }

    private SchemaNode compileProperty(String property, JsonNode json) {
        if (json.has("$ref")) {
            String ref = json.get("$ref").asText();
            return compileObject(ref.substring(ref.lastIndexOf('/') + 1));
        }
        String type = json.path("type").asText("object");
        if (type.equals("array")) {
            SchemaNode array = new SchemaNode(SchemaNode.Kind.ARRAY, null, null, null, null, null, null);
            array.items = compileProperty(property, json.path("items"));
            return array;
        }
        if (type.equals("object")) {
            SchemaNode object = SchemaNode.object(capitalize(property));
            json.path("properties").fields()
                    .forEachRemaining(e -> object.properties.put(e.getKey(), compileProperty(e.getKey(), e.getValue())));
            return object;
        }
        SchemaNode.Kind kind = switch (type) {
            case "string" -> SchemaNode.Kind.STRING;
            case "integer" -> SchemaNode.Kind.INTEGER;
            case "number" -> SchemaNode.Kind.NUMBER;
            case "boolean" -> SchemaNode.Kind.BOOLEAN;
            default -> throw new IllegalStateException("unsupported schema type " + type + " for " + property);
        };
        String descriptorType = kind == SchemaNode.Kind.STRING && property.endsWith("Descriptor")
                ? descriptorTypeOf(property) : null;
        return new SchemaNode(kind, json.path("format").textValue(), intOrNull(json, "minLength"),
                intOrNull(json, "maxLength"), decimalOrNull(json, "minimum"), decimalOrNull(json, "maximum"),
                descriptorType);
    }

    /**
     * The descriptor type of a property: the longest camel-case suffix naming a descriptor type, so role-named
     * properties resolve ({@code birthCountryDescriptor} is a {@code CountryDescriptor},
     * {@code entryGradeLevelDescriptor} a {@code GradeLevelDescriptor}).
     */
    private String descriptorTypeOf(String property) {
        for (int i = 0; i < property.length(); i++) {
            if (i == 0 || Character.isUpperCase(property.charAt(i))) {
                String suffix = property.substring(i).toLowerCase(Locale.ROOT);
                String type = descriptorTypeNames.get(suffix);
                if (type != null) {
                    return type;
                }
            }
        }
        return null;
    }

    // ---- references --------------------------------------------------------------------------------------

    /** Attaches a {@link ReferenceTarget} to every compiled {@code ...Reference} schema. */
    private void resolveReferences() {
        for (Map.Entry<String, SchemaNode> e : compiled.entrySet()) {
            String schemaName = e.getKey();
            if (!schemaName.endsWith("Reference")) {
                continue;
            }
            SchemaNode ref = e.getValue();
            String base = schemaName.substring(0, schemaName.length() - "Reference".length());
            Set<String> keyProps = new TreeSet<>(ref.properties.keySet());
            keyProps.remove("link");
            String entity = capitalize(base.substring(base.indexOf('_') + 1));
            List<ReferenceTarget.Candidate> candidates = new ArrayList<>();
            ResourceModel direct = bySchema.get(base);
            if (direct != null) {
                candidates.add(new ReferenceTarget.Candidate(direct.name, List.copyOf(keyProps)));
            } else {
                for (ResourceModel r : resources.values()) {
                    if (r.descriptor) {
                        continue;
                    }
                    Set<String> identity = new TreeSet<>();
                    r.identity.forEach(q -> identity.add(q.name()));
                    if (identity.equals(keyProps)) {
                        candidates.add(new ReferenceTarget.Candidate(r.name, List.copyOf(keyProps)));
                    } else if (keyProps.equals(Set.of("educationOrganizationId")) && identity.size() == 1
                            && r.schema.properties.containsKey("nameOfInstitution")) {
                        // EducationOrganization is abstract: its subclasses (schools, LEAs, SEAs, ESCs, ...)
                        // are the resources carrying nameOfInstitution, each keyed by its own xxxId.
                        candidates.add(new ReferenceTarget.Candidate(r.name, List.of("educationOrganizationId")));
                    }
                }
            }
            if (!candidates.isEmpty()) {
                ref.reference = new ReferenceTarget(entity, List.copyOf(candidates));
            }
        }
    }

    // ---- dependencies ------------------------------------------------------------------------------------

    /**
     * Load order as {@code /metadata/data/v3/dependencies} reports it: descriptors first (order 1), then each
     * resource one after the deepest resource it references.
     */
    synchronized List<Dependency> dependencies() {
        if (dependencies == null) {
            Map<String, Integer> order = new HashMap<>();
            List<Dependency> out = new ArrayList<>();
            for (ResourceModel r : resources.values()) {
                out.add(new Dependency(r.path(), orderOf(r, order, new HashSet<>())));
            }
            out.sort(Comparator.comparingInt(Dependency::order).thenComparing(Dependency::resource));
            dependencies = List.copyOf(out);
        }
        return dependencies;
    }

    private int orderOf(ResourceModel r, Map<String, Integer> memo, Set<String> visiting) {
        if (r.descriptor) {
            return 1;
        }
        Integer known = memo.get(r.name);
        if (known != null) {
            return known;
        }
        visiting.add(r.name);
        int order = 2;
        for (String target : referencedResources(r.schema, new HashSet<>())) {
            if (!target.equals(r.name) && !visiting.contains(target)) {
                order = Math.max(order, orderOf(resources.get(target), memo, visiting) + 1);
            }
        }
        visiting.remove(r.name);
        memo.put(r.name, order);
        return order;
    }

    private static Set<String> referencedResources(SchemaNode node, Set<SchemaNode> seen) {
        Set<String> out = new LinkedHashSet<>();
        if (node == null || !seen.add(node)) {
            return out;
        }
        if (node.reference != null) {
            node.reference.candidates().forEach(c -> out.add(c.resource()));
            return out;
        }
        for (SchemaNode child : node.properties.values()) {
            out.addAll(referencedResources(child, seen));
        }
        out.addAll(referencedResources(node.items, seen));
        return out;
    }

    // ---- small helpers -----------------------------------------------------------------------------------

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Integer intOrNull(JsonNode json, String field) {
        return json.has(field) ? json.get(field).asInt() : null;
    }

    private static BigDecimal decimalOrNull(JsonNode json, String field) {
        return json.has(field) ? json.get(field).decimalValue() : null;
    }
}
