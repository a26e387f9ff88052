package org.rollcall.model;

/**
 * How a contact relates to one student. {@code relation} stays the source's code (the crosswalk
 * turns it into a RelationDescriptor); {@code priority} is the source's contact order, or null.
 */
public record StudentContact(
        Contact contact,
        String relation,
        boolean legalGuardian,
        boolean livesWith,
        boolean emergencyContact,
        Integer priority,
        Lineage lineage) {

    /** The first contact in the source's order is the primary one. */
    public boolean primary() {
        return priority != null && priority == 1;
    }
}
