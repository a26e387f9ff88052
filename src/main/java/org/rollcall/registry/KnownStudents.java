package org.rollcall.registry;

import java.nio.file.Path;
import org.rollcall.compact.IdTable;

/**
 * The district's registry students as a SIS run starts, read once: each local number with a
 * fingerprint of what the registry holds for it (the student's hash and home language), in an
 * {@link IdTable} mapped under the run's folder. A student whose fingerprint is the same is
 * unchanged and has nothing laid over it, so the run maps it without reading its registry row; a
 * number the table does not have is a new student. Only a student with a CALPADS overlay, or a
 * number two students held, has its row read ({@link #ROW_NEEDED}).
 *
 * <p>A changed student could pass for unchanged only by a 63-bit collision of its two fingerprints.
 */
final class KnownStudents {

    /** The number is not in the registry: a new student. */
    static final long ABSENT = IdTable.ABSENT;
    /** The registry row must be read: it has an overlay, or it is ambiguous. Fingerprints are odd. */
    static final long ROW_NEEDED = 2;

    private final IdTable numbers;

    private KnownStudents(IdTable numbers) {
        this.numbers = numbers;
    }

    static KnownStudents read(StudentRegistry registry, String district, Path dir) {
        IdTable numbers = new IdTable(dir);
        registry.forEachFingerprint(district, (number, studentHash, homeUri, ambiguous) -> numbers.put(number,
                ambiguous ? ROW_NEEDED : fingerprint(studentHash, homeUri)));
        registry.forEachOverlaid(district, number -> numbers.put(number, ROW_NEEDED));
        return new KnownStudents(numbers);
    }

    /** {@link #ABSENT}, {@link #ROW_NEEDED}, or the registry's fingerprint of the student. */
    long get(String localNumber) {
        return numbers.get(localNumber);
    }

    static boolean isFingerprint(long known) {
        return known != ABSENT && known != ROW_NEEDED;
    }

    static long fingerprint(String studentHash, String homeLanguageUri) {
        return IdTable.hash(studentHash + "|" + (homeLanguageUri == null ? "" : homeLanguageUri)) | 1L;
    }
}
