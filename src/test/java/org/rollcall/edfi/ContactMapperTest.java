package org.rollcall.edfi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rollcall.model.Contact;
import org.rollcall.model.Lineage;
import org.rollcall.model.PersonName;
import org.rollcall.model.StudentContact;
import org.rollcall.sync.RecordValidator;

/** Clever contacts (formats.md 1.2) to Contact and StudentContactAssociation (DS 5). */
class ContactMapperTest {

    private final UnmappedValues unmapped = new UnmappedValues();
    private final MappingContext ctx = new MappingContext("uri://ed-fi.org",
            DescriptorCrosswalk.load(Path.of("config/descriptors/clever.csv"), "uri://ed-fi.org"), 867530,
            p -> { }, unmapped);
    private final ContactMapper mapper = new ContactMapper();
    private final RecordValidator schema = new RecordValidator(
            EnumSet.of(RecordValidator.Check.SCHEMA, RecordValidator.Check.DESCRIPTORS), null, null);

    private static Contact rosa(String phone, String phoneType) {
        return new Contact("clever", "G77", PersonName.of("Rosa", null, "Cruz"), null, "rosa@family.test.example",
                phone, phoneType, Lineage.of("students.csv", 2));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Cell, Mobile", "Home, Home", "Work, Work", "Other, Other", ", Other"})
    void aContactCarriesItsTelephoneWithTheMappedType(String clever, String edfi) {
        EdFiRecord r = mapper.contact(rosa("(612) 555-0142", clever), ctx).get(0);
        assertThat(r.payload().at("/telephones/0/telephoneNumber").asText()).isEqualTo("(612) 555-0142");
        assertThat(r.payload().at("/telephones/0/telephoneNumberTypeDescriptor").asText())
                .isEqualTo("uri://ed-fi.org/TelephoneNumberTypeDescriptor#" + edfi);
        assertThat(r.payload().at("/electronicMails/0/electronicMailAddress").asText())
                .isEqualTo("rosa@family.test.example");
        assertThat(schema.check(r)).isEmpty();
        assertThat(unmapped.isEmpty()).isTrue();
    }

    @Test
    void aContactWithoutAPhoneHasNoTelephones() {
        assertThat(mapper.contact(rosa(null, null), ctx).get(0).payload().has("telephones")).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Parent, Parent", "Grandparent, Grandparent", "Aunt/Uncle, Relative", "Sibling, Sibling",
        "Self, Other", "Other, Other"})
    void everyCleverRelationshipHasARelationDescriptor(String relationship, String relation) {
        StudentContact sc = new StudentContact(rosa(null, null), relationship, null, null, null, null,
                Lineage.of("students.csv", 2));
        EdFiRecord r = mapper.studentContact("S100", sc, ctx).get(0);
        assertThat(r.payload().get("relationDescriptor").asText())
                .isEqualTo("uri://ed-fi.org/RelationDescriptor#" + relation);
        assertThat(schema.check(r)).isEmpty();
    }

    @Test
    void whatTheSourceDoesNotKnowIsNotSent() {
        StudentContact sc = new StudentContact(rosa(null, null), "Parent", true, null, null, 2,
                Lineage.of("students.csv", 2));
        JsonNode body = mapper.studentContact("S100", sc, ctx).get(0).payload();
        assertThat(body.get("legalGuardian").asBoolean()).isTrue();
        assertThat(body.has("livesWith")).isFalse();
        assertThat(body.has("emergencyContactStatus")).isFalse();
        assertThat(body.get("primaryContactStatus").asBoolean()).isFalse();
        assertThat(body.get("contactPriority").asInt()).isEqualTo(2);
        List<String> keys = List.of(mapper.studentContact("S100", sc, ctx).get(0).naturalKey());
        assertThat(keys).containsExactly("contactUniqueId=G77|studentUniqueId=S100");
    }
}
