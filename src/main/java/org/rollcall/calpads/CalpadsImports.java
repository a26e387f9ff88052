package org.rollcall.calpads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.rollcall.config.ConfigException;
import org.rollcall.config.RollcallConfig;
import org.rollcall.config.Settings;
import org.rollcall.edfi.DescriptorCrosswalk;
import org.rollcall.model.Lineage;
import org.rollcall.registry.RegistryEntry;
import org.rollcall.registry.StudentRegistry;
import org.rollcall.sync.StateStore;

/**
 * CALPADS imports (seed 003) for the configured districts: Test, or Update once a Test of the same
 * file has run ("Run the Test first to verify the data"; {@code force} skips that), each writing its
 * results report under the reports folder. What an Update changes goes to a {@link Delivery}, which
 * maps, plans and sends it like any other run.
 */
public final class CalpadsImports {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /** Where an Update's changed students go; {@link #finish} sends them and names the run that did. */
    public interface Delivery {
        void changed(RegistryEntry student, Lineage lineage);

        /** Sends what changed and says which run did it and whether it sent everything. */
        Sent finish();
    }

    /** The run that sent an Update's changes (null when none was needed) and whether all of them were sent. */
    public record Sent(String runId, boolean succeeded) { }

    /** An Update of a file no Test has checked, without --force. */
    public static final class NotTestedException extends RuntimeException {
        NotTestedException(String message) {
            super(message);
        }
    }

    /**
     * What one import did.
     *
     * @param imported    what Update imported (Test imports nothing: 0)
     * @param wouldImport what an Update of the file imports, counted in either mode
     * @param runId       the run that sent an Update's changes, or null
     * @param deliveryOk  whether that run sent everything (true when there was none)
     */
    public record Outcome(String importId, String district, ImportType type, ImportMode mode, String fileName,
                          long records, long imported, long wouldImport, long errors, long warnings, long elaUpdates,
                          long changedStudents, String runId, boolean deliveryOk, Path report) {

        /** 0 when every record could be imported and every change was sent, else 1 (README exit codes). */
        public int exitCode() {
            return errors == 0 && deliveryOk ? 0 : 1;
        }
    }

    private final CalpadsSetup setup;
    private final Map<String, CalpadsOptions> districts;
    private final StudentRegistry registry;
    private final ImportLog log;
    private final Path reportsDir;

    public CalpadsImports(Path ssidLayout, Path requestLayout, Path elaLayout, Path messages, Path elaStatuses,
                          Map<String, CalpadsOptions> districts, StateStore store, Path reportsDir) {
        this.setup = CalpadsSetup.load(ssidLayout, requestLayout, elaLayout, messages, elaStatuses);
        this.districts = Map.copyOf(districts);
        this.registry = new StudentRegistry(store);
        this.log = new ImportLog(store);
        this.reportsDir = reportsDir;
    }

    /** The imports as configured: the shared layouts and wording, and each district's options. */
    public static CalpadsImports from(RollcallConfig c, Path home, StateStore store, Path reportsDir) {
        Map<String, CalpadsOptions> districts = new LinkedHashMap<>();
        Map<Path, String> inboxes = new HashMap<>();
        for (String id : c.districts()) {
            String inbox = c.get(Settings.CALPADS_INBOX, id).trim();
            Path dir = inbox.isEmpty() ? null : home.resolve(inbox).toAbsolutePath().normalize();
            if (dir != null) {
                String other = inboxes.putIfAbsent(dir, id);
                if (other != null || dir.equals(home.resolve(c.get(Settings.CLEVER_INBOX, id)).toAbsolutePath().normalize())) {
                    throw new ConfigException(Settings.CALPADS_INBOX.nameFor(id) + ": '" + dir + "' is also "
                            + (other != null ? "the CALPADS inbox of district '" + other + "'" : "the district's Clever inbox")
                            + "; each needs its own");
                }
            }
            String type = c.get(Settings.CALPADS_INBOX_TYPE, id);
            Set<MatchField> fatal = EnumSet.noneOf(MatchField.class);
            c.get(Settings.CALPADS_FATAL, id).forEach(f -> fatal.add(MatchField.ofKey(f)));
            districts.put(id, new CalpadsOptions(dir, c.get(Settings.CALPADS_POLL, id),
                    type.equals("auto") ? null : ImportType.ofKey(type), ImportMode.ofKey(c.get(Settings.CALPADS_INBOX_MODE, id)),
                    Set.copyOf(fatal), c.get(Settings.CALPADS_MIN_SCORE, id), c.get(Settings.CALPADS_AUTO_SELECT, id),
                    c.get(Settings.CALPADS_LEP_NOT_IN_FILE, id),
                    DescriptorCrosswalk.load(home.resolve(c.get(Settings.CALPADS_CROSSWALK, id)),
                            c.get(Settings.EDFI_NAMESPACE, id))));
        }
        return new CalpadsImports(home.resolve(c.get(Settings.CALPADS_SSID_LAYOUT)),
                home.resolve(c.get(Settings.CALPADS_REQUEST_LAYOUT)), home.resolve(c.get(Settings.CALPADS_ELA_LAYOUT)),
                home.resolve(c.get(Settings.CALPADS_MESSAGES)), home.resolve(c.get(Settings.CALPADS_ELA_STATUSES)),
                districts, store, reportsDir);
    }

