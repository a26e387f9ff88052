package org.rollcall.skyward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.rollcall.edfi.ContactMapper;
import org.rollcall.edfi.EdFiMapper;
import org.rollcall.edfi.EdFiRecord;
import org.rollcall.edfi.MappingContext;
import org.rollcall.model.Contact;
import org.rollcall.model.Enrollment;
import org.rollcall.model.Lineage;
import org.rollcall.model.PersonName;
import org.rollcall.model.School;
import org.rollcall.model.Student;
import org.rollcall.model.StudentContact;
import org.rollcall.model.StudentSnapshot;
import org.rollcall.model.StudentStatus;
import org.rollcall.report.Problem;
import org.rollcall.skyward.SkywardSnapshot.CodeRow;
import org.rollcall.skyward.SkywardSnapshot.EntryWithdrawal;
import org.rollcall.skyward.SkywardSnapshot.Relationship;
import org.rollcall.skyward.SkywardSnapshot.SchoolRow;
import org.rollcall.skyward.SkywardSnapshot.StudentRow;

/**
 * A complete Skyward snapshot to canonical records and on to Ed-Fi: schools, then each student of
 * the window as a {@link StudentSnapshot} (status by seed 002's rule, enrollments without CECS ones,
 * demographics, guardians), then the guardians as contacts. Entry and exit types come from the
 * Qmlativ code's Ed-Fi descriptor when it has one, else from the crosswalk
 * ({@code entryType}/{@code exitWithdrawType}, with {@code exitWithdrawType,*} as the type of an exit
 * whose code has none). Enrollments of GRADUATED and INACTIVE students are all exited.
 */
public final class SkywardMapping {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SOURCE = "skyward";

    private final SkywardSnapshot snap;
    private final SkywardOptions options;
    private final EdFiMapper mapper;
    private final ContactMapper contacts = new ContactMapper();
    private final MappingContext ctx;
    private final Map<StudentStatus, Long> statuses = new EnumMap<>(StudentStatus.class);

    public SkywardMapping(SkywardSnapshot snapshot, SkywardOptions options, EdFiMapper mapper, MappingContext ctx) {
        if (!snapshot.complete()) {
            throw new IllegalArgumentException("an incomplete Skyward fetch is not a snapshot and cannot be mapped");
        }
        this.snap = snapshot;
        this.options = options;
        this.mapper = mapper;
        this.ctx = ctx;
    }

    /** Students mapped, per status. */
    public Map<StudentStatus, Long> statuses() {
        return statuses;
    }

    /** Maps the snapshot; every Ed-Fi record goes to {@code sink}, every student snapshot to {@code students}. */
    public void run(Consumer<EdFiRecord> sink, Consumer<StudentSnapshot> students) {
        Map<Long, School> schools = schools();
        schools.values().forEach(s -> mapper.school(s, ctx).forEach(sink));
        Map<Long, Contact> guardians = new HashMap<>();
        forEachName(r -> {
            long id = r.path("NameID").asLong();
            if (!snap.studentsByNameId().containsKey(id)) {
                guardians.put(id, new Contact(SOURCE, Long.toString(id), name(r), SkywardFetch.text(r, "Gender"), null,
                        Lineage.of("Demographics/Name", id)));
            }
        });
        Set<Long> related = new HashSet<>();
        // Data Standard 4 has parents/studentParentAssociations, not contacts: those are not written yet
        boolean contactsExist = !mapper.version().startsWith("ds4");
        if (!contactsExist && !snap.relationships().isEmpty()) {
            ctx.problems().report(Problem.warning("Demographics/NameRelationship", 0, null,
                    "the target is Ed-Fi Data Standard 4, which has parents rather than contacts; "
                            + "parents and guardians are not sent"));
        }
        forEachName(r -> {
            StudentRow row = snap.studentsByNameId().get(r.path("NameID").asLong());
            if (row == null) {
                return;
            }
            StudentSnapshot s = student(row, r, schools, guardians);
            if (s == null) {
                return;
            }
            statuses.merge(s.status(), 1L, Long::sum);
            students.accept(s);
            List<EdFiRecord> records = mapper.student(s.student(), ctx);
            records.forEach(sink);
            if (records.isEmpty() || !contactsExist) {
                return;
            }
            for (StudentContact sc : s.contacts()) {
                related.add(Long.parseLong(sc.contact().uniqueId()));
                contacts.studentContact(s.student().uniqueId(), sc, ctx).forEach(sink);
            }
        });
        for (Long id : related) {
            contacts.contact(guardians.get(id), ctx).forEach(sink);
        }
    }

    private Map<Long, School> schools() {
        Map<Long, School> out = new HashMap<>();
        for (SchoolRow s : snap.schools().values()) {
            Lineage lineage = Lineage.of("Enrollment/School", s.schoolId());
            if (s.edfiSchoolId() == null) {
                ctx.problems().report(Problem.warning(lineage.source(), lineage.line(), "EdFiSchoolID",
                        "school has no EdFiSchoolID; it and its enrollments are not sent"));
                continue;
            }
            List<String> grades = new ArrayList<>();
            if (s.gradeLow() != null && s.gradeHigh() != null) {
                for (long g = s.gradeLow(); g <= s.gradeHigh(); g++) {
                    Optional.ofNullable(snap.gradeCodes().get(g)).ifPresent(grades::add);
                }
            }
            out.put(s.schoolId(), new School(SOURCE, Long.toString(s.schoolId()), s.edfiSchoolId(), s.name(), s.number(),
                    s.stateId(), null, grades, null, null, lineage));
        }
        return out;
    }

