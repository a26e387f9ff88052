package org.rollcall.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a request body against its compiled DS 5.0 schema in one walk, and collects the references it holds
 * for the caller's 409 check.
 *
 * <p>Why not networknt json-schema-validator (on the classpath): the Ed-Fi specs mark optional properties
 * with the Swagger-2 {@code x-nullable} extension, which no OpenAPI 3.0 validator honours, so valid ODS
 * payloads carrying {@code null} would fail; the sandbox must also reject undefined properties (no schema sets
 * {@code additionalProperties: false}), check descriptor values against the descriptor store, and word its
 * {@code validationErrors} like the ODS/API. The specs use a small keyword subset (type, format, required,
 * properties, items, $ref, min/maxLength, minimum/maximum), which this walk covers at a few microseconds per body.
 */
final class BodyValidator {

    /** Whether a descriptor value exists, e.g. ({@code SexDescriptor}, {@code uri://ed-fi.org/SexDescriptor#Female}). */
    interface DescriptorLookup {
        boolean exists(String descriptorType, String uri);
    }

    /** A reference object found in the body, with its JSON path. */
    record FoundReference(String path, ReferenceTarget target, ObjectNode value) {
    }

    /** Validation errors keyed by JSON path (empty when valid) and the references the body holds. */
    record Result(Map<String, List<String>> errors, List<FoundReference> references) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private final DescriptorLookup descriptors;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();
    private final List<FoundReference> references = new ArrayList<>();

    private BodyValidator(DescriptorLookup descriptors) {
        this.descriptors = descriptors;
    }

    static Result validate(ResourceModel resource, ObjectNode body, DescriptorLookup descriptors) {
        BodyValidator v = new BodyValidator(descriptors);
        v.object(resource.schema, body, Loc.ROOT);
        v.keyUnification(resource, body);
        return new Result(v.errors, v.references);
    }

    /** A JSON path built only when an error needs it. */
    private record Loc(Loc parent, String property, int index) {
        static final Loc ROOT = new Loc(null, null, -1);

        Loc child(String name) {
            return new Loc(this, name, -1);
        }

