package org.rollcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.clever.CleverDistrictGenerator;
import org.rollcall.report.Problem;
import org.rollcall.report.RunReport;
import org.rollcall.run.District;

/**
 * The demo district's rostering files (teachers.csv, sections.csv, staff.csv, enrollments.csv)
 * through the routes over real HTTP into the sandbox, and read back from it: every rostering
 * resource, seed 001's rules, a second run that sends nothing, and what the gone policy does with a
 * section that leaves sections.csv.
 */
class CleverRosteringIT {

    static final List<String> ROSTER = List.of("staffs", "staffSchoolAssociations",
            "staffEducationOrganizationAssignmentAssociations", "courses", "sessions", "courseOfferings", "sections",
            "staffSectionAssociations", "studentSectionAssociations");
    static final String STUDENT_SECTIONS = "studentSectionAssociations";
    static final String STAFF_SECTIONS = "staffSectionAssociations";

    @TempDir
    Path data;
    @TempDir
    Path generated;

    private RollcallApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private void start(Map<String, String> extra) throws Exception {
        if (app != null) {
            app.close();
        }
        app = RollcallApp.start(Path.of("").toAbsolutePath(), TestDistricts.config(data, extra, "demo"),
                RollcallApp.Mode.ONCE, Map.of());
    }

    private District demo() {
        return app.districts().get("demo");
    }

    private RunReport runOnce() {
        List<RunReport> reports = app.runWaiting();
        assertThat(reports).hasSize(1);
        return reports.get(0);
    }

    private List<JsonNode> atTarget(String resource) {
        return new SandboxReader(app.sandbox()).all(resource);
    }

    private static String section(JsonNode association) {
        return association.at("/sectionReference/sectionIdentifier").asText();
    }

    private CleverDistrictGenerator.RosterLayout layout() throws Exception {
        return CleverDistrictGenerator.generate(generated, CleverDistrictGenerator.SAMPLE_STUDENTS).roster();
    }

