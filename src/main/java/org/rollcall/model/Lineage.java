package org.rollcall.model;

/**
 * Where a record came from: a source file and line, or an API page. Travels with every record from
 * the source reader to the state store so an operator can trace an Ed-Fi resource back to its row.
 */
public record Lineage(String source, long line) {

    public static Lineage of(String source, long line) {
        return new Lineage(source, line);
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line : source;
    }
}
