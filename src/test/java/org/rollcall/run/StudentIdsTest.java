package org.rollcall.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.model.Lineage;
import org.rollcall.model.PersonName;
import org.rollcall.model.Student;

class StudentIdsTest {

    @TempDir
    Path dir;

    private static Student student(String sourceId, String uniqueId) {
        return new Student("clever", uniqueId, sourceId, "n" + sourceId, null, PersonName.of("A", null, "B"), null,
                LocalDate.of(2012, 5, 1), "F", null, List.of(), null, null, List.of(), Map.of(), null, null, "3", null,
                List.of(), Lineage.of("students.csv", 2));
    }

    @Test
    void aStudentIdJoinsToItsUniqueIdWhetherOrNotTheyAreTheSame() {
        StudentIds ids = new StudentIds(dir);
        for (int i = 0; i < 50_000; i++) {
            // the default column (the Student_id is the unique id) and State_id, Nguyễn-style bytes included
            ids.add(i % 2 == 0 ? student("c" + i, "c" + i) : student("c" + i, "Nguyễn-" + i), i % 3 == 0);
        }
        assertThat(ids.uniqueId("c10")).isEqualTo("c10");
        assertThat(ids.uniqueId("c49999")).isEqualTo("Nguyễn-49999");
        assertThat(ids.uniqueId("c50000")).isNull();
        assertThat(ids.planned("studentUniqueId=c0")).isTrue();
        assertThat(ids.planned("studentUniqueId=Nguyễn-3")).isTrue();
        assertThat(ids.planned("studentUniqueId=c2")).as("not planned").isFalse();
        assertThat(ids.planned("studentUniqueId=c3")).as("planned under its unique id").isFalse();
        assertThat(ids.planned("schoolId=c0")).isFalse();
    }

    @Test
    void aUniqueIdThatIsAnotherStudentsIdIsJudgedByItsOwnStudent() {
        StudentIds ids = new StudentIds(dir);
        ids.add(student("X", "Y"), false); // Student_id X, studentUniqueId Y
        ids.add(student("Z", "X"), true);  // studentUniqueId X: another student's Student_id
        assertThat(ids.planned("studentUniqueId=X")).isTrue();
        assertThat(ids.planned("studentUniqueId=Y")).isFalse();
        ids.add(student("W", "W"), true);
        ids.add(student("W", "W"), false);
        assertThat(ids.planned("studentUniqueId=W")).as("a later row does not undo the plan").isTrue();
        assertThat(ids.uniqueId("W")).isEqualTo("W");
    }

    @Test
    void aStudentsLaterRowsKeepTheFirstRowsUniqueIdAndCanStillBePlanned() {
        StudentIds ids = new StudentIds(dir);
        ids.add(student("c1", "u1"), false);
        ids.add(student("c1", "u-other"), true);
        assertThat(ids.uniqueId("c1")).isEqualTo("u1");
        assertThat(ids.planned("studentUniqueId=u1")).isTrue();
        assertThat(ids.planned("studentUniqueId=u-other")).isFalse();
    }
}
