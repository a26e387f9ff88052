package org.rollcall.calpads;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.rollcall.config.ConfigException;

/**
 * A CALPADS file layout, read from a versioned config file ({@code config/calpads/*.properties}):
 * which element is in which caret-delimited field, how many fields a line may have, which are
 * required, their maximum lengths, the date format and the encoding. Several layouts are [M]
 * (formats.md 5.1 fields 13+, the request results), so none of this is code.
 *
 * @param positions the 0-based field of each element the layout has
 * @param recordTypes for SELA: the Record Type Codes a line may carry (empty: not checked)
 * @param requestTypes for request results: the record types of a request's group, by role
 * @param selected   for request results: the values of the selection field that mean "chosen"
 */
record Layout(String name, String version, Path file, Charset encoding, char delimiter, DateTimeFormatter dates,
              Map<Element, Integer> positions, int minFields, int maxFields, Set<Element> required,
              Map<Element, Integer> maxLengths, Set<String> recordTypes, Map<RequestRole, String> requestTypes,
              Set<String> selected) {

    /** The records of an SSID request's group (formats.md 5.6): the LEA's row, a candidate, "new", "none". */
    enum RequestRole { REQUEST, CANDIDATE, NEW, NONE }

    boolean has(Element e) {
        return positions.containsKey(e);
    }

    /** "SSID Extract 2024-09": how reports name the layout. */
    String describe() {
        return name + " " + version;
    }

    static Layout load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(file + ": cannot read the CALPADS layout: " + e.getMessage());
        }
        try {
            return parse(file, p);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    private static Layout parse(Path file, Properties p) {
        String name = required(p, "name");
        String version = required(p, "version");
        Charset encoding = Charset.forName(p.getProperty("encoding", "windows-1252").trim());
        String delimiter = p.getProperty("delimiter", "^").trim();
        if (delimiter.length() != 1) {
            throw new IllegalArgumentException("delimiter must be one character, not '" + delimiter + "'");
        }
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(p.getProperty("date-format", "yyyyMMdd").trim()
                .replace("yyyy", "uuuu")).withResolverStyle(ResolverStyle.STRICT);
        Map<Element, Integer> positions = new EnumMap<>(Element.class);
        List<String> fields = list(required(p, "fields"));
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).equals("-")) {
                continue;
            }
            if (positions.put(Element.ofKey(fields.get(i)), i) != null) {
                throw new IllegalArgumentException("fields: " + fields.get(i) + " is listed twice");
            }
        }
        int min = integer(p, "min-fields", fields.size());
        int max = integer(p, "max-fields", fields.size());
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("min-fields and max-fields must satisfy 1 <= min <= max");
        }
        Set<Element> required = EnumSet.noneOf(Element.class);
        for (String r : list(p.getProperty("required", ""))) {
            Element e = Element.ofKey(r);
            if (!positions.containsKey(e)) {
                throw new IllegalArgumentException("required: " + r + " is not in fields");
            }
            required.add(e);
        }
        Map<Element, Integer> lengths = new EnumMap<>(Element.class);
        for (String pair : list(p.getProperty("max-length", ""))) {
            String[] kv = pair.split(":");
            if (kv.length != 2) {
                throw new IllegalArgumentException("max-length: '" + pair + "' is not element:length");
            }
            lengths.put(Element.ofKey(kv[0].trim()), Integer.parseInt(kv[1].trim()));
        }
        Map<RequestRole, String> requestTypes = new LinkedHashMap<>();
        for (RequestRole role : RequestRole.values()) {
            String v = p.getProperty("record-type." + role.name().toLowerCase(java.util.Locale.ROOT));
            if (v != null) {
                requestTypes.put(role, v.trim());
            }
        }
        return new Layout(name, version, file, encoding, delimiter.charAt(0), dates, Map.copyOf(positions), min, max,
                Set.copyOf(required), Map.copyOf(lengths), Set.copyOf(list(p.getProperty("record-types", ""))),
                Map.copyOf(requestTypes), Set.copyOf(list(p.getProperty("selected", ""))));
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(key + " is required");
        }
        return v.trim();
    }

    private static int integer(Properties p, String key, int fallback) {
        String v = p.getProperty(key);
        try {
            return v == null ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + v + "' is not a whole number");
        }
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
