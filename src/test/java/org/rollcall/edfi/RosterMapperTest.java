package org.rollcall.edfi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollcall.model.Course;
import org.rollcall.model.Lineage;
import org.rollcall.model.Term;
import org.rollcall.report.Problem;
import org.rollcall.sync.RecordValidator;

/**
 * The rostering resources of Data Standard 5, one test per resource, each body checked against the
 * DS 5.0 OpenAPI schema and the DS 5.2 descriptor sets by the validator runs use.
 */
class RosterMapperTest {

    private final List<Problem> problems = new ArrayList<>();
    private final UnmappedValues unmapped = new UnmappedValues();
    private final MappingContext ctx = new MappingContext("uri://ed-fi.org",
            DescriptorCrosswalk.load(Path.of("config/descriptors/clever.csv"), "uri://ed-fi.org"), 867530,
            problems::add, unmapped);
    private final Ds5Mapper mapper = new Ds5Mapper();
    private final RecordValidator validator = new RecordValidator(
            EnumSet.of(RecordValidator.Check.SCHEMA, RecordValidator.Check.DESCRIPTORS), null, null);

    private List<EdFiRecord> valid(List<EdFiRecord> records) {
        for (EdFiRecord r : records) {
            assertThat(validator.check(r)).as(r.resource().collection() + " " + r.payload()).isEmpty();
        }
        return records;
    }

    private static String ed(String descriptor) {
        return "uri://ed-fi.org/" + descriptor;
    }

    @Test
    void aTeacherIsAStaffWithASchoolAssociationAndAnAssignmentPerSchool() {
        List<EdFiRecord> out = valid(mapper.staff(RosterFixtures.teacher(), ctx));
        assertThat(out).extracting(EdFiRecord::resource).containsExactly(EdFiResource.STAFFS,
                EdFiResource.STAFF_SCHOOL_ASSOCIATIONS, EdFiResource.STAFF_SCHOOL_ASSOCIATIONS,
                EdFiResource.STAFF_EDUCATION_ORGANIZATION_ASSIGNMENT_ASSOCIATIONS,
                EdFiResource.STAFF_EDUCATION_ORGANIZATION_ASSIGNMENT_ASSOCIATIONS);
        JsonNode staff = out.get(0).payload();
        assertThat(out.get(0).naturalKey()).isEqualTo("staffUniqueId=t-1");
        assertThat(staff.get("firstName").asText()).isEqualTo("Ines");
        assertThat(staff.get("lastSurname").asText()).isEqualTo("Okafor");
        assertThat(staff.at("/electronicMails/0/electronicMailAddress").asText()).isEqualTo("ines@staff.example");
        assertThat(staff.at("/electronicMails/0/electronicMailTypeDescriptor").asText())
                .isEqualTo(ed("ElectronicMailTypeDescriptor#Work"));
        assertThat(staff.get("identificationCodes")).extracting(c -> c.get("staffIdentificationSystemDescriptor").asText(),
                c -> c.get("identificationCode").asText()).containsExactly(
                tuple(ed("StaffIdentificationSystemDescriptor#District"), "t-1"),
                tuple(ed("StaffIdentificationSystemDescriptor#Other"), "E1"),
                tuple(ed("StaffIdentificationSystemDescriptor#State"), "MN1"));

        JsonNode ssa = out.get(1).payload();
        assertThat(out.get(1).naturalKey()).isEqualTo("programAssignmentDescriptor="
                + ed("ProgramAssignmentDescriptor#Regular Education") + "|schoolId=867530001|staffUniqueId=t-1");
        assertThat(ssa.at("/schoolYearTypeReference/schoolYear").asInt()).isEqualTo(2027);
        assertThat(ssa.get("gradeLevels")).extracting(g -> g.get("gradeLevelDescriptor").asText())
                .containsExactly(ed("GradeLevelDescriptor#Third grade"), ed("GradeLevelDescriptor#Kindergarten"));
        assertThat(out.get(2).payload().has("gradeLevels")).as("no sections taught there").isFalse();

        JsonNode seoaa = out.get(3).payload();
        assertThat(seoaa.get("staffClassificationDescriptor").asText()).isEqualTo(ed("StaffClassificationDescriptor#Teacher"));
        assertThat(seoaa.get("beginDate").asText()).isEqualTo("2026-08-17");
        assertThat(seoaa.at("/educationOrganizationReference/educationOrganizationId").asLong()).isEqualTo(867530001L);
        assertThat(seoaa.get("positionTitle").asText()).isEqualTo("Teacher");
        assertThat(out.get(3).lineage()).isEqualTo(RosterFixtures.TEACHER_LINE);
        assertThat(problems).isEmpty();
    }