    private StudentSnapshot student(StudentRow row, JsonNode name, Map<Long, School> schools, Map<Long, Contact> guardians) {
        List<EntryWithdrawal> rows = snap.enrollments().getOrDefault(row.studentId(), List.of());
        List<EnrollmentStatus.Span> spans = new ArrayList<>(rows.size());
        for (EntryWithdrawal e : rows) {
            spans.add(new EnrollmentStatus.Span(e.start(), e.end(), snap.withdrawalCode(e)));
        }
        StudentStatus status = EnrollmentStatus.of(spans, snap.asOf());
        String uniqueId = switch (options.studentIdField()) {
            case "StudentID" -> Long.toString(row.studentId());
            case "StudentStateID" -> row.stateId();
            default -> row.studentNumber();
        };
        Lineage lineage = Lineage.of("Student/Student", row.studentId());
        if (uniqueId == null) {
            ctx.problems().report(Problem.error(lineage.source(), lineage.line(), options.studentIdField(),
                    "student has no " + options.studentIdField() + " to use as studentUniqueId; student not sent"));
            return null;
        }
        List<Enrollment> enrollments = new ArrayList<>();
        for (EntryWithdrawal e : rows) {
            String code = snap.withdrawalCode(e);
            if (code != null && EnrollmentStatus.CROSS_ENTITY_COURSE.equalsIgnoreCase(code)) {
                continue;
            }
            School school = schools.get(e.schoolId());
            Lineage el = Lineage.of("Enrollment/EntryWithdrawal", e.id());
            if (school == null) {
                ctx.problems().report(Problem.warning(el.source(), el.line(), "SchoolID",
                        "enrollment at a school that is not sent (unknown or without EdFiSchoolID); enrollment not sent"));
                continue;
            }
            String grade = e.gradeReferenceId() == null ? null : snap.gradeCodes().get(e.gradeReferenceId());
            // an enrollment with an end date is sent exited (every one of a GRADUATED or INACTIVE student's is)
            enrollments.add(new Enrollment(school.sourceId(), school.edfiSchoolId(), e.start(), e.end(), grade,
                    entryType(e), e.end() != null ? exitType(e, status) : null, el));
        }
        List<StudentContact> contactsOf = new ArrayList<>();
        for (Relationship r : snap.relationships().getOrDefault(row.nameId(), List.of())) {
            Contact c = guardians.get(r.relatedNameId());
            if (c == null) {
                continue;
            }
            String relation = r.relationshipTypeId() == null ? null : snap.relationshipTypes().get(r.relationshipTypeId());
            contactsOf.add(new StudentContact(c, relation, r.guardian(), r.livesWith(), r.emergency(), r.order(),
                    Lineage.of("Demographics/NameRelationship", r.id())));
        }
        List<String> races = new ArrayList<>();
        for (String flag : List.of("Alaskan", "Asian", "Black", "Hawaiian", "White")) {
            if (SkywardFetch.truth(name.get("Is" + flag))) {
                races.add(flag);
            }
        }
        JsonNode hispanic = name.get("IsHispanic");
        String language = row.languageId() == null ? null : snap.languages().get(row.languageId());
        String grade = snap.currentGrades().get(row.studentId());
        Student student = new Student(SOURCE, uniqueId, Long.toString(row.studentId()), row.studentNumber(), row.stateId(),
                name(name), null, SkywardFetch.date(name, "BirthDate"), SkywardFetch.text(name, "Gender"), null, races,
                hispanic == null || hispanic.isNull() ? null : SkywardFetch.truth(hispanic), language,
                language == null ? List.of() : List.of(language), Map.of(), null, null, grade, row.gradYear(),
                enrollments, lineage);
        return new StudentSnapshot(student, status, snap.asOf(), contactsOf);
    }

    private String entryType(EntryWithdrawal e) {
        CodeRow code = e.entryCodeId() == null ? null : snap.entryCodes().get(e.entryCodeId());
        if (code == null) {
            return null;
        }
        String edfi = code.edfiDescriptorId() == null ? null : snap.entryTypeDescriptors().get(code.edfiDescriptorId());
        if (edfi != null) {
            return ctx.descriptor("EntryTypeDescriptor", edfi);
        }
        Optional<String> uri = ctx.crosswalk().descriptor("entryType", code.code());
        if (uri.isEmpty()) {
            ctx.unmapped().add("entryType", code.code());
        }
        return uri.orElse(null);
    }

    private String exitType(EntryWithdrawal e, StudentStatus status) {
        CodeRow code = e.withdrawalCodeId() == null ? null : snap.withdrawalCodes().get(e.withdrawalCodeId());
        if (code != null) {
            String edfi = code.edfiDescriptorId() == null ? null : snap.exitTypeDescriptors().get(code.edfiDescriptorId());
            if (edfi != null) {
                return ctx.descriptor("ExitWithdrawTypeDescriptor", edfi);
            }
            Optional<String> uri = ctx.crosswalk().descriptor("exitWithdrawType", code.code());
            if (uri.isPresent()) {
                return uri.get();
            }
            ctx.unmapped().add("exitWithdrawType", code.code());
        }
        return ctx.crosswalk().descriptor("exitWithdrawType", "*")
                .orElse(ctx.descriptor("ExitWithdrawTypeDescriptor", status == StudentStatus.GRADUATED ? "Graduated" : "Other"));
    }

    private static PersonName name(JsonNode r) {
        return PersonName.of(SkywardFetch.text(r, "FirstName"), SkywardFetch.text(r, "MiddleName"),
                SkywardFetch.text(r, "LastName"));
    }

    private void forEachName(Consumer<JsonNode> each) {
        try (BufferedReader in = Files.newBufferedReader(snap.names(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    each.accept(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Skyward names spool " + snap.names(), e);
        }
    }
}
