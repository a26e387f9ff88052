package org.rollcall.edfi;

/** The mapper for a target's Data Standard major version (4, 5 or 6). */
public final class DataStandards {

    private DataStandards() {
    }

    public static EdFiMapper mapper(String major) {
        return switch (major) {
            case "4" -> new Ds4Mapper();
            case "5" -> new Ds5Mapper();
            case "6" -> new Ds6Mapper();
            default -> throw new IllegalArgumentException("Rollcall maps to Ed-Fi Data Standard 4, 5 and 6, not " + major);
        };
    }

    /** The major version in a discovery document's data standard version ({@code 5.2.0} -> {@code 5}). */
    public static String major(String dataStandardVersion) {
        if (dataStandardVersion == null || dataStandardVersion.isBlank()) {
            return "5";
        }
        String v = dataStandardVersion.trim();
        int dot = v.indexOf('.');
        return dot < 0 ? v : v.substring(0, dot);
    }
}
