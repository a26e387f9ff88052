package org.rollcall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.clever.CleverDrop;
import org.rollcall.clever.CleverOptions;
import org.rollcall.edfi.SharingPolicy;
import org.rollcall.model.Program;
import org.rollcall.model.Student;
import org.rollcall.model.StudentContact;
import org.rollcall.report.Problem;
import org.rollcall.report.RunReport;
import org.rollcall.run.District;

/**
 * Seed 000's demographics end to end: the sample drop (students.csv with contacts and an ext.*
 * column, students_ext.csv) through the YAML routes over real HTTP into the sandbox, read back the
 * way any Ed-Fi client would, with and without the district's share allow-list.
 */
class CleverDemographicsIT {

    static final String ALL = String.join(",", SharingPolicy.SENSITIVE_FIELDS);
    static final String TODAY = LocalDate.now().toString();

    @TempDir
    Path data;

    private RollcallApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** (Re)starts the hub on the same data folder: state and the sandbox's store carry over. */
    private void start(Map<String, String> extra) throws Exception {
        if (app != null) {
            app.close();
        }
        app = RollcallApp.start(Path.of("").toAbsolutePath(), TestDistricts.config(data, extra, "demo"),
                RollcallApp.Mode.ONCE, Map.of());
    }

    private void start(String share) throws Exception {
        start(share == null ? Map.of() : Map.of("rollcall.district.demo.share", share));
    }

    private District demo() {
        return app.districts().get("demo");
    }

    private RunReport runSample() {
        TestDistricts.dropSample(demo().cleverInbox());
        return runOnce();
    }

    private RunReport runOnce() {
        List<RunReport> reports = app.runWaiting();
        assertThat(reports).hasSize(1);
        RunReport r = reports.get(0);
        assertThat(r.failures()).as("target refusals").isEmpty();
        assertThat(app.sandbox().counts().asMap().keySet()).as("no request answered 400 or 409")
                .noneMatch(k -> k.endsWith(" 400") || k.endsWith(" 409"));
        return r;
    }

    private List<JsonNode> all(String resource) {
        return new SandboxReader(app.sandbox()).all(resource);
    }

    /** The sample as the reader gives it: per Student_id the first row's student, and every row's contacts. */
    private static final class Sample {
        final Map<String, Student> students = new LinkedHashMap<>();
        final Set<String> contactIds = new HashSet<>();
        long links;

        Sample() throws Exception {
            CleverDrop drop = CleverDrop.open(Path.of("samples/clever"), CleverOptions.defaults(LocalDate.of(2026, 8, 17)));
            var schools = drop.readSchools(p -> { });
            Set<String> pairs = new HashSet<>();
            drop.readStudentRows(schools, row -> {
                students.putIfAbsent(row.student().sourceId(), row.student());
                for (StudentContact sc : row.contacts()) {
                    contactIds.add(sc.contact().uniqueId());
                    if (pairs.add(row.student().uniqueId() + "/" + sc.contact().uniqueId())) {
                        links++;
                    }
                }
            }, id -> { }, Path.of(System.getProperty("java.io.tmpdir")), p -> { });
        }

        long count(Predicate<Student> p) {
            return students.values().stream().filter(p).count();
        }

        long with(Program program, String... values) {
            return count(s -> s.program(program) != null
                    && (values.length == 0 || List.of(values).contains(s.program(program))));
        }
    }

    private static String studentOf(JsonNode body) {
        return body.at("/studentReference/studentUniqueId").asText();
    }

