package org.rollcall.edfi;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rollcall.config.ConfigException;

/**
 * Source code to Ed-Fi descriptor URI, per field, read from a {@code config/descriptors/*.csv} file
 * with the columns {@code field,source_value,descriptor}. A descriptor written as
 * {@code SexDescriptor#Male} takes the target's namespace; a full {@code uri://...} is kept as is.
 * Source values match case-insensitively.
 */
public final class DescriptorCrosswalk {

    private static final List<String> HEADER = List.of("field", "source_value", "descriptor");

    private final Map<String, String> uris;
    private final String fingerprint;

    private DescriptorCrosswalk(Map<String, String> uris, String fingerprint) {
        this.uris = uris;
        this.fingerprint = fingerprint;
    }

    /**
     * Reads a crosswalk file for a target namespace such as {@code uri://ed-fi.org}.
     *
     * @throws ConfigException naming the file and line of anything that is not a valid entry
     */
    public static DescriptorCrosswalk load(Path file, String namespace) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read crosswalk: " + e.getMessage());
        }
        Map<String, String> uris = new HashMap<>();
        String ns = namespace.endsWith("/") ? namespace.substring(0, namespace.length() - 1) : namespace;
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().commentStrategy(CommentStrategy.SKIP)
                .ofNamedCsvRecord(new String(bytes, StandardCharsets.UTF_8))) {
            boolean headerChecked = false;
            for (NamedCsvRecord r : csv) {
                if (!headerChecked) {
                    if (!r.getHeader().equals(HEADER)) {
                        throw new ConfigException(file + ": header must be " + String.join(",", HEADER));
                    }
                    headerChecked = true;
                }
                long line = r.getStartingLineNumber();
                String field = r.getField("field").trim();
                String value = r.getField("source_value").trim();
                String descriptor = r.getField("descriptor").trim();
                if (field.isEmpty() || value.isEmpty() || descriptor.isEmpty()) {
                    throw new ConfigException(file + " line " + line + ": field, source_value and descriptor are all required");
                }
                String uri = descriptor.startsWith("uri://") ? descriptor : ns + "/" + descriptor;
                if (!uri.matches("uri://[^#\\s]+/[A-Za-z]+Descriptor#.+")) {
                    throw new ConfigException(file + " line " + line + ": '" + descriptor
                            + "' is not a descriptor such as SexDescriptor#Female");
                }
                if (uris.put(key(field, value), uri) != null) {
                    throw new ConfigException(file + " line " + line + ": " + field + " '" + value + "' is mapped twice");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ConfigException c) {
                throw c;
            }
            throw new ConfigException(file + ": not a readable CSV crosswalk: " + e.getMessage());
        }
        return new DescriptorCrosswalk(Map.copyOf(uris), sha256(bytes, ns));
    }

    /** The descriptor URI for a source value of a field, if the crosswalk has one. */
    public Optional<String> descriptor(String field, String sourceValue) {
        if (sourceValue == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(uris.get(key(field, sourceValue.trim())));
    }

    /** Identifies this crosswalk's content and namespace; part of every payload's mapping version. */
    public String fingerprint() {
        return fingerprint;
    }

    private static String key(String field, String value) {
        return field + '\u0000' + value.toLowerCase(java.util.Locale.ROOT);
    }

    private static String sha256(byte[] bytes, String namespace) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(bytes);
            md.update(namespace.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
