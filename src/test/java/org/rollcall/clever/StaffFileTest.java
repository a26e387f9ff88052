package org.rollcall.clever;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.rollcall.clever.RosterDrops.staff;
import static org.rollcall.clever.RosterDrops.teacher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rollcall.model.Staff;
import org.rollcall.model.StaffSchool;
import org.rollcall.report.Problem;
import org.rollcall.report.Problem.Severity;

/** staff.csv, and the deprecated admins.csv it replaced: staff by Staff_id, a row per school. */
class StaffFileTest {

    static final List<String> ADMIN_HEADER = List.of("School_id", "Staff_id", "Admin_email", "First_name",
            "Last_name", "Admin_title");

    @TempDir
    Path dir;

    private RosterDrops.Read read(List<Map<String, String>> teachers, List<Map<String, String>> staff) throws Exception {
        RosterDrops.drop(dir, teachers, null, null);
        RosterDrops.write(dir.resolve("staff.csv"), RosterDrops.STAFF_HEADER, staff);
        return RosterDrops.read(dir);
    }

    @Test
    void aStaffRowMapsToTheCanonicalStaffWithItsPosition() throws Exception {
        Map<String, String> s = staff("s-1", "sch-1", "Principal");
        s.put("Department", "Administration");
        RosterDrops.Read read = read(null, List.of(s));
        Staff principal = read.staff("s-1");
        assertThat(principal.email()).isEqualTo("s-1@staff.test.example");
        assertThat(principal.name().last()).isEqualTo("Member s-1");
        assertThat(principal.schools()).singleElement().satisfies(a -> {
            assertThat(a.role()).isEqualTo("staff");
            assertThat(a.classifications()).containsExactly("Principal");
            assertThat(a.title()).isEqualTo("Principal");
        });
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void roleComesBeforeTitleAmongTheCodesTheCrosswalkTries() throws Exception {
        List<String> header = new java.util.ArrayList<>(RosterDrops.STAFF_HEADER);
        header.add("Role");
        Map<String, String> s = staff("s-1", "sch-1", "Head of Maths");
        s.put("Role", "Instructional Coach");
        RosterDrops.drop(dir, null, null, null);
        RosterDrops.write(dir.resolve("staff.csv"), header, List.of(s));
        assertThat(RosterDrops.read(dir).staff("s-1").schools().get(0).classifications())
                .containsExactly("Instructional Coach", "Head of Maths");
    }

    @Test
    void aMemberOfStaffInTwoSchoolsHasARowPerSchool() throws Exception {
        RosterDrops.Read read = read(null, List.of(staff("s-1", "sch-1", "Coach"), staff("s-1", "sch-2", "Coach")));
        assertThat(read.staff("s-1").schools()).extracting(StaffSchool::schoolSourceId).containsExactly("sch-1", "sch-2");
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void theSameStaffIdTwiceInOneSchoolIsADuplicate() throws Exception {
        RosterDrops.Read read = read(null, List.of(staff("s-1", "sch-1", "Principal"), staff("s-1", "sch-1", "Coach")));
        assertThat(read.staff("s-1").schools()).singleElement().satisfies(a -> assertThat(a.title()).isEqualTo("Principal"));
        assertThat(read.problems()).extracting(Problem::describe).containsExactly("staff.csv line 3, field Staff_id: "
                + "Staff_id 's-1' already appears on staff.csv:2 for this school; record skipped");
    }

    @Test
    void aStaffIdWithAnotherNameInAnotherSchoolIsADuplicate() throws Exception {
        Map<String, String> other = staff("s-1", "sch-2", "Coach");
        other.put("Staff_email", "someone.else@staff.test.example");
        RosterDrops.Read read = read(null, List.of(staff("s-1", "sch-1", "Coach"), other));
        assertThat(read.staff("s-1").schools()).hasSize(1);
        assertThat(read.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.message()).contains("already appears on staff.csv:2 with another name or email")
                    .doesNotContain("someone.else");
        });
    }