    @Test
    @DisplayName("seed 000_24ef7be37d1b8b28.txt, \"these values may not be shared automatically\": without an"
            + " allow-list no sensitive value reaches the sandbox, and the report counts what was withheld per field")
    void withoutAnAllowListEverySensitiveValueIsWithheldAndCounted() throws Exception {
        Sample sample = new Sample();
        start((String) null);

        RunReport report = runSample();

        assertThat(report.status()).isEqualTo(RunReport.SUCCEEDED);
        Map<String, Long> withheld = new LinkedHashMap<>();
        report.withheld().forEach(w -> withheld.put(w.field(), w.count()));
        Map<String, Long> expected = new LinkedHashMap<>();
        for (Program p : Program.values()) {
            expected.merge(SharingPolicy.fieldName(p), sample.with(p), Long::sum);
        }
        assertThat(withheld).isEqualTo(expected);
        assertThat(withheld.get("ell_status")).isEqualTo(238);
        assertThat(withheld.get("ext.title_i")).isPositive().isLessThan(238);

        assertThat(all("programs")).isEmpty();
        for (String r : List.of("studentSpecialEducationProgramAssociations", "studentProgramAssociations",
                "studentSchoolFoodServiceProgramAssociations", "studentTitleIPartAProgramAssociations",
                "studentLanguageInstructionProgramAssociations")) {
            assertThat(all(r)).as(r).isEmpty();
        }
        List<JsonNode> seoas = all("studentEducationOrganizationAssociations");
        assertThat(seoas).hasSize(238).allSatisfy(seoa -> {
            assertThat(seoa.has("limitedEnglishProficiencyDescriptor")).isFalse();
            assertThat(seoa.has("studentCharacteristics")).isFalse();
            assertThat(seoa.has("studentIndicators")).isFalse();
        });
    }

    @Test
    @DisplayName("the demographics students.csv carries are on the association with the LEA: sex (X is Non-binary),"
            + " races, ethnicity, home language, identification codes with their systems, e-mail, address")
    void theAssociationCarriesTheDemographics() throws Exception {
        Sample sample = new Sample();
        start((String) null);
        runSample();

        Map<String, JsonNode> seoa = new HashMap<>();
        all("studentEducationOrganizationAssociations").forEach(s -> seoa.put(studentOf(s), s));
        Student x = sample.students.values().stream().filter(s -> "X".equals(s.gender())).findFirst().orElseThrow();
        JsonNode body = seoa.get(x.uniqueId());
        assertThat(body.get("sexDescriptor").asText()).isEqualTo("uri://ed-fi.org/SexDescriptor#Non-binary");
        assertThat(body.at("/educationOrganizationReference/educationOrganizationId").asLong())
                .isEqualTo(demo().lea().id());
        assertThat(body.get("hispanicLatinoEthnicity").asBoolean()).isEqualTo(x.hispanicLatino());
        assertThat(body.at("/languages/0/uses/0/languageUseDescriptor").asText()).endsWith("#Home language");
        List<String> systems = new ArrayList<>();
        body.get("studentIdentificationCodes").forEach(c -> systems.add(c.get("studentIdentificationSystemDescriptor")
                .asText().replace("uri://ed-fi.org/StudentIdentificationSystemDescriptor#", "") + "="
                + c.get("identificationCode").asText()));
        assertThat(systems).containsExactlyInAnyOrder("District=" + x.sourceId(), "Local=" + x.studentNumber(),
                "State=" + x.stateId());
        assertThat(body.at("/electronicMails/0/electronicMailAddress").asText()).isEqualTo(x.email());
        assertThat(body.at("/addresses/0/city").asText()).isEqualTo(x.address().city());
        // race M is unmapped by default (clever.multiracial = unmapped): no race, counted in the report
        Student multiracial = sample.students.values().stream().filter(s -> s.races().equals(List.of("M"))).findFirst()
                .orElseThrow();
        assertThat(seoa.get(multiracial.uniqueId()).has("races")).isFalse();
        Student white = sample.students.values().stream().filter(s -> s.races().equals(List.of("W"))).findFirst()
                .orElseThrow();
        assertThat(seoa.get(white.uniqueId()).at("/races/0/raceDescriptor").asText())
                .isEqualTo("uri://ed-fi.org/RaceDescriptor#White");
    }

