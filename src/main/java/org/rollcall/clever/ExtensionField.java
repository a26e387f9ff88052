package org.rollcall.clever;

import java.util.List;
import java.util.Locale;
import org.rollcall.model.Program;

/**
 * The seven extension fields of seed 000 (000_24ef7be37d1b8b28.txt, "Preparing your CSV file"):
 * ext.idea_indicator, ext.disability_status, ext.primary_disability_type, ext.section_504_status,
 * ext.economic_disadvantage_status, ext.migrant_status, ext.title_i. They come in students_ext.csv
 * or as columns appended to students.csv; each takes a CEDS value or {@code null} ("when the
 * demographic does not apply"). A few SIS exports write three of them as students.csv columns of
 * their own (Section_504_status, Disability_status, Disability_code: formats.md 1.2, "treat as ext"),
 * which are read as the same fields.
 *
 * <p>A value is kept as a one-byte code so that students_ext.csv costs little memory: 0 absent,
 * {@link #NOT_APPLICABLE} for {@code null}, otherwise the value's position in its set plus one.
 * The seven codes of one student fit in one {@code long}, a byte each.
 */
enum ExtensionField {

    IDEA_INDICATOR(Program.IDEA, SeedDemographics.CEDS_YES_NO, "ext.idea_indicator"),
    DISABILITY_STATUS(Program.DISABILITY, SeedDemographics.CEDS_YES_NO, "ext.disability_status",
            "Disability_status"),
    PRIMARY_DISABILITY_TYPE(Program.PRIMARY_DISABILITY_TYPE, SeedDemographics.PRIMARY_DISABILITY_TYPE,
            "ext.primary_disability_type", "Disability_code"),
    SECTION_504_STATUS(Program.SECTION_504, SeedDemographics.CEDS_YES_NO, "ext.section_504_status",
            "Section_504_status"),
    ECONOMIC_DISADVANTAGE_STATUS(Program.ECONOMIC_DISADVANTAGE, SeedDemographics.CEDS_YES_NO,
            "ext.economic_disadvantage_status"),
    MIGRANT_STATUS(Program.MIGRANT, SeedDemographics.CEDS_YES_NO, "ext.migrant_status"),
    TITLE_I(Program.TITLE_I, SeedDemographics.CEDS_YES_NO, "ext.title_i");

    static final byte ABSENT = 0;
    static final byte NOT_APPLICABLE = -1;

    private final Program program;
    private final CodeSet values;
    private final Column column;

    ExtensionField(Program program, CodeSet values, String name, String... otherSpellings) {
        this.program = program;
        this.values = values;
        this.column = Column.of(name, otherSpellings);
    }

    /** The canonical field this carries, in the source's (CEDS) vocabulary. */
    Program program() {
        return program;
    }

    Column column() {
        return column;
    }

    /** Whether a header name is one of the seven (in any of its spellings). */
    static boolean isField(String header) {
        for (ExtensionField f : values()) {
            if (f.column.spellings().contains(header)) {
                return true;
            }
        }
        return false;
    }

    /** The code of a row's value; an unsupported value is a warning, and absent. */
    byte read(CleverRow row) {
        String raw = row.get(column);
        if (raw == null) {
            return ABSENT;
        }
        if (raw.toLowerCase(Locale.ROOT).equals(SeedDemographics.NOT_APPLICABLE)) {
            return NOT_APPLICABLE;
        }
        String value = values.canonical(raw);
        if (value == null) {
            row.warning(column, "unsupported value " + MessageValues.code(raw) + " (supported: "
                    + values.supported() + (values == SeedDemographics.CEDS_YES_NO ? " (also Y, N)" : "")
                    + ", or null when it does not apply)");
            return ABSENT;
        }
        return (byte) (values.values().indexOf(value) + 1);
    }

    /** The value a code stands for: null when absent or not applicable. */
    String value(byte code) {
        return code > 0 ? values.values().get(code - 1) : null;
    }

    /** This field's code in a student's packed codes. */
    byte in(long codes) {
        return (byte) (codes >>> (8 * ordinal()));
    }

    /** The packed codes with this field's code set to {@code code}. */
    long with(long codes, byte code) {
        int shift = 8 * ordinal();
        return (codes & ~(0xFFL << shift)) | ((code & 0xFFL) << shift);
    }

    /** Every field's code of a row, packed. */
    static long readAll(CleverRow row) {
        long codes = 0;
        for (ExtensionField f : values()) {
            codes = f.with(codes, f.read(row));
        }
        return codes;
    }

    static List<ExtensionField> all() {
        return List.of(values());
    }
}