    @Test
    void aStaffTitleTheCrosswalkKnowsIsTheirClassificationAndAnotherFallsBackToTheirKindOfRow() {
        JsonNode principal = valid(mapper.staff(RosterFixtures.principal("Principal"), ctx)).get(2).payload();
        assertThat(principal.get("staffClassificationDescriptor").asText())
                .isEqualTo(ed("StaffClassificationDescriptor#Principal"));
        assertThat(unmapped.isEmpty()).isTrue();

        JsonNode librarian = valid(mapper.staff(RosterFixtures.principal("Keeper of Books"), ctx)).get(2).payload();
        assertThat(librarian.get("staffClassificationDescriptor").asText())
                .isEqualTo(ed("StaffClassificationDescriptor#Other"));
        assertThat(librarian.get("positionTitle").asText()).isEqualTo("Keeper of Books");
        assertThat(unmapped.gaps()).extracting(UnmappedValues.Gap::field, UnmappedValues.Gap::value)
                .containsExactly(tuple("staffClassification", "Keeper of Books"));
    }

    @Test
    void aRequiredDescriptorTheCrosswalkLacksIsReportedAndTheRecordNotMade() {
        MappingContext bare = new MappingContext("uri://ed-fi.org", DescriptorCrosswalk.load(
                Path.of("src/test/resources/edfi/empty-crosswalk.csv"), "uri://ed-fi.org"), 867530, problems::add, unmapped);
        List<EdFiRecord> out = mapper.staff(RosterFixtures.teacher(), bare);
        assertThat(out).extracting(EdFiRecord::resource).containsExactly(EdFiResource.STAFFS);
        assertThat(problems).extracting(Problem::file, Problem::message).contains(tuple("teachers.csv",
                "staffSchoolAssociations needs a programAssignment descriptor and the crosswalk has no line "
                        + "'programAssignment,teacher,...'; not sent"));
        assertThat(mapper.session(RosterFixtures.FALL, bare)).isEmpty();
    }

    @Test
    void aCourseBelongsToTheLeaOrItsSchoolWithItsCodeAsIdentificationCode() {
        EdFiRecord lea = valid(mapper.course(RosterFixtures.MATH, ctx)).get(0);
        assertThat(lea.naturalKey()).isEqualTo("courseCode=MATH-3|educationOrganizationId=867530");
        JsonNode body = lea.payload();
        assertThat(body.get("courseTitle").asText()).isEqualTo("Mathematics 3");
        assertThat(body.get("numberOfParts").asInt()).isEqualTo(1);
        assertThat(body.get("courseDescription").asText()).isEqualTo("Numbers");
        assertThat(body.at("/identificationCodes/0/courseIdentificationSystemDescriptor").asText())
                .isEqualTo(ed("CourseIdentificationSystemDescriptor#LEA course code"));
        assertThat(body.at("/identificationCodes/0/identificationCode").asText()).isEqualTo("MATH-3");
        assertThat(body.at("/academicSubjects/0/academicSubjectDescriptor").asText())
                .isEqualTo(ed("AcademicSubjectDescriptor#Mathematics"));

        Course bySchool = new Course("MATH-3", "Mathematics 3", null, null, 867530001L, true, Lineage.of("sections.csv", 2));
        EdFiRecord school = valid(mapper.course(bySchool, ctx)).get(0);
        assertThat(school.naturalKey()).isEqualTo("courseCode=MATH-3|educationOrganizationId=867530001");
        assertThat(school.payload().at("/identificationCodes/0/courseIdentificationSystemDescriptor").asText())
                .isEqualTo(ed("CourseIdentificationSystemDescriptor#School course code"));
        assertThat(school.payload().has("academicSubjects")).isFalse();
    }

