package org.rollcall.skyward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.rollcall.skyward.SkywardSnapshot.CodeRow;
import org.rollcall.skyward.SkywardSnapshot.EntryWithdrawal;
import org.rollcall.skyward.SkywardSnapshot.Relationship;
import org.rollcall.skyward.SkywardSnapshot.SchoolRow;
import org.rollcall.skyward.SkywardSnapshot.StudentRow;

/**
 * One pull from Skyward Qmlativ, in the order the joins need: school years, entities (each
 * configured one must exist), lookups, the
 * entry/withdrawal records of the previous, current and upcoming school years (kept only when seed
 * 002's window takes them), student entity years, the students behind those enrollments, their
 * guardian relationships, and last the names, spooled to a file. Each object is read with a search
 * condition where one narrows it and only the fields used.
 *
 * <p>Object and field names follow the public Qmlativ clients (formats.md 4.1, [P]); the Ed-Fi
 * descriptor tables ({@code EdFi/EntryTypeDescriptor}, {@code EdFi/ExitWithdrawTypeDescriptor}) and
 * {@code Demographics/NameRelationship} / {@code RelationshipType} are [M]: unconfirmed names.
 */
public final class SkywardFetch {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final QmlativClient client;
    private final SkywardOptions options;
    private final Map<String, Long> read = new LinkedHashMap<>();

    public SkywardFetch(QmlativClient client, SkywardOptions options) {
        this.client = client;
        this.options = options;
    }

    /**
     * Reads the district as of {@code today}. Never throws for a Skyward failure: the snapshot then
     * says it is not complete, and why.
     */
    public SkywardSnapshot fetch(LocalDate today, Path spool) {
        try {
            return read(today, spool);
        } catch (SkywardFetchException e) {
            return SkywardSnapshot.failed(e.getMessage(), today, Map.copyOf(read));
        }
    }