    @Test
    @DisplayName("formats.md 1.2 contacts: one per row, repeated rows for more, read back as contacts and"
            + " student-contact associations with relation, telephone and e-mail")
    void contactsAreInTheSandbox() throws Exception {
        Sample sample = new Sample();
        start((String) null);
        RunReport report = runSample();

        assertThat(report.resources().get("contacts").created()).isEqualTo(sample.contactIds.size());
        List<JsonNode> contacts = all("contacts");
        assertThat(contacts).hasSize(sample.contactIds.size());
        assertThat(contacts).anySatisfy(c -> assertThat(c.at("/telephones/0/telephoneNumberTypeDescriptor").asText())
                .isEqualTo("uri://ed-fi.org/TelephoneNumberTypeDescriptor#Mobile"));
        assertThat(contacts).anySatisfy(c -> assertThat(c.at("/electronicMails/0/electronicMailAddress").asText())
                .endsWith("@family.rollcall.example"));
        List<JsonNode> links = all("studentContactAssociations");
        assertThat(links).hasSize((int) sample.links);
        assertThat(links).extracting(l -> l.path("relationDescriptor").asText().replace("uri://ed-fi.org/RelationDescriptor#", ""))
                .contains("Parent", "Grandparent", "Relative", "Sibling", "Other");
        assertThat(links).anySatisfy(l -> assertThat(l.path("legalGuardian").asBoolean()).isTrue())
                .anySatisfy(l -> assertThat(l.path("emergencyContactStatus").asBoolean()).isTrue())
                .anySatisfy(l -> assertThat(l.path("primaryContactStatus").asBoolean()).isTrue())
                .noneSatisfy(l -> assertThat(l.has("livesWith")).isTrue());
    }

