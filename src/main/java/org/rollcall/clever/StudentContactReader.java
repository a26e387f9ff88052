package org.rollcall.clever;

import static org.rollcall.clever.StudentColumns.CONTACT;
import static org.rollcall.clever.StudentColumns.CONTACT_EMAIL;
import static org.rollcall.clever.StudentColumns.CONTACT_NAME;
import static org.rollcall.clever.StudentColumns.CONTACT_PHONE;
import static org.rollcall.clever.StudentColumns.CONTACT_PHONE_TYPE;
import static org.rollcall.clever.StudentColumns.CONTACT_RELATIONSHIP;
import static org.rollcall.clever.StudentColumns.CONTACT_SIS_ID;
import static org.rollcall.clever.StudentColumns.CONTACT_TYPE;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.rollcall.model.Contact;
import org.rollcall.model.Lineage;
import org.rollcall.model.PersonName;
import org.rollcall.model.StudentContact;

/**
 * The contact on a students.csv row (formats.md 1.2: Contact_name, Contact_relationship,
 * Contact_type, Contact_phone, Contact_phone_type, Contact_email, Contact_sis_id; one contact per
 * row, a student with more contacts has more rows). Vocabularies are Clever's (API v3.1,
 * formats.md 1.3); an unsupported value is a warning and only that value is dropped.
 *
 * <p>Clever has one name column: "Last, First" is read as written, otherwise the last word is the
 * surname. Without a Contact_sis_id the contact's id is derived from the student's Student_id and
 * the contact's name, so it stays the same from night to night (a parent of two students then
 * becomes two contacts: send Contact_sis_id to make them one).
 */
final class StudentContactReader {

    static final CodeSet RELATIONSHIPS = CodeSet.ignoringCase("Parent", "Grandparent", "Self", "Aunt/Uncle",
            "Sibling", "Other");
    static final CodeSet TYPES = CodeSet.ignoringCase("Parent/Guardian", "Emergency", "Primary", "Secondary",
            "Family", "Other");
    static final CodeSet PHONE_TYPES = CodeSet.ignoringCase("Cell", "Home", "Work", "Other");

    private StudentContactReader() {
    }

    /** The row's contact; empty when the row names none, or names one without a usable name. */
    static Optional<StudentContact> read(CleverRow row, String studentId, Lineage lineage) {
        if (CONTACT.stream().allMatch(c -> row.get(c) == null)) {
            return Optional.empty();
        }
        PersonName name = name(row.get(CONTACT_NAME));
        if (name == null) {
            row.warning(CONTACT_NAME, row.get(CONTACT_NAME) == null
                    ? "the row has contact values but no Contact_name (Ed-Fi needs a contact's first and last name)"
                    : "a contact's name needs a first and a last name (Ed-Fi requires both)");
            return Optional.empty();
        }
        String relation = StudentReader.code(row, CONTACT_RELATIONSHIP, RELATIONSHIPS);
        String type = StudentReader.code(row, CONTACT_TYPE, TYPES);
        String phoneType = StudentReader.code(row, CONTACT_PHONE_TYPE, PHONE_TYPES);
        String phone = row.get(CONTACT_PHONE);
        String id = row.get(CONTACT_SIS_ID);
        if (id == null) {
            id = derivedId(studentId, row.get(CONTACT_NAME));
        }
        Contact contact = new Contact("clever", id, name, null, row.get(CONTACT_EMAIL), phone,
                phone == null ? null : phoneType, lineage);
        Boolean guardian = "Parent/Guardian".equals(type) ? Boolean.TRUE : null;
        Boolean emergency = "Emergency".equals(type) ? Boolean.TRUE : null;
        Integer priority = "Primary".equals(type) ? Integer.valueOf(1) : "Secondary".equals(type) ? Integer.valueOf(2) : null;
        return Optional.of(new StudentContact(contact, relation, guardian, null, emergency, priority, lineage));
    }

    /** "Last, First Middle" or "First Middle Last"; null when there is no first and last part. */
    static PersonName name(String raw) {
        if (raw == null) {
            return null;
        }
        int comma = raw.indexOf(',');
        if (comma >= 0) {
            String last = raw.substring(0, comma).strip();
            String first = raw.substring(comma + 1).strip();
            return last.isEmpty() || first.isEmpty() ? null : PersonName.of(first, null, last);
        }
        String[] words = raw.strip().split("\\s+");
        if (words.length < 2) {
            return null;
        }
        String first = String.join(" ", java.util.Arrays.asList(words).subList(0, words.length - 1));
        return PersonName.of(first, null, words[words.length - 1]);
    }


    /** A stable contactUniqueId (32 characters at most) that names no one. */
    static String derivedId(String studentId, String contactName) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(studentId.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(contactName.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "clever-" + HexFormat.of().formatHex(md.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