        Loc item(int i) {
            return new Loc(this, null, i);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return "$";
            }
            return property != null ? parent + "." + property : parent + "[" + index + "]";
        }
    }

    private void error(Loc at, String message) {
        errors.computeIfAbsent(at.toString(), k -> new ArrayList<>()).add(message);
    }

    private void object(SchemaNode schema, JsonNode json, Loc at) {
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            SchemaNode child = schema.properties.get(field.getKey());
            if (child == null) {
                error(at.child(field.getKey()), "'" + field.getKey() + "' is not a property of " + schema.entityName
                        + ". The sandbox rejects properties the Ed-Fi schema does not define; check the spelling.");
            } else if (!field.getValue().isNull()) {
                value(child, field.getValue(), at.child(field.getKey()), field.getKey());
            }
        }
        for (String required : schema.required) {
            JsonNode value = json.get(required);
            if (value == null || value.isNull() || (value.isTextual() && value.textValue().isEmpty())) {
                error(at.child(required), pascal(required) + " is required and should not be left empty.");
            }
        }
        if (schema.reference != null && json instanceof ObjectNode node) {
            references.add(new FoundReference(at.toString(), schema.reference, node));
        }
    }

    private void value(SchemaNode schema, JsonNode value, Loc at, String property) {
        switch (schema.kind) {
            case OBJECT -> {
                if (value.isObject()) {
                    object(schema, value, at);
                } else {
                    error(at, pascal(property) + " must be a JSON object.");
                }
            }
            case ARRAY -> {
                if (!value.isArray()) {
                    error(at, pascal(property) + " must be a JSON array.");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    JsonNode item = value.get(i);
                    if (item.isNull()) {
                        error(at.item(i), pascal(property) + " items must not be null.");
                    } else {
                        value(schema.items, item, at.item(i), property);
                    }
                }
            }
            case STRING -> string(schema, value, at, property);
            case INTEGER -> integer(schema, value, at, property);
            case NUMBER -> {
                if (!value.isNumber()) {
                    error(at, invalid(value, property, "a number"));
                } else {
                    range(schema, value.decimalValue(), at, property);
                }
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    error(at, invalid(value, property, "true or false"));
                }
            }
        }
    }

    private void string(SchemaNode schema, JsonNode value, Loc at, String property) {
        if (!value.isTextual()) {
            error(at, invalid(value, property, "a string"));
            return;
        }
        String s = value.textValue();
        if (schema.maxLength != null && s.length() > schema.maxLength) {
            error(at, "The field " + pascal(property) + " must be a string with a maximum length of "
                    + schema.maxLength + ".");
        } else if (schema.minLength != null && s.length() < schema.minLength && !s.isEmpty()) {
            error(at, "The field " + pascal(property) + " must be a string with a minimum length of "
                    + schema.minLength + (schema.maxLength != null ? " and a maximum length of " + schema.maxLength
                    : "") + ".");
        }
        if ("date".equals(schema.format) && !isDate(s)) {
            error(at, invalid(value, property, "a date as yyyy-MM-dd"));
        } else if ("date-time".equals(schema.format) && !isDateTime(s)) {
            error(at, invalid(value, property, "an ISO-8601 date and time"));
        }
        if (schema.descriptorType != null && !s.isEmpty()) {
            if (s.indexOf('#') < 0) {
                error(at, schema.descriptorType + " value '" + s + "' is not a valid value for use as a descriptor"
                        + " (a '#' is expected to delineate the namespace and code value portions).");
            } else if (!descriptors.exists(schema.descriptorType, s)) {
                error(at, schema.descriptorType + " value '" + s + "' does not exist.");
            }
        }
    }

    private void integer(SchemaNode schema, JsonNode value, Loc at, String property) {
        boolean fits = value.isIntegralNumber()
                && ("int32".equals(schema.format) ? value.canConvertToInt() : value.canConvertToLong());
        if (!fits) {
            error(at, invalid(value, property, "int32".equals(schema.format) ? "a 32-bit integer" : "a 64-bit integer"));
            return;
        }
        range(schema, value.decimalValue(), at, property);
    }

    private void range(SchemaNode schema, BigDecimal n, Loc at, String property) {
        if ((schema.minimum != null && n.compareTo(schema.minimum) < 0)
                || (schema.maximum != null && n.compareTo(schema.maximum) > 0)) {
            error(at, "The field " + pascal(property) + " must be between "
                    + (schema.minimum != null ? schema.minimum.toPlainString() : "-infinity") + " and "
                    + (schema.maximum != null ? schema.maximum.toPlainString() : "infinity") + ".");
        }
    }

    /**
     * Key unification (edfi-api.md 1.10): where two references carry the same key, e.g.
     * {@code schoolReference.schoolId} and {@code calendarReference.schoolId}, the values must match.
     */
    private void keyUnification(ResourceModel resource, JsonNode body) {
        for (QueryParameter p : resource.unifiedParameters) {
            String first = null;
            List<String> seen = new ArrayList<>();
            for (List<String> path : p.paths()) {
                JsonNode v = ResourceModel.at(body, path);
                if (v == null || v.isNull() || !v.isValueNode()) {
                    continue;
                }
                seen.add("'" + v.asText() + "' (from '" + String.join(".", path) + "')");
                if (first == null) {
                    first = v.asText();
                } else if (!first.equals(v.asText())) {
                    errors.computeIfAbsent("$." + String.join(".", path), k -> new ArrayList<>()).add(
                            "All values supplied for '" + p.name() + "' must match. Review all references (including"
                                    + " those higher up in the resource's data) and align the following conflicting"
                                    + " values: " + String.join(", ", seen));
                }
            }
        }
    }

    private static String invalid(JsonNode value, String property, String expected) {
        String shown = value.isValueNode() ? value.asText() : value.getNodeType().toString().toLowerCase();
        return "The value '" + shown + "' is not valid for " + pascal(property) + ": expected " + expected + ".";
    }

    /** yyyy-MM-dd naming a real day; checked by hand because DateTimeFormatter parsing is slow on the hot path. */
    static boolean isDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && (s.charAt(i) < '0' || s.charAt(i) > '9')) {
                return false;
            }
        }
        try {
            LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10), Integer.parseInt(s, 8, 10, 10));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean isDateTime(String s) {
        try {
            OffsetDateTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            try {
                LocalDateTime.parse(s);
                return true;
            } catch (DateTimeParseException e2) {
                return false;
            }
        }
    }

    static String pascal(String property) {
        return ApiModel.capitalize(property);
    }
}
