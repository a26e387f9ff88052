package org.rollcall.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code rollcall.*} configuration in force: read from {@code config/application.properties},
 * overridden by {@code -Drollcall.*} system properties, with {@code ${env:NAME}} and
 * {@code ${env:NAME:default}} resolved from the environment. Loading checks every key against
 * {@link Settings}; anything unknown, invalid or missing fails with one line per problem.
 */
public final class RollcallConfig {

    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");
    private static final String PREFIX = "rollcall.";

    private final Map<String, String> raw;
    private final Map<String, String> rawBeforeEnv;
    private final Map<String, Object> values = new HashMap<>();
    private final List<String> districts;

    private RollcallConfig(Map<String, String> rawBeforeEnv, Map<String, String> raw) {
        this.rawBeforeEnv = rawBeforeEnv;
        this.raw = raw;
        List<String> problems = new ArrayList<>();
        List<String> ds = List.of();
        try {
            ds = parse(Settings.DISTRICTS, null);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        this.districts = ds == null ? List.of() : ds;
        for (String d : districts) {
            if (!d.matches("[a-z0-9][a-z0-9-]{0,39}")) {
                problems.add("rollcall.districts: '" + d + "' is not a district id (lower-case letters, digits, '-')");
            }
        }
        checkKnownKeys(problems);
        for (Setting<?> s : Settings.ALL) {
            if (s == Settings.DISTRICTS) {
                continue;
            }
            if (s.isPerDistrict()) {
                for (String d : districts) {
                    collect(problems, () -> parse(s, d));
                }
            } else {
                collect(problems, () -> parse(s, null));
            }
        }
        if (problems.isEmpty()) {
            checkDistinctInboxes(problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /** Loads {@code file} (missing is allowed: every key then takes its default). */
    public static RollcallConfig load(Path file, Map<String, String> env, Properties systemProperties) {
        Map<String, String> merged = new TreeMap<>();
        if (file != null && Files.exists(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException(file + ": cannot be read: " + e.getMessage());
            }
            p.stringPropertyNames().forEach(k -> merged.put(k, p.getProperty(k)));
        }
        if (systemProperties != null) {
            systemProperties.stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX))
                    .forEach(k -> merged.put(k, systemProperties.getProperty(k)));
        }
        return of(merged, env);
    }

    /** A configuration from key/value pairs (tests, embedded use); non-rollcall keys are ignored. */
    public static RollcallConfig of(Map<String, String> properties, Map<String, String> env) {
        Map<String, String> before = new TreeMap<>();
        Map<String, String> resolved = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        properties.forEach((k, v) -> {
            if (!k.startsWith(PREFIX)) {
                return;
            }
            before.put(k, v);
            try {
                resolved.put(k, resolveEnv(v, env::get));
            } catch (IllegalArgumentException e) {
                problems.add(k + ": " + e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new RollcallConfig(before, resolved);
    }

    static String resolveEnv(String value, Function<String, String> env) {
        Matcher m = ENV.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = env.apply(m.group(1));
            if (v == null) {
                v = m.group(2);
            }
            if (v == null) {
                throw new IllegalArgumentException("environment variable " + m.group(1) + " is not set");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString().trim();
    }

    public List<String> districts() {
        return districts;
    }

    /** The value of a whole-installation key. */
    public <T> T get(Setting<T> setting) {
        if (setting.isPerDistrict()) {
            throw new IllegalArgumentException(setting.name() + " is a district key; name the district");
        }
        return parse(setting, null);
    }

    /** The value of a district key for one district. */
    public <T> T get(Setting<T> setting, String district) {
        if (!setting.isPerDistrict()) {
            return get(setting);
        }
        if (!districts.contains(district)) {
            throw new IllegalArgumentException("no district '" + district + "' in rollcall.districts");
        }
        return parse(setting, district);
    }

    /** Whether a key was set explicitly (in the file or as a system property). */
    public boolean isSet(Setting<?> setting, String district) {
        return raw.containsKey(setting.nameFor(district));
    }

    /** Lines for {@code ./rollcall config}: key, value (secrets masked), type and doc. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Setting<?> s : Settings.ALL) {
            List<String> scopes = s.isPerDistrict() ? districts : java.util.Collections.singletonList(null);
            for (String d : scopes) {
                String key = s.nameFor(d);
                Object v = parse(s, d);
                String shown;
                if (s.isSecret()) {
                    String literal = rawBeforeEnv.get(key);
                    shown = literal != null && literal.contains("${env:") ? literal + " (set, masked)"
                            : (v == null || v.toString().isEmpty() ? "(empty)" : "******");
                } else {
                    shown = v == null ? "(unset)" : v.toString();
                }
                String origin = raw.containsKey(key) ? "" : "  [default]";
                lines.add(key + " = " + shown + origin);
                lines.add("    " + s.type() + (s.isRequired() ? ", required" : "") + ". " + s.doc());
            }
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    private <T> T parse(Setting<T> setting, String district) {
        String key = setting.nameFor(district);
        if (values.containsKey(key)) {
            return (T) values.get(key);
        }
        String v = raw.get(key);
        T result;
        if (v == null || v.isBlank() && !setting.isSecret() && !"string".equals(setting.type())) {
            if (setting.isRequired()) {
                throw new ConfigException(key + ": is required but not set");
            }
            result = setting.defaultFor(new Setting.Scope(this, district));
        } else {
            if (setting.isSecret() && !v.isEmpty() && !rawBeforeEnv.getOrDefault(key, "").contains("${env:")) {
                throw new ConfigException(key + ": is a secret; set it from the environment, e.g. "
                        + key + "=${env:" + envName(key) + "}");
            }
            try {
                result = setting.parse(v);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key + ": " + e.getMessage());
            }
        }
        values.put(key, result);
        return result;
    }

    private static String envName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private void checkKnownKeys(List<String> problems) {
        Map<String, Setting<?>> known = new LinkedHashMap<>();
        for (Setting<?> s : Settings.ALL) {
            if (s.isPerDistrict()) {
                for (String d : districts) {
                    known.put(s.nameFor(d), s);
                }
            } else {
                known.put(s.name(), s);
            }
        }
        for (String key : raw.keySet()) {
            if (!known.containsKey(key)) {
                problems.add(key + ": unknown key" + suggestion(key, known.keySet()));
            }
        }
    }

    private static String suggestion(String key, java.util.Collection<String> known) {
        return known.stream().min(Comparator.comparingInt(k -> distance(k, key)))
                .filter(k -> distance(k, key) <= Math.max(3, key.length() / 5))
                .map(k -> " (did you mean " + k + "?)").orElse("");
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private void checkDistinctInboxes(List<String> problems) {
        Map<Path, String> seen = new HashMap<>();
        for (String d : districts) {
            Path inbox = get(Settings.CLEVER_INBOX, d).toAbsolutePath().normalize();
            String other = seen.putIfAbsent(inbox, d);
            if (other != null) {
                problems.add(Settings.CLEVER_INBOX.nameFor(d) + ": '" + inbox + "' is also the inbox of district '"
                        + other + "'; each district needs its own");
            }
        }
    }

    private interface Check {
        void run();
    }

    private static void collect(List<String> problems, Check check) {
        try {
            check.run();
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
    }
}
