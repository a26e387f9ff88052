package org.rollcall.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every {@code rollcall.*} key, declared once. {@code ./rollcall config} prints this catalogue with
 * the values in force; an unknown or invalid key stops start-up (see {@link RollcallConfig}).
 */
public final class Settings {

    private Settings() {
    }

    /** Where the embedded target is: the in-process sandbox on a loopback port. */
    public static final String EMBEDDED = "embedded";

    // ---- the whole installation

    public static final Setting<Path> DATA_DIR = Setting.path("rollcall.data-dir",
            "Folder for state, inboxes, reports and the sandbox store.").defaultsTo(Path.of("data"));

    public static final Setting<List<String>> DISTRICTS = Setting.list("rollcall.districts",
            "District ids; each has a block of rollcall.district.<id>.* keys.").required();

    public static final Setting<String> STORE_URL = Setting.string("rollcall.store.url",
            "JDBC URL of the state store (jdbc:postgresql://... in production), or 'embedded' for an H2 file "
                    + "database under <data-dir>/state.").defaultsTo(EMBEDDED);

    public static final Setting<String> STORE_USER = Setting.string("rollcall.store.user",
            "State store user name.").defaultsTo("");

    public static final Setting<String> STORE_PASSWORD = Setting.string("rollcall.store.password",
            "State store password.").secret().defaultsTo("");

    public static final Setting<Integer> STORE_POOL_SIZE = Setting.integer("rollcall.store.pool-size", 1, 64,
            "Connections in the state store pool.").defaultsTo(8);

    public static final Setting<Path> REPORTS_DIR = Setting.path("rollcall.reports.dir",
            "Where run reports are written.").defaultsTo("<data-dir>/reports",
            s -> s.config().get(DATA_DIR).resolve("reports"));

    public static final Setting<Path> SANDBOX_DIR = Setting.path("rollcall.sandbox.dir",
            "Where the sandbox keeps its store, so runs compound like a real ODS.").defaultsTo("<data-dir>/sandbox",
            s -> s.config().get(DATA_DIR).resolve("sandbox"));

    public static final Setting<Integer> SANDBOX_PORT = Setting.integer("rollcall.sandbox.port", 0, 65535,
            "Port of './rollcall sandbox' (the embedded target always takes a free loopback port).").defaultsTo(8765);

    public static final Setting<String> SANDBOX_CLIENT_ID = Setting.string("rollcall.sandbox.client-id",
            "OAuth client id the sandbox accepts.").defaultsTo("rollcall");

    public static final Setting<String> SANDBOX_CLIENT_SECRET = Setting.string("rollcall.sandbox.client-secret",
            "OAuth client secret the sandbox accepts.").secret().defaultsTo("rollcall-sandbox");

    // ---- per district: rollcall.district.<id>.*

    public static final Setting<String> DISTRICT_NAME = Setting.string("rollcall.district.*.name",
            "Display name of the district.").defaultsTo("<id>", s -> s.district());

    public static final Setting<Long> LEA_ID = Setting.id("rollcall.district.*.lea-id",
            "Ed-Fi localEducationAgencyId of the district.").required();

    public static final Setting<String> LEA_NAME = Setting.string("rollcall.district.*.lea-name",
            "nameOfInstitution of the district's LocalEducationAgency.").required();

    public static final Setting<String> LEA_CATEGORY = Setting.string("rollcall.district.*.lea-category",
            "LocalEducationAgencyCategoryDescriptor code value (seed 004 reports 'Independent').")
            .defaultsTo("Independent");

    public static final Setting<LocalDate> SCHOOL_YEAR_START = Setting.date("rollcall.district.*.school-year-start",
            "Entry date for enrollments whose source gives none (Clever students.csv has no start date).")
            .defaultsTo("August 15 of the current school year", s -> currentSchoolYearStart(LocalDate.now()));

    public static final Setting<String> EDFI_URL = Setting.of("rollcall.district.*.edfi.url",
            "embedded|jsonl:DIR|http(s) URL", v -> checkEdFiUrl(v.trim()),
            "Ed-Fi API root (the discovery document's URL), 'embedded' for the in-process sandbox, or jsonl:DIR "
                    + "to write each run's payloads to DIR/<runId>/<resource>.jsonl instead. A URL may hold "
                    + "{schoolYear} (the Ed-Fi school year, e.g. 2027 for 2026-27) and {districtId} for "
                    + "year- and district-specific instances.")
            .defaultsTo(EMBEDDED);

