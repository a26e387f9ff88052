package org.rollcall.clever;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.rollcall.model.School;
import org.rollcall.model.SectionEnrollment;
import org.rollcall.model.Student;
import org.rollcall.model.StudentSnapshot;
import org.rollcall.report.FileCounts;
import org.rollcall.report.Problem;
import org.rollcall.report.ProblemSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Clever SFTP drop: a folder holding schools.csv, students.csv and enrollments.csv, the
 * optional rostering files teachers.csv, sections.csv, staff.csv and the deprecated admins.csv, and
 * students_ext.csv when the district sends extension fields (seed 000).
 *
 * <p>{@link #open} checks the whole drop before anything is read from it, so a drop that cannot be
 * used is rejected before a single record is sent: every file is present, parses as CSV to its last
 * line and has its required headers; each file's encoding (UTF-8, or Windows-1252 when its bytes are
 * not UTF-8) is settled there. The read methods then stream each file record by record: a bad
 * record is reported and skipped, an unsupported value is reported and dropped, and memory stays
 * flat however long the file is.
 */
public final class CleverDrop {

    private static final Logger LOG = LoggerFactory.getLogger(CleverDrop.class);

    private final Path folder;
    private final CleverOptions options;
    private final Map<CleverFile, CleverCsvFile> files;
    private final List<Path> allFiles;
    private volatile EnrollmentReader.Counts lastEnrollments;

    private CleverDrop(Path folder, CleverOptions options, Map<CleverFile, CleverCsvFile> files, List<Path> allFiles) {
        this.folder = folder;
        this.options = options;
        this.files = files;
        this.allFiles = allFiles;
    }

    /**
     * Opens the drop in {@code folder}, or rejects it whole: a required file missing, a required
     * header missing (or the column {@code options} names for the Ed-Fi schoolId or
     * studentUniqueId), a file that does not parse as CSV.
     */
    public static CleverDrop open(Path folder, CleverOptions options) throws DropRejectedException {
        return open(folder, options, new FileCounts());
    }

    /**
     * As above; {@code counts} gets each file's encoding as it is opened and then, as the read
     * methods stream it, its records read, accepted and rejected (for the processing report).
     */
    public static CleverDrop open(Path folder, CleverOptions options, FileCounts counts) throws DropRejectedException {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(counts, "counts");
        Map<CleverFile, CleverCsvFile> files = new EnumMap<>(CleverFile.class);
        List<Path> present = new ArrayList<>();
        for (CleverFile kind : CleverFile.values()) {
            Path path = folder.resolve(kind.fileName());
            if (kind.isRead() && (!kind.isOptional() || Files.isRegularFile(path))) {
                files.put(kind, CleverCsvFile.open(kind, path, alsoRequired(kind, options), counts));
                present.add(path);
            } else if (Files.isRegularFile(path)) {
                present.add(path);
            }
        }
        if (files.containsKey(CleverFile.SECTIONS) && !files.containsKey(CleverFile.TEACHERS)) {
            // every section names its teacher of record: without teachers.csv not one could be read
            throw new DropRejectedException(Problem.fatal(CleverFile.TEACHERS.fileName(), null,
                    "required file is missing from the drop: sections.csv is there, and every section names "
                            + "its Teacher_id from teachers.csv"));
        }
        CleverDrop drop = new CleverDrop(folder, options, files, List.copyOf(present));
        files.values().forEach(f -> LOG.info("{}: {} records, {}", f.fileName(), f.records(),
                f.encoding().describe()));
        return drop;
    }

    private static List<Column> alsoRequired(CleverFile kind, CleverOptions options) {
        return switch (kind) {
            case SCHOOLS -> List.of(SchoolColumns.byName(options.schoolIdColumn()));
            case STUDENTS -> List.of(StudentColumns.byName(options.studentIdColumn()));
            default -> List.of();
        };
    }

    /** The drop's schools by Clever School_id, in file order; bad rows are reported and left out. */
    public Map<String, School> readSchools(ProblemSink problems) {
        Map<String, School> schools = new SchoolReader(file(CleverFile.SCHOOLS), options).read(problems);
        LOG.info("schools.csv: {} schools read", schools.size());
        return schools;
    }

    /**
     * Streams students.csv: each good row becomes one {@link Student} handed to {@code sink} as it
     * is read. {@code schools} are those {@link #readSchools} returned; a row naming another
     * school is reported and skipped.
     */
    public void readStudents(Map<String, School> schools, Consumer<Student> sink, ProblemSink problems) {
        readStudents(schools, sink, id -> { }, problems);
    }

