package org.rollcall;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.main.Main;
import org.rollcall.calpads.CalpadsImports;
import org.rollcall.arrival.Arrivals;
import org.rollcall.clever.CleverOptions;
import org.rollcall.clever.RosterOptions;
import org.rollcall.clever.UnprocessedGrades;
import org.rollcall.config.RollcallConfig;
import org.rollcall.config.Settings;
import org.rollcall.edfi.DescriptorCrosswalk;
import org.rollcall.edfi.DataStandards;
import org.rollcall.edfi.DiscoveredMapper;
import org.rollcall.edfi.Ds5Mapper;
import org.rollcall.edfi.EdFiMapper;
import org.rollcall.edfi.EdFiResource;
import org.rollcall.edfi.ProgramCatalog;
import org.rollcall.edfi.ProgramDefinition;
import org.rollcall.edfi.ProgramKind;
import org.rollcall.edfi.SharingPolicy;
import org.rollcall.edfi.client.EdFiConnection;
import org.rollcall.model.LocalEducationAgency;
import org.rollcall.ops.RecordMetrics;
import org.rollcall.report.RunReport;
import org.rollcall.report.RunReportWriter;
import org.rollcall.run.CalpadsImportRun;
import org.rollcall.run.CleverDropRun;
import org.rollcall.run.DeliveryPlan;
import org.rollcall.run.DeliverySteps;
import org.rollcall.run.District;
import org.rollcall.run.DropFolders;
import org.rollcall.run.Districts;
import org.rollcall.run.JsonlTarget;
import org.rollcall.run.ReplayRun;
import org.rollcall.run.RunContext;
import org.rollcall.sandbox.EdFiSandbox;
import org.rollcall.sandbox.SandboxOptions;
import org.rollcall.skyward.SkywardDistricts;
import org.rollcall.run.SkywardSyncRun;
import org.rollcall.sync.GonePolicy;
import org.rollcall.sync.RecordValidator;
import org.rollcall.sync.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rollcall assembled: the state store, the embedded sandbox when a district targets it, one
 * {@link District} per configured district, and camel-main running the routes in {@code routes/}
 * with the route templates instantiated per district.
 */
