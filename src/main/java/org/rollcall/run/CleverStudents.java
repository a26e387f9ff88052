package org.rollcall.run;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.rollcall.edfi.ContactMapper;
import org.rollcall.edfi.EdFiMapper;
import org.rollcall.edfi.EdFiRecord;
import org.rollcall.edfi.EdFiResource;
import org.rollcall.edfi.MappingContext;
import org.rollcall.edfi.ProgramKind;
import org.rollcall.edfi.ProgramMapper;
import org.rollcall.edfi.SharingPolicy;
import org.rollcall.edfi.WithheldValues;
import org.rollcall.model.Student;
import org.rollcall.model.StudentContact;
import org.rollcall.model.StudentSnapshot;
import org.rollcall.report.Problem;

/**
 * The students.csv rows of a Clever run on their way to the plan: the sensitive values the
 * district's target does not receive are taken off first (and counted once per student, however
 * many rows the student has), then come the student's Ed-Fi records and the row's contact. The
 * students read are kept by id ({@link StudentIds}) for enrollments.csv to join on.
 */
final class CleverStudents {

    private final EdFiMapper mapper;
    private final MappingContext ctx;
    private final SharingPolicy sharing;
    private final WithheldValues withheld;
    private final Predicate<EdFiRecord> sink;
    private final ContactMapper contacts = new ContactMapper();
    private final boolean contactsExist;
    private final StudentIds ids;
    private boolean contactsReported;

    /**
     * @param mapper the district's mapper, as the run wraps it (the student registry's intake)
     * @param sink   plans a record and says whether it passed validation
     * @param workDir the run's folder, where the students read are held
     */
    CleverStudents(District d, EdFiMapper mapper, MappingContext ctx, WithheldValues withheld,
                   Predicate<EdFiRecord> sink, Path workDir) {
        this.ids = new StudentIds(workDir);
        this.mapper = mapper;
        this.ctx = ctx;
        this.sharing = d.sharing();
        this.withheld = withheld;
        this.sink = sink;
        // Data Standard 4 has parents/studentParentAssociations, not contacts: those are not written yet
        this.contactsExist = !mapper.version().startsWith("ds4");
    }

    /**
     * The district's Programs that the shared fields can put students in (none when nothing is shared),
     * and the English learner program when CALPADS imports have put students in it.
     */
    void programs(boolean importedEnglishLearners) {
        Set<ProgramKind> kinds = EnumSet.noneOf(ProgramKind.class);
        kinds.addAll(ProgramKind.decidedByAnyOf(sharing.shared()));
        if (importedEnglishLearners) {
            kinds.add(ProgramKind.ENGLISH_LEARNER);
        }
        new ProgramMapper().programs(kinds, ctx).forEach(sink::test);
    }

    void accept(StudentSnapshot row) {
        Student s = row.student();
        boolean first = ids.uniqueId(s.sourceId()) == null;
        Student shared = sharing.apply(s, first ? withheld::add : field -> { });
        List<EdFiRecord> records = mapper.student(shared, ctx);
        boolean planned = false;
        for (EdFiRecord r : records) {
            planned |= sink.test(r) && r.resource() == EdFiResource.STUDENTS;
        }
        ids.add(s, planned);
        if (records.isEmpty()) {
            return; // a student that is not sent takes its contact links with it
        }
        for (StudentContact sc : row.contacts()) {
            if (!contactsExist) {
                reportNoContacts(sc);
                continue;
            }
            contacts.contact(sc.contact(), ctx).forEach(sink::test);
            contacts.studentContact(s.uniqueId(), sc, ctx).forEach(sink::test);
        }
    }

    /**
     * The studentUniqueId of a Clever Student_id, or null when no students.csv row with it was read
     * (enrollments.csv is checked against it).
     */
    String uniqueId(String studentId) {
        return ids.uniqueId(studentId);
    }

    /** Whether a Student natural key ({@code studentUniqueId=...}) is one this run planned. */
    boolean planned(String naturalKey) {
        return ids.planned(naturalKey);
    }

    private void reportNoContacts(StudentContact sc) {
        if (!contactsReported) {
            contactsReported = true;
            ctx.problems().report(Problem.warning(sc.lineage().source(), 0, "Contact_name",
                    "the target is Ed-Fi Data Standard 4, which has parents rather than contacts; "
                            + "contacts are not sent"));
        }
    }
}
