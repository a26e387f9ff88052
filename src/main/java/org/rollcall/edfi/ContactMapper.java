package org.rollcall.edfi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.rollcall.model.Contact;
import org.rollcall.model.PersonName;
import org.rollcall.model.StudentContact;
import org.rollcall.report.Problem;

/**
 * Parents and guardians to Ed-Fi Data Standard 5: a {@code Contact} per person and a
 * {@code StudentContactAssociation} per student they relate to (DS 5 renamed Parent to Contact).
 * Required by the DS 5.0 schema: contactUniqueId, firstName, lastSurname; contactReference and
 * studentReference. Pure, like {@link Ds5Mapper}.
 */
public final class ContactMapper {

    /** Bump when the bodies this class builds change shape. */
    public static final String VERSION = "contacts-1";

    public List<EdFiRecord> contact(Contact c, MappingContext ctx) {
        PersonName n = c.name();
        if (n == null || n.first() == null || n.last() == null) {
            ctx.problems().report(Problem.warning(c.lineage().source(), c.lineage().line(), "FirstName/LastName",
                    "a contact needs a first and last name in Ed-Fi; contact not sent"));
            return List.of();
        }
        ObjectNode body = EdFiJson.object();
        body.put("contactUniqueId", c.uniqueId());
        body.put("firstName", n.first());
        if (n.middle() != null) {
            body.put("middleName", n.middle());
        }
        body.put("lastSurname", n.last());
        mapped(ctx, "sex", c.sex()).ifPresent(uri -> body.put("sexDescriptor", uri));
        if (c.email() != null) {
            body.set("electronicMails", EdFiJson.array().add(EdFiJson.object()
                    .put("electronicMailTypeDescriptor", ctx.descriptor("ElectronicMailTypeDescriptor", "Home/Personal"))
                    .put("electronicMailAddress", c.email())));
        }
        if (c.phone() != null) {
            // the type is required on a telephone: one the source does not give is Other
            String type = c.phoneType() == null ? ctx.descriptor("TelephoneNumberTypeDescriptor", "Other")
                    : mapped(ctx, "telephoneNumberType", c.phoneType())
                    .orElse(ctx.descriptor("TelephoneNumberTypeDescriptor", "Other"));
            body.set("telephones", EdFiJson.array().add(EdFiJson.object()
                    .put("telephoneNumberTypeDescriptor", type)
                    .put("telephoneNumber", c.phone())));
        }
        return List.of(EdFiRecord.of(EdFiResource.CONTACTS, body, c.lineage()));
    }

    public List<EdFiRecord> studentContact(String studentUniqueId, StudentContact sc, MappingContext ctx) {
        ObjectNode body = EdFiJson.object();
        body.set("contactReference", EdFiJson.object().put("contactUniqueId", sc.contact().uniqueId()));
        body.set("studentReference", EdFiJson.object().put("studentUniqueId", studentUniqueId));
        mapped(ctx, "relation", sc.relation()).ifPresent(uri -> body.put("relationDescriptor", uri));
        putIfKnown(body, "legalGuardian", sc.legalGuardian());
        putIfKnown(body, "livesWith", sc.livesWith());
        putIfKnown(body, "emergencyContactStatus", sc.emergencyContact());
        body.put("primaryContactStatus", sc.primary());
        if (sc.priority() != null && sc.priority() > 0) {
            body.put("contactPriority", sc.priority());
        }
        return List.of(EdFiRecord.of(EdFiResource.STUDENT_CONTACT_ASSOCIATIONS, body, sc.lineage()));
    }

    /** A flag the source does not know is left out rather than sent as false. */
    private static void putIfKnown(ObjectNode body, String field, Boolean value) {
        if (value != null) {
            body.put(field, value.booleanValue());
        }
    }

    private static Optional<String> mapped(MappingContext ctx, String field, String value) {
        return ctx.mapped(field, value);
    }
}
