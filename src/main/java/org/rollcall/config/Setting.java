package org.rollcall.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * One {@code rollcall.*} key, declared once: name, type, default, documentation and validation.
 * A per-district key is declared with {@code *} in place of the district id
 * ({@code rollcall.district.*.lea-id}); {@link Settings} lists every key.
 *
 * @param <T> the parsed value type
 */
public final class Setting<T> {

    /** How a raw string becomes a value; throws {@link IllegalArgumentException} with the reason. */
    public interface Parser<T> extends Function<String, T> { }

    /** Computes a default from the rest of the configuration (e.g. a folder under the data dir). */
    public interface DefaultValue<T> extends Function<Scope, T> { }

    /** What a default is computed against: the whole configuration and, for district keys, the district. */
    public record Scope(RollcallConfig config, String district) { }

    private final String name;
    private final String type;
    private final Parser<T> parser;
    private final DefaultValue<T> defaultValue;
    private final String defaultText;
    private final String doc;
    private final boolean secret;
    private final boolean required;

    private Setting(String name, String type, Parser<T> parser, DefaultValue<T> defaultValue,
                    String defaultText, String doc, boolean secret, boolean required) {
        this.name = name;
        this.type = type;
        this.parser = parser;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.doc = doc;
        this.secret = secret;
        this.required = required;
    }

    public static <T> Setting<T> of(String name, String type, Parser<T> parser, String doc) {
        return new Setting<>(name, type, parser, null, null, doc, false, false);
    }

    public static Setting<String> string(String name, String doc) {
        return of(name, "string", s -> s, doc);
    }

    public static Setting<Integer> integer(String name, int min, int max, String doc) {
        return of(name, "integer " + min + ".." + max, s -> {
            int v;
            try {
                v = Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + s + "' is not a whole number");
            }
            if (v < min || v > max) {
                throw new IllegalArgumentException(v + " is outside " + min + ".." + max);
            }
            return v;
        }, doc);
    }

    public static Setting<Long> id(String name, String doc) {
        return of(name, "positive integer", s -> {
            try {
                long v = Long.parseLong(s.trim());
                if (v <= 0) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + s + "' is not a positive whole number");
            }
        }, doc);
    }

    public static Setting<Double> fraction(String name, String doc) {
        return of(name, "fraction 0..1", s -> {
            double v;
            try {
                v = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + s + "' is not a number");
            }
            if (v < 0 || v > 1) {
                throw new IllegalArgumentException(s + " is outside 0..1");
            }
            return v;
        }, doc);
    }

    public static Setting<Boolean> bool(String name, String doc) {
        return of(name, "true|false", s -> switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("'" + s + "' is not true or false");
        }, doc);
    }

    public static Setting<Path> path(String name, String doc) {
        return of(name, "path", s -> {
            if (s.isBlank()) {
                throw new IllegalArgumentException("is empty");
            }
            return Path.of(s.trim());
        }, doc);
    }

    public static Setting<Duration> duration(String name, String doc) {
        return of(name, "duration (500ms, 30s, 5m, 1h)", Setting::parseDuration, doc);
    }

    public static Setting<LocalDate> date(String name, String doc) {
        return of(name, "date YYYY-MM-DD", s -> {
            try {
                return LocalDate.parse(s.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + s + "' is not a date YYYY-MM-DD");
            }
        }, doc);
    }

    public static Setting<URI> url(String name, String doc) {
        return of(name, "http(s) URL", s -> {
            try {
                URI u = URI.create(s.trim());
                if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                    throw new IllegalArgumentException();
                }
                return u;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + s + "' is not an http(s) URL");
            }
        }, doc);
    }

    public static Setting<String> oneOf(String name, Set<String> allowed, String doc) {
        List<String> sorted = allowed.stream().sorted().toList();
        return of(name, "one of " + String.join("|", sorted), s -> {
            String v = s.trim();
            if (!allowed.contains(v)) {
                throw new IllegalArgumentException("'" + s + "' is not one of " + String.join(", ", sorted));
            }
            return v;
        }, doc);
    }

    public static Setting<List<String>> list(String name, String doc) {
        return of(name, "comma-separated list", s -> Arrays.stream(s.split(","))
                .map(String::trim).filter(v -> !v.isEmpty()).toList(), doc);
    }

    /** A list whose items must each be one of {@code allowed}. */
    public static Setting<List<String>> listOf(String name, Set<String> allowed, String doc) {
        List<String> sorted = allowed.stream().sorted().toList();
        return of(name, "comma-separated, of " + String.join("|", sorted), s -> {
            List<String> items = Arrays.stream(s.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
            for (String item : items) {
                if (!allowed.contains(item)) {
                    throw new IllegalArgumentException("'" + item + "' is not one of " + String.join(", ", sorted));
                }
            }
            return items;
        }, doc);
    }

    public Setting<T> defaultsTo(T value) {
        return new Setting<>(name, type, parser, scope -> value, String.valueOf(value), doc, secret, false);
    }

    public Setting<T> defaultsTo(String text, DefaultValue<T> value) {
        return new Setting<>(name, type, parser, value, text, doc, secret, false);
    }

    public Setting<T> required() {
        return new Setting<>(name, type, parser, null, null, doc, secret, true);
    }

    /** Masked in listings; its value must come from the environment ({@code ${env:NAME}}). */
    public Setting<T> secret() {
        return new Setting<>(name, type, parser, defaultValue, defaultText, doc, true, required);
    }

    public String name() {
        return name;
    }

    /** The concrete key for one district: {@code rollcall.district.demo.lea-id}. */
    public String nameFor(String district) {
        return isPerDistrict() ? name.replace("*", district) : name;
    }

    public boolean isPerDistrict() {
        return name.contains("*");
    }

    public String type() {
        return type;
    }

    public String doc() {
        return doc;
    }

    public boolean isSecret() {
        return secret;
    }

    public boolean isRequired() {
        return required;
    }

    public String defaultText() {
        return defaultText;
    }

    T parse(String raw) {
        return parser.apply(raw);
    }

    T defaultFor(Scope scope) {
        return defaultValue == null ? null : defaultValue.apply(scope);
    }

    static Duration parseDuration(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + s + "' is not a duration such as 500ms, 30s, 5m or 1h");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