    @Test
    void aTermIsASessionWithItsWeekdaysAsInstructionalDays() {
        EdFiRecord fall = valid(mapper.session(RosterFixtures.FALL, ctx)).get(0);
        assertThat(fall.naturalKey()).isEqualTo("schoolId=867530001|schoolYear=2027|sessionName=Fall Semester");
        JsonNode body = fall.payload();
        assertThat(body.get("termDescriptor").asText()).isEqualTo(ed("TermDescriptor#Fall Semester"));
        assertThat(body.get("beginDate").asText()).isEqualTo("2026-09-01");
        assertThat(body.get("endDate").asText()).isEqualTo("2027-01-22");
        // 2026-09-01 (a Tuesday) to 2027-01-22 (a Friday): 20 weeks and 4 days
        assertThat(body.get("totalInstructionalDays").asInt()).isEqualTo(104);
        assertThat(RosterMapper.weekdays(LocalDate.of(2026, 9, 5), LocalDate.of(2026, 9, 6))).isZero();

        assertThat(valid(mapper.session(RosterFixtures.YEAR, ctx)).get(0).payload().get("termDescriptor").asText())
                .isEqualTo(ed("TermDescriptor#Year Round"));
        Term odd = new Term("sch-1", 867530001L, 2027, "Block A", "Block A", RosterFixtures.YEAR_START,
                LocalDate.of(2027, 6, 30), false, RosterFixtures.SECTION_LINE);
        assertThat(valid(mapper.session(odd, ctx)).get(0).payload().get("termDescriptor").asText())
                .as("term,* in the crosswalk").isEqualTo(ed("TermDescriptor#Other"));
        assertThat(unmapped.gaps()).extracting(UnmappedValues.Gap::value).containsExactly("Block A");
    }

    @Test
    void aSectionIsItsCourseOfferingTheSectionAndAStaffSectionAssociationPerTeacher() {
        List<EdFiRecord> out = valid(mapper.section(RosterFixtures.section(RosterFixtures.FALL), ctx));
        assertThat(out).extracting(EdFiRecord::resource).containsExactly(EdFiResource.COURSE_OFFERINGS,
                EdFiResource.SECTIONS, EdFiResource.STAFF_SECTION_ASSOCIATIONS, EdFiResource.STAFF_SECTION_ASSOCIATIONS);
        assertThat(out.get(0).naturalKey())
                .isEqualTo("localCourseCode=MATH-3|schoolId=867530001|schoolYear=2027|sessionName=Fall Semester");
        JsonNode offering = out.get(0).payload();
        assertThat(offering.at("/courseReference/educationOrganizationId").asLong()).isEqualTo(867530L);
        assertThat(offering.at("/schoolReference/schoolId").asLong()).isEqualTo(867530001L);
        assertThat(offering.get("localCourseTitle").asText()).isEqualTo("Mathematics 3");

        assertThat(out.get(1).naturalKey()).isEqualTo("localCourseCode=MATH-3|schoolId=867530001|schoolYear=2027"
                + "|sessionName=Fall Semester|sectionIdentifier=s-1");
        JsonNode section = out.get(1).payload();
        assertThat(section.get("sectionName").asText()).isEqualTo("Math 3 (1)");
        assertThat(section.at("/offeredGradeLevels/0/gradeLevelDescriptor").asText())
                .isEqualTo(ed("GradeLevelDescriptor#Third grade"));

        assertThat(out.subList(2, 4)).extracting(r -> r.payload().at("/staffReference/staffUniqueId").asText(),
                r -> r.payload().get("classroomPositionDescriptor").asText()).containsExactly(
                tuple("t-1", ed("ClassroomPositionDescriptor#Teacher of Record")),
                tuple("t-2", ed("ClassroomPositionDescriptor#Support Teacher")));
        JsonNode ssa = out.get(2).payload();
        assertThat(ssa.get("beginDate").asText()).isEqualTo("2026-09-01");
        assertThat(ssa.get("endDate").asText()).isEqualTo("2027-01-22");
        assertThat(ssa.at("/sectionReference/sectionIdentifier").asText()).isEqualTo("s-1");
        assertThat(out.get(2).naturalKey()).isEqualTo("beginDate=2026-09-01|localCourseCode=MATH-3|schoolId=867530001"
                + "|schoolYear=2027|sectionIdentifier=s-1|sessionName=Fall Semester|staffUniqueId=t-1");
    }

