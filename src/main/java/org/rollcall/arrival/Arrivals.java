package org.rollcall.arrival;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.Main;
import org.rollcall.config.ConfigException;
import org.rollcall.config.RollcallConfig;
import org.rollcall.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every district's drops come from, assembled from configuration: the inbox watch
 * ({@link DropArrival}, bean {@code dropArrival}), and for a district with clever.sftp.host its
 * SFTP side ({@link SftpArrival}, bean {@code sftpArrival-<id>}) and its clever-sftp route, plus a
 * health check per district.
 */
public final class Arrivals {

    private static final Logger LOG = LoggerFactory.getLogger(Arrivals.class);

    private final Map<String, ArrivalOptions> options;
    private final DropArrival drops;
    private final Map<String, SftpArrival> sftp = new LinkedHashMap<>();

    private Arrivals(Map<String, ArrivalOptions> options, Clock clock) {
        this.options = options;
        this.drops = new DropArrival(options, clock);
        options.forEach((id, o) -> {
            if (o.sftp() != null) {
                SftpArrival s = new SftpArrival(id, o, drops, clock);
                sftp.put(id, s);
                drops.sftp(id, s);
            }
        });
    }

    /** Every district's arrival settings, checked; a problem stops start-up naming the key. */
    public static Arrivals from(RollcallConfig c, Path home, Clock clock) {
        Map<String, ArrivalOptions> options = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String id : c.districts()) {
            options.put(id, ArrivalOptions.of(c, id, home, problems));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        options.forEach((id, o) -> {
            if (o.sftp() != null && !o.sftp().strictHostKeyChecking()) {
                LOG.warn("district {}: SFTP host key checking is OFF ({} = no): whatever server answers at {} gets the "
                        + "district's login and is trusted with its drop. For trying things out only.", id,
                        Settings.SFTP_STRICT_HOST_KEY_CHECKING.nameFor(id), o.sftp().server());
            }
        });
        return new Arrivals(options, clock);
    }

    public DropArrival drops() {
        return drops;
    }

    /** The district's clever.done-marker, empty when it has none. */
    public String doneMarker(String district) {
        return options.get(district).doneMarker();
    }

    /** The SFTP side of a district, if it fetches its drops from an SFTP account. */
    public Optional<SftpArrival> sftp(String district) {
        return Optional.ofNullable(sftp.get(district));
    }

    /** Binds the beans the routes call. */
    public void bind(Main main) {
        main.bind("dropArrival", drops);
        sftp.forEach((id, s) -> main.bind("sftpArrival-" + id, s));
    }

    /**
     * Adds each district's health check and, for the daemon ({@code pollForever}), each SFTP
     * district's clever-sftp route, polling until stopped. Other commands fetch only when they
     * process drops ({@link #fetchOnce}).
     */
    public void addRoutes(CamelContext camel, boolean pollForever) throws Exception {
        HealthCheckRegistry health = HealthCheckRegistry.get(camel);
        for (String id : options.keySet()) {
            if (pollForever && sftp.containsKey(id)) {
                addSftpRoute(camel, id, true);
            }
            if (health != null) {
                ArrivalHealthCheck check = new ArrivalHealthCheck(id, drops, sftp.get(id));
                check.setCamelContext(camel);
                health.register(check);
            }
        }
    }

    private void addSftpRoute(CamelContext camel, String id, boolean pollForever) throws Exception {
        ArrivalOptions o = options.get(id);
        TemplatedRouteBuilder b = TemplatedRouteBuilder.builder(camel, "clever-sftp").routeId(sftp.get(id).routeId())
                .parameter("districtId", id)
                .parameter("pollMillis", Long.toString(o.poll().toMillis()))
                .parameter("repeatCount", pollForever ? "0" : "1")
                .parameter("workDir", SftpArrival.stagingOf(o.inbox()).resolve(SftpArrival.WORK).toString());
        o.sftp().templateParameters().forEach(b::parameter);
        b.add();
    }

    /**
     * {@code run --once} and {@code plan}: each SFTP district's clever-sftp route polls once; this
     * waits for those polls to end, so what they fetched is in the inbox, and returns, per district
     * that could not be fetched, why.
     */
    public List<String> fetchOnce(CamelContext camel) throws Exception {
        for (Map.Entry<String, SftpArrival> e : sftp.entrySet()) {
            if (camel.getRoute(e.getValue().routeId()) == null) {
                addSftpRoute(camel, e.getKey(), false);
            }
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, SftpArrival> e : sftp.entrySet()) {
            SftpAccount account = options.get(e.getKey()).sftp();
            // connecting, listing and downloading a large drop: generously more than one read's timeout
            Duration wait = account.timeout().multipliedBy(10);
            SftpArrival s = e.getValue();
            if (!s.awaitFirstPoll(wait)) {
                problems.add("district " + e.getKey() + ": the SFTP server " + account.server() + " did not finish "
                        + "within " + Durations.describe(wait));
            } else if (s.stopped().isPresent()) {
                problems.add("district " + e.getKey() + ": " + s.stopped().get());
            } else if (s.failure().isPresent()) {
                problems.add("district " + e.getKey() + ": cannot fetch the Clever drop from " + account.server()
                        + ": " + s.failure().get());
            }
        }
        return problems;
    }

    /** For {@code run --once}: why the district's waiting drop must be left alone, if it must. */
    public Optional<String> notCompleteNow(String district) {
        return drops.notCompleteNow(district);
    }

    /** For {@code run --once}: why a drop on the district's SFTP server was not handed over, if one waits there. */
    public Optional<String> arrivingOnServer(String district) {
        SftpArrival s = sftp.get(district);
        return s == null ? Optional.empty() : s.arriving();
    }
}