    public static final Setting<String> EDFI_CLIENT_ID = Setting.string("rollcall.district.*.edfi.client-id",
            "OAuth client id (key) for the Ed-Fi target.").defaultsTo("<sandbox client id when embedded>",
            s -> s.config().get(SANDBOX_CLIENT_ID));

    public static final Setting<String> EDFI_CLIENT_SECRET = Setting.string("rollcall.district.*.edfi.client-secret",
            "OAuth client secret for the Ed-Fi target.").secret().defaultsTo("<sandbox secret when embedded>",
            s -> s.config().get(SANDBOX_CLIENT_SECRET));

    public static final Setting<String> EDFI_NAMESPACE = Setting.string("rollcall.district.*.edfi.namespace",
            "Descriptor namespace prefix of the target, e.g. uri://ed-fi.org or uri://education.mn.gov.")
            .defaultsTo("uri://ed-fi.org");

    public static final Setting<String> EDFI_DATA_STANDARD = Setting.oneOf("rollcall.district.*.edfi.data-standard",
            Set.of("auto", "4", "5", "6"), "Ed-Fi Data Standard major version of the target (4: ODS/API 6.x, 5: ODS/API "
                    + "7.x, 6: Ed-Fi API 8 with demographics split off); auto reads it from the discovery document.")
            .defaultsTo("auto");

    public static final Setting<Integer> EDFI_CONCURRENCY = Setting.integer("rollcall.district.*.edfi.concurrency",
            1, 256, "Requests in flight at once to the Ed-Fi target.").defaultsTo(8);

    public static final Setting<Integer> EDFI_RETRIES = Setting.integer("rollcall.district.*.edfi.retries",
            0, 20, "Retries of a request that failed with 5xx, 429 or a network error.").defaultsTo(3);

    public static final Setting<Path> CLEVER_INBOX = Setting.path("rollcall.district.*.clever.inbox",
            "Folder where Clever drops arrive (schools.csv, students.csv, enrollments.csv).")
            .defaultsTo("<data-dir>/inbox/clever", s -> s.config().get(DATA_DIR).resolve("inbox").resolve("clever"));

    public static final Setting<Duration> CLEVER_POLL = Setting.duration("rollcall.district.*.clever.poll-interval",
            "How often 'run' looks for a new Clever drop.").defaultsTo(Duration.ofSeconds(10));

    public static final Setting<String> CLEVER_SCHOOL_ID_COLUMN = Setting.oneOf(
            "rollcall.district.*.clever.school-id-column", Set.of("State_id", "School_number", "School_id"),
            "schools.csv column that holds the numeric Ed-Fi schoolId.").defaultsTo("State_id");

    public static final Setting<String> CLEVER_STUDENT_ID_COLUMN = Setting.oneOf(
            "rollcall.district.*.clever.student-id-column", Set.of("Student_id", "Student_number", "State_id"),
            "students.csv column that becomes the Ed-Fi studentUniqueId.").defaultsTo("Student_id");

    public static final Setting<Path> CLEVER_CROSSWALK = Setting.path("rollcall.district.*.clever.crosswalk",
            "Crosswalk from Clever codes to Ed-Fi descriptors (field,source_value,descriptor).")
            .defaultsTo(Path.of("config/descriptors/clever.csv"));

