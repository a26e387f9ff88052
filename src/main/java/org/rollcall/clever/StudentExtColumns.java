package org.rollcall.clever;

import java.util.List;

/**
 * The students_ext.csv columns: {@code sis_id} (the student's Student_id) and the {@code ext.*}
 * fields of {@link ExtensionField} (seed 000, formats.md 1.5).
 */
final class StudentExtColumns {

    static final Column SIS_ID = Column.of("sis_id");

    static final List<Column> REQUIRED = List.of(SIS_ID);

    private StudentExtColumns() {
    }
}
