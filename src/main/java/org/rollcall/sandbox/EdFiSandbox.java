package org.rollcall.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Ed-Fi ODS/API 7.x-compatible server for Data Standard 5, on real HTTP: Rollcall's rehearsal target
 * ({@code ./rollcall sandbox}), its embedded default target and the test double of its integration tests.
 * It follows the contract in edfi-api.md section 1: discovery and metadata, OAuth2 client credentials,
 * POST upsert by natural key, PUT/DELETE by id, paging queries, references, ETags and ODS problem details,
 * validated against the official DS 5.0 OpenAPI schemas and the DS 5.2 descriptor sets.
 *
 * <p>In memory by default; with a store folder everything (items, ids, ETags, request counts) lives in an H2
 * file database there and a later start sees it, like a real ODS.
 */
public final class EdFiSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EdFiSandbox.class);
    private static final int HANDLER_THREADS = 32;
    private static final long COUNTS_FLUSH_SECONDS = 5;

    static {
        // The JDK server writes response headers and body separately; with Nagle's algorithm on, every response
        // with a body then waits ~40 ms for the client's delayed ACK. The JDK reads this once, when the first
        // HttpServer of the JVM is created, so an explicit setting wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers;
    private final ScheduledExecutorService flusher;
    private final StorePersistence persistence;
    private final RequestCounts counts;
    private final SandboxFaults faults;
    private final Object closeLock = new Object();
    private boolean closed;

    private EdFiSandbox(HttpServer server, ExecutorService handlers, ScheduledExecutorService flusher,
                        StorePersistence persistence, RequestCounts counts, SandboxFaults faults) {
        this.faults = faults;
        this.server = server;
        this.handlers = handlers;
        this.flusher = flusher;
        this.persistence = persistence;
        this.counts = counts;
    }

    /** Loads the model and the store, binds the port and returns once requests are being answered. */
    public static EdFiSandbox start(SandboxOptions options) {
        long started = System.nanoTime();
        ApiModel model = ApiModel.get();
        StorePersistence persistence = options.storeDir() == null
                ? StorePersistence.none() : H2StorePersistence.open(options.storeDir());
        try {
            Clock clock = Clock.systemUTC();
            RequestCounts counts = new RequestCounts(persistence.loadCounts());
            ResourceStore store = new ResourceStore(persistence);
            int seeded = Seeds.seedIfNew(model, store, clock);
            TokenService tokens = new TokenService(options.clientId(), options.clientSecret(), options.tokenTtl(),
                    clock);
            SandboxFaults faults = new SandboxFaults(42);
            faults.onExpireTokens(tokens::expireAll);
            SandboxHandler chain = new FaultInjector(new Router(model, tokens, counts, new DataApi(model, store, clock)),
                    faults);

            HttpServer server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 256);
            ExecutorService handlers = Executors.newFixedThreadPool(HANDLER_THREADS, daemonThreads("edfi-sandbox"));
            server.setExecutor(handlers);
            server.createContext("/", new HttpEntry(chain, counts));
            server.start();

            ScheduledExecutorService flusher = null;
            if (options.storeDir() != null) {
                flusher = Executors.newSingleThreadScheduledExecutor(daemonThreads("edfi-sandbox-counts"));
                flusher.scheduleWithFixedDelay(() -> saveCounts(persistence, counts), COUNTS_FLUSH_SECONDS,
                        COUNTS_FLUSH_SECONDS, TimeUnit.SECONDS);
            }
            EdFiSandbox sandbox = new EdFiSandbox(server, handlers, flusher, persistence, counts, faults);
            LOG.info("Ed-Fi sandbox listening on {} (store {}: {} items, {} seeded now) in {} ms", sandbox.rootUrl(),
                    persistence.describe(), store.size(), seeded, (System.nanoTime() - started) / 1_000_000);
            return sandbox;
        } catch (IOException e) {
            persistence.close();
            throw new UncheckedIOException("cannot start the Ed-Fi sandbox on " + options.host() + ":"
                    + options.port() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            persistence.close();
            throw e;
        }
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>/}, the discovery document. */
    public URI rootUrl() {
        String host = server.getAddress().getAddress().isAnyLocalAddress()
                ? "127.0.0.1" : server.getAddress().getHostString();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** The trouble this sandbox makes on purpose; none until a test or rehearsal asks for it. */
    public SandboxFaults faults() {
        return faults;
    }

    /** Requests answered so far, per method, resource and status (including earlier runs of a persistent store). */
    public RequestCounts counts() {
        return counts;
    }

    /** Stops answering, saves the request counts and closes the store. */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        server.stop(0);
        handlers.shutdown();
        try {
            handlers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (flusher != null) {
            flusher.shutdownNow();
        }
        persistence.saveCounts(counts.asMap());
        persistence.close();
        LOG.info("Ed-Fi sandbox on port {} stopped ({} requests answered in all)", port(),
                counts.asMap().values().stream().mapToLong(Long::longValue).sum());
    }

    /**
     * Writes every resource a (stopped) store holds as JSONL: {@code <outDir>/<resource>.jsonl}, one POST-ready
     * JSON document per line. Seeded defaults are left out. Fails if a running sandbox holds the folder.
     */
    public static void export(Path storeDir, Path outDir) {
        try (H2StorePersistence persistence = H2StorePersistence.open(storeDir)) {
            Map<String, Integer> written = JsonlExport.write(ApiModel.get(), persistence.loadItems(), outDir);
            LOG.info("Exported {} resources ({} documents) from {} to {}", written.size(),
                    written.values().stream().mapToInt(Integer::intValue).sum(), storeDir, outDir);
        }
    }

    private static void saveCounts(StorePersistence persistence, RequestCounts counts) {
        try {
            if (counts.takeDirty()) {
                persistence.saveCounts(counts.asMap());
            }
        } catch (RuntimeException e) {
            LOG.warn("Ed-Fi sandbox could not save request counts: {}", e.getMessage());
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