    private SkywardSnapshot read(LocalDate today, Path spool) {
        long entity = options.primaryEntity();
        // school years: previous (for withdrawals within the past year), current and upcoming
        Set<Long> currentOrUpcoming = new HashSet<>();
        Map<Long, Long> numericYears = new HashMap<>();
        long[] currentNumeric = {Long.MIN_VALUE};
        each(entity, "District/SchoolYear", null, List.of("SchoolYearID", "NumericYear",
                "IsCurrentYearForProvidedEntity", "IsUpcomingYearForProvidedEntity"), r -> {
                    long id = r.path("SchoolYearID").asLong();
                    numericYears.put(id, r.path("NumericYear").asLong());
                    if (truth(r.get("IsCurrentYearForProvidedEntity"))) {
                        currentOrUpcoming.add(id);
                        currentNumeric[0] = r.path("NumericYear").asLong();
                    }
                    if (truth(r.get("IsUpcomingYearForProvidedEntity"))) {
                        currentOrUpcoming.add(id);
                    }
                });
        if (currentNumeric[0] == Long.MIN_VALUE) {
            throw new SkywardFetchException("Skyward names no current school year (District/SchoolYear "
                    + "IsCurrentYearForProvidedEntity) for entity " + entity, 200, null);
        }
        // entities: every configured one must exist, or enrollments would silently be missing
        Map<Long, String> entities = lookup(entity, "District/Entity", "EntityID", "Code");
        for (long e : options.entityIds()) {
            if (!entities.containsKey(e)) {
                throw new SkywardFetchException("Skyward has no entity " + e + " (rollcall.district.<id>.skyward.entity-ids); "
                        + "entities: " + new TreeMap<>(entities), 200, null);
            }
        }
        List<Long> years = new ArrayList<>();
        numericYears.forEach((id, y) -> {
            if (y >= currentNumeric[0] - 1) {
                years.add(id);
            }
        });
        ObjectNode byYears = Searches.and(Searches.longIn("SchoolYearID", years));

        Map<Long, SchoolRow> schools = new LinkedHashMap<>();
        each(entity, "Enrollment/School", null, List.of("SchoolID", "Name", "SchoolNumber", "StateAssignedID",
                "EdFiSchoolID", "GradeLevelIDLow", "GradeLevelIDHigh"), r -> schools.put(r.path("SchoolID").asLong(),
                new SchoolRow(r.path("SchoolID").asLong(), text(r, "Name"), text(r, "SchoolNumber"),
                        text(r, "StateAssignedID"), number(r, "EdFiSchoolID"), number(r, "GradeLevelIDLow"),
                        number(r, "GradeLevelIDHigh"))));
        Map<Long, String> grades = lookup(entity, "Enrollment/GradeReference", "GradeReferenceID", "GradeLevelCode");
        Map<Long, String> entryTypes = lookup(entity, "EdFi/EntryTypeDescriptor", "EntryTypeDescriptorID", "CodeValue");
        Map<Long, String> exitTypes = lookup(entity, "EdFi/ExitWithdrawTypeDescriptor", "ExitWithdrawTypeDescriptorID",
                "CodeValue");
        Map<Long, CodeRow> entryCodes = codes(entity, "Enrollment/EntryCode", "EntryCodeID", "EdFiEntryTypeDescriptorID");
        Map<Long, CodeRow> withdrawalCodes = codes(entity, "Enrollment/WithdrawalCode", "WithdrawalCodeID",
                "EdFiExitWithdrawTypeDescriptorID");
        Map<Long, String> languages = lookup(entity, "Demographics/Language", "LanguageID", "Code");
        Map<Long, String> relationshipTypes = lookup(entity, "Demographics/RelationshipType", "RelationshipTypeID", "Code");

        Map<Long, List<EntryWithdrawal>> enrollments = new HashMap<>();
        Set<Long> seenEnrollments = new HashSet<>();
        for (long e : options.entityIds()) {
            each(e, "Enrollment/EntryWithdrawal", Searches.sorted(byYears, "StudentID"), List.of("EntryWithdrawalID",
                    "StudentID", "SchoolID", "SchoolYearID", "GradeReferenceID", "StartDate", "EndDate", "WithdrawalDate",
                    "EntryCodeID", "WithdrawalCodeID"), r -> {
                        long id = r.path("EntryWithdrawalID").asLong();
                        LocalDate start = date(r, "StartDate");
                        LocalDate end = date(r, "EndDate");
                        if (end == null) {
                            end = date(r, "WithdrawalDate");
                        }
                        long year = r.path("SchoolYearID").asLong();
                        if (EnrollmentStatus.inWindow(start, end, currentOrUpcoming.contains(year), today)
                                && seenEnrollments.add(id)) {
                            enrollments.computeIfAbsent(r.path("StudentID").asLong(), k -> new ArrayList<>(2))
                                    .add(new EntryWithdrawal(id, r.path("SchoolID").asLong(), year,
                                            number(r, "GradeReferenceID"), start, end, number(r, "EntryCodeID"),
                                            number(r, "WithdrawalCodeID")));
                        }
                    });
        }
        Map<Long, String> currentGrades = new HashMap<>();
        for (long e : options.entityIds()) {
            each(e, "Enrollment/StudentEntityYear", Searches.sorted(byYears, "StudentID"), List.of("StudentID",
                    "SchoolYearID", "Grade", "IsDefaultEntity"), r -> {
                        long student = r.path("StudentID").asLong();
                        if (enrollments.containsKey(student) && currentOrUpcoming.contains(r.path("SchoolYearID").asLong())
                                && truth(r.get("IsDefaultEntity")) && text(r, "Grade") != null) {
                            currentGrades.putIfAbsent(student, text(r, "Grade"));
                        }
                    });
        }
        Map<Long, StudentRow> students = new HashMap<>();
        each(entity, "Student/Student", null, List.of("StudentID", "NameID", "StudentNumber", "StudentStateID",
                "LanguageIDPrimary", "GradYear"), r -> {
                    long id = r.path("StudentID").asLong();
                    if (enrollments.containsKey(id)) {
                        long nameId = r.path("NameID").asLong();
                        students.put(nameId, new StudentRow(id, nameId, text(r, "StudentNumber"), text(r, "StudentStateID"),
                                number(r, "LanguageIDPrimary"), text(r, "GradYear")));
                    }
                });
        Map<Long, List<Relationship>> relationships = new HashMap<>();
        Set<Long> guardians = new HashSet<>();
        each(entity, "Demographics/NameRelationship", Searches.and(Searches.equal("IsGuardian", "1")),
                List.of("NameRelationshipID", "NameID", "NameIDRelated", "RelationshipTypeID", "IsGuardian",
                        "LivesWithStudent", "IsEmergencyContact", "ContactOrder"), r -> {
                    long student = r.path("NameID").asLong();
                    if (students.containsKey(student) && truth(r.get("IsGuardian"))) {
                        Long order = number(r, "ContactOrder");
                        Relationship rel = new Relationship(r.path("NameRelationshipID").asLong(),
                                r.path("NameIDRelated").asLong(), number(r, "RelationshipTypeID"), true,
                                truth(r.get("LivesWithStudent")), truth(r.get("IsEmergencyContact")),
                                order == null ? null : order.intValue());
                        List<Relationship> list = relationships.computeIfAbsent(student, k -> new ArrayList<>(2));
                        if (list.stream().noneMatch(x -> x.id() == rel.id())) {
                            list.add(rel);
                            guardians.add(rel.relatedNameId());
                        }
                    }
                });
        try {
            Files.createDirectories(spool.getParent());
            try (BufferedWriter w = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
                each(entity, "Demographics/Name", null, List.of("NameID", "FirstName", "MiddleName", "LastName",
                        "BirthDate", "Gender", "IsHispanic", "IsAlaskan", "IsAsian", "IsBlack", "IsHawaiian", "IsWhite"), r -> {
                            long id = r.path("NameID").asLong();
                            if (students.containsKey(id) || guardians.contains(id)) {
                                try {
                                    w.write(r.toString());
                                    w.newLine();
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            }
                        });
            }
        } catch (IOException | UncheckedIOException e) {
            throw new SkywardFetchException("cannot spool Skyward names to " + spool + ": " + e.getMessage(), 0, e);
        }
        return new SkywardSnapshot(true, null, today, Set.copyOf(currentOrUpcoming), schools, grades, entryCodes,
                withdrawalCodes, entryTypes, exitTypes, languages, relationshipTypes, enrollments, currentGrades, students,
                relationships, spool, Map.copyOf(read));
    }

    private void each(long entity, String object, ObjectNode search, List<String> fields,
                      Consumer<JsonNode> sink) {
        long n = client.each(entity, object, search, fields, sink);
        read.merge(object, n, Long::sum);
    }

    private Map<Long, String> lookup(long entity, String object, String idField, String valueField) {
        Map<Long, String> out = new HashMap<>();
        each(entity, object, null, List.of(idField, valueField), r -> {
            String v = text(r, valueField);
            if (v != null) {
                out.put(r.path(idField).asLong(), v);
            }
        });
        return out;
    }

    private Map<Long, CodeRow> codes(long entity, String object, String idField, String descriptorField) {
        Map<Long, CodeRow> out = new HashMap<>();
        each(entity, object, null, List.of(idField, "Code", descriptorField), r -> {
            String code = text(r, "Code");
            if (code != null) {
                out.put(r.path(idField).asLong(), new CodeRow(code.trim(), number(r, descriptorField)));
            }
        });
        return out;
    }

    static String text(JsonNode r, String field) {
        JsonNode n = r.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        String s = n.asText().trim();
        return s.isEmpty() ? null : s;
    }

    static Long number(JsonNode r, String field) {
        JsonNode n = r.get(field);
        if (n == null || n.isNull() || n.asText().isBlank()) {
            return null;
        }
        try {
            return n.isNumber() ? n.asLong() : Long.parseLong(n.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Qmlativ dates come as {@code 2026-08-17} or {@code 2026-08-17T00:00:00}. */
    static LocalDate date(JsonNode r, String field) {
        String s = text(r, field);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static boolean truth(JsonNode n) {
        return n != null && (n.isBoolean() ? n.asBoolean() : "1".equals(n.asText()) || "true".equalsIgnoreCase(n.asText()));
    }

    /** Search bodies in the Generic API's shape (formats.md 4.1). */
    static final class Searches {

        private Searches() {
        }

        static ObjectNode equal(String field, String value) {
            ObjectNode c = JSON.createObjectNode();
            c.putObject("StringSearchCondition").put("FieldName", field).put("ConditionType", "Equal").put("Value", value);
            return c;
        }

        static ObjectNode longIn(String field, List<Long> values) {
            ObjectNode c = JSON.createObjectNode();
            ArrayNode list = c.putObject("LongSearchCondition").put("FieldName", field)
                    .put("ConditionType", "ContainedInList").putArray("List");
            values.forEach(list::add);
            return c;
        }

        static ObjectNode and(ObjectNode... conditions) {
            ObjectNode body = JSON.createObjectNode();
            ObjectNode group = body.putObject("SearchCondition").putObject("SearchConditionGroup");
            group.put("ConditionGroupType", "And");
            ArrayNode list = group.putArray("Conditions");
            for (ObjectNode c : conditions) {
                list.add(c);
            }
            return body;
        }

        static ObjectNode sorted(ObjectNode search, String field) {
            ObjectNode copy = search.deepCopy();
            copy.putArray("SearchSort").addObject().put("FieldName", field).put("Descending", false);
            return copy;
        }
    }
}