    @Test
    void aStaffIdThatIsATeacherAddsTheirPositionToTheTeachersRecord() throws Exception {
        Map<String, String> s = staff("t-1", "sch-1", "Assistant Principal");
        s.put("First_name", "Another Spelling");
        RosterDrops.Read read = read(List.of(teacher("t-1", "sch-1")), List.of(s));
        assertThat(read.roster().staff()).hasSize(1);
        Staff t = read.staff("t-1");
        assertThat(t.name().first()).as("the teacher's record stands").isEqualTo("Teacher");
        assertThat(t.schools()).extracting(StaffSchool::role, StaffSchool::title)
                .containsExactly(tuple("teacher", null), tuple("staff", "Assistant Principal"));
        assertThat(read.problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"School_id", "Staff_id", "Staff_email", "First_name", "Last_name"})
    void aBlankRequiredValueSkipsTheRow(String column) throws Exception {
        Map<String, String> s = staff("s-1", "sch-1", "Principal");
        s.put(column, "");
        RosterDrops.Read read = read(null, List.of(s));
        assertThat(read.roster().staff()).isEmpty();
        assertThat(read.problems()).extracting(Problem::severity, Problem::file, Problem::field)
                .containsExactly(tuple(Severity.ERROR, "staff.csv", column));
    }

    @Test
    void staffOfAnUnknownSchoolAreSkipped() throws Exception {
        RosterDrops.Read read = read(null, List.of(staff("s-1", "sch-7", "Principal")));
        assertThat(read.roster().staff()).isEmpty();
        assertThat(read.problems()).extracting(Problem::field).containsExactly("School_id");
    }

    @Test
    void aMissingStaffEmailHeaderRejectsTheDrop() throws Exception {
        RosterDrops.drop(dir, null, null, null);
        RosterDrops.write(dir.resolve("staff.csv"), List.of("School_id", "Staff_id", "First_name", "Last_name"), List.of());
        assertThatThrownBy(() -> CleverDrop.open(dir, TestDrops.OPTIONS)).isInstanceOf(DropRejectedException.class)
                .hasMessage("staff.csv: required header Staff_email is missing");
    }

    @Test
    void theDeprecatedAdminsCsvIsReadAsStaffWithAWarning() throws Exception {
        RosterDrops.drop(dir, null, null, null);
        Map<String, String> a = Map.of("School_id", "sch-1", "Staff_id", "a-1", "Admin_email", "a-1@staff.test.example",
                "First_name", "Ada", "Last_name", "Admin", "Admin_title", "Principal");
        RosterDrops.write(dir.resolve("admins.csv"), ADMIN_HEADER, List.of(a));
        RosterDrops.Read read = RosterDrops.read(dir);
        assertThat(read.staff("a-1").email()).isEqualTo("a-1@staff.test.example");
        assertThat(read.staff("a-1").schools()).singleElement().satisfies(s -> {
            assertThat(s.role()).isEqualTo("admin");
            assertThat(s.classifications()).containsExactly("Principal");
        });
        assertThat(read.problems()).extracting(Problem::severity, Problem::file, Problem::line, Problem::message)
                .containsExactly(tuple(Severity.WARNING, "admins.csv", 0L,
                        "admins.csv is deprecated (Clever replaced it with staff.csv); its rows are read as staff"));
        assertThat(read.drop().files()).contains(dir.resolve("admins.csv"));
    }

    @Test
    void anAdminAlsoInStaffCsvForTheSameSchoolIsADuplicate() throws Exception {
        RosterDrops.drop(dir, null, null, null);
        RosterDrops.write(dir.resolve("staff.csv"), RosterDrops.STAFF_HEADER, List.of(staff("s-1", "sch-1", "Principal")));
        RosterDrops.write(dir.resolve("admins.csv"), ADMIN_HEADER, List.of(Map.of("School_id", "sch-1", "Staff_id", "s-1",
                "Admin_email", "s-1@staff.test.example", "First_name", "Staff", "Last_name", "Member s-1")));
        RosterDrops.Read read = RosterDrops.read(dir);
        assertThat(read.staff("s-1").schools()).hasSize(1);
        assertThat(read.problems("admins.csv"))
                .extracting(Problem::severity, Problem::message).contains(tuple(Severity.ERROR,
                        "Staff_id 's-1' already appears on staff.csv:2 for this school; record skipped"));
    }
}
