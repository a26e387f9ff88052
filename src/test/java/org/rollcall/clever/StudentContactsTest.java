package org.rollcall.clever;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rollcall.model.Contact;
import org.rollcall.model.PersonName;
import org.rollcall.model.StudentContact;
import org.rollcall.model.StudentSnapshot;
import org.rollcall.report.Problem;
import org.rollcall.report.Problem.Severity;

/**
 * students.csv contacts (formats.md 1.2): "Contact_name, Contact_relationship, Contact_type,
 * Contact_phone, Contact_phone_type, Contact_email, Contact_sis_id ... one contact per row (repeat
 * student row for more contacts)"; vocabularies of Clever's API v3.1 (formats.md 1.3).
 */
class StudentContactsTest {

    @TempDir
    Path dir;

    private static Map<String, String> withContact(String studentId, String name, String relationship, String type,
                                                   String phone, String phoneType, String email, String sisId) {
        Map<String, String> row = TestDrops.student(studentId);
        row.put("Contact_name", name);
        row.put("Contact_relationship", relationship);
        row.put("Contact_type", type);
        row.put("Contact_phone", phone);
        row.put("Contact_phone_type", phoneType);
        row.put("Contact_email", email);
        row.put("Contact_sis_id", sisId);
        return row;
    }

    private TestDrops.Read read(List<Map<String, String>> rows) throws Exception {
        return TestDrops.read(TestDrops.dropWithStudents(dir, rows));
    }

    @Test
    void aRowsContactBecomesAContactAndItsLinkToTheStudent() throws Exception {
        TestDrops.Read read = read(List.of(withContact("1001", "Rosa Cruz", "Parent", "Parent/Guardian",
                "(612) 555-0142", "Cell", "rosa@family.test.example", "G77")));
        assertThat(read.problems()).isEmpty();
        StudentContact sc = read.rows().get(0).contacts().get(0);
        assertThat(sc.contact()).isEqualTo(new Contact("clever", "G77", PersonName.of("Rosa", null, "Cruz"), null,
                "rosa@family.test.example", "(612) 555-0142", "Cell", sc.lineage()));
        assertThat(sc.relation()).isEqualTo("Parent");
        assertThat(sc.legalGuardian()).isTrue();
        assertThat(sc.livesWith()).as("Clever does not say").isNull();
        assertThat(sc.emergencyContact()).isNull();
        assertThat(sc.priority()).isNull();
        assertThat(sc.lineage().line()).isEqualTo(2);
    }

