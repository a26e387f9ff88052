package org.rollcall.clever;

import org.rollcall.model.Address;

/** Clever's four address columns as one {@link Address}; none at all when every part is blank. */
final class Addresses {

    private Addresses() {
    }

    static Address of(String street, String city, String state, String zip) {
        if (street == null && city == null && state == null && zip == null) {
            return null;
        }
        return new Address(street, city, state, zip);
    }
}
