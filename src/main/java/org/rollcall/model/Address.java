package org.rollcall.model;

/** A postal address; any part may be null. */
public record Address(String street, String city, String state, String postalCode) {

    public boolean isComplete() {
        return street != null && city != null && state != null && postalCode != null;
    }
}
