package org.rollcall.calpads;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rollcall.config.ConfigException;

/**
 * The wording of the results report, read from {@code config/calpads/messages.properties}: per
 * message key a text with {@code {name}} placeholders and a title ({@code key.title}). The defaults
 * are seed 003's wording; a district can word them its own way without a code change.
 */
final class Messages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final Map<String, String> texts;

    private Messages(Map<String, String> texts) {
        this.texts = texts;
    }

    static Messages load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(file + ": cannot read the CALPADS messages: " + e.getMessage());
        }
        Map<String, String> texts = new HashMap<>();
        p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k).trim()));
        for (String key : Check.messageKeys()) {
            if (!texts.containsKey(key) || !texts.containsKey(key + ".title")) {
                throw new ConfigException(file + ": message '" + key + "' (and '" + key + ".title') is missing");
            }
        }
        return new Messages(Map.copyOf(texts));
    }

    String title(String key) {
        return texts.getOrDefault(key + ".title", key);
    }

    /** The message with its placeholders filled in; an unknown placeholder stays as written. */
    String text(String key, Map<String, String> values) {
        String template = texts.get(key);
        if (template == null) {
            throw new IllegalArgumentException("no CALPADS message '" + key + "'");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
