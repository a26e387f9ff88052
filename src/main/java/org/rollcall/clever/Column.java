package org.rollcall.clever;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A column of a Clever file, by its exact header name and any other spellings seen in real drops
 * (seed 000 writes {@code iep_status} where the Clever spec says {@code IEP_status}). Header names
 * are case-sensitive, as Clever's are.
 */
final class Column {

    private static final AtomicInteger SLOTS = new AtomicInteger();

    private final String name;
    private final List<String> spellings;
    // a small number of its own, so a header finds the column's position by array index per row
    private final int slot = SLOTS.getAndIncrement();

    private Column(String name, List<String> spellings) {
        this.name = name;
        this.spellings = List.copyOf(spellings);
    }

    static Column of(String name, String... otherSpellings) {
        List<String> all = new ArrayList<>();
        all.add(name);
        all.addAll(List.of(otherSpellings));
        return new Column(name, all);
    }

    String name() {
        return name;
    }

    /** The name first, then the other spellings, in the order a header is searched for them. */
    List<String> spellings() {
        return spellings;
    }

    int slot() {
        return slot;
    }

    static int slots() {
        return SLOTS.get();
    }

    @Override
    public String toString() {
        return name;
    }
}
