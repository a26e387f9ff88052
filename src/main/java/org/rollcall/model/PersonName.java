package org.rollcall.model;

/** A person's name as a source gives it; any part may be null. */
public record PersonName(String first, String middle, String last, String suffix) {

    public static PersonName of(String first, String middle, String last) {
        return new PersonName(first, middle, last, null);
    }

    public boolean isEmpty() {
        return first == null && middle == null && last == null && suffix == null;
    }
}