    /**
     * As above; {@code skipped} gets the unique id of every row skipped for a record error, so a
     * snapshot does not mistake a student with a bad row tonight for one who has left. What
     * students_ext.csv needs held is mapped under the system's temporary folder.
     */
    public void readStudents(Map<String, School> schools, Consumer<Student> sink, Consumer<String> skipped,
                             ProblemSink problems) {
        readStudentRows(schools, row -> sink.accept(row.student()), skipped,
                Path.of(System.getProperty("java.io.tmpdir")), problems);
    }

    /**
     * Streams students.csv joined with students_ext.csv when the drop has one: each good row becomes
     * the student and the row's contact. students_ext.csv is held as a small record per sis_id while
     * students.csv streams, in memory-mapped files under {@code workDir} (the run's folder); its
     * records whose sis_id no students.csv row has are reported at the end.
     */
    public void readStudentRows(Map<String, School> schools, Consumer<StudentSnapshot> sink, Consumer<String> skipped,
                                Path workDir, ProblemSink problems) {
        CleverCsvFile extFile = file(CleverFile.STUDENTS_EXT);
        StudentExtensions extensions = extFile == null ? StudentExtensions.none()
                : StudentExtensions.read(extFile, workDir, problems);
        if (extFile != null) {
            LOG.info("students_ext.csv: {} records read", extensions.size());
        }
        long[] count = {0};
        new StudentReader(file(CleverFile.STUDENTS), options, extensions).read(schools, s -> {
            count[0]++;
            sink.accept(s);
        }, skipped, problems);
        extensions.reportUnclaimed(problems);
        LOG.info("students.csv: {} students read", count[0]);
    }

    /**
     * Reads the rostering files the drop has: teachers.csv, staff.csv, admins.csv, then sections.csv
     * (whose teachers must be read first). {@code schools} are those {@link #readSchools} returned.
     */
    public CleverRoster readRoster(Map<String, School> schools, ProblemSink problems) {
        CleverRoster roster = new RosterReader(files, options).read(schools, problems);
        if (files.containsKey(CleverFile.TEACHERS) || files.containsKey(CleverFile.STAFF)
                || files.containsKey(CleverFile.ADMINS)) {
            LOG.info("rostering files: {} staff, {} sections processed, {} not processed, {} terms, {} courses",
                    roster.staff().size(), roster.sections().size(), roster.notProcessed().size(),
                    roster.terms().size(), roster.courses().size());
        }
        return roster;
    }

    /**
     * Checks enrollments.csv: every row must name a student {@code knownStudent} accepts (by
     * Clever Student_id) and one of {@code schools}. The section enrollments are only counted.
     */
    public void readEnrollments(Predicate<String> knownStudent, Map<String, School> schools, ProblemSink problems) {
        readEnrollments(id -> knownStudent.test(id) ? id : null, schools, CleverRoster.none(), e -> { }, problems);
    }

    /**
     * Streams enrollments.csv: each row naming a student read from students.csv ({@code studentUniqueId}
     * gives their Ed-Fi id for a Clever Student_id, null when there is none), one of {@code schools}
     * and, when the drop has sections.csv, a section of {@code roster} of that school, is handed to
     * {@code sink} as it is read. Without sections.csv the rows are checked and counted, not handed on.
     */
    public void readEnrollments(Function<String, String> studentUniqueId, Map<String, School> schools,
                                CleverRoster roster, Consumer<SectionEnrollment> sink, ProblemSink problems) {
        EnrollmentReader.Counts counts = new EnrollmentReader(file(CleverFile.ENROLLMENTS))
                .read(studentUniqueId, schools, roster, sink, problems);
        lastEnrollments = counts;
        LOG.info("enrollments.csv: {} section enrollments valid, {} skipped{}", counts.valid(), counts.skipped(),
                roster.hasSections() ? "" : " (no sections.csv in the drop: checked, not sent)");
    }

    /** Valid section enrollments found by the last {@link #readEnrollments}; 0 before it. */
    public long sectionEnrollments() {
        EnrollmentReader.Counts counts = lastEnrollments;
        return counts == null ? 0 : counts.valid();
    }

    /** The drop's files, for archiving: those read, and any other Clever file that came with them. */
    public List<Path> files() {
        return allFiles;
    }

    /** The folder the drop is in. */
    public Path folder() {
        return folder;
    }

    /** How a drop file was decoded, e.g. {@code UTF-8}, {@code UTF-8 with BOM}, {@code windows-1252}. */
    public String encoding(String fileName) {
        for (CleverCsvFile f : files.values()) {
            if (f.fileName().equals(fileName)) {
                return f.encoding().describe();
            }
        }
        throw new IllegalArgumentException("not a file this reader reads: " + fileName);
    }

    private CleverCsvFile file(CleverFile kind) {
        return files.get(kind);
    }
}
