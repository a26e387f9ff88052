package org.rollcall.clever;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.rollcall.clever.RosterDrops.section;
import static org.rollcall.clever.RosterDrops.teacher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

/** teachers.csv: optional, checked whole when present, one row per teacher and school. */
class TeachersFileTest {

    @TempDir
    Path dir;

    @Test
    void aDropWithoutRosteringFilesIsWholeAndHasNoRoster() throws Exception {
        RosterDrops.Read read = RosterDrops.read(RosterDrops.drop(dir, null, null, null));
        assertThat(read.roster().hasSections()).isFalse();
        assertThat(read.roster().staff()).isEmpty();
        assertThat(read.enrollments()).as("without sections.csv enrollments are only counted").isEmpty();
        assertThat(read.drop().sectionEnrollments()).isEqualTo(3);
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void aTeacherRowMapsToTheCanonicalStaff() throws Exception {
        Map<String, String> t = teacher("t-1", "sch-1");
        t.put("Teacher_number", "E77");
        t.put("State_teacher_id", "MN77");
        t.put("Middle_name", "Q");
        t.put("Title", "Teacher");
        RosterDrops.Read read = RosterDrops.read(RosterDrops.drop(dir, List.of(t), null, null));
        Staff s = read.staff("t-1");
        assertThat(s.uniqueId()).isEqualTo("t-1");
        assertThat(s.staffNumber()).isEqualTo("E77");
        assertThat(s.stateId()).isEqualTo("MN77");
        assertThat(s.name().first()).isEqualTo("Teacher");
        assertThat(s.name().middle()).isEqualTo("Q");
        assertThat(s.email()).isEqualTo("t-1@staff.test.example");
        assertThat(s.lineage().toString()).isEqualTo("teachers.csv:2");
        assertThat(s.schools()).singleElement().satisfies(a -> {
            assertThat(a.edfiSchoolId()).isEqualTo(867530001L);
            assertThat(a.role()).isEqualTo("teacher");
            assertThat(a.title()).isEqualTo("Teacher");
            assertThat(a.beginDate()).isEqualTo(TestDrops.ENTRY);
            assertThat(a.schoolYear()).isEqualTo(2027);
        });
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void aTeacherInTwoSchoolsHasARowPerSchoolAndOneRecord() throws Exception {
        RosterDrops.Read read = RosterDrops.read(RosterDrops.drop(dir,
                List.of(teacher("t-1", "sch-1"), teacher("t-1", "sch-2")), null, null));
        assertThat(read.roster().staff()).hasSize(1);
        assertThat(read.staff("t-1").schools()).extracting(StaffSchool::schoolSourceId).containsExactly("sch-1", "sch-2");
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void theSameTeacherTwiceInOneSchoolIsADuplicateAndTheLaterRowIsSkipped() throws Exception {
        Map<String, String> again = teacher("t-1", "sch-1");
        again.put("First_name", "Other");
        RosterDrops.Read read = RosterDrops.read(RosterDrops.drop(dir, List.of(teacher("t-1", "sch-1"), again), null, null));
        assertThat(read.staff("t-1").name().first()).isEqualTo("Teacher");
        assertThat(read.problems()).extracting(Problem::severity, Problem::file, Problem::line, Problem::field, Problem::message)
                .containsExactly(tuple(Severity.ERROR, "teachers.csv", 3L, "Teacher_id",
                        "Teacher_id 't-1' already appears on line 2 for this school; record skipped"));
    }

    @Test
    void theSameTeacherIdInAnotherSchoolWithAnotherNameIsADuplicate() throws Exception {
        Map<String, String> other = teacher("t-1", "sch-2");
        other.put("Last_name", "Somebody Else");
        RosterDrops.Read read = RosterDrops.read(RosterDrops.drop(dir, List.of(teacher("t-1", "sch-1"), other), null, null));
        assertThat(read.staff("t-1").schools()).hasSize(1);
        assertThat(read.problems()).singleElement().satisfies(p -> {
            assertThat(p.describe()).startsWith("teachers.csv line 3, field Teacher_id: Teacher_id 't-1' already appears "
                    + "on line 2 with another name or email");
            assertThat(p.message()).doesNotContain("Somebody");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"School_id", "Teacher_id", "First_name", "Last_name"})
    void aBlankRequiredValueSkipsTheTeacher(String column) throws Exception {
        Map<String, String> t = teacher("t-2", "sch-1");
        t.put(column, "");
        RosterDrops.Read read = RosterDrops.read(RosterDrops.drop(dir, List.of(teacher("t-1", "sch-1"), t), null, null));
        assertThat(read.roster().staff()).extracting(Staff::uniqueId).containsExactly("t-1");
        assertThat(read.problems()).extracting(Problem::severity, Problem::line, Problem::field, Problem::message)
                .containsExactly(tuple(Severity.ERROR, 3L, column, "required value is blank; record skipped"));
    }

    @Test
    void aTeacherOfAnUnknownSchoolIsSkipped() throws Exception {
        RosterDrops.Read read = RosterDrops.read(RosterDrops.drop(dir, List.of(teacher("t-1", "sch-9")), null, null));
        assertThat(read.roster().staff()).isEmpty();
        assertThat(read.problems()).extracting(Problem::describe).containsExactly(
                "teachers.csv line 2, field School_id: School_id 'sch-9' is not a school read from schools.csv; record skipped");
    }

    @ParameterizedTest
    @ValueSource(strings = {"School_id", "Teacher_id", "Last_name", "First_name"})
    void aMissingRequiredHeaderRejectsTheDrop(String header) throws Exception {
        RosterDrops.drop(dir, List.of(teacher("t-1", "sch-1")), null, null);
        Path file = dir.resolve("teachers.csv");
        List<String> lines = Files.readAllLines(file);
        lines.set(0, lines.get(0).replace(header + ",", "Renamed_" + header + ","));
        Files.write(file, lines);
        assertThatThrownBy(() -> CleverDrop.open(dir, TestDrops.OPTIONS)).isInstanceOf(DropRejectedException.class)
                .hasMessage("teachers.csv: required header " + header + " is missing");
    }

    @Test
    void anEmptyTeachersFileRejectsTheDrop() throws Exception {
        RosterDrops.drop(dir, null, null, null);
        TestDrops.write(dir.resolve("teachers.csv"), "");
        assertThatThrownBy(() -> CleverDrop.open(dir, TestDrops.OPTIONS))
                .hasMessage("teachers.csv: file is empty: the header row is missing");
    }

    @Test
    void sectionsWithoutTeachersRejectTheDrop() throws Exception {
        RosterDrops.drop(dir, null, List.of(section("s-1", "sch-1", "t-1")), null);
        assertThatThrownBy(() -> CleverDrop.open(dir, TestDrops.OPTIONS)).isInstanceOf(DropRejectedException.class)
                .hasMessageStartingWith("teachers.csv: required file is missing from the drop: sections.csv is there");
    }

    @Test
    void headersInAnyOrderABomAndWindows1252AreRead() throws Exception {
        RosterDrops.drop(dir, null, null, null);
        String text = "Teacher_email,Last_name,First_name,Teacher_id,School_id\r\n"
                + "jose@staff.test.example,Muñoz,José,t-1,sch-1\r\n";
        Files.write(dir.resolve("teachers.csv"), text.getBytes(TextEncoding.WINDOWS_1252));
        RosterDrops.Read read = RosterDrops.read(dir);
        assertThat(read.staff("t-1").name().first()).isEqualTo("José");
        assertThat(read.staff("t-1").name().last()).isEqualTo("Muñoz");
        assertThat(read.drop().encoding("teachers.csv")).isEqualTo("windows-1252");

        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);
        Files.write(dir.resolve("teachers.csv"), withBom);
        RosterDrops.Read again = RosterDrops.read(dir);
        assertThat(again.staff("t-1").name().first()).isEqualTo("José");
        assertThat(again.drop().encoding("teachers.csv")).isEqualTo("UTF-8 with BOM");
    }

    @Test
    void aTruncatedLastRowIsSkippedAndTheOthersStay() throws Exception {
        RosterDrops.drop(dir, List.of(teacher("t-1", "sch-1")), null, null);
        Files.writeString(dir.resolve("teachers.csv"), "sch-1,t-2,,,Half\n", java.nio.file.StandardOpenOption.APPEND);
        RosterDrops.Read read = RosterDrops.read(dir);
        assertThat(read.roster().staff()).extracting(Staff::uniqueId).containsExactly("t-1");
        assertThat(read.problems()).extracting(Problem::line, Problem::message).containsExactly(
                tuple(3L, "record has 5 fields, the header has 9; record skipped"));
    }
}