    @Test
    void everyRosteringResourceIsSentAndReadsBackFromTheTarget() throws Exception {
        start(Map.of());
        TestDistricts.dropSample(demo().cleverInbox());
        RunReport report = runOnce();

        assertThat(report.status()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(report.failures()).isEmpty();
        assertThat(app.sandbox().counts().asMap().keySet()).as("no refusals: 400s or unresolved references")
                .noneMatch(k -> k.endsWith(" 400") || k.endsWith(" 409"));
        for (String r : ROSTER) {
            RunReport.Counts c = report.resources().get(r);
            assertThat(c.created()).as(r + " created").isPositive();
            assertThat(c.failed()).as(r + " failed").isZero();
            assertThat(atTarget(r)).as(r + " at the target").hasSize((int) c.created());
        }

        // staff: 50 teachers (one in two schools), 7 staff (one in two schools)
        List<JsonNode> staff = atTarget("staffs");
        assertThat(staff).hasSize(57);
        Map<String, List<String>> schoolsOf = atTarget("staffSchoolAssociations").stream().collect(Collectors.groupingBy(
                j -> j.at("/staffReference/staffUniqueId").asText(),
                Collectors.mapping(j -> j.at("/schoolReference/schoolId").asText(), Collectors.toList())));
        assertThat(schoolsOf.get("t-1031")).containsExactlyInAnyOrder("867530002", "867530003");
        assertThat(schoolsOf.get("s-2007")).containsExactlyInAnyOrder("867530001", "867530002");
        Map<String, String> positions = new HashMap<>();
        atTarget("staffEducationOrganizationAssignmentAssociations").forEach(j -> positions.put(
                j.at("/staffReference/staffUniqueId").asText() + "@" + j.at("/educationOrganizationReference/"
                        + "educationOrganizationId").asText(), j.get("staffClassificationDescriptor").asText()));
        assertThat(positions.get("s-2001@867530001")).endsWith("#Principal");
        assertThat(positions.get("s-2003@867530002")).endsWith("#School Counselor");
        assertThat(positions.get("s-2006@867530003")).as("a title the crosswalk lacks").endsWith("#Other");
        assertThat(positions.get("t-1001@867530001")).endsWith("#Teacher");
        assertThat(report.unmapped()).extracting(RunReport.Unmapped::field, RunReport.Unmapped::value)
                .contains(tuple("staffClassification", "Library Media Specialist"));

        // terms: the elementary school's is its school year; the others come from sections.csv
        assertThat(atTarget("sessions")).extracting(j -> j.get("sessionName").asText(), j -> j.get("beginDate").asText(),
                j -> j.get("endDate").asText(), j -> j.get("termDescriptor").asText().replaceAll(".*#", ""))
                .containsExactlyInAnyOrder(
                        tuple("2026-2027", "2026-08-17", "2027-06-30", "Year Round"),
                        tuple("Full Year", "2026-09-01", "2027-06-11", "Year Round"),
                        tuple("Fall Semester", "2026-09-01", "2027-01-22", "Fall Semester"),
                        tuple("Spring Semester", "2027-01-25", "2027-06-11", "Spring Semester"));
        assertThat(atTarget("sessions")).allSatisfy(j -> assertThat(j.get("totalInstructionalDays").asInt()).isPositive());

        // a co-teacher and the teacher of record
        List<JsonNode> readingK1 = atTarget(STAFF_SECTIONS).stream().filter(j -> section(j).equals("rdd-es-READ-K-1")).toList();
        assertThat(readingK1).extracting(j -> j.at("/staffReference/staffUniqueId").asText(),
                j -> j.get("classroomPositionDescriptor").asText().replaceAll(".*#", "")).containsExactlyInAnyOrder(
                tuple("t-1001", "Teacher of Record"), tuple("t-1019", "Support Teacher"));

        // students in sections from their term's first day
        assertThat(atTarget(STUDENT_SECTIONS).stream().filter(j -> section(j).startsWith("rdd-hs-")
                && j.at("/sectionReference/sessionName").asText().equals("Fall Semester")))
                .isNotEmpty().allSatisfy(j -> assertThat(j.get("beginDate").asText()).isEqualTo("2026-09-01"));
        assertThat(atTarget(STUDENT_SECTIONS).stream().filter(j -> section(j).startsWith("rdd-es-")))
                .isNotEmpty().allSatisfy(j -> assertThat(j.get("beginDate").asText()).isEqualTo("2026-08-17"));
    }

    @Test
    @DisplayName("seed 001: \"ANet cannot access periods for teachers missing unique email addresses\" and \"Students and"
            + " courses with \"other\", \"null\", or \"Post Grad\" as their grade level will not be processed\":"
            + " those sections, their teachers and students are not sent, and the report says which and why")
    void seed001sSectionsAreNotSentAndTheReportSaysWhich() throws Exception {
        CleverDistrictGenerator.RosterLayout layout = layout();
        start(Map.of());
        TestDistricts.dropSample(demo().cleverInbox());
        RunReport report = runOnce();

        Set<String> sent = atTarget("sections").stream().map(j -> j.get("sectionIdentifier").asText())
                .collect(Collectors.toSet());
        assertThat(layout.notProcessedSections()).hasSize(7).allSatisfy(id -> {
            assertThat(sent).doesNotContain(id);
            assertThat(report.problems()).anySatisfy(g -> {
                assertThat(g.severity()).isEqualTo(Problem.Severity.ERROR);
                assertThat(g.file()).isEqualTo("sections.csv");
                assertThat(g.message()).startsWith("section '" + id + "' is not processed: ").contains("seed 001");
            });
        });
        assertThat(atTarget(STUDENT_SECTIONS)).noneMatch(j -> layout.notProcessedSections().contains(section(j)));
        assertThat(atTarget(STAFF_SECTIONS)).noneMatch(j -> layout.notProcessedSections().contains(section(j)));
        assertThat(report.problems()).anySatisfy(g -> assertThat(g.message()).isEqualTo("section 'rdd-es-HR-1-2' is not "
                + "processed: its teacher (teachers.csv line 6) has no school email address (Teacher_email is blank);"
                + " seed 001: \"ANet cannot access periods for teachers missing unique email addresses\"; record skipped"));

        // the address two teachers share is in no report message and was sent to no one
        String shared = Files.readAllLines(Path.of("samples/clever/teachers.csv")).get(9).split(",")[7];
        assertThat(shared).contains("@");
        assertThat(report.problems()).allSatisfy(g -> assertThat(g.message()).doesNotContain("@"));
        assertThat(atTarget("staffs").toString()).doesNotContain(shared);
    }

    @Test
    void aSecondIdenticalDropSendsNothing() throws Exception {
        start(Map.of());
        TestDistricts.dropSample(demo().cleverInbox());
        RunReport first = runOnce();
        long posts = app.sandbox().counts().total("POST");
        long puts = app.sandbox().counts().total("PUT");

        TestDistricts.dropSample(demo().cleverInbox());
        RunReport second = runOnce();

        assertThat(second.status()).isEqualTo(RunReport.SUCCEEDED);
        for (String r : ROSTER) {
            RunReport.Counts c = second.resources().get(r);
            assertThat(c.created() + c.updated() + c.deleted() + c.failed()).as(r).isZero();
            assertThat(c.unchanged()).as(r).isEqualTo(first.resources().get(r).created());
        }
        assertThat(app.sandbox().counts().total("POST")).as("no POST").isEqualTo(posts);
        assertThat(app.sandbox().counts().total("PUT")).isEqualTo(puts);
        assertThat(app.sandbox().counts().total("DELETE")).isZero();
    }

    @Test
    void aSectionDroppedFromSectionsCsvHasItsAssociationsDeletedAsTheGonePolicySays() throws Exception {
        start(Map.of());
        TestDistricts.dropSample(demo().cleverInbox());
        runOnce();
        String dropped = "rdd-ms-MATH-7-2";
        long students = atTarget(STUDENT_SECTIONS).stream().filter(j -> section(j).equals(dropped)).count();
        assertThat(students).isPositive();
        int before = atTarget(STUDENT_SECTIONS).size();

        TestDistricts.dropSample(demo().cleverInbox());
        TestDistricts.editCsv(demo().cleverInbox().resolve("sections.csv"),
                row -> row.get("Section_id").equals(dropped) ? null : row);
        RunReport report = runOnce();

        assertThat(report.status()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(report.resources().get(STUDENT_SECTIONS).deleted()).isEqualTo(students);
        assertThat(report.resources().get(STAFF_SECTIONS).deleted()).isEqualTo(1);
        assertThat(report.resources().get("sections").deleted()).as("sections: not in the default gone policy").isZero();
        assertThat(atTarget(STUDENT_SECTIONS)).hasSize(before - (int) students).noneMatch(j -> section(j).equals(dropped));
        assertThat(atTarget(STAFF_SECTIONS)).noneMatch(j -> section(j).equals(dropped));
        assertThat(atTarget("sections")).anyMatch(j -> j.get("sectionIdentifier").asText().equals(dropped));
        // its rows left in enrollments.csv are reported, not sent
        assertThat(report.problems()).anySatisfy(g -> {
            assertThat(g.file()).isEqualTo("enrollments.csv");
            assertThat(g.message()).startsWith("Section_id '" + dropped + "' is not a section read from sections.csv");
            assertThat(g.count()).isEqualTo(students);
        });
    }

    @Test
    @DisplayName("rostering files are optional: a drop without sections.csv tonight deletes no section enrollment"
            + " and holds nothing")
    void aDropWithoutSectionsCsvLeavesTheSectionAssociationsAlone() throws Exception {
        start(Map.of());
        TestDistricts.dropSample(demo().cleverInbox());
        runOnce();
        int students = atTarget(STUDENT_SECTIONS).size();
        int staff = atTarget(STAFF_SECTIONS).size();
        assertThat(students).isPositive();
        assertThat(staff).isPositive();

        TestDistricts.dropSample(demo().cleverInbox());
        java.nio.file.Files.delete(demo().cleverInbox().resolve("sections.csv"));
        RunReport report = runOnce();

        assertThat(report.status()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(report.resources().values()).allSatisfy(c -> {
            assertThat(c.deleted()).isZero();
            assertThat(c.held()).isZero();
        });
        assertThat(atTarget(STUDENT_SECTIONS)).hasSize(students);
        assertThat(atTarget(STAFF_SECTIONS)).hasSize(staff);
    }

    @Test
    @DisplayName("seed 001: a section not processed tonight (its grade became \"Other\") keeps what the target holds of it")
    void aSectionNotProcessedTonightIsNotGone() throws Exception {
        start(Map.of());
        TestDistricts.dropSample(demo().cleverInbox());
        runOnce();
        String section = "rdd-hs-MATH-10-1";
        long students = atTarget(STUDENT_SECTIONS).stream().filter(j -> section(j).equals(section)).count();
        assertThat(students).isPositive();

        TestDistricts.dropSample(demo().cleverInbox());
        TestDistricts.editCsv(demo().cleverInbox().resolve("sections.csv"), row -> {
            if (row.get("Section_id").equals(section)) {
                row.put("Grade", "Other");
            }
            return row;
        });
        RunReport report = runOnce();

        assertThat(report.status()).isEqualTo(RunReport.SUCCEEDED);
        for (String r : ROSTER) {
            assertThat(report.resources().get(r).deleted()).as(r).isZero();
        }
        assertThat(atTarget(STUDENT_SECTIONS).stream().filter(j -> section(j).equals(section)).count()).isEqualTo(students);
        assertThat(report.problems()).anySatisfy(g -> assertThat(g.message())
                .startsWith("section '" + section + "' is not processed: its Grade 'Other' is one seed 001 does not process"));
    }

    @Test
    void aTermStartThatMovesIsAPutOfTheSameStudentSectionAssociations() throws Exception {
        start(Map.of());
        TestDistricts.dropSample(demo().cleverInbox());
        runOnce();
        Map<String, String> idsBefore = new HashMap<>();
        atTarget(STUDENT_SECTIONS).stream().filter(j -> j.at("/sectionReference/sessionName").asText().equals("Full Year"))
                .forEach(j -> idsBefore.put(section(j) + "/" + j.at("/studentReference/studentUniqueId").asText(),
                        j.get("id").asText()));
        long teachers = atTarget(STAFF_SECTIONS).stream()
                .filter(j -> j.at("/sectionReference/sessionName").asText().equals("Full Year")).count();
        assertThat(idsBefore).isNotEmpty();

        TestDistricts.dropSample(demo().cleverInbox());
        TestDistricts.editCsv(demo().cleverInbox().resolve("sections.csv"), row -> {
            if (row.get("Term_name").equals("Full Year")) {
                row.put("Term_start", "09/08/2026");
            }
            return row;
        });
        RunReport report = runOnce();

        // middle school: a quarter of the sections; re-posting their teachers is no removal for the guard
        assertThat(report.status()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(report.resources().get("sessions").updated()).isEqualTo(1);
        assertThat(report.resources().get(STUDENT_SECTIONS).updated()).isEqualTo(idsBefore.size());
        assertThat(report.resources().get(STUDENT_SECTIONS).created() + report.resources().get(STUDENT_SECTIONS).deleted())
                .isZero();
        assertThat(report.resources().get(STAFF_SECTIONS).created()).isEqualTo(teachers);
        assertThat(report.resources().get(STAFF_SECTIONS).deleted()).isEqualTo(teachers);
        List<JsonNode> moved = atTarget(STUDENT_SECTIONS).stream()
                .filter(j -> j.at("/sectionReference/sessionName").asText().equals("Full Year")).toList();
        assertThat(moved).hasSize(idsBefore.size()).allSatisfy(j -> {
            assertThat(j.get("beginDate").asText()).isEqualTo("2026-09-08");
            assertThat(j.get("id").asText()).as("the same record, PUT with its new key")
                    .isEqualTo(idsBefore.get(section(j) + "/" + j.at("/studentReference/studentUniqueId").asText()));
        });
        assertThat(atTarget(STAFF_SECTIONS).stream()
                .filter(j -> j.at("/sectionReference/sessionName").asText().equals("Full Year")))
                .hasSize((int) teachers).allSatisfy(j -> assertThat(j.get("beginDate").asText()).isEqualTo("2026-09-08"));
    }

    @Test
    void theSectionsOfAStudentEdFiCannotTakeAreNotSentEither() throws Exception {
        start(Map.of());
        TestDistricts.dropSample(demo().cleverInbox());
        String[] student = new String[1];
        TestDistricts.editCsv(demo().cleverInbox().resolve("students.csv"), row -> {
            if (student[0] == null && row.get("School_id").equals("rdd-ms") && !row.get("First_name").isBlank()) {
                student[0] = row.get("Student_id");
                row.put("DOB", "");
            }
            return row;
        });
        long sections;
        try (var rows = Files.lines(demo().cleverInbox().resolve("enrollments.csv"))) {
            sections = rows.filter(l -> l.endsWith("," + student[0])).count();
        }
        assertThat(sections).isPositive();

        RunReport report = runOnce();

        // Ed-Fi requires a birth date: no Student, so no StudentSectionAssociation may reference one
        assertThat(report.resources().get(STUDENT_SECTIONS).failed()).isEqualTo(sections);
        assertThat(atTarget(STUDENT_SECTIONS)).noneMatch(j -> j.at("/studentReference/studentUniqueId").asText()
                .equals(student[0]));
        assertThat(app.sandbox().counts().asMap().keySet()).noneMatch(k -> k.endsWith(" 409"));
        assertThat(report.problems()).anySatisfy(g -> {
            assertThat(g.file()).isEqualTo("enrollments.csv");
            assertThat(g.message()).contains("studentSectionAssociations: the referenced student");
            assertThat(g.count()).isEqualTo(sections);
        });
    }
}