    @Test
    @DisplayName("formats.md 1.2 \"repeat student row for more contacts\": two rows, one student, two contacts")
    void repeatedRowsCarryMoreContacts() throws Exception {
        TestDrops.Read read = read(List.of(
                withContact("1001", "Rosa Cruz", "Parent", "Primary", "", "", "", "G1"),
                withContact("1001", "Ana Cruz", "Grandparent", "Emergency", "", "", "", "G2")));
        assertThat(read.problems()).isEmpty();
        assertThat(read.rows()).flatExtracting(StudentSnapshot::contacts)
                .extracting(c -> c.contact().uniqueId(), StudentContact::relation, StudentContact::primary,
                        StudentContact::emergencyContact)
                .containsExactly(tuple("G1", "Parent", true, null), tuple("G2", "Grandparent", false, true));
        assertThat(read.students()).extracting(s -> s.sourceId()).containsExactly("1001", "1001");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Rosa Cruz|Rosa|Cruz", "Mary Ann  Smith|Mary Ann|Smith",
        "Cruz, Rosa|Rosa|Cruz", "de la Cruz, Rosa María|Rosa María|de la Cruz"})
    void namesAreSplitIntoFirstAndLast(String raw, String first, String last) {
        assertThat(StudentContactReader.name(raw)).isEqualTo(PersonName.of(first, null, last));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Cher", "', Rosa'", "'Cruz ,'"})
    @DisplayName("a contact name without a first and a last part is a warning, the contact is not sent, the student is")
    void aNameThatCannotBeSplitIsAWarning(String raw) throws Exception {
        TestDrops.Read read = read(List.of(withContact("1001", raw, "Parent", "", "", "", "", "G1")));
        assertThat(read.problems()).extracting(Problem::severity, Problem::line, Problem::field, Problem::message)
                .containsExactly(tuple(Severity.WARNING, 2L, "Contact_name", "a contact's name needs a first and a last"
                        + " name (Ed-Fi requires both); value dropped"));
        assertThat(read.rows().get(0).contacts()).isEmpty();
        assertThat(read.students()).hasSize(1);
    }

    @Test
    @DisplayName("formats.md 1.2 (PowerSchool exporter): \"contact name is required when contacts are being synced\"")
    void contactValuesWithoutANameAreAWarning() throws Exception {
        TestDrops.Read read = read(List.of(withContact("1001", "", "Parent", "", "(612) 555-0142", "", "", "")));
        assertThat(read.problems()).extracting(Problem::field, Problem::message).containsExactly(tuple("Contact_name",
                "the row has contact values but no Contact_name (Ed-Fi needs a contact's first and last name); value"
                        + " dropped"));
        assertThat(read.rows().get(0).contacts()).isEmpty();
    }

    @Test
    void aRowWithoutContactColumnsHasNoContact() throws Exception {
        TestDrops.Read read = read(List.of(TestDrops.student("1001")));
        assertThat(read.rows().get(0).contacts()).isEmpty();
        assertThat(read.problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"Contact_relationship, Mother", "Contact_type, Guardian", "Contact_phone_type, Mobile"})
    @DisplayName("a relationship, contact type or phone type outside Clever's vocabulary is a warning: that value is"
            + " dropped, the contact is sent")
    void anUnsupportedCodeIsAWarning(String column, String value) throws Exception {
        Map<String, String> row = withContact("1001", "Rosa Cruz", "Parent", "Primary", "(612) 555-0142", "Home", "",
                "G1");
        row.put(column, value);
        TestDrops.Read read = read(List.of(row));
        assertThat(read.problems()).extracting(Problem::severity, Problem::field)
                .containsExactly(tuple(Severity.WARNING, column));
        assertThat(read.problems().get(0).message()).startsWith("unsupported value (value not shown) (supported: ");
        assertThat(read.rows().get(0).contacts()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"parent/guardian, true, , ", "EMERGENCY, , true, ", "Primary, , , 1", "Secondary, , , 2",
        "Family, , , ", "Other, , , "})
    @DisplayName("Clever's contact type says who is a guardian, an emergency contact, the primary or secondary one")
    void contactTypes(String type, Boolean guardian, Boolean emergency, Integer priority) throws Exception {
        StudentContact sc = read(List.of(withContact("1001", "Rosa Cruz", "Other", type, "", "", "", "G1")))
                .rows().get(0).contacts().get(0);
        assertThat(sc.legalGuardian()).isEqualTo(guardian);
        assertThat(sc.emergencyContact()).isEqualTo(emergency);
        assertThat(sc.priority()).isEqualTo(priority);
    }

    @Test
    @DisplayName("without Contact_sis_id the id is derived from the student and the name: stable, at most 32"
            + " characters (Ed-Fi contactUniqueId), naming no one")
    void aDerivedIdIsStableAndNamesNoOne() throws Exception {
        String first = read(List.of(withContact("1001", "Rosa Cruz", "", "", "", "", "", "")))
                .rows().get(0).contacts().get(0).contact().uniqueId();
        String again = read(List.of(withContact("1001", "rosa cruz", "", "", "", "", "", "")))
                .rows().get(0).contacts().get(0).contact().uniqueId();
        String otherStudent = read(List.of(withContact("1002", "Rosa Cruz", "", "", "", "", "", "")))
                .rows().get(0).contacts().get(0).contact().uniqueId();
        assertThat(first).isEqualTo(again).startsWith("clever-").hasSizeLessThanOrEqualTo(32)
                .doesNotContainIgnoringCase("rosa").doesNotContainIgnoringCase("cruz");
        assertThat(otherStudent).isNotEqualTo(first);
    }

    @Test
    void aPhoneTypeWithoutAPhoneIsNotKept() throws Exception {
        Contact c = read(List.of(withContact("1001", "Rosa Cruz", "", "", "", "Cell", "", "G1"))).rows().get(0)
                .contacts().get(0).contact();
        assertThat(c.phone()).isNull();
        assertThat(c.phoneType()).isNull();
    }
}
