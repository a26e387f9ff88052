package org.rollcall.calpads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * A CALPADS file read line by line against its {@link Layout}: caret delimited, no header row,
 * Windows-1252 (UTF-8 when it starts with a UTF-8 byte order mark). Each non-blank line is either a
 * {@link CalpadsLine} or, when it has the wrong number of fields, a required field blank, a date that
 * is not a date or a value too long, a list of errors naming the file, the line and the field; a bad
 * line never stops the lines after it. Memory stays flat however long the file is.
 */
final class CalpadsFile implements AutoCloseable, Iterator<CalpadsFile.Parsed> {

    /** A non-blank line: parsed, or why not (then {@code record} is null). */
    record Parsed(long line, String[] fields, CalpadsLine record, List<String> errors) {

        /** The raw fields echoed, as {@link CalpadsLine#echo()} does. */
        String echo() {
            return new CalpadsLine(line, fields, Map.of(), Map.of()).echo();
        }
    }

    private final String fileName;
    private final Layout layout;
    private final BufferedReader in;
    private final Pattern split;
    private long lineNumber;
    private Parsed next;

    private CalpadsFile(String fileName, Layout layout, BufferedReader in) {
        this.fileName = fileName;
        this.layout = layout;
        this.in = in;
        this.split = Pattern.compile(Pattern.quote(String.valueOf(layout.delimiter())));
    }

    static CalpadsFile open(Path path, Layout layout) throws IOException {
        InputStream raw = Files.newInputStream(path);
        try {
            byte[] head = raw.readNBytes(3);
            boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
            raw.close();
            raw = Files.newInputStream(path);
            Charset cs = layout.encoding();
            if (bom) {
                raw.skipNBytes(3);
                cs = StandardCharsets.UTF_8;
            }
            // a byte the charset lacks becomes U+FFFD rather than failing the file
            var decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            return new CalpadsFile(path.getFileName().toString(), layout,
                    new BufferedReader(new InputStreamReader(raw, decoder), 1 << 16));
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** SHA-256 of the file's bytes: what says that an Update is of the same file a Test ran on. */
    static String contentHash(Path path) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        try {
            String text;
            while ((text = in.readLine()) != null) {
                lineNumber++;
                if (!text.isBlank()) {
                    next = parse(lineNumber, text);
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(fileName + " line " + (lineNumber + 1) + ": cannot be read", e);
        }
    }

    @Override
    public Parsed next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Parsed p = next;
        next = null;
        return p;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    Parsed parse(long line, String text) {
        String[] fields = split.split(text, -1);
        List<String> errors = new ArrayList<>();
        String where = fileName + " line " + line;
        if (fields.length < layout.minFields() || fields.length > layout.maxFields()) {
            errors.add(where + ": " + fields.length + " fields; the " + layout.describe() + " layout ("
                    + layout.file().getFileName() + ") has " + (layout.minFields() == layout.maxFields()
                    ? Integer.toString(layout.minFields()) : layout.minFields() + " to " + layout.maxFields()));
            return new Parsed(line, fields, null, errors);
        }
        Map<Element, String> values = new EnumMap<>(Element.class);
        Map<Element, LocalDate> dates = new EnumMap<>(Element.class);
        for (Map.Entry<Element, Integer> at : layout.positions().entrySet()) {
            Element e = at.getKey();
            int i = at.getValue();
            String v = i < fields.length ? fields[i].trim() : "";
            String field = where + ", field " + (i + 1) + " (" + e.label() + ")";
            if (v.isEmpty()) {
                if (layout.required().contains(e)) {
                    errors.add(field + ": is blank; it is required");
                }
                continue;
            }
            Integer max = layout.maxLengths().get(e);
            if (max != null && v.length() > max) {
                errors.add(field + ": is " + v.length() + " characters long; at most " + max + " are allowed");
                continue;
            }
            if (e.isDate()) {
                try {
                    dates.put(e, LocalDate.parse(v, layout.dates()));
                } catch (DateTimeParseException bad) {
                    errors.add(field + ": is not a date CCYYMMDD");
                    continue;
                }
            }
            values.put(e, v);
        }
        if (!layout.recordTypes().isEmpty() && values.containsKey(Element.RECORD_TYPE)
                && !layout.recordTypes().contains(values.get(Element.RECORD_TYPE))) {
            errors.add(where + ", field " + (layout.positions().get(Element.RECORD_TYPE) + 1) + " (Record Type Code): is not "
                    + String.join(" or ", layout.recordTypes().stream().sorted().toList()));
        }
        if (!errors.isEmpty()) {
            return new Parsed(line, fields, null, errors);
        }
        return new Parsed(line, fields, new CalpadsLine(line, fields, values, dates), List.of());
    }
}
