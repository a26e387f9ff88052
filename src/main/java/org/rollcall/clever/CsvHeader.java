package org.rollcall.clever;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rollcall.report.Problem;

/**
 * A file's header row: where each column is. Clever matches headers by exact name in any order
 * (formats.md 1.1); surrounding spaces are trimmed, case is not folded.
 */
final class CsvHeader {

    private final Map<String, Integer> positions;
    private final int size;
    // each column's position, found once and then read by the column's slot on every row;
    // UNKNOWN until asked. Racing threads compute the same int, so no lock is needed.
    private volatile int[] resolved = new int[0];
    private static final int UNKNOWN = -2;

    private CsvHeader(Map<String, Integer> positions, int size) {
        this.positions = positions;
        this.size = size;
    }

    /** The header of {@code file}; a column named twice makes the file ambiguous, so it is rejected. */
    static CsvHeader of(String file, List<String> names) throws DropRejectedException {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (name.isEmpty()) {
                continue;
            }
            Integer earlier = positions.putIfAbsent(name, i);
            if (earlier != null) {
                throw new DropRejectedException(Problem.fatal(file, null,
                        "header " + name + " appears twice (columns " + (earlier + 1) + " and " + (i + 1) + ")"));
            }
        }
        return new CsvHeader(positions, names.size());
    }

    /** The header's column names in file order, blank ones left out. */
    List<String> names() {
        return positions.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    /** Number of columns in the header row, blank ones included. */
    int size() {
        return size;
    }

    boolean has(Column column) {
        return indexOf(column) >= 0;
    }

    /** Position of the column under its first spelling present, or -1. */
    int indexOf(Column column) {
        int[] cache = resolved;
        int slot = column.slot();
        if (slot < cache.length && cache[slot] != UNKNOWN) {
            return cache[slot];
        }
        int[] grown = Arrays.copyOf(cache, Math.max(Column.slots(), slot + 1));
        Arrays.fill(grown, cache.length, grown.length, UNKNOWN);
        grown[slot] = find(column);
        resolved = grown;
        return grown[slot];
    }

    private int find(Column column) {
        for (String spelling : column.spellings()) {
            Integer i = positions.get(spelling);
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A header cell that is the column's name but for case, spaces, hyphens or underscores
     * ({@code Student_ID}, {@code last name}), to name in the rejection. Only such a cell is ever
     * shown: it is a misspelt column name, not a value from the file.
     */
    Optional<String> nearMiss(Column column) {
        for (String spelling : column.spellings()) {
            String wanted = folded(spelling);
            for (String name : positions.keySet()) {
                if (folded(name).equals(wanted)) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    private static String folded(String name) {
        return name.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
    }

    /** The column's name as this file spells it, for problem reports. */
    String nameOf(Column column) {
        for (String spelling : column.spellings()) {
            if (positions.containsKey(spelling)) {
                return spelling;
            }
        }
        return column.name();
    }
}
