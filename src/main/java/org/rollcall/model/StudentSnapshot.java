package org.rollcall.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A student as a source system holds them on one day: the canonical student, the enrollment status
 * the source's rules give them {@code asOf} that day, and their parents and guardians.
 */
public record StudentSnapshot(Student student, StudentStatus status, LocalDate asOf, List<StudentContact> contacts) {

    public StudentSnapshot {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }
}