    @Test
    @DisplayName("seed 000_24ef7be37d1b8b28.txt, \"Click each field you want to share\": with every field allow-listed"
            + " the programs and each student's program associations are in the sandbox, and nothing is withheld")
    void withTheAllowListTheProgramAssociationsAreInTheSandbox() throws Exception {
        Sample sample = new Sample();
        start(ALL);

        RunReport report = runSample();

        assertThat(report.status()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(report.withheld()).isEmpty();
        assertThat(all("programs")).extracting(p -> p.get("programName").asText()).containsExactlyInAnyOrder(
                "Special Education", "Section 504", "School Food Service", "Title I Part A", "Migrant Education",
                "English Learner");

        long specialEd = sample.count(s -> "Y".equals(s.program(Program.IEP))
                || s.program(Program.IEP) == null && "Yes".equals(s.program(Program.IDEA)));
        List<JsonNode> sped = all("studentSpecialEducationProgramAssociations");
        assertThat(sped).hasSize((int) specialEd).allSatisfy(a -> {
            assertThat(a.get("beginDate").asText()).isEqualTo("2026-08-17");
            assertThat(a.at("/programReference/programName").asText()).isEqualTo("Special Education");
        });
        Set<String> disabilities = new HashSet<>();
        sped.forEach(a -> a.path("disabilities").forEach(d -> disabilities.add(d.get("disabilityDescriptor").asText())));
        assertThat(disabilities).as("all 13 types, DD as Other").hasSize(13)
                .contains("uri://ed-fi.org/DisabilityDescriptor#Other");
        assertThat(all("studentSchoolFoodServiceProgramAssociations")).hasSize((int) sample.with(
                Program.FREE_REDUCED_LUNCH, "F", "R")).extracting(a -> a.at(
                "/schoolFoodServiceProgramServices/0/schoolFoodServiceProgramServiceDescriptor").asText())
                .containsOnly("uri://ed-fi.org/SchoolFoodServiceProgramServiceDescriptor#Free Lunch",
                        "uri://ed-fi.org/SchoolFoodServiceProgramServiceDescriptor#Reduced Price Lunch");
        assertThat(all("studentTitleIPartAProgramAssociations")).hasSize((int) sample.with(Program.TITLE_I, "Yes"))
                .allSatisfy(a -> assertThat(a.get("titleIPartAParticipantDescriptor").asText())
                        .endsWith("#Public Targeted Assistance Program"));
        assertThat(all("studentLanguageInstructionProgramAssociations"))
                .hasSize((int) sample.with(Program.ENGLISH_LEARNER, "Y"));
        List<JsonNode> general = all("studentProgramAssociations");
        assertThat(general.stream().filter(a -> a.at("/programReference/programName").asText().equals("Section 504")))
                .hasSize((int) sample.with(Program.SECTION_504, "Yes"));
        assertThat(general.stream().filter(a -> a.at("/programReference/programName").asText().equals("Migrant Education")))
                .hasSize((int) sample.with(Program.MIGRANT, "Yes"));
        // seed 000 precedence: every tenth student's students.csv ext.section_504_status N beats students_ext.csv Yes
        assertThat(general).noneSatisfy(a -> {
            assertThat(a.at("/programReference/programName").asText()).isEqualTo("Section 504");
            assertThat(Long.parseLong(studentOf(a)) % 10).isEqualTo(7);
        });

        List<JsonNode> seoas = all("studentEducationOrganizationAssociations");
        assertThat(seoas).allSatisfy(s -> assertThat(s.get("limitedEnglishProficiencyDescriptor").asText())
                .matches("uri://ed-fi.org/LimitedEnglishProficiencyDescriptor#(Limited|NotLimited)"));
        assertThat(seoas.stream().filter(s -> s.has("studentCharacteristics")))
                .hasSize((int) sample.with(Program.ECONOMIC_DISADVANTAGE, "Yes"));
        assertThat(seoas).anySatisfy(s -> assertThat(s.get("studentIndicators").findValuesAsText("indicatorName"))
                .contains("Migrant Status", "Disability Status"));
    }

    @Test
    @DisplayName("allow-listing a field later sends exactly the records it changes: frl_status adds the food service"
            + " program and associations and touches nothing else; ell_status then updates the associations with the LEA")
    void allowListingLaterSendsExactlyWhatItChanges() throws Exception {
        Sample sample = new Sample();
        start((String) null);
        RunReport first = runSample();
        assertThat(first.status()).isEqualTo(RunReport.SUCCEEDED);

        start("frl_status");
        RunReport second = runSample();

        long freeOrReduced = sample.with(Program.FREE_REDUCED_LUNCH, "F", "R");
        assertThat(second.resources().get("programs").created()).isEqualTo(1);
        assertThat(second.resources().get("studentSchoolFoodServiceProgramAssociations").created())
                .isEqualTo(freeOrReduced);
        second.resources().forEach((resource, c) -> {
            if (!resource.equals("programs") && !resource.equals("studentSchoolFoodServiceProgramAssociations")) {
                assertThat(c.created() + c.updated() + c.deleted() + c.exited()).as(resource).isZero();
            }
        });
        assertThat(second.withheld()).extracting(RunReport.Withheld::field).doesNotContain("frl_status")
                .contains("ell_status");

        start("frl_status,ell_status");
        RunReport third = runSample();

        assertThat(third.resources().get("studentEducationOrganizationAssociations").updated()).isEqualTo(238);
        assertThat(third.resources().get("studentLanguageInstructionProgramAssociations").created())
                .isEqualTo(sample.with(Program.ENGLISH_LEARNER, "Y"));
        assertThat(third.resources().get("studentSchoolFoodServiceProgramAssociations").unchanged())
                .isEqualTo(freeOrReduced);
        for (String unchanged : List.of("students", "studentSchoolAssociations", "contacts",
                "studentContactAssociations")) {
            RunReport.Counts c = third.resources().get(unchanged);
            assertThat(c.created() + c.updated()).as(unchanged).isZero();
        }
    }

    @Test
    @DisplayName("a student no longer flagged for a program has the association ended (endDate, gone = exit), and a"
            + " student flagged again has it reopened")
    void aStudentNoLongerFlaggedHasTheAssociationEnded() throws Exception {
        start("frl_status");
        runSample();
        String[] student = {null};
        TestDistricts.dropSample(demo().cleverInbox());
        TestDistricts.editCsv(demo().cleverInbox().resolve("students.csv"), row -> {
            if (student[0] == null && "F".equals(row.get("Frl_status")) && !row.get("First_name").isBlank()) {
                student[0] = row.get("Student_id");
            }
            if (row.get("Student_id").equals(student[0])) {
                row.put("Frl_status", "N");
            }
            return row;
        });

        RunReport report = runOnce();

        RunReport.Counts food = report.resources().get("studentSchoolFoodServiceProgramAssociations");
        assertThat(food.exited()).isEqualTo(1);
        assertThat(food.created() + food.updated() + food.deleted()).isZero();
        assertThat(all("studentSchoolFoodServiceProgramAssociations")).filteredOn(a -> studentOf(a).equals(student[0]))
                .singleElement().satisfies(a -> assertThat(a.get("endDate").asText()).isEqualTo(TODAY));
        assertThat(all("studentSchoolFoodServiceProgramAssociations")).filteredOn(a -> a.has("endDate")).hasSize(1);
        assertThat(all("students")).as("students are never deleted").hasSize(238);

        RunReport again = runSample();
        assertThat(again.resources().get("studentSchoolFoodServiceProgramAssociations").updated()).isEqualTo(1);
        assertThat(all("studentSchoolFoodServiceProgramAssociations")).noneMatch(a -> a.has("endDate"));
    }

    @Test
    @DisplayName("seed 001_dd604ac86191a619.txt, \"Students and courses with \"other\", \"null\", or \"Post Grad\" as"
            + " their grade level will not be processed\": reported with file, line and field, and not taken for a"
            + " student who left")
    void aStudentWithAnUnprocessedGradeIsReportedAndLeftAlone() throws Exception {
        start((String) null);
        runSample();
        String[] student = {null};
        List<Long> lines = new ArrayList<>();
        long[] line = {1};
        TestDistricts.dropSample(demo().cleverInbox());
        TestDistricts.editCsv(demo().cleverInbox().resolve("students.csv"), row -> {
            line[0]++;
            if (student[0] == null && "12".equals(row.get("Grade")) && !row.get("First_name").isBlank()) {
                student[0] = row.get("Student_id");
            }
            if (row.get("Student_id").equals(student[0])) {
                row.put("Grade", "Post Grad");
                lines.add(line[0]);
            }
            return row;
        });

        RunReport report = runOnce();

        assertThat(report.problems()).anySatisfy(g -> {
            assertThat(g.severity()).isEqualTo(Problem.Severity.ERROR);
            assertThat(g.file()).isEqualTo("students.csv");
            assertThat(g.field()).isEqualTo("Grade");
            assertThat(g.lines()).isEqualTo(lines);
            assertThat(g.message()).startsWith("grade 'Post Grad' is not processed (seed 001");
        });
        report.resources().forEach((resource, c) -> assertThat(c.created() + c.updated() + c.deleted() + c.exited())
                .as(resource).isZero());
        assertThat(all("studentSchoolAssociations")).filteredOn(a -> studentOf(a).equals(student[0]))
                .singleElement().satisfies(a -> assertThat(a.has("exitWithdrawDate")).isFalse());
    }

    @Test
    @DisplayName("clever.multiracial = omit: race M is dropped before mapping and no longer counted as unmapped")
    void raceMCanBeOmitted() throws Exception {
        start((String) null);
        assertThat(runSample().unmapped()).anySatisfy(u -> assertThat(u.value()).isEqualTo("M"));
        start(Map.of("rollcall.district.demo.clever.multiracial", "omit"));
        RunReport omitted = runSample();
        assertThat(omitted.unmapped()).noneSatisfy(u -> assertThat(u.field()).isEqualTo("race"));
        omitted.resources().forEach((resource, c) -> assertThat(c.created() + c.updated()).as(resource).isZero());
    }

    @Test
    @DisplayName("the run report's text summary lists what was withheld")
    void theSummaryListsWithheldFields() throws Exception {
        start((String) null);
        RunReport report = runSample();
        String text = org.rollcall.report.RunReportWriter.summary(report);
        assertThat(text).contains("withheld: ell_status of 238 students").contains("withheld: ext.title_i of");
    }

    @Test
    @DisplayName("a Data Standard 4 target has parents, not contacts: the report says contacts are not sent, the rest"
            + " of the drop goes")
    void aDataStandard4TargetGetsNoContacts() throws Exception {
        start(Map.of("rollcall.district.demo.edfi.data-standard", "4"));
        RunReport report = runSample();
        assertThat(report.problems()).anySatisfy(g -> {
            assertThat(g.severity()).isEqualTo(Problem.Severity.WARNING);
            assertThat(g.field()).isEqualTo("Contact_name");
            assertThat(g.message()).contains("Data Standard 4").contains("contacts are not sent");
            assertThat(g.count()).isEqualTo(1);
        });
        assertThat(report.resources()).doesNotContainKeys("contacts", "studentContactAssociations");
        assertThat(all("contacts")).isEmpty();
        assertThat(report.resources().get("students").created()).isEqualTo(238);
    }
}
