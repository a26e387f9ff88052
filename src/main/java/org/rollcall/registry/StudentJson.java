package org.rollcall.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import org.rollcall.model.Student;

/**
 * The canonical student as the registry keeps it: without enrollments and lineage, which belong to
 * one row of one run (a Clever student in two schools arrives twice, on different lines), so the same
 * student always serialises to the same text and an unchanged student costs no write.
 */
final class StudentJson {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StudentJson() {
    }

    static String write(Student s) {
        try {
            return JSON.writeValueAsString(withoutRunParts(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a student", e);
        }
    }

    static Student read(String json) {
        try {
            return JSON.readValue(json, Student.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the registry holds a student that is not readable: " + e.getOriginalMessage());
        }
    }

    static Student withoutRunParts(Student s) {
        return new Student(s.source(), s.uniqueId(), s.sourceId(), s.studentNumber(), s.stateId(), s.legalName(),
                s.preferredName(), s.birthDate(), s.gender(), s.legalGender(), s.races(), s.hispanicLatino(),
                s.homeLanguage(), s.languages(), s.programs(), s.email(), s.address(), s.grade(), s.graduationYear(),
                List.of(), null);
    }
}
