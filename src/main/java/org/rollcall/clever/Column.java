package org.rollcall.clever;

import java.util.List;

/**
 * A column of a Clever file, by its exact header name and any other spellings seen in real drops
 * (seed 000 writes {@code iep_status} where the Clever spec says {@code IEP_status}). Header names
 * are case-sensitive, as Clever's are.
 */
record Column(String name, List<String> spellings) {

    Column {
        spellings = List.copyOf(spellings);
    }

    static Column of(String name, String... otherSpellings) {
        List<String> all = new java.util.ArrayList<>();
        all.add(name);
        all.addAll(List.of(otherSpellings));
        return new Column(name, all);
    }

    @Override
    public String toString() {
        return name;
    }
}
