package org.rollcall.skyward.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Evaluates a Qmlativ {@code SearchCondition} against a row: a group ({@code SearchConditionGroup}
 * with {@code ConditionGroupType} And/Or and nested {@code Conditions}) or one typed condition
 * ({@code StringSearchCondition}, {@code LongSearchCondition}, {@code BooleanSearchCondition},
 * {@code DateSearchCondition}) with a {@code ConditionType}: Equal, NotEqual, Less, LessOrEqual,
 * Greater, GreaterOrEqual, ContainedInList ({@code List}), IsNull, IsNotNull. Anything else is refused
 * with 400, as a strict server would.
 */
final class SearchConditions {

    private SearchConditions() {
    }

    static boolean matches(JsonNode condition, JsonNode row) {
        Iterator<Map.Entry<String, JsonNode>> it = condition.fields();
        if (!it.hasNext()) {
            return true;
        }
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode c = e.getValue();
        if (e.getKey().equals("SearchConditionGroup")) {
            boolean or = "Or".equalsIgnoreCase(c.path("ConditionGroupType").asText("And"));
            boolean result = !or;
            for (JsonNode child : c.path("Conditions")) {
                boolean m = matches(child, row);
                result = or ? result || m : result && m;
            }
            return result;
        }
        if (!e.getKey().endsWith("SearchCondition")) {
            throw new IllegalArgumentException("Unknown search condition " + e.getKey());
        }
        String field = c.path("FieldName").asText();
        JsonNode value = row.get(field);
        if (value == null) {
            throw new IllegalArgumentException("Unknown field " + field);
        }
        String type = c.path("ConditionType").asText();
        return switch (type) {
            case "Equal" -> compare(value, c.get("Value")) == 0;
            case "NotEqual" -> compare(value, c.get("Value")) != 0;
            case "Less" -> compare(value, c.get("Value")) < 0;
            case "LessOrEqual" -> compare(value, c.get("Value")) <= 0;
            case "Greater" -> compare(value, c.get("Value")) > 0;
            case "GreaterOrEqual" -> compare(value, c.get("Value")) >= 0;
            case "IsNull" -> value.isNull();
            case "IsNotNull" -> !value.isNull();
            case "ContainedInList" -> {
                for (JsonNode v : c.path("List")) {
                    if (compare(value, v) == 0) {
                        yield true;
                    }
                }
                yield false;
            }
            default -> throw new IllegalArgumentException("Unknown ConditionType " + type);
        };
    }

    /** Compares a row value with a condition value: numbers as numbers, booleans also as 1/0, else text. */
    static int compare(JsonNode a, JsonNode b) {
        if (a == null || a.isNull()) {
            return b == null || b.isNull() ? 0 : -1;
        }
        if (b == null || b.isNull()) {
            return 1;
        }
        if (a.isBoolean() || b.isBoolean()) {
            return Boolean.compare(truth(a), truth(b));
        }
        if (a.isNumber() || b.isNumber()) {
            try {
                return Double.compare(Double.parseDouble(a.asText()), Double.parseDouble(b.asText()));
            } catch (NumberFormatException e) {
                return a.asText().compareTo(b.asText());
            }
        }
        return a.asText().compareTo(b.asText());
    }

    private static boolean truth(JsonNode n) {
        return n.isBoolean() ? n.asBoolean() : "1".equals(n.asText()) || "true".equalsIgnoreCase(n.asText());
    }
}
