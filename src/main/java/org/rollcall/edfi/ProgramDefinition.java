package org.rollcall.edfi;

/**
 * One Ed-Fi Program of the district: its programName and its ProgramTypeDescriptor code value
 * (the target's namespace is added) or full {@code uri://...}. Together with the LEA they are the
 * Program's natural key, so renaming a program in the configuration makes a new one.
 */
public record ProgramDefinition(String name, String type) {

    public ProgramDefinition {
        if (name == null || name.isBlank() || name.length() > 60) {
            throw new IllegalArgumentException("a program name is 1 to 60 characters (Ed-Fi programName)");
        }
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("a program needs a ProgramTypeDescriptor code value");
        }
    }

    /** {@code Special Education Services|Special Education}: the name, a bar, the program type. */
    public static ProgramDefinition parse(String value) {
        String[] parts = value.split("\\|", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + value + "' is not 'program name|ProgramTypeDescriptor code', "
                    + "e.g. Special Education|Special Education");
        }
        return new ProgramDefinition(parts[0].strip(), parts[1].strip());
    }

    @Override
    public String toString() {
        return name + "|" + type;
    }
}
