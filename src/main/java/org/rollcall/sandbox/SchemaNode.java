package org.rollcall.sandbox;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One compiled node of an Ed-Fi OpenAPI schema, with {@code $ref}s resolved. Object nodes are shared between
 * the resources that use them; leaf nodes belong to one property, so they can carry what the property name
 * implies (its descriptor type).
 */
final class SchemaNode {

    enum Kind { OBJECT, ARRAY, STRING, INTEGER, NUMBER, BOOLEAN }

    final Kind kind;
    /** {@code date}, {@code date-time}, {@code int32}, {@code int64}, {@code double}, or null. */
    final String format;
    final Integer minLength;
    final Integer maxLength;
    final BigDecimal minimum;
    final BigDecimal maximum;
    /** For descriptor-valued strings: the descriptor type, e.g. {@code SexDescriptor}; otherwise null. */
    final String descriptorType;

    /** For objects: e.g. {@code Student} or {@code StudentEducationOrganizationAssociationRace}. */
    String entityName;
    Set<String> required = Set.of();
    final Map<String, SchemaNode> properties = new LinkedHashMap<>();
    /** For arrays: the item schema. */
    SchemaNode items;
    /** For reference objects ({@code studentReference}, ...): what they point at; otherwise null. */
    ReferenceTarget reference;

    SchemaNode(Kind kind, String format, Integer minLength, Integer maxLength, BigDecimal minimum,
               BigDecimal maximum, String descriptorType) {
        this.kind = kind;
        this.format = format;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.minimum = minimum;
        this.maximum = maximum;
        this.descriptorType = descriptorType;
    }

    static SchemaNode object(String entityName) {
        SchemaNode node = new SchemaNode(Kind.OBJECT, null, null, null, null, null, null);
        node.entityName = entityName;
        return node;
    }
}
