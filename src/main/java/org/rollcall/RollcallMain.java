package org.rollcall;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.rollcall.config.ConfigException;
import org.rollcall.config.RollcallConfig;
import org.rollcall.config.Settings;
import org.rollcall.report.RunReport;
import org.rollcall.report.RunReportWriter;
import org.rollcall.run.DropFolders;
import org.rollcall.report.PlanReportWriter;
import org.rollcall.report.ProcessingReportWriter;
import org.rollcall.run.RunContext;
import org.rollcall.sandbox.EdFiSandbox;
import org.rollcall.sync.StateStore;
import org.rollcall.sandbox.SandboxOptions;

/**
 * The command line: {@code ./rollcall <command>}. Exit codes: 0 all good, 1 some records failed or
 * a drop was rejected or the run could not finish, 2 configuration or usage error, 3 the guard
 * held deletes or exits that wait for {@code approve} or {@code discard}.
 */
public final class RollcallMain {

    public static final int OK = 0;
    public static final int RECORDS_FAILED = 1;
    public static final int CONFIG_ERROR = 2;

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: ./rollcall <command>",
            "  run               watch the inboxes and run schedules until stopped (/observe on the management port)",
            "  run --once        process what is waiting, print the report, exit 0 (all good), 1 (records failed), 2 (config), 3 (held)",
            "  run --once --source clever|skyward   only that source (skyward: sync the districts with skyward.url now)",
            "  skyward-simulator [--port 8766] [--students 500]   serve a simulated Skyward Qmlativ API",
            "  demo              put the sample district (samples/clever) in the first district's inbox, then run --once",
            "  sandbox [--port N]  the local Ed-Fi sandbox alone (default port rollcall.sandbox.port)",
            "  sandbox export DIR  every resource the sandbox stores, as DIR/<resource>.jsonl",
            "  plan              read, map and plan what is waiting against the target: counts and samples, nothing sent",
            "  approve RUN       send the deletes/exits the guard held in run RUN (exit 3 means some are held)",
            "  discard RUN       drop the deletes/exits the guard held in run RUN",
            "  retry-failed [--run RUN]  send again the records that failed (in RUN, or each district's latest run)",
            "  trace KEY         every run that touched a record: a source id or an Ed-Fi natural key",
            "  calpads import --type ssid|request|ela [--mode test|update] [--force] [--district ID] FILE",
            "                    CALPADS SSID/ELA import: Test (default) writes the results report and changes nothing;",
            "                    Update (after a Test of the same file, or --force) imports and sends to Ed-Fi",
            "  report            print the last run's report",
            "  config            every rollcall.* key with its value (secrets masked) and documentation");

    private final Path home;
    private final PrintStream out;
    private final PrintStream err;

    RollcallMain(Path home, PrintStream out, PrintStream err) {
        this.home = home;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        String h = System.getenv("ROLLCALL_HOME");
        Path home = Path.of(h == null || h.isBlank() ? System.getProperty("user.dir") : h).toAbsolutePath();
        int code = new RollcallMain(home, System.out, System.err).execute(args);
        System.exit(code);
    }

    int execute(String[] args) {
        List<String> a = Arrays.asList(args);
        String command = a.isEmpty() ? "help" : a.get(0);
        try {
            return switch (command) {
                case "run" -> run(a.contains("--once"), a.subList(1, a.size()));
                case "demo" -> demo();
                case "skyward-simulator" -> skywardSimulator(a.subList(1, a.size()));
                case "sandbox" -> sandbox(a.subList(1, a.size()));
                case "report" -> report();
                case "plan" -> plan();
                case "approve", "discard" -> held(command, a.subList(1, a.size()));
                case "retry-failed" -> retryFailed(a.subList(1, a.size()));
                case "trace" -> trace(a.subList(1, a.size()));
                case "calpads" -> calpads(a.subList(1, a.size()));
                case "config" -> config();
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield OK;
                }
                default -> usage("unknown command '" + command + "'");
            };
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println("configuration error: " + p));
            return CONFIG_ERROR;
        }
    }

    RollcallConfig loadConfig() {
        return RollcallConfig.load(home.resolve("config/application.properties"), System.getenv(), System.getProperties());
    }

    private int run(boolean once, List<String> rest) {
        String source = null;
        for (int i = 0; i < rest.size(); i++) {
            String r = rest.get(i);
            if (r.equals("--source") && i + 1 < rest.size() && Set.of("clever", "skyward").contains(rest.get(i + 1))) {
                source = rest.get(++i);
            } else if (!r.equals("--once")) {
                return usage("unknown option '" + r + "' for run (--once, --source clever|skyward)");
            }
        }
        RollcallConfig config = loadConfig();
        if (!once) {
            return daemon(config);
        }
        try (RollcallApp app = RollcallApp.start(home, config, RollcallApp.Mode.ONCE, Map.of())) {
            List<RunReport> reports = new java.util.ArrayList<>();
            if (source == null || source.equals("clever")) {
                reports.addAll(app.runWaiting());
            }
            if (source == null || source.equals("skyward")) {
                reports.addAll(app.runSkyward());
            }
            app.notProcessed().forEach(why -> out.println("Not processed: " + why));
            app.fetchFailures().forEach(why -> err.println("rollcall: " + why));
            if (reports.isEmpty() && !app.fetchFailures().isEmpty()) {
                return RECORDS_FAILED;
            }
            if (reports.isEmpty()) {
                out.println("Nothing waiting: no drop in " + inboxes(app)
                        + (app.skyward().all().isEmpty() ? "" : " and no Skyward sync ran"));
                return OK;
            }
            int code = app.fetchFailures().isEmpty() ? OK : RECORDS_FAILED;
            for (RunReport r : reports) {
                out.print(RunReportWriter.summary(r));
                out.println("  report: " + relative(app.reports().fileOf(r.runId())));
                if ("clever".equals(r.source())) {
                    out.println("  processing report: " + relative(new ProcessingReportWriter(
                            app.reports().fileOf(r.runId()).getParent()).textFileOf(r.runId())));
                }
                code = Math.max(code, r.exitCode());
            }
            return code;
        } catch (ConfigException e) {
            throw e;
        } catch (Exception e) {
            err.println("rollcall: " + message(e));
            return RECORDS_FAILED;
        }
    }

    private int daemon(RollcallConfig config) {
        CountDownLatch stopped = new CountDownLatch(1);
        RollcallApp app;
        try {
            app = RollcallApp.start(home, config, RollcallApp.Mode.DAEMON, Map.of());
        } catch (ConfigException e) {
            throw e;
        } catch (Exception e) {
            err.println("rollcall: " + message(e));
            return RECORDS_FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "rollcall-shutdown"));
        out.println("Rollcall is running: watching " + inboxes(app) + skywardSchedules(app) + "; stop with Ctrl-C.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    private static String skywardSchedules(RollcallApp app) {
        StringBuilder sb = new StringBuilder();
        for (org.rollcall.skyward.SkywardDistricts.Setup s : app.skyward().all()) {
            sb.append(sb.length() == 0 ? "; Skyward sync of " : ", ").append(s.districtId()).append(" on '")
                    .append(s.options().schedule()).append("' (").append(s.options().timeZone().getId()).append(')');
        }
        return sb.toString();
    }

    /** Serves a simulated Skyward Qmlativ district on loopback until Ctrl-C (for a demo skyward.url). */
    private int skywardSimulator(List<String> args) {
        int port = 8766;
        int students = 500;
        for (int i = 0; i + 1 < args.size(); i += 2) {
            try {
                switch (args.get(i)) {
                    case "--port" -> port = Integer.parseInt(args.get(i + 1));
                    case "--students" -> students = Integer.parseInt(args.get(i + 1));
                    default -> {
                        return usage("unknown skyward-simulator option '" + args.get(i) + "'");
                    }
                }
            } catch (NumberFormatException e) {
                return usage(args.get(i) + " needs a number");
            }
        }
        if (args.size() % 2 != 0) {
            return usage("skyward-simulator options: --port N --students N");
        }
        org.rollcall.skyward.simulator.SimulatorOptions o = org.rollcall.skyward.simulator.SimulatorOptions
                .district(students, java.time.LocalDate.now());
        try (var sim = org.rollcall.skyward.simulator.QmlativSimulator.start(o, port)) {
            out.println("Skyward Qmlativ simulator: " + sim.baseUrl() + " (" + students + " students), key "
                    + o.clientKey() + ", secret " + o.clientSecret() + "; stop with Ctrl-C.");
            new CountDownLatch(1).await();
        } catch (java.io.IOException e) {
            err.println("rollcall: cannot start the Skyward simulator: " + e.getMessage());
            return RECORDS_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    private int demo() throws ConfigException {
        RollcallConfig config = loadConfig();
        String first = config.districts().get(0);
        Path inbox = home.resolve(config.get(Settings.CLEVER_INBOX, first));
        Path samples = home.resolve("samples/clever");
        try {
            if (DropFolders.waiting(inbox).isEmpty()) {
                Files.createDirectories(inbox);
                try (var files = Files.list(samples)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                        Files.copy(f, inbox.resolve(f.getFileName()));
                    }
                }
                out.println("Dropped the sample district (" + home.relativize(samples) + ") into "
                        + home.relativize(inbox));
            }
        } catch (java.io.IOException e) {
            err.println("rollcall: cannot put the samples in " + inbox + ": " + e.getMessage());
            return RECORDS_FAILED;
        }
        return run(true, List.of("--once"));
    }

    private int sandbox(List<String> args) {
        RollcallConfig config = loadConfig();
        Path store = home.resolve(config.get(Settings.SANDBOX_DIR));
        if (!args.isEmpty() && args.get(0).equals("export")) {
            if (args.size() != 2) {
                return usage("sandbox export needs one folder");
            }
            Path dir = Path.of(args.get(1)).toAbsolutePath();
            EdFiSandbox.export(store, dir);
            out.println("Exported the sandbox store " + store + " to " + dir);
            return OK;
        }
        int port = config.get(Settings.SANDBOX_PORT);
        if (args.size() == 2 && args.get(0).equals("--port")) {
            try {
                port = Integer.parseInt(args.get(1));
            } catch (NumberFormatException e) {
                return usage("--port needs a number");
            }
        } else if (!args.isEmpty()) {
            return usage("unknown sandbox arguments " + args);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        EdFiSandbox sandbox = EdFiSandbox.start(SandboxOptions.inMemory().withPort(port).withStoreDir(store)
                .withCredentials(config.get(Settings.SANDBOX_CLIENT_ID), config.get(Settings.SANDBOX_CLIENT_SECRET)));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        out.println("Ed-Fi sandbox at " + sandbox.rootUrl() + " (client id '" + config.get(Settings.SANDBOX_CLIENT_ID)
                + "', store " + store + "); stop with Ctrl-C.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    private int plan() {
        RollcallConfig config = loadConfig();
        try (RollcallApp app = RollcallApp.start(home, config, RollcallApp.Mode.ONCE, Map.of())) {
            List<RunContext> plans = app.planWaiting();
            app.notProcessed().forEach(why -> out.println("Not planned: " + why));
            app.fetchFailures().forEach(why -> err.println("rollcall: " + why));
            if (plans.isEmpty()) {
                out.println("Nothing waiting: no drop in " + inboxes(app));
                return OK;
            }
            PlanReportWriter writer = new PlanReportWriter(home.resolve(config.get(Settings.REPORTS_DIR)));
            int code = OK;
            for (RunContext p : plans) {
                if (p.isRejected()) {
                    out.println("Plan " + p.runId() + " (district " + p.district().id() + "): the drop would be rejected: "
                            + p.rejection().describe());
                    code = RECORDS_FAILED;
                } else {
                    out.print(PlanReportWriter.summary(p.runId(), p.district().id(), p.plan()));
                }
                Path file = writer.write(p.runId(), p.district().id(), p.plan(),
                        p.isRejected() ? List.of(p.rejection()) : List.of());
                out.println("  plan: " + relative(file));
            }
            return code;
        } catch (ConfigException e) {
            throw e;
        } catch (Exception e) {
            err.println("rollcall: " + message(e));
            return RECORDS_FAILED;
        }
    }

    private int held(String command, List<String> args) {
        if (args.size() != 1) {
            return usage(command + " needs one run id");
        }
        RollcallConfig config = loadConfig();
        try (RollcallApp app = RollcallApp.start(home, config, RollcallApp.Mode.ONCE, Map.of())) {
            if (command.equals("discard")) {
                int n = app.replays().discard(args.get(0));
                out.println("Discarded " + n + " held changes of run " + args.get(0));
                return OK;
            }
            RunReport r = app.replays().approve(args.get(0));
            out.print(RunReportWriter.summary(r));
            out.println("  report: " + relative(app.reports().fileOf(r.runId())));
            return r.exitCode();
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        } catch (ConfigException e) {
            throw e;
        } catch (Exception e) {
            err.println("rollcall: " + message(e));
            return RECORDS_FAILED;
        }
    }

    private int retryFailed(List<String> args) {
        String runId = null;
        if (args.size() == 2 && args.get(0).equals("--run")) {
            runId = args.get(1);
        } else if (!args.isEmpty()) {
            return usage("retry-failed takes only --run RUN");
        }
        RollcallConfig config = loadConfig();
        try (RollcallApp app = RollcallApp.start(home, config, RollcallApp.Mode.ONCE, Map.of())) {
            List<RunReport> reports = app.replays().retryFailed(runId);
            if (reports.isEmpty()) {
                out.println("No run has failed records to send again.");
                return OK;
            }
            int code = OK;
            for (RunReport r : reports) {
                out.print(RunReportWriter.summary(r));
                code = Math.max(code, r.exitCode());
            }
            return code;
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        } catch (ConfigException e) {
            throw e;
        } catch (Exception e) {
            err.println("rollcall: " + message(e));
            return RECORDS_FAILED;
        }
    }

    private int trace(List<String> args) {
        if (args.size() != 1 || args.get(0).isBlank()) {
            return usage("trace needs one key: a source id or an Ed-Fi natural key");
        }
        RollcallConfig config = loadConfig();
        try (StateStore store = StateStore.open(config.get(Settings.STORE_URL), config.get(Settings.STORE_USER),
                config.get(Settings.STORE_PASSWORD), 2, home.resolve(config.get(Settings.DATA_DIR)))) {
            List<StateStore.Touch> touches = store.trace(args.get(0), 1000);
            if (touches.isEmpty()) {
                out.println("No run has touched a record with key " + args.get(0));
                return OK;
            }
            for (StateStore.Touch t : touches) {
                out.printf("%s  %-8s %-8s %-45s %-8s %-10s %s%s%s  id %s%n", t.runId(), t.district(), t.source(),
                        t.resource() + " " + t.naturalKey(), t.action().toLowerCase(java.util.Locale.ROOT),
                        t.outcome() == null ? "pending" : t.outcome(),
                        t.lineage().source() == null ? "" : t.lineage().source() + ":" + t.lineage().line(),
                        t.httpStatus() == null || t.httpStatus() == 0 ? "" : "  HTTP " + t.httpStatus(),
                        t.message() == null ? "" : "  " + t.message(), t.edfiId() == null ? "-" : t.edfiId());
            }
            return OK;
        }
    }

    /** {@code calpads import ...}: one CALPADS file, Test or Update (seed 003). */
    private int calpads(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("import")) {
            return usage("calpads needs a subcommand: calpads import --type ssid|request|ela [--mode test|update] "
                    + "[--force] [--district ID] FILE");
        }
        org.rollcall.calpads.ImportType type = null;
        org.rollcall.calpads.ImportMode mode = org.rollcall.calpads.ImportMode.TEST;
        boolean force = false;
        String district = null;
        Path file = null;
        try {
            for (int i = 1; i < args.size(); i++) {
                String arg = args.get(i);
                boolean hasValue = i + 1 < args.size();
                switch (arg) {
                    case "--type" -> type = org.rollcall.calpads.ImportType.ofKey(hasValue ? args.get(++i) : "");
                    case "--mode" -> mode = org.rollcall.calpads.ImportMode.ofKey(hasValue ? args.get(++i) : "");
                    case "--force" -> force = true;
                    case "--district" -> district = hasValue ? args.get(++i) : "";
                    default -> {
                        if (arg.startsWith("--") || file != null) {
                            return usage("calpads import: unexpected '" + arg + "'");
                        }
                        file = Path.of(arg).toAbsolutePath();
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return usage("calpads import: " + e.getMessage());
        }
        if (type == null || file == null) {
            return usage("calpads import needs --type ssid|request|ela and a FILE");
        }
        if (!Files.isRegularFile(file)) {
            return usage("calpads import: " + file + " is not a file");
        }
        RollcallConfig config = loadConfig();
        if (district == null) {
            if (config.districts().size() != 1) {
                return usage("calpads import: name the district with --district (" + String.join(", ", config.districts()) + ")");
            }
            district = config.districts().get(0);
        } else if (!config.districts().contains(district)) {
            return usage("calpads import: no district '" + district + "'");
        }
        try (RollcallApp app = RollcallApp.start(home, config, RollcallApp.Mode.ONCE, Map.of())) {
            org.rollcall.calpads.CalpadsImports.Outcome o = app.calpads().run(district, file, type, mode, force);
            out.printf("CALPADS import %s (district %s, %s, %s): %d records, %d imported, %d errors, %d warnings%n",
                    o.importId(), o.district(), o.type().label(), o.mode() == org.rollcall.calpads.ImportMode.TEST
                            ? "Test" : "Update", o.records(), o.imported(), o.errors(), o.warnings());
            if (o.mode() == org.rollcall.calpads.ImportMode.TEST) {
                out.println("  Test only: nothing was changed; an Update would import " + o.wouldImport()
                        + " and update the ELA data of " + o.elaUpdates() + " students");
            }
            out.println("  results: " + relative(o.report()) + " (and .csv, .json)");
            if (o.runId() != null) {
                app.reports().latest().filter(r -> r.runId().equals(o.runId()))
                        .ifPresent(r -> out.print(RunReportWriter.summary(r)));
                out.println("  report: " + relative(app.reports().fileOf(o.runId())));
            }
            return o.exitCode();
        } catch (org.rollcall.calpads.CalpadsImports.NotTestedException e) {
            err.println("rollcall: " + e.getMessage());
            return CONFIG_ERROR;
        } catch (ConfigException e) {
            throw e;
        } catch (Exception e) {
            err.println("rollcall: " + message(e));
            return RECORDS_FAILED;
        }
    }

    private int report() {
        RollcallConfig config = loadConfig();
        RunReportWriter writer = new RunReportWriter(home.resolve(config.get(Settings.REPORTS_DIR)));
        return writer.latest().map(r -> {
            out.print(RunReportWriter.summary(r));
            return OK;
        }).orElseGet(() -> {
            out.println("No run has written a report yet.");
            return OK;
        });
    }

    private int config() {
        RollcallConfig config = loadConfig();
        out.println("# " + home.resolve("config/application.properties"));
        config.describe().forEach(out::println);
        return OK;
    }

    private int usage(String problem) {
        err.println("rollcall: " + problem);
        err.println(USAGE);
        return CONFIG_ERROR;
    }

    private String inboxes(RollcallApp app) {
        List<String> out = new ArrayList<>();
        app.districts().all().forEach(d -> out.add(home.relativize(d.cleverInbox()).toString()));
        return String.join(", ", out);
    }

    private String relative(Path p) {
        return p.startsWith(home) ? home.relativize(p).toString() : p.toString();
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