    @Test
    void aSectionEnrollmentIsAStudentSectionAssociationFromTheTermsStart() {
        EdFiRecord fall = valid(mapper.sectionEnrollment(RosterFixtures.enrollment(RosterFixtures.FALL), ctx)).get(0);
        assertThat(fall.resource()).isEqualTo(EdFiResource.STUDENT_SECTION_ASSOCIATIONS);
        assertThat(fall.naturalKey()).isEqualTo("beginDate=2026-09-01|localCourseCode=MATH-3|schoolId=867530001"
                + "|schoolYear=2027|sectionIdentifier=s-1|sessionName=Fall Semester|studentUniqueId=1001");
        assertThat(fall.payload().get("endDate").asText()).isEqualTo("2027-01-22");
        assertThat(fall.lineage().toString()).isEqualTo("enrollments.csv:9");

        JsonNode year = valid(mapper.sectionEnrollment(RosterFixtures.enrollment(RosterFixtures.YEAR), ctx)).get(0).payload();
        assertThat(year.get("beginDate").asText()).as("the school year's first day").isEqualTo("2026-08-17");
        assertThat(year.has("endDate")).as("the drop gave no end").isFalse();
    }

    @Test
    void aStudentSectionAssociationsBeginDateIsTheKeyAPutMayChange() {
        assertThat(EdFiResource.STUDENT_SECTION_ASSOCIATIONS.changeableKey()).isEqualTo("beginDate");
        assertThat(EdFiResource.STAFF_SECTION_ASSOCIATIONS.changeableKey()).isNull();
        String key = mapper.sectionEnrollment(RosterFixtures.enrollment(RosterFixtures.FALL), ctx).get(0).naturalKey();
        assertThat(EdFiResource.STUDENT_SECTION_ASSOCIATIONS.identityWithoutChangeableKey(key)).doesNotContain("beginDate");
    }

    @Test
    void rostersAreSentAfterWhatTheyReferenceAndDeletedBeforeIt() {
        List<EdFiResource> order = EdFiResource.inDependencyOrder();
        assertThat(order.indexOf(EdFiResource.SCHOOLS)).isLessThan(order.indexOf(EdFiResource.COURSES));
        assertThat(order.indexOf(EdFiResource.COURSES)).isLessThan(order.indexOf(EdFiResource.COURSE_OFFERINGS));
        assertThat(order.indexOf(EdFiResource.SESSIONS)).isLessThan(order.indexOf(EdFiResource.COURSE_OFFERINGS));
        assertThat(order.indexOf(EdFiResource.COURSE_OFFERINGS)).isLessThan(order.indexOf(EdFiResource.SECTIONS));
        assertThat(order.indexOf(EdFiResource.SECTIONS)).isLessThan(order.indexOf(EdFiResource.STAFF_SECTION_ASSOCIATIONS));
        assertThat(order.indexOf(EdFiResource.STAFFS)).isLessThan(order.indexOf(EdFiResource.STAFF_SECTION_ASSOCIATIONS));
        assertThat(order.indexOf(EdFiResource.STAFFS)).isLessThan(order.indexOf(EdFiResource.STAFF_SCHOOL_ASSOCIATIONS));
        assertThat(order.indexOf(EdFiResource.STUDENTS)).isLessThan(order.indexOf(EdFiResource.STUDENT_SECTION_ASSOCIATIONS));
        assertThat(order.indexOf(EdFiResource.SECTIONS)).isLessThan(order.indexOf(EdFiResource.STUDENT_SECTION_ASSOCIATIONS));
    }
}