    /**
     * The type of an inbox file: its name's ({@code *.ssid.txt}, ...), the district's
     * {@code calpads.inbox.type}, or, for auto, its first line's: a SELA record is ela, a request
     * results record request, anything else ssid.
     */
    public ImportType typeOf(String district, Path file) {
        Optional<ImportType> named = ImportType.ofFileName(file.getFileName().toString());
        if (named.isPresent()) {
            return named.get();
        }
        if (options(district).inboxType() != null) {
            return options(district).inboxType();
        }
        String first;
        try (var lines = Files.lines(file, setup.layout(ImportType.SSID).encoding())) {
            first = lines.filter(l -> !l.isBlank()).findFirst().orElse("");
        } catch (IOException | UncheckedIOException e) {
            return ImportType.SSID;
        }
        for (ImportType t : List.of(ImportType.ELA, ImportType.REQUEST)) {
            Layout l = setup.layout(t);
            Integer at = l.positions().get(Element.RECORD_TYPE);
            String[] fields = first.split(java.util.regex.Pattern.quote(String.valueOf(l.delimiter())), -1);
            if (at != null && at < fields.length && (l.recordTypes().contains(fields[at].trim())
                    || l.requestTypes().containsValue(fields[at].trim()))) {
                return t;
            }
        }
        return ImportType.SSID;
    }

    public CalpadsOptions options(String district) {
        CalpadsOptions o = districts.get(district);
        if (o == null) {
            throw new IllegalArgumentException("no district '" + district + "'");
        }
        return o;
    }

    /**
     * Imports one file. {@code delivery} is used by Update only (null is fine for Test).
     *
     * @throws NotTestedException for an Update of a file whose content no Test has checked, without {@code force}
     */
    public Outcome run(String district, Path file, ImportType type, ImportMode mode, boolean force, Delivery delivery) {
        CalpadsOptions options = options(district);
        String fileName = file.getFileName().toString();
        String hash;
        try {
            hash = CalpadsFile.contentHash(file);
        } catch (IOException e) {
            throw new UncheckedIOException(fileName + ": cannot be read", e);
        }
        if (mode == ImportMode.UPDATE && !force && !log.tested(district, hash, type)) {
            throw new NotTestedException(fileName + ": no Test of this file (" + type.key() + ", the same content) "
                    + "has run for district " + district + "; run the Test first to verify the data, "
                    + "or Update with --force");
        }
        String importId = ID_TIME.format(Instant.now()) + "-" + district + "-calpads-"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        log.open(importId, district, fileName, hash, type, mode);
        Layout layout = setup.layout(type);
        try (ResultsReport report = new ResultsReport(reportsDir, importId)) {
            CalpadsImport.Result r = new CalpadsImport(district, options, setup, registry, log, importId, type, mode,
                    fileName, report, delivery).run(file);
            String runId = null;
            boolean ok = true;
            if (mode == ImportMode.UPDATE && r.changedStudents() > 0) {
                Sent sent = delivery.finish();
                runId = sent.runId();
                ok = sent.succeeded();
            }
            String message = mode == ImportMode.TEST
                    ? "Test only: nothing was changed. An Update of this file would import " + r.wouldImport() + " "
                    + (type == ImportType.ELA ? "students' ELA data" : "SSIDs") + " and update the ELA data of "
                    + r.elaUpdates() + " students."
                    : "Update: " + r.imported() + " imported, the ELA data of " + r.elaUpdates() + " students updated, "
                    + r.changedStudents() + " students changed" + (runId == null ? "" : "; sent to Ed-Fi by run " + runId);
            Path txt = report.finish(new ResultsReport.Summary(importId, district, fileName, type, mode,
                    layout.describe(), hash, r.records(), r.imported(), r.errors(), r.warnings(), r.elaUpdates(),
                    runId, message));
            log.finish(importId, "finished", new ImportLog.Counts(r.records(), r.imported(), r.errors(), r.warnings()),
                    runId);
            return new Outcome(importId, district, type, mode, fileName, r.records(), r.imported(), r.wouldImport(),
                    r.errors(), r.warnings(), r.elaUpdates(), r.changedStudents(), runId, ok, txt);
        } catch (RuntimeException e) {
            log.finish(importId, "failed", new ImportLog.Counts(0, 0, 0, 0), null);
            throw e;
        }
    }
}
