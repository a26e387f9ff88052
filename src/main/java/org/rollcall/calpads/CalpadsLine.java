package org.rollcall.calpads;

import java.time.LocalDate;
import java.util.Map;

/**
 * One line of a CALPADS file that parsed: its number (1-based, physical), its fields by element
 * (blank fields absent) and the dates among them.
 */
record CalpadsLine(long line, String[] fields, Map<Element, String> values, Map<Element, LocalDate> dates) {

    String text(Element e) {
        return values.get(e);
    }

    LocalDate date(Element e) {
        return dates.get(e);
    }

    boolean has(Element e) {
        return values.containsKey(e);
    }

    /**
     * The line as the results report echoes it after "Data File:" (seed 003): its non-blank fields,
     * separated by one space.
     */
    String echo() {
        StringBuilder sb = new StringBuilder();
        for (String f : fields) {
            String v = f.trim();
            if (!v.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : " ").append(v);
            }
        }
        return sb.toString();
    }
}
