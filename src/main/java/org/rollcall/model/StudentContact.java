package org.rollcall.model;

/**
 * How a contact relates to one student. {@code relation} stays the source's code (the crosswalk
 * turns it into a RelationDescriptor); {@code priority} is the source's contact order, or null.
 * A flag the source does not know is null (Clever says whether a contact is a parent/guardian or an
 * emergency contact, never whether the student lives with them) and is then not sent.
 */
public record StudentContact(
        Contact contact,
        String relation,
        Boolean legalGuardian,
        Boolean livesWith,
        Boolean emergencyContact,
        Integer priority,
        Lineage lineage) {

    /** The first contact in the source's order is the primary one. */
    public boolean primary() {
        return priority != null && priority == 1;
    }
}
