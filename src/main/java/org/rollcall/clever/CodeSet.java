package org.rollcall.clever;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The values a coded column accepts, and how a raw value becomes one of them. */
final class CodeSet {

    private final List<String> values;
    private final Map<String, String> byKey = new LinkedHashMap<>();
    private final boolean ignoreCase;

    private CodeSet(List<String> values, boolean ignoreCase) {
        this.values = List.copyOf(values);
        this.ignoreCase = ignoreCase;
        for (String v : this.values) {
            byKey.put(key(v), v);
            byKey.put(v, v);
        }
    }

    /** Codes matched exactly, as Clever's one-letter codes are. */
    static CodeSet exactly(String... codes) {
        return new CodeSet(List.of(codes), false);
    }

    /** Names matched in any case and given back in the listed spelling. */
    static CodeSet ignoringCase(String... names) {
        return new CodeSet(List.of(names), true);
    }

    /**
     * The same set, also accepting {@code spelling} for the listed {@code value} (Clever's {@code Y} for
     * CEDS {@code Yes}); messages still list the values only.
     */
    CodeSet alsoAccepting(String spelling, String value) {
        if (!values.contains(value)) {
            throw new IllegalArgumentException(value + " is not in the set");
        }
        CodeSet more = new CodeSet(values, ignoreCase);
        more.byKey.putAll(byKey);
        more.byKey.put(spelling, value);
        more.byKey.put(more.key(spelling), value);
        return more;
    }

    /** The supported value {@code raw} stands for, or null when it is not supported. */
    String canonical(String raw) {
        if (raw == null) {
            return null;
        }
        String exact = byKey.get(raw); // most values come in the listed spelling: no case folding
        return exact != null || !ignoreCase ? exact : byKey.get(key(raw));
    }

    List<String> values() {
        return values;
    }

    /** The supported values for a message: all of them when the list is short. */
    String supported() {
        if (values.size() <= 16) {
            return String.join(", ", values);
        }
        return values.size() + " names, e.g. " + String.join(", ", values.subList(0, 3));
    }

    private String key(String value) {
        return ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
    }
}
