package org.rollcall.calpads;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rollcall.model.PersonName;
import org.rollcall.registry.Names;
import org.rollcall.registry.RegistryEntry;

/**
 * Seed 003, "Import Requirements": "The download file and the student record must match exactly
 * for Local Student Number, First Name, Middle Name, Last Name, Birthdate, and Gender in order to
 * import the SSID." The student is found by local number; this compares the rest, each field the
 * layout has. Names compare as {@link Names#same} says (case, accents and spacing aside); gender as
 * {@link Genders#calpads} (a non-binary student's legal gender).
 */
final class StudentMatch {

    /** A field that does not match: the file's value and the registry's, as reports show them. */
    record Mismatch(MatchField field, String imported, String current, boolean nonBinary) { }

    private StudentMatch() {
    }

    static List<Mismatch> compare(CalpadsLine line, Layout layout, RegistryEntry student) {
        List<Mismatch> out = new ArrayList<>();
        PersonName n = student.legalName() == null ? PersonName.of(null, null, null) : student.legalName();
        name(out, line, layout, MatchField.FIRST_NAME, n.first());
        name(out, line, layout, MatchField.MIDDLE_NAME, n.middle());
        name(out, line, layout, MatchField.LAST_NAME, n.last());
        if (layout.has(Element.BIRTH_DATE)) {
            LocalDate file = line.date(Element.BIRTH_DATE);
            if (!Objects.equals(file, student.birthDate())) {
                out.add(new Mismatch(MatchField.BIRTH_DATE, text(file), text(student.birthDate()), false));
            }
        }
        if (layout.has(Element.GENDER)) {
            String file = Genders.code(line.text(Element.GENDER));
            String current = Genders.calpads(student);
            if (!Objects.equals(file, current)) {
                out.add(new Mismatch(MatchField.GENDER, blank(line.text(Element.GENDER)), blank(current),
                        Genders.nonBinaryWithoutLegalGender(student)));
            }
        }
        return out;
    }

    private static void name(List<Mismatch> out, CalpadsLine line, Layout layout, MatchField field, String current) {
        if (layout.has(field.element()) && !Names.same(line.text(field.element()), current)) {
            out.add(new Mismatch(field, blank(line.text(field.element())), blank(current), false));
        }
    }

    private static String text(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