public final class RollcallApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RollcallApp.class);

    /** {@code run --once} processes what is waiting; {@code run} also watches inboxes and serves /observe. */
    public enum Mode { ONCE, DAEMON }

    private final Path home;
    private final StateStore store;
    private final EdFiSandbox sandbox;
    private final Districts districts;
    private final SkywardDistricts skyward;
    private final List<ExecutorService> pools = new ArrayList<>();
    private final RunReportWriter reports;
    private final Main main;
    private final RecordMetrics metrics;
    private final CalpadsImports calpadsImports;
    private final CalpadsImportRun calpads;
    private final Arrivals arrivals;
    private final List<String> notProcessed = new ArrayList<>();
    private final List<String> fetchFailures = new ArrayList<>();

    private RollcallApp(Path home, RollcallConfig config, Mode mode, Map<String, String> camelOverrides,
                        java.time.Clock clock) throws Exception {
        this.home = home;
        Path dataDir = home.resolve(config.get(Settings.DATA_DIR));
        Files.createDirectories(dataDir);
        this.reports = new RunReportWriter(home.resolve(config.get(Settings.REPORTS_DIR)));
        boolean embedded = config.districts().stream().anyMatch(d -> Settings.isEmbedded(config.get(Settings.EDFI_URL, d)));
        this.sandbox = embedded ? EdFiSandbox.start(SandboxOptions.inMemory()
                .withStoreDir(home.resolve(config.get(Settings.SANDBOX_DIR)))
                .withCredentials(config.get(Settings.SANDBOX_CLIENT_ID), config.get(Settings.SANDBOX_CLIENT_SECRET))) : null;
        try {
            this.store = StateStore.open(config.get(Settings.STORE_URL), config.get(Settings.STORE_USER),
                    config.get(Settings.STORE_PASSWORD), config.get(Settings.STORE_POOL_SIZE), dataDir);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
        List<District> list = new ArrayList<>();
        for (String id : config.districts()) {
            list.add(district(config, id));
        }
        this.districts = new Districts(list);
        try {
            this.skyward = SkywardDistricts.from(config, home);
            this.arrivals = Arrivals.from(config, home, clock);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
        try {
            this.calpadsImports = CalpadsImports.from(config, home, store, home.resolve(config.get(Settings.REPORTS_DIR)));
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
        this.main = new Main();
        main.setPropertyPlaceholderLocations("file:" + home.resolve("config/application.properties") + ";optional=true");
        main.configure().setRoutesIncludePattern("file:" + home.resolve("routes") + "/*.camel.yaml");
        if (mode == Mode.ONCE) {
            main.addOverrideProperty("camel.management.enabled", "false");
        }
        camelOverrides.forEach(main::addOverrideProperty);
        this.metrics = new RecordMetrics(this::meterRegistry);
        main.bind("cleverDropRun", new CleverDropRun(districts, store, reports, metrics, checks(config)));
        main.bind("deliveryPlan", new DeliveryPlan(store));
        main.bind("skywardSyncRun", new SkywardSyncRun(districts, skyward, store, reports, metrics, dataDir, clock,
                checks(config)));
        main.bind("deliverySteps", new DeliverySteps(store, metrics));
        main.bind("jsonlTarget", new JsonlTarget(store, metrics));
        this.calpads = new CalpadsImportRun(districts, calpadsImports, store, skyward, reports, metrics,
                () -> camel().createProducerTemplate(), checks(config));
        main.bind("calpadsImportRun", calpads);
        arrivals.bind(main);
        for (District d : districts.all()) {
            ExecutorService pool = Executors.newFixedThreadPool(d.concurrency(), threads("edfi-" + d.id()));
            pools.add(pool);
            main.bind(d.poolName(), pool);
        }
        try {
            main.start();
            addDistrictRoutes(mode);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    public static RollcallApp start(Path home, RollcallConfig config, Mode mode, Map<String, String> camelOverrides)
            throws Exception {
        return new RollcallApp(home, config, mode, camelOverrides, java.time.Clock.systemUTC());
    }

    /** As {@link #start(Path, RollcallConfig, Mode, Map)}, with the clock that says what day it is (Skyward status). */
    public static RollcallApp start(Path home, RollcallConfig config, Mode mode, Map<String, String> camelOverrides,
                                    java.time.Clock clock) throws Exception {
        return new RollcallApp(home, config, mode, camelOverrides, clock);
    }

    /** Runs a Skyward sync now for each district that syncs from Skyward, one after another; returns their reports. */
    public List<RunReport> runSkyward() {
        List<RunReport> out = new ArrayList<>();
        for (SkywardDistricts.Setup s : skyward.all()) {
            RunReport r = camel().createProducerTemplate().requestBody("direct:skyward-sync-" + s.districtId(), null,
                    RunReport.class);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** The districts that sync from Skyward. */
    public SkywardDistricts skyward() {
        return skyward;
    }

    /** CALPADS imports (seed 003): Test and Update of SSID, request and ELA files. */
    public CalpadsImportRun calpads() {
        return calpads;
    }

    /** Approvals, discards and retries of earlier runs' changes. */
    public ReplayRun replays() {
        return new ReplayRun(districts, store, reports, metrics, camel().createProducerTemplate());
    }

    /**
     * Reads, maps and plans the drop waiting in each district's inbox, sends nothing and leaves the
     * drop where it is; returns each plan run.
     */
    public List<RunContext> planWaiting() {
        List<RunContext> out = new ArrayList<>();
        fetchRemote();
        for (District d : districts.all()) {
            if (!processableNow(d)) {
                continue;
            }
            org.apache.camel.Exchange done = camel().createProducerTemplate().send("direct:clever-drop-" + d.id(), ex -> {
                ex.setProperty(RunContext.PLAN_ONLY_PROPERTY, true);
                ex.getIn().setBody(d.cleverInbox().toString());
            });
            RunContext run = done.getProperty(RunContext.PROPERTY, RunContext.class);
            if (run == null) {
                throw new IllegalStateException("the plan of district " + d.id() + " could not be made",
                        done.getException());
            }
            out.add(run);
        }
        return out;
    }

    /** Processes the drop waiting in each district's inbox, one after another; returns their reports. */
    public List<RunReport> runWaiting() {
        List<RunReport> out = new ArrayList<>();
        fetchRemote();
        for (District d : districts.all()) {
            if (!processableNow(d)) {
                continue;
            }
            out.add(camel().createProducerTemplate().requestBody("direct:clever-drop-" + d.id(),
                    d.cleverInbox().toString(), RunReport.class));
        }
        return out;
    }

    /**
     * Why drops were left alone by the last {@link #runWaiting()} or {@link #planWaiting()}: a drop
     * without its done marker, a drop still arriving on the SFTP server. Empty when nothing was left.
     */
    public List<String> notProcessed() {
        return List.copyOf(notProcessed);
    }

    /** The SFTP servers the last {@link #runWaiting()} or {@link #planWaiting()} could not fetch from, and why. */
    public List<String> fetchFailures() {
        return List.copyOf(fetchFailures);
    }

    /** What arrives by SFTP is fetched first: each SFTP district polls once (run --once, plan; not approve). */
    private void fetchRemote() {
        notProcessed.clear();
        fetchFailures.clear();
        try {
            fetchFailures.addAll(arrivals.fetchOnce(camel()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching drops by SFTP", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot fetch drops by SFTP: " + e.getMessage(), e);
        }
    }

    /** Whether the district's inbox holds a drop to process now; if not, says why when there is a reason. */
    private boolean processableNow(District d) {
        if (DropFolders.waiting(d.cleverInbox()).isEmpty()) {
            arrivals.arrivingOnServer(d.id()).ifPresentOrElse(
                    why -> notProcessed.add("district " + d.id() + ": a drop is arriving on the SFTP server: " + why),
                    () -> LOG.info("district {}: nothing waiting in {}", d.id(), d.cleverInbox()));
            return false;
        }
        java.util.Optional<String> incomplete = arrivals.notCompleteNow(d.id());
        incomplete.ifPresent(why -> notProcessed.add("district " + d.id() + ": " + why));
        return incomplete.isEmpty();
    }

    public CamelContext camel() {
        return main.getCamelContext();
    }

    public Districts districts() {
        return districts;
    }

    public StateStore store() {
        return store;
    }

    /** The embedded sandbox, or null when no district targets it. */
    public EdFiSandbox sandbox() {
        return sandbox;
    }

    public RunReportWriter reports() {
        return reports;
    }

    @Override
    public void close() {
        try {
            if (main != null) {
                main.stop();
            }
        } catch (Exception e) {
            LOG.warn("Camel did not stop cleanly: {}", e.getMessage());
        }
        pools.forEach(ExecutorService::shutdownNow);
        closeQuietly();
    }

    private void closeQuietly() {
        if (store != null) {
            store.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private District district(RollcallConfig c, String id) {
        LocalEducationAgency lea = new LocalEducationAgency(c.get(Settings.LEA_ID, id), c.get(Settings.LEA_NAME, id),
                c.get(Settings.LEA_CATEGORY, id));
        String url = instanceUrl(c.get(Settings.EDFI_URL, id), id, c.get(Settings.SCHOOL_YEAR_START, id));
        boolean embedded = Settings.isEmbedded(url);
        boolean jsonl = Settings.isJsonl(url);
        Supplier<URI> root = embedded ? sandbox::rootUrl : () -> URI.create(url);
        String targetKey = id + "@" + (embedded ? "sandbox"
                : jsonl ? "jsonl:" + home.resolve(url.substring("jsonl:".length())).toAbsolutePath().normalize() : url);
        String namespace = c.get(Settings.EDFI_NAMESPACE, id);
        EdFiConnection connection = jsonl ? null : new EdFiConnection(root, c.get(Settings.EDFI_CLIENT_ID, id),
                c.get(Settings.EDFI_CLIENT_SECRET, id), c.get(Settings.EDFI_CONCURRENCY, id));
        String ds = c.get(Settings.EDFI_DATA_STANDARD, id);
        EdFiMapper mapper = !ds.equals("auto") ? DataStandards.mapper(ds)
                : connection == null ? new Ds5Mapper()
                : new DiscoveredMapper(() -> connection.discovery().dataStandardVersion());
        return new District(id, c.get(Settings.DISTRICT_NAME, id), lea,
                home.resolve(c.get(Settings.CLEVER_INBOX, id)), c.get(Settings.CLEVER_POLL, id),
                new CleverOptions(c.get(Settings.CLEVER_SCHOOL_ID_COLUMN, id), c.get(Settings.CLEVER_STUDENT_ID_COLUMN, id),
                        c.get(Settings.SCHOOL_YEAR_START, id),
                        new UnprocessedGrades(c.get(Settings.CLEVER_UNPROCESSED_GRADES, id)),
                        c.get(Settings.CLEVER_MULTIRACIAL, id),
                        new RosterOptions(c.get(Settings.CLEVER_COURSE_SCOPE, id).equals("school"))),
                DescriptorCrosswalk.load(home.resolve(c.get(Settings.CLEVER_CROSSWALK, id)), namespace),
                mapper, namespace, targetKey, connection,
                c.get(Settings.EDFI_CONCURRENCY, id), c.get(Settings.EDFI_RETRIES, id), gonePolicy(c, id, namespace),
                SharingPolicy.of(c.get(Settings.SHARE, id)), programCatalog(c, id));
    }

    /** The district's programs (rollcall.district.<id>.program.*), begun at the school-year start. */
    private static ProgramCatalog programCatalog(RollcallConfig c, String id) {
        Map<ProgramKind, ProgramDefinition> programs = new EnumMap<>(ProgramKind.class);
        programs.put(ProgramKind.SPECIAL_EDUCATION, c.get(Settings.PROGRAM_SPECIAL_EDUCATION, id));
        programs.put(ProgramKind.SECTION_504, c.get(Settings.PROGRAM_SECTION_504, id));
        programs.put(ProgramKind.SCHOOL_FOOD_SERVICE, c.get(Settings.PROGRAM_FOOD_SERVICE, id));
        programs.put(ProgramKind.TITLE_I_PART_A, c.get(Settings.PROGRAM_TITLE_I, id));
        programs.put(ProgramKind.MIGRANT, c.get(Settings.PROGRAM_MIGRANT, id));
        programs.put(ProgramKind.ENGLISH_LEARNER, c.get(Settings.PROGRAM_ENGLISH_LEARNER, id));
        return new ProgramCatalog(programs, c.get(Settings.SCHOOL_YEAR_START, id),
                c.get(Settings.PROGRAM_TITLE_I_PARTICIPANT, id));
    }

    private static java.util.Set<RecordValidator.Check> checks(RollcallConfig c) {
        java.util.Set<RecordValidator.Check> out = java.util.EnumSet.noneOf(RecordValidator.Check.class);
        for (String v : c.get(Settings.VALIDATE)) {
            if (!v.equals("none")) {
                out.add(RecordValidator.Check.valueOf(v.toUpperCase(java.util.Locale.ROOT)));
            }
        }
        return out;
    }

    /** A year- or district-specific instance URL with its placeholders filled in. */
    static String instanceUrl(String url, String districtId, java.time.LocalDate schoolYearStart) {
        // Ed-Fi names a school year by the calendar year it ends in
        int schoolYear = schoolYearStart.getMonthValue() >= 7 ? schoolYearStart.getYear() + 1 : schoolYearStart.getYear();
        return url.replace("{schoolYear}", Integer.toString(schoolYear)).replace("{districtId}", districtId);
    }

    private static GonePolicy gonePolicy(RollcallConfig c, String id, String namespace) {
        Map<EdFiResource, GonePolicy.Action> actions = new EnumMap<>(EdFiResource.class);
        c.get(Settings.GONE, id).forEach((resource, action) -> actions.put(EdFiResource.ofCollection(resource),
                GonePolicy.Action.valueOf(action.toUpperCase(java.util.Locale.ROOT))));
        return new GonePolicy(actions, c.get(Settings.GUARD_MAX_SHARE, id),
                namespace + "/ExitWithdrawTypeDescriptor#" + c.get(Settings.GONE_EXIT_TYPE, id));
    }

    /** A district is configuration: its routes are the templates in routes/, instantiated here. */
    private void addDistrictRoutes(Mode mode) throws Exception {
        CamelContext ctx = camel();
        for (District d : districts.all()) {
            String delivery = d.jsonlDir() != null ? "jsonl-delivery" : "edfi-delivery";
            TemplatedRouteBuilder.builder(ctx, delivery).routeId(delivery + "-" + d.id())
                    .parameter("districtId", d.id()).add();
            TemplatedRouteBuilder.builder(ctx, "clever-drop").routeId("clever-drop-" + d.id())
                    .parameter("districtId", d.id()).parameter("doneMarker", arrivals.doneMarker(d.id())).add();
            if (skyward.get(d.id()).isPresent()) {
                TemplatedRouteBuilder.builder(ctx, "skyward-sync").routeId("skyward-sync-" + d.id())
                        .parameter("districtId", d.id()).add();
                if (mode == Mode.DAEMON) {
                    var o = skyward.get(d.id()).get().options();
                    TemplatedRouteBuilder.builder(ctx, "skyward-schedule").routeId("skyward-schedule-" + d.id())
                            .parameter("districtId", d.id()).parameter("cron", o.schedule().trim().replace(' ', '+'))
                            .parameter("timeZone", o.timeZone().getId()).add();
                }
            }
            Path calpadsInbox = calpadsImports.options(d.id()).inbox();
            if (mode == Mode.DAEMON && calpadsInbox != null) {
                Files.createDirectories(calpadsInbox);
                TemplatedRouteBuilder.builder(ctx, "calpads-watch").routeId("calpads-watch-" + d.id())
                        .parameter("districtId", d.id()).parameter("inbox", calpadsInbox.toString())
                        .parameter("pollMillis", Long.toString(calpadsImports.options(d.id()).pollInterval().toMillis()))
                        .add();
            }
            if (mode == Mode.DAEMON) {
                Files.createDirectories(d.cleverInbox());
                TemplatedRouteBuilder.builder(ctx, "clever-watch").routeId("clever-watch-" + d.id())
                        .parameter("districtId", d.id()).parameter("inbox", d.cleverInbox().toString())
                        .parameter("pollMillis", Long.toString(d.cleverPoll().toMillis())).add();
            }
        }
        arrivals.addRoutes(ctx, mode == Mode.DAEMON);
    }

    private MeterRegistry meterRegistry() {
        CamelContext ctx = main.getCamelContext();
        return ctx == null ? null : ctx.getRegistry().findSingleByType(MeterRegistry.class);
    }

    private static java.util.concurrent.ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