    public static final Setting<List<String>> CLEVER_UNPROCESSED_GRADES = Setting.<List<String>>of(
            "rollcall.district.*.clever.unprocessed-grades", "comma-separated list, or none",
            v -> v.strip().equalsIgnoreCase("none") ? List.<String>of()
                    : java.util.Arrays.stream(v.split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList(),
            "Grade values whose students.csv and sections.csv rows are not processed, matched ignoring case, "
                    + "spaces and punctuation, and by any spelling of the same Clever grade (PG = PostGraduate); seed 001: "
                    + "\"Students and courses with 'other', 'null', or 'Post Grad' as their grade level will not be "
                    + "processed\". Such a row is reported as an error; its student is not taken for one who left, its "
                    + "section's enrollments are skipped. "
                    + "none: every grade is processed.")
            .defaultsTo(org.rollcall.clever.UnprocessedGrades.SEED_DEFAULT);

    public static final Setting<String> CLEVER_COURSE_SCOPE = Setting.oneOf("rollcall.district.*.clever.course-scope",
            Set.of("lea", "school"), "Who defines a sections.csv course in Ed-Fi: the LEA (one catalogue, a "
                    + "Course_number means one course district-wide) or each school.").defaultsTo("lea");

    public static final Setting<String> CLEVER_MULTIRACIAL = Setting.oneOf("rollcall.district.*.clever.multiracial",
            org.rollcall.clever.CleverOptions.MULTIRACIAL_POLICIES,
            "Clever race M (Multiracial), which has no single Ed-Fi race: unmapped = through the crosswalk like any "
                    + "code (the shipped one has no line for it, so no race is sent and the report counts it under "
                    + "unmapped; add a race,M line to map it); omit = dropped before mapping, not counted.")
            .defaultsTo("unmapped");

    // ---- per district: sensitive fields and programs (seed 000)

    public static final Setting<List<String>> SHARE = Setting.listOf("rollcall.district.*.share",
            java.util.Set.copyOf(org.rollcall.edfi.SharingPolicy.SENSITIVE_FIELDS),
            "Sensitive Clever fields this district's target receives (seed 000: ell_status, frl_status and "
                    + "iep_status \"may not be shared automatically\", nor the ext.* extension fields). A field "
                    + "not listed is withheld: left out of every payload and counted per field under 'withheld' "
                    + "in the run report. Listing one later sends exactly the records it changes.")
            .defaultsTo(List.of());

    public static final Setting<org.rollcall.edfi.ProgramDefinition> PROGRAM_SPECIAL_EDUCATION =
            program(org.rollcall.edfi.ProgramKind.SPECIAL_EDUCATION, "IEP_status Y (or ext.idea_indicator Yes)");
    public static final Setting<org.rollcall.edfi.ProgramDefinition> PROGRAM_SECTION_504 =
            program(org.rollcall.edfi.ProgramKind.SECTION_504, "ext.section_504_status Yes");
    public static final Setting<org.rollcall.edfi.ProgramDefinition> PROGRAM_FOOD_SERVICE =
            program(org.rollcall.edfi.ProgramKind.SCHOOL_FOOD_SERVICE, "Frl_status F or R");
    public static final Setting<org.rollcall.edfi.ProgramDefinition> PROGRAM_TITLE_I =
            program(org.rollcall.edfi.ProgramKind.TITLE_I_PART_A, "ext.title_i Yes");
    public static final Setting<org.rollcall.edfi.ProgramDefinition> PROGRAM_MIGRANT =
            program(org.rollcall.edfi.ProgramKind.MIGRANT, "ext.migrant_status Yes");
    public static final Setting<org.rollcall.edfi.ProgramDefinition> PROGRAM_ENGLISH_LEARNER =
            program(org.rollcall.edfi.ProgramKind.ENGLISH_LEARNER, "Ell_status Y");

    public static final Setting<String> PROGRAM_TITLE_I_PARTICIPANT = Setting.string(
            "rollcall.district.*.program.title-i.participant",
            "TitleIPartAParticipantDescriptor code value of a Title I Part A association (required by Ed-Fi; "
                    + "Clever's ext.title_i says only Yes or No).").defaultsTo("Public Targeted Assistance Program");
    // ---- per district: when a Clever drop counts as arrived, and its SFTP account (rollcall.district.<id>.clever.*)

    public static final Setting<Duration> CLEVER_QUIET_PERIOD = Setting.duration("rollcall.district.*.clever.quiet-period",
            "A drop is processed once every required file is there and none has changed for this long "
                    + "(Clever itself waits 5 minutes after the last upload activity).").defaultsTo(Duration.ofMinutes(5));

    public static final Setting<String> CLEVER_DONE_MARKER = Setting.of("rollcall.district.*.clever.done-marker",
            "file name", Settings::checkMarker, "A file whose arrival says the drop is complete (e.g. upload.done); "
                    + "when set, drops wait for it instead of the quiet period, and it is archived with the drop. "
                    + "By SFTP its name must not start with '.' (hidden files are not listed). Empty: off.")
            .defaultsTo("(off)", s -> "");

    public static final Setting<Duration> CLEVER_INCOMPLETE_AFTER = Setting.duration(
            "rollcall.district.*.clever.incomplete-after", "How long an incomplete drop (a required file missing, "
                    + "a file still changing, no done marker) may wait before the log warns and the health check "
                    + "reports it.").defaultsTo(Duration.ofHours(2));

    public static final Setting<String> SFTP_HOST = Setting.string("rollcall.district.*.clever.sftp.host",
            "SFTP server the district's Clever drop is fetched from; empty: drops arrive in clever.inbox only.")
            .defaultsTo("(not set: folder drops only)", s -> "");

    public static final Setting<Integer> SFTP_PORT = Setting.integer("rollcall.district.*.clever.sftp.port", 1, 65535,
            "SFTP server port.").defaultsTo(22);

    public static final Setting<String> SFTP_USER = Setting.string("rollcall.district.*.clever.sftp.user",
            "SFTP user name.").defaultsTo("");

    public static final Setting<String> SFTP_DIRECTORY = Setting.string("rollcall.district.*.clever.sftp.directory",
            "Folder on the server holding the drop's files, relative to the login folder; empty: the login folder "
                    + "itself (where Clever's convention puts them).").defaultsTo("");

    public static final Setting<String> SFTP_PASSWORD = Setting.string("rollcall.district.*.clever.sftp.password",
            "SFTP password (or use clever.sftp.private-key-file).").secret().defaultsTo("");

    public static final Setting<Path> SFTP_PRIVATE_KEY_FILE = Setting.path("rollcall.district.*.clever.sftp.private-key-file",
            "OpenSSH/PEM private key for public-key login (or use clever.sftp.password).")
            .defaultsTo("(not set)", s -> null);

    public static final Setting<String> SFTP_PRIVATE_KEY_PASSPHRASE = Setting.string(
            "rollcall.district.*.clever.sftp.private-key-passphrase", "Passphrase of the private key, if it has one.")
            .secret().defaultsTo("");

    public static final Setting<Path> SFTP_KNOWN_HOSTS_FILE = Setting.path("rollcall.district.*.clever.sftp.known-hosts-file",
            "OpenSSH known_hosts file holding the server's host key (ssh-keyscan -p PORT HOST >> FILE); the "
                    + "server must present that key.").defaultsTo("~/.ssh/known_hosts",
            s -> Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"));

    public static final Setting<Boolean> SFTP_STRICT_HOST_KEY_CHECKING = Setting.bool(
            "rollcall.district.*.clever.sftp.strict-host-key-checking", "Refuse a server whose host key is not in "
                    + "known-hosts-file. Turning it off (no) accepts any server, logs a warning at start-up, and is "
                    + "for trying things out only.").defaultsTo(true);

    public static final Setting<String> SFTP_AFTER_DOWNLOAD = Setting.oneOf("rollcall.district.*.clever.sftp.after-download",
            Set.of("keep", "delete", "move"), "What happens to a file on the server once it is downloaded: keep "
                    + "(Clever's convention: the district overwrites the same names; a file is fetched again only "
                    + "when its size or time changes), delete, or move to clever.sftp.move-to.").defaultsTo("keep");

    public static final Setting<String> SFTP_MOVE_TO = Setting.string("rollcall.district.*.clever.sftp.move-to",
            "Server folder (relative to clever.sftp.directory) that after-download = move puts files in, each "
                    + "named for when it was downloaded (20261123-021502-students.csv).").defaultsTo(".rollcall/downloaded");

    public static final Setting<Duration> SFTP_TIMEOUT = Setting.duration("rollcall.district.*.clever.sftp.timeout",
            "How long connecting, and each read from the server, may take.").defaultsTo(Duration.ofSeconds(60));

    // ---- delivery engine, per district

    public static final Setting<Map<String, String>> GONE = Setting.of("rollcall.district.*.gone",
            "resource=delete|exit|ignore,...", Settings::goneActions,
            "What a record missing from a complete snapshot means, per Ed-Fi resource: delete it, exit it "
                    + "(a studentSchoolAssociation gets exitWithdrawDate and type, a student program association "
                    + "an endDate), or nothing. Unlisted resources: nothing. LocalEducationAgencies, schools and "
                    + "students are never deleted (seed 004), nor are staffs and courses. Setting it replaces the "
                    + "whole default.")
            .defaultsTo(goneDefaults());

    public static final Setting<String> GONE_EXIT_TYPE = Setting.string("rollcall.district.*.gone.exit-type",
            "ExitWithdrawTypeDescriptor code value given to an enrollment that left the snapshot.")
            .defaultsTo("Withdrawn");

    public static final Setting<Double> GUARD_MAX_SHARE = Setting.fraction("rollcall.district.*.guard.max-share",
            "Largest share of a resource's records one run may delete or exit; above it those changes are "
                    + "held until './rollcall approve <runId>' (exit code 3).").defaultsTo(0.10);

    public static final Setting<List<String>> VALIDATE = Setting.listOf("rollcall.validate",
            Set.of("schema", "descriptors", "uniqueness", "references", "none"),
            "Checks before sending: the Data Standard's OpenAPI schema, descriptor values against the "
                    + "descriptor sets, natural-key uniqueness within the run, references resolvable within "
                    + "the run or the state store. Invalid records are reported, not sent.")
            .defaultsTo(List.of("schema", "descriptors", "uniqueness", "references"));

    // ---- per district: Skyward Qmlativ (rollcall.district.<id>.skyward.*); off unless skyward.url is set

    public static final Setting<String> SKYWARD_URL = Setting.of("rollcall.district.*.skyward.url", "http(s) URL",
            v -> checkHttpUrl(v.trim()),
            "Skyward Qmlativ API base URL (your Skyward URL ending in API), e.g. https://skyward.iscorp.com/DistrictAPI; "
                    + "set it to sync the district from Skyward.").defaultsTo("(not set: no Skyward sync)", s -> "");

    public static final Setting<String> SKYWARD_CLIENT_KEY = Setting.string("rollcall.district.*.skyward.client-key",
            "Key of the Skyward Integration Access record (OAuth 2.0).").defaultsTo("");

    public static final Setting<String> SKYWARD_CLIENT_SECRET = Setting.string("rollcall.district.*.skyward.client-secret",
            "Secret paired with the Skyward key.").secret().defaultsTo("");

    public static final Setting<List<String>> SKYWARD_ENTITY_IDS = Setting.of("rollcall.district.*.skyward.entity-ids",
            "comma-separated entity ids", v -> checkIds(v), "Qmlativ entities to read enrollments from; "
                    + "1 is the district-wide entity; lookups come from the first.").defaultsTo(List.of("1"));

    public static final Setting<Integer> SKYWARD_PAGE_SIZE = Setting.integer("rollcall.district.*.skyward.page-size",
            1, 100_000, "Objects per Generic API page (maximum unknown: formats.md 4.1).").defaultsTo(500);

    public static final Setting<String> SKYWARD_SCHEDULE = Setting.string("rollcall.district.*.skyward.schedule",
            "Quartz cron of the nightly Skyward sync (seconds first), in skyward.time-zone.").defaultsTo("0 0 2 * * ?");

    public static final Setting<java.time.ZoneId> SKYWARD_TIME_ZONE = Setting.of("rollcall.district.*.skyward.time-zone",
            "time zone id", v -> {
                try {
                    return java.time.ZoneId.of(v.trim());
                } catch (java.time.DateTimeException e) {
                    throw new IllegalArgumentException("'" + v + "' is not a time zone such as America/Chicago");
                }
            }, "The district's time zone: when the schedule fires and what 'today' is for enrollment status.")
            .defaultsTo("the system time zone", s -> java.time.ZoneId.systemDefault());

    public static final Setting<String> SKYWARD_STUDENT_ID_FIELD = Setting.oneOf(
            "rollcall.district.*.skyward.student-id-field", Set.of("StudentNumber", "StudentID", "StudentStateID"),
            "Qmlativ Student field that becomes the Ed-Fi studentUniqueId.").defaultsTo("StudentNumber");

    public static final Setting<Path> SKYWARD_CROSSWALK = Setting.path("rollcall.district.*.skyward.crosswalk",
            "Crosswalk from Skyward codes to Ed-Fi descriptors (field,source_value,descriptor).")
            .defaultsTo(Path.of("config/descriptors/skyward.csv"));

    public static final Setting<Integer> SKYWARD_RETRIES = Setting.integer("rollcall.district.*.skyward.retries",
            0, 20, "Retries of a Skyward request that failed with 429, 5xx or a network error.").defaultsTo(5);

    public static final Setting<Duration> SKYWARD_BACKOFF = Setting.duration("rollcall.district.*.skyward.backoff",
            "First wait before retrying Skyward; doubles each retry (with jitter, at most 30s).")
            .defaultsTo(Duration.ofSeconds(1));

    public static final Setting<Duration> SKYWARD_TIMEOUT = Setting.duration("rollcall.district.*.skyward.timeout",
            "How long one Skyward request may take.").defaultsTo(Duration.ofSeconds(60));

    // ---- CALPADS imports (seed 003): layouts and wording for every district, then rollcall.district.<id>.calpads.*

    public static final Setting<Path> CALPADS_SSID_LAYOUT = Setting.path("rollcall.calpads.ssid-layout",
            "Layout of the SSID Extract (SSID Download file): field order, required fields, lengths, encoding.")
            .defaultsTo(Path.of("config/calpads/ssid-extract.properties"));

    public static final Setting<Path> CALPADS_REQUEST_LAYOUT = Setting.path("rollcall.calpads.request-layout",
            "Layout of the SSID request results (Request File); unconfirmed (formats.md 5.6), so check it.")
            .defaultsTo(Path.of("config/calpads/request-results.properties"));

    public static final Setting<Path> CALPADS_ELA_LAYOUT = Setting.path("rollcall.calpads.ela-layout",
            "Layout of the SELA file (ELA Import).").defaultsTo(Path.of("config/calpads/sela.properties"));

    public static final Setting<Path> CALPADS_MESSAGES = Setting.path("rollcall.calpads.messages",
            "Wording of the CALPADS results report (seed 003's by default).")
            .defaultsTo(Path.of("config/calpads/messages.properties"));

    public static final Setting<Path> CALPADS_ELA_STATUSES = Setting.path("rollcall.calpads.ela-statuses",
            "ELA Status Code -> LEP Program Status and the date the ELA Start Date overwrites (seed 003's table).")
            .defaultsTo(Path.of("config/calpads/ela-status.csv"));

    public static final Setting<String> CALPADS_INBOX = Setting.string("rollcall.district.*.calpads.inbox",
            "Folder './rollcall run' watches for CALPADS .txt files (e.g. data/inbox/calpads); empty: none.")
            .defaultsTo("(not set: no CALPADS inbox)", s -> "");

    public static final Setting<Duration> CALPADS_POLL = Setting.duration("rollcall.district.*.calpads.poll-interval",
            "How often 'run' looks for a new CALPADS file.").defaultsTo(Duration.ofSeconds(10));

    public static final Setting<String> CALPADS_INBOX_TYPE = Setting.oneOf("rollcall.district.*.calpads.inbox.type",
            Set.of("auto", "ssid", "request", "ela"), "Import type of an inbox file whose name does not say it "
                    + "(*.ssid.txt, *.request.txt, *.ela.txt); auto: SELA records are ela, request results request, "
                    + "anything else ssid.").defaultsTo("auto");

    public static final Setting<String> CALPADS_INBOX_MODE = Setting.oneOf("rollcall.district.*.calpads.inbox.mode",
            Set.of("test", "update"), "What an inbox file gets: test (results report only) or update (only for a "
                    + "file whose Test has run).").defaultsTo("test");

    public static final Setting<List<String>> CALPADS_FATAL = Setting.listOf("rollcall.district.*.calpads.fatal",
            Set.of("first-name", "middle-name", "last-name", "birth-date", "gender"), "Fields whose mismatch is fatal "
                    + "(not imported); the others are warnings (imported, reported). Seed 003: all must match exactly.")
            .defaultsTo(List.of("first-name", "middle-name", "last-name", "birth-date", "gender"));

    public static final Setting<Integer> CALPADS_MIN_SCORE = Setting.integer(
            "rollcall.district.*.calpads.request.min-score", 0, 100,
            "Request results: score (0-100) a candidate needs to count as a match (Single, Multiple).").defaultsTo(60);

    public static final Setting<Integer> CALPADS_AUTO_SELECT = Setting.integer(
            "rollcall.district.*.calpads.request.auto-select-score", 0, 101,
            "Request results: a single candidate scoring at least this is imported when no record was selected; "
                    + "101: never (the district selects).").defaultsTo(101);

    public static final Setting<Boolean> CALPADS_LEP_NOT_IN_FILE = Setting.bool(
            "rollcall.district.*.calpads.lep-not-in-file", "Warn of every registry student with an LEP record that "
                    + "an ELA-bearing file has no line for (seed 003).").defaultsTo(true);

    public static final Setting<Path> CALPADS_CROSSWALK = Setting.path("rollcall.district.*.calpads.crosswalk",
            "Crosswalk from CALPADS codes (ELA status, primary language) to Ed-Fi descriptors.")
            .defaultsTo(Path.of("config/descriptors/calpads.csv"));

    /** Every declared key, in the order {@code ./rollcall config} lists them. */
    public static final List<Setting<?>> ALL = List.of(
            DATA_DIR, DISTRICTS, STORE_URL, STORE_USER, STORE_PASSWORD, STORE_POOL_SIZE, REPORTS_DIR,
            SANDBOX_DIR, SANDBOX_PORT, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET,
            DISTRICT_NAME, LEA_ID, LEA_NAME, LEA_CATEGORY, SCHOOL_YEAR_START,
            EDFI_URL, EDFI_CLIENT_ID, EDFI_CLIENT_SECRET, EDFI_NAMESPACE, EDFI_DATA_STANDARD, EDFI_CONCURRENCY,
            EDFI_RETRIES, CLEVER_INBOX, CLEVER_POLL, CLEVER_SCHOOL_ID_COLUMN, CLEVER_STUDENT_ID_COLUMN,
            CLEVER_CROSSWALK, CLEVER_UNPROCESSED_GRADES, CLEVER_COURSE_SCOPE, CLEVER_MULTIRACIAL,
            SHARE, PROGRAM_SPECIAL_EDUCATION, PROGRAM_SECTION_504, PROGRAM_FOOD_SERVICE, PROGRAM_TITLE_I,
            PROGRAM_MIGRANT, PROGRAM_ENGLISH_LEARNER, PROGRAM_TITLE_I_PARTICIPANT,
            CLEVER_QUIET_PERIOD, CLEVER_DONE_MARKER, CLEVER_INCOMPLETE_AFTER,
            SFTP_HOST, SFTP_PORT, SFTP_USER, SFTP_DIRECTORY, SFTP_PASSWORD, SFTP_PRIVATE_KEY_FILE,
            SFTP_PRIVATE_KEY_PASSPHRASE, SFTP_KNOWN_HOSTS_FILE, SFTP_STRICT_HOST_KEY_CHECKING, SFTP_AFTER_DOWNLOAD,
            SFTP_MOVE_TO, SFTP_TIMEOUT,
            GONE, GONE_EXIT_TYPE, GUARD_MAX_SHARE, VALIDATE,
            SKYWARD_URL, SKYWARD_CLIENT_KEY, SKYWARD_CLIENT_SECRET, SKYWARD_ENTITY_IDS, SKYWARD_PAGE_SIZE,
            SKYWARD_SCHEDULE, SKYWARD_TIME_ZONE, SKYWARD_STUDENT_ID_FIELD, SKYWARD_CROSSWALK, SKYWARD_RETRIES,
            SKYWARD_BACKOFF, SKYWARD_TIMEOUT,
            CALPADS_SSID_LAYOUT, CALPADS_REQUEST_LAYOUT, CALPADS_ELA_LAYOUT, CALPADS_MESSAGES, CALPADS_ELA_STATUSES,
            CALPADS_INBOX, CALPADS_POLL, CALPADS_INBOX_TYPE, CALPADS_INBOX_MODE, CALPADS_FATAL, CALPADS_MIN_SCORE,
            CALPADS_AUTO_SELECT, CALPADS_LEP_NOT_IN_FILE, CALPADS_CROSSWALK);

    /** US school years start in late summer: before July, the year started last August. */
    static LocalDate currentSchoolYearStart(LocalDate today) {
        int year = today.getMonthValue() >= 7 ? today.getYear() : today.getYear() - 1;
        return LocalDate.of(year, 8, 15);
    }

    /**
     * Enrollments are exited; a student no longer flagged for a program gets an endDate on the
     * association (program history is kept, as Ed-Fi models participation); a student or teacher
     * no longer in a section has that association deleted (Ed-Fi keeps no history of them).
     */
    static Map<String, String> goneDefaults() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put("studentSchoolAssociations", "exit");
        for (org.rollcall.edfi.ProgramKind k : org.rollcall.edfi.ProgramKind.values()) {
            out.put(k.association().collection(), "exit");
        }
        out.put("studentSectionAssociations", "delete");
        out.put("staffSectionAssociations", "delete");
        return java.util.Collections.unmodifiableMap(out);
    }

    /** A district's program of one kind: name and type, with the kind's default. */
    private static Setting<org.rollcall.edfi.ProgramDefinition> program(org.rollcall.edfi.ProgramKind kind,
                                                                          String decidedBy) {
        return Setting.of("rollcall.district.*.program." + kind.configName(), "program name|ProgramTypeDescriptor code",
                org.rollcall.edfi.ProgramDefinition::parse,
                "The Ed-Fi Program (programName|programTypeDescriptor) for students with " + decidedBy
                        + "; sent for the LEA when the field is shared. A type written as a code value takes the "
                        + "target's namespace; a full uri://... is used as written.")
                .defaultsTo(kind.defaultDefinition());
    }

    /** {@code studentSchoolAssociations=exit,schools=ignore} as a map, checked. */
    static Map<String, String> goneActions(String value) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String pair : value.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            String resource = kv[0].trim();
            String action = kv.length < 2 ? "" : kv[1].trim();
            org.rollcall.edfi.EdFiResource.ofCollection(resource);
            if (!Set.of("delete", "exit", "ignore").contains(action)) {
                throw new IllegalArgumentException("'" + pair.trim() + "': the action must be delete, exit or ignore");
            }
            if (List.of("localEducationAgencies", "schools", "students").contains(resource) && !action.equals("ignore")) {
                throw new IllegalArgumentException(resource + " are never deleted or exited (seed 004)");
            }
            if (List.of("staffs", "courses").contains(resource) && !action.equals("ignore")) {
                // a teacher or course gone from tonight's files still has last year's sections in the target
                throw new IllegalArgumentException(resource + " are never deleted or exited");
            }
            if (action.equals("exit") && org.rollcall.edfi.EdFiResource.ofCollection(resource).exitDateField() == null) {
                throw new IllegalArgumentException("only studentSchoolAssociations and student program associations "
                        + "can be exited, not " + resource);
            }
            out.put(resource, action);
        }
        return Map.copyOf(out);
    }

    /** A plain file name, not one of the drop's own files. */
    static String checkMarker(String value) {
        String v = value.trim();
        if (v.contains("/") || v.contains("\\") || v.equals(".") || v.equals("..")) {
            throw new IllegalArgumentException("'" + value + "' is not a plain file name such as .done");
        }
        if (org.rollcall.clever.CleverFile.names().contains(v)) {
            throw new IllegalArgumentException(v + " is a file of the drop itself, not a marker");
        }
        return v;
    }

    public static boolean isJsonl(String url) {
        return url.startsWith("jsonl:");
    }

    public static boolean isEmbedded(String url) {
        return EMBEDDED.equals(url);
    }

    /** An http(s) URL without a trailing slash, or empty (not set). */
    static String checkHttpUrl(String value) {
        if (value.isEmpty()) {
            return value;
        }
        URI u;
        try {
            u = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not an http(s) URL");
        }
        if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
            throw new IllegalArgumentException("'" + value + "' is not an http(s) URL");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    static List<String> checkIds(String value) {
        List<String> ids = java.util.Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
        if (ids.isEmpty() || ids.stream().anyMatch(v -> !v.matches("\\d{1,18}"))) {
            throw new IllegalArgumentException("'" + value + "' is not a comma-separated list of entity ids");
        }
        return ids;
    }

    /** The Ed-Fi URL of a district, checked: 'embedded' or an http(s) URL. */
    static String checkEdFiUrl(String value) {
        if (isJsonl(value)) {
            if (value.length() == "jsonl:".length()) {
                throw new IllegalArgumentException("jsonl: needs a folder, e.g. jsonl:data/out");
            }
            return value;
        }
        if (!isEmbedded(value)) {
            URI u;
            try {
                u = URI.create(value.replace("{schoolYear}", "2000").replace("{districtId}", "d"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + value + "' is neither 'embedded' nor an http(s) URL");
            }
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException("'" + value + "' is neither 'embedded' nor an http(s) URL");
            }
        }
        return value.endsWith("/") || isEmbedded(value) ? value : value + "/";
    }
}
