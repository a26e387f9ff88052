package org.rollcall.calpads;

/**
 * The data elements a CALPADS layout can place in its fields (names as in the CALPADS File
 * Specifications, formats.md section 5). Which element is in which field is the layout's business
 * ({@link Layout}), so a new CFS version is a config edit.
 */
enum Element {
    RECORD_TYPE("recordType", "Record Type Code"),
    TRANSACTION_TYPE("transactionType", "Transaction Type Code"),
    LOCAL_RECORD_ID("localRecordId", "Local Record ID"),
    REPORTING_LEA("reportingLea", "Reporting LEA"),
    SCHOOL_OF_ATTENDANCE("schoolOfAttendance", "School of Attendance"),
    ACADEMIC_YEAR("academicYear", "Academic Year ID"),
    SSID("ssid", "SSID"),
    LOCAL_STUDENT_ID("localStudentId", "Local Student ID"),
    FIRST_NAME("firstName", "Student Legal First Name"),
    MIDDLE_NAME("middleName", "Student Legal Middle Name"),
    LAST_NAME("lastName", "Student Legal Last Name"),
    ALIAS_FIRST_NAME("aliasFirstName", "Student Alias First Name"),
    ALIAS_MIDDLE_NAME("aliasMiddleName", "Student Alias Middle Name"),
    ALIAS_LAST_NAME("aliasLastName", "Student Alias Last Name"),
    GENDER("gender", "Student Gender Code"),
    BIRTH_DATE("birthDate", "Student Birth Date", true),
    BIRTH_CITY("birthCity", "Student Birth City"),
    BIRTH_STATE("birthState", "Student Birth State Province Code"),
    BIRTH_COUNTRY("birthCountry", "Student Birth Country Code"),
    ENROLLMENT_START_DATE("enrollmentStartDate", "Enrollment Start Date", true),
    GRADE_LEVEL("gradeLevel", "Grade Level Code"),
    ELA_STATUS("elaStatus", "English Language Acquisition Status Code"),
    ELA_STATUS_START_DATE("elaStatusStartDate", "English Language Acquisition Status Start Date", true),
    PRIMARY_LANGUAGE("primaryLanguage", "Primary Language Code"),
    CORRECTION_REASON("correctionReason", "Correction Reason Code"),
    REQUEST_ID("requestId", "Request ID"),
    SELECTED("selected", "Selection"),
    RESULT_CATEGORY("resultCategory", "Result Category"),
    MATCH_SCORE("matchScore", "Match Score");

    private final String key;
    private final String label;
    private final boolean date;

    Element(String key, String label) {
        this(key, label, false);
    }

    Element(String key, String label, boolean date) {
        this.key = key;
        this.label = label;
        this.date = date;
    }

    /** The name layouts use: {@code localStudentId}. */
    String key() {
        return key;
    }

    /** The CFS name reports use: {@code Local Student ID}. */
    String label() {
        return label;
    }

    boolean isDate() {
        return date;
    }

    static Element ofKey(String key) {
        for (Element e : values()) {
            if (e.key.equals(key)) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a CALPADS element Rollcall knows");
    }
}
