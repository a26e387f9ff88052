package org.rollcall.sandbox;

import java.util.List;

/**
 * A GET query parameter of a resource and where its value sits in the body. Reference properties are queried
 * flat ({@code schoolId} for {@code schoolReference.schoolId}); a unified key has several paths
 * ({@code schoolId}: {@code schoolReference.schoolId} and {@code calendarReference.schoolId}).
 */
record QueryParameter(String name, boolean identity, List<List<String>> paths) {
}
