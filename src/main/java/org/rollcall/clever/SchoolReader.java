package org.rollcall.clever;

import static org.rollcall.clever.SchoolColumns.ADDRESS;
import static org.rollcall.clever.SchoolColumns.CITY;
import static org.rollcall.clever.SchoolColumns.HIGH_GRADE;
import static org.rollcall.clever.SchoolColumns.LOW_GRADE;
import static org.rollcall.clever.SchoolColumns.NCES_ID;
import static org.rollcall.clever.SchoolColumns.PHONE;
import static org.rollcall.clever.SchoolColumns.SCHOOL_ID;
import static org.rollcall.clever.SchoolColumns.SCHOOL_NAME;
import static org.rollcall.clever.SchoolColumns.SCHOOL_NUMBER;
import static org.rollcall.clever.SchoolColumns.STATE;
import static org.rollcall.clever.SchoolColumns.STATE_ID;
import static org.rollcall.clever.SchoolColumns.ZIP;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rollcall.model.Lineage;
import org.rollcall.model.School;
import org.rollcall.report.ProblemSink;

/** schools.csv rows to {@link School}s, keyed by Clever School_id, in file order. */
final class SchoolReader {

    private final CleverCsvFile file;
    private final Column edfiIdColumn;
    private final List<Column> required;

    SchoolReader(CleverCsvFile file, CleverOptions options) {
        this.file = file;
        this.edfiIdColumn = SchoolColumns.byName(options.schoolIdColumn());
        List<Column> req = new ArrayList<>(SchoolColumns.REQUIRED);
        if (!req.contains(edfiIdColumn)) {
            req.add(edfiIdColumn);
        }
        this.required = List.copyOf(req);
    }

    Map<String, School> read(ProblemSink problems) {
        Map<String, School> schools = new LinkedHashMap<>();
        Map<Long, School> byEdfiId = new HashMap<>();
        file.forEachRow(problems, row -> {
            School school = school(row, schools, byEdfiId);
            if (school != null) {
                schools.put(school.sourceId(), school);
                byEdfiId.put(school.edfiSchoolId(), school);
            }
        });
        return schools;
    }

    private School school(CleverRow row, Map<String, School> schools, Map<Long, School> byEdfiId) {
        if (!row.hasAll(required)) {
            return null;
        }
        String id = row.get(SCHOOL_ID);
        School earlier = schools.get(id);
        if (earlier != null) {
            row.error(SCHOOL_ID, "School_id " + MessageValues.schoolIdentifier(id)
                    + " already appears on line " + earlier.lineage().line());
            return null;
        }
        String edfiText = row.get(edfiIdColumn);
        Long edfiId = positiveWholeNumber(edfiText);
        if (edfiId == null) {
            row.error(edfiIdColumn, "value " + MessageValues.schoolIdentifier(edfiText)
                    + " is not a positive whole number, and this column holds the Ed-Fi schoolId");
            return null;
        }
        School sameEdfiId = byEdfiId.get(edfiId);
        if (sameEdfiId != null) {
            row.error(edfiIdColumn, "Ed-Fi schoolId " + edfiId + " is already the school on line "
                    + sameEdfiId.lineage().line());
            return null;
        }
        return new School("clever", id, edfiId, row.get(SCHOOL_NAME), row.get(SCHOOL_NUMBER), row.get(STATE_ID),
                row.get(NCES_ID), gradeLevels(row), Addresses.of(row.get(ADDRESS), row.get(CITY), row.get(STATE),
                row.get(ZIP)), row.get(PHONE), Lineage.of(file.fileName(), row.line()));
    }

    private static List<String> gradeLevels(CleverRow row) {
        String low = row.grade(LOW_GRADE);
        String high = row.grade(HIGH_GRADE);
        List<String> range = CleverGrade.range(low, high);
        if (range == null) {
            row.warning(LOW_GRADE, "Low_grade " + low + " is above High_grade " + high);
            return List.of();
        }
        return range;
    }

    /** Digits only, above zero, within a long: a schoolId Ed-Fi will take. */
    static Long positiveWholeNumber(String text) {
        if (text == null || text.isEmpty() || text.length() > 18) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        long value = Long.parseLong(text);
        return value > 0 ? value : null;
    }
}
