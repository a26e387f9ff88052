package org.rollcall.sync;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.rollcall.edfi.EdFiResource;
import org.rollcall.model.Lineage;

/**
 * The state store: runs, what each target holds per natural key, and each run's sync plan. One
 * schema (Flyway, {@code db/migration}) serves the embedded H2 file database and PostgreSQL.
 */
public final class StateStore implements AutoCloseable {

    private static final int IN_LIST = 500;
    private static final int PAGE = 10_000;
    /** How long an embedded store may spend compacting its file when it closes. */
    private static final int CLOSE_COMPACT_MILLIS = 60_000;

    private final HikariDataSource dataSource;
    private final Map<String, String> runSources = new java.util.concurrent.ConcurrentHashMap<>();
    private final OutcomeWriter outcomes;

    private final Path workDir;

    private StateStore(HikariDataSource dataSource, Path workDir) {
        this.dataSource = dataSource;
        this.outcomes = new OutcomeWriter(dataSource);
        this.workDir = workDir;
    }

    /**
     * Opens the store and brings its schema up to date.
     *
     * @param url 'embedded' for an H2 file database under {@code dataDir/state}, or a JDBC URL
     */
    public static StateStore open(String url, String user, String password, int poolSize, Path dataDir) {
        HikariConfig hc = new HikariConfig();
        if ("embedded".equals(url)) {
            Path file = dataDir.toAbsolutePath().resolve("state").resolve("rollcall");
            // MVStore writes copy-on-write, so a run's plan leaves the file several times its live data
            // (300,000 planned records: 1.7 GB for 170 MB); compacting as the store closes, for up
            // to a minute, gives that back between runs (H2's default allows 0.2 s)
            hc.setJdbcUrl("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=" + CLOSE_COMPACT_MILLIS);
            hc.setUsername("rollcall");
            hc.setPassword("");
        } else {
            hc.setJdbcUrl(url);
            hc.setUsername(user);
            hc.setPassword(password);
        }
        // Flyway holds one connection for its lock while it migrates on another
        hc.setMaximumPoolSize(Math.max(2, poolSize));
        hc.setPoolName("rollcall-state");
        hc.setInitializationFailTimeout(10_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new StateStoreException("cannot open the state store at " + redact(hc.getJdbcUrl()) + ": "
                    + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new StateStoreException("cannot migrate the state store: " + rootMessage(e), e);
        }
        Path work = dataDir.toAbsolutePath().resolve("work");
        removeAbandoned(work);
        return new StateStore(ds, work);
    }

    /**
     * Where a run keeps its working files (the natural keys a snapshot holds, the ids it has read),
     * under the data directory: they name students, so they stay where the reports are. Removed
     * when the run's keys are closed.
     */
    public Path runWorkDir(String runId) {
        return workDir.resolve(runId);
    }

    /** Working folders of runs that ended without removing them (the process stopped), a day old or more. */
    private static void removeAbandoned(Path work) {
        if (!java.nio.file.Files.isDirectory(work)) {
            return;
        }
        Instant dayAgo = Instant.now().minus(java.time.Duration.ofDays(1));
        try (var runs = java.nio.file.Files.list(work)) {
            for (Path run : runs.toList()) {
                if (java.nio.file.Files.getLastModifiedTime(run).toInstant().isBefore(dayAgo)) {
                    try (var files = java.nio.file.Files.walk(run)) {
                        for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            java.nio.file.Files.deleteIfExists(f);
                        }
                    }
                }
            }
        } catch (java.io.IOException e) {
            // left for the next start; nothing depends on it
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    // ---- runs

    public void openRun(String runId, String district, String target, String source, String sourceRef) {
        update("insert into sync_run (run_id, district, target, source, source_ref, status, started_at) "
                + "values (?, ?, ?, ?, ?, 'running', ?)", runId, district, target, source, sourceRef, now());
    }

    public void finishRun(String runId, String status) {
        update("update sync_run set status = ?, finished_at = ? where run_id = ?", status, now(), runId);
    }

    public Optional<String> runStatus(String runId) {
        return query("select status from sync_run where run_id = ?", rs -> rs.getString(1), runId).stream().findFirst();
    }

    // ---- record state

    /** State rows of the given keys of one resource, by natural key. */
    public Map<String, RecordState> states(String target, EdFiResource resource, Collection<String> keys) {
        Map<String, RecordState> out = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int i = 0; i < all.size(); i += IN_LIST) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + IN_LIST));
            // by natural key alone, so the IN list is an index seek on H2 as on PostgreSQL; target and
            // resource are checked here (other targets and resources rarely share a key)
            String sql = "select natural_key, edfi_id, etag, payload_hash, last_status, last_seen_run, target, resource "
                    + "from record_state where natural_key in (" + placeholders(chunk.size()) + ")";
            String collection = resource.collection();
            query(sql, rs -> {
                if (target.equals(rs.getString(7)) && collection.equals(rs.getString(8))) {
                    RecordState s = new RecordState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6));
                    out.put(s.naturalKey(), s);
                }
                return null;
            }, chunk.toArray());
        }
        return out;
    }

    /**
     * Records the target's answer for a sent record. Created, updated and exited records keep their
     * id, ETag, body and hash; a deleted one loses its id (a later POST creates it again); a failed
     * one loses its hash so the next run sends it again. A key change moves the state row to the new
     * key. Outcomes are written in batches ({@link OutcomeWriter}); every read of the store sees them.
     */
    public void recordOutcome(String target, PlannedChange change, Outcome outcome, int httpStatus, String message,
                              String edfiId, String etag) {
        recordOutcome(target, change, outcome, httpStatus, message, edfiId, etag, null);
    }

    public void recordOutcome(String target, PlannedChange change, Outcome outcome, int httpStatus, String message,
                              String edfiId, String etag, String response) {
        outcomes.add(new OutcomeWriter.Recorded(target, change, outcome, httpStatus, message, edfiId, etag, response,
                runSource(change.runId()), now()));
    }

    /** The source of a run (a snapshot of one source never makes another source's records gone); runs never change it. */
    private String runSource(String runId) {
        return runSources.computeIfAbsent(runId, id -> queryNow("select source from sync_run where run_id = ?",
                rs -> rs.getString(1), id).stream().findFirst().orElse(null));
    }

    /** Puts a change back in the run's queue for one more try (an unresolved reference whose parent is now sent). */
    public void requeue(PlannedChange change, int httpStatus, String message) {
        update("update planned_change set outcome = null, attempts = attempts + 1, http_status = ?, message = ? "
                + "where seq = ?", httpStatus, truncate(message, 4000), change.seq());
    }

    // ---- snapshots: what is gone, what the guard holds

    /** A record the target holds that a complete snapshot no longer has. */
    public record PresentRecord(String naturalKey, String edfiId, String etag, String lastPayload, Lineage lineage) { }

    /** Records of one source at the target, present there now (not deleted or exited). */
    public long presentCount(String target, EdFiResource resource, String source) {
        return query("select count(*) from record_state where target = ? and resource = ? and edfi_id is not null "
                        + "and last_status not in ('deleted', 'exited') and (source = ? or source is null)",
                rs -> rs.getLong(1), target, resource.collection(), source).get(0);
    }

    /**
     * The next page, by natural key, of the records of one source the target holds now (not deleted or
     * exited), without their bodies ({@link #acceptedBodies} reads those of the few a snapshot lost).
     */
    public List<PresentRecord> present(String target, EdFiResource resource, String source, String afterKey,
                                       int limit) {
        return query("select natural_key, edfi_id, etag, source_file, source_line from record_state "
                        + "where target = ? and resource = ? and edfi_id is not null "
                        + "and last_status not in ('deleted', 'exited') and (source = ? or source is null) "
                        + "and natural_key > ? order by target, resource, natural_key fetch first " + limit + " rows only",
                rs -> new PresentRecord(rs.getString(1), rs.getString(2), rs.getString(3), null,
                        Lineage.of(rs.getString(4), rs.getLong(5))),
                target, resource.collection(), source, afterKey);
    }

    /** The bodies the target last accepted for the given keys of one resource, by natural key. */
    public Map<String, String> acceptedBodies(String target, EdFiResource resource, Collection<String> keys) {
        Map<String, String> out = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int i = 0; i < all.size(); i += IN_LIST) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + IN_LIST));
            Object[] args = new Object[chunk.size() + 2];
            args[0] = target;
            args[1] = resource.collection();
            for (int k = 0; k < chunk.size(); k++) {
                args[k + 2] = chunk.get(k);
            }
            query("select natural_key, payload from record_payload where target = ? and resource = ? "
                    + "and natural_key in (" + placeholders(chunk.size()) + ")", rs -> out.put(rs.getString(1),
                    rs.getString(2)), args);
        }
        return out;
    }

    /**
     * Each CREATE change of one resource in a run, natural key and seq, in seq order and read a page
     * at a time (a first sync plans one per record): candidates for a key change.
     */
    public void forEachPlannedCreate(String runId, EdFiResource resource, ObjLongConsumer<String> each) {
        forEachInPages("select natural_key, seq from planned_change where run_id = ? and resource = ? "
                        + "and action = 'CREATE' and seq > ? order by run_id, resource, seq",
                rs -> new PlannedCreate(rs.getString(1), rs.getLong(2)), PlannedCreate::seq, 0L,
                c -> each.accept(c.naturalKey(), c.seq()), runId, resource.collection());
    }

    private record PlannedCreate(String naturalKey, long seq) { }

    /**
     * Every record of one resource the store knows at the target, with the hash of the body the target
     * accepted (null after a failed send), a page at a time in key order: one read of a resource
     * instead of a lookup per planned record, answered from the {@code record_state_hash} index alone.
     */
    public void forEachPayloadHash(String target, EdFiResource resource, BiConsumer<String, String> each) {
        forEachInPages("select natural_key, payload_hash from record_state where target = ? and resource = ? "
                        + "and natural_key > ? order by target, resource, natural_key",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, r -> r[0], "",
                r -> each.accept(r[0], r[1]), target, resource.collection());
    }

    /**
     * Runs a query a page of {@value #PAGE} rows at a time, in key order, and hands each row on, so
     * memory holds one page however many rows match. {@code sql} takes {@code args} and then, last,
     * the key to start after ({@code start} for the first page); it orders by that key, which
     * {@code keyOf} reads off a row to start the next page.
     */
    public <T, K> void forEachInPages(String sql, Row<T> row, Function<T, K> keyOf, K start, Consumer<T> each,
                                      Object... args) {
        Object[] bound = java.util.Arrays.copyOf(args, args.length + 1);
        K after = start;
        while (true) {
            bound[args.length] = after;
            List<T> page = query(sql + " fetch first " + PAGE + " rows only", row, bound);
            page.forEach(each);
            if (page.size() < PAGE) {
                return;
            }
            after = keyOf.apply(page.get(page.size() - 1));
        }
    }

    /** Turns a planned CREATE into a PUT by id of the record that had the old key. */
    public void rekey(long seq, PresentRecord old) {
        update("update planned_change set action = 'REKEY', edfi_id = ?, etag = ?, previous_key = ? where seq = ?",
                old.edfiId(), old.etag(), old.naturalKey(), seq);
    }

    /** Holds a run's removing changes (deletes, exits) of one resource; returns how many. */
    public int hold(String runId, EdFiResource resource) {
        return update("update planned_change set outcome = 'held' where run_id = ? and resource = ? "
                + "and action in ('DELETE', 'EXIT') and outcome is null", runId, resource.collection());
    }

    /** Ends the changes of a plan-only run, which are never sent, as discarded. */
    public int endPlanned(String runId) {
        return update("update planned_change set outcome = 'discarded' where run_id = ? "
                + "and (outcome is null or outcome = 'held')", runId);
    }

    /** Ends a run's held changes as released or discarded; returns how many. */
    public int endHeld(String runId, Outcome end) {
        return update("update planned_change set outcome = ? where run_id = ? and outcome = 'held'", end.label(), runId);
    }

    /**
     * Copies changes of an earlier run into a new run's plan, as they were planned: the held ones to
     * approve them, the failed ones to retry them. Failed changes whose record a later run has since
     * delivered are not copied. Returns how many were copied.
     */
    public int copyChanges(String fromRunId, String toRunId, Outcome which, String target) {
        String stillFailing = which != Outcome.FAILED ? "" : " and exists (select 1 from record_state s where "
                + "s.target = ? and s.resource = p.resource and s.natural_key = p.natural_key and s.last_status = 'failed')";
        String bodies = "insert into planned_payload (run_id, resource, natural_key, payload) "
                + "select ?, p.resource, p.natural_key, b.payload from planned_change p join planned_payload b "
                + "on b.run_id = p.run_id and b.resource = p.resource and b.natural_key = p.natural_key "
                + "where p.run_id = ? and p.outcome = ?" + stillFailing;
        String changes = "insert into planned_change (run_id, resource, natural_key, action, payload_hash, "
                + "dependency_level, source_file, source_line, edfi_id, etag, previous_key) "
                + "select ?, resource, natural_key, action, payload_hash, dependency_level, source_file, "
                + "source_line, edfi_id, etag, previous_key from planned_change p where run_id = ? and outcome = ?"
                + stillFailing + " order by seq";
        Object[] args = which == Outcome.FAILED ? new Object[] {toRunId, fromRunId, which.label(), target}
                : new Object[] {toRunId, fromRunId, which.label()};
        outcomes.flush();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                exec(c, bodies, args);
                int n = exec(c, changes, args);
                c.commit();
                return n;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StateStoreException("cannot copy the changes of run " + fromRunId, e);
        }
    }

    /** How many changes of a run ended with the given outcome. */
    public long count(String runId, Outcome outcome) {
        return query("select count(*) from planned_change where run_id = ? and outcome = ?", rs -> rs.getLong(1),
                runId, outcome.label()).get(0);
    }

    /** The newest run of a district that has changes with the given outcome. */
    public Optional<String> latestRunWith(String district, Outcome outcome) {
        return query("select r.run_id from sync_run r where r.district = ? and exists (select 1 from planned_change p "
                        + "where p.run_id = r.run_id and p.outcome = ?) order by r.started_at desc fetch first 1 rows only",
                rs -> rs.getString(1), district, outcome.label()).stream().findFirst();
    }

    /** A run as the sync_run table has it. */
    public record RunRow(String runId, String district, String target, String source, String status,
                         Instant startedAt) { }

    public Optional<RunRow> run(String runId) {
        return query("select run_id, district, target, source, status, started_at from sync_run where run_id = ?",
                rs -> new RunRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()), runId).stream().findFirst();
    }

    /** The ETag the store holds for a record, read again after a 412. */
    public Optional<String> etag(String target, EdFiResource resource, String naturalKey) {
        return query("select etag from record_state where target = ? and resource = ? and natural_key = ?",
                rs -> rs.getString(1), target, resource.collection(), naturalKey).stream().findFirst();
    }

    // ---- lineage

    /** One touch of a record by a run, for {@code ./rollcall trace}. */
    public record Touch(String runId, String district, String source, Instant startedAt, String resource,
                        String naturalKey, String action, String outcome, Integer httpStatus, String message,
                        Lineage lineage, String edfiId) { }

    /**
     * Every planned change whose natural key contains {@code key} as a whole value (a source id or a
     * full natural key), oldest first, with the id the target holds now.
     */
    public List<Touch> trace(String key, int limit) {
        String like = key.contains("=") ? "%" + key + "%" : "%=" + key;
        String likeInner = key.contains("=") ? like : "%=" + key + "|%";
        return query("select p.run_id, r.district, r.source, r.started_at, p.resource, p.natural_key, p.action, "
                        + "p.outcome, p.http_status, p.message, p.source_file, p.source_line, "
                        + "(select s.edfi_id from record_state s where s.target = r.target and s.resource = p.resource "
                        + "and s.natural_key = p.natural_key) "
                        + "from planned_change p join sync_run r on r.run_id = p.run_id "
                        + "where p.natural_key like ? or p.natural_key like ? order by p.seq fetch first " + limit + " rows only",
                rs -> new Touch(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        (Integer) rs.getObject(9), rs.getString(10), Lineage.of(rs.getString(11), rs.getLong(12)),
                        rs.getString(13)), like, likeInner);
    }

    // ---- the plan

    /**
     * Adds changes to a run's plan. A key already planned in the run is not added again; the
     * returned map gives, for each such key, the hash that was planned first.
     */
    public Map<String, String> plan(List<PlannedChange> changes) {
        return plan(changes, true);
    }

    /**
     * As above; {@code keepBodies} false plans without storing the bodies: a plan-only run, which
     * counts and samples its changes but never sends them.
     */
    public Map<String, String> plan(List<PlannedChange> changes, boolean keepBodies) {
        Map<String, String> duplicates = new LinkedHashMap<>();
        if (changes.isEmpty()) {
            return duplicates;
        }
        outcomes.flush();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(PLAN_SQL);
                 PreparedStatement body = c.prepareStatement(BODY_SQL)) {
                for (PlannedChange ch : changes) {
                    bindPlan(ps, ch);
                    ps.addBatch();
                    if (keepBodies) {
                        bindBody(body, ch);
                        body.addBatch();
                    }
                }
                ps.executeBatch();
                if (keepBodies) {
                    body.executeBatch();
                }
                c.commit();
                return duplicates;
            } catch (SQLException batchFailed) {
                // A key planned twice in the run: undo the batch, add one by one, report the duplicates.
                c.rollback();
            }
            for (PlannedChange ch : changes) {
                Optional<String> planned = plannedHash(c, ch);
                if (planned.isPresent()) {
                    duplicates.put(ch.naturalKey(), planned.get());
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement(PLAN_SQL);
                     PreparedStatement body = c.prepareStatement(BODY_SQL)) {
                    bindPlan(ps, ch);
                    ps.executeUpdate();
                    if (keepBodies) {
                        bindBody(body, ch);
                        body.executeUpdate();
                    }
                }
                c.commit();
            }
            return duplicates;
        } catch (SQLException e) {
            throw new StateStoreException("cannot store the plan", e);
        }
    }

    private static final String PLAN_SQL = "insert into planned_change (run_id, resource, natural_key, action, "
            + "payload_hash, dependency_level, source_file, source_line, edfi_id, etag, previous_key) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String BODY_SQL = "insert into planned_payload (run_id, resource, natural_key, payload) "
            + "values (?, ?, ?, ?)";

    /** Takes a key out of a run's plan (a later copy planned before the run knew of the first); returns its action. */
    public Optional<PlannedChange.Action> unplan(String runId, EdFiResource resource, String naturalKey) {
        Optional<PlannedChange.Action> action = query("select action from planned_change where run_id = ? "
                        + "and resource = ? and natural_key = ?", rs -> PlannedChange.Action.valueOf(rs.getString(1)),
                runId, resource.collection(), naturalKey).stream().findFirst();
        update("delete from planned_change where run_id = ? and resource = ? and natural_key = ?",
                runId, resource.collection(), naturalKey);
        update("delete from planned_payload where run_id = ? and resource = ? and natural_key = ?",
                runId, resource.collection(), naturalKey);
        return action;
    }

    /** The hash planned for a key in a run, if the key is in the run's plan. */
    public Optional<String> plannedHash(String runId, EdFiResource resource, String naturalKey) {
        return query("select payload_hash from planned_change where run_id = ? and resource = ? and natural_key = ?",
                rs -> rs.getString(1), runId, resource.collection(), naturalKey).stream().findFirst();
    }

    /** The next page of a run's changes at one dependency level that have no outcome yet. */
    public List<PlannedChange> pending(String runId, EdFiResource resource, long afterSeq, int limit) {
        return pending(runId, resource, afterSeq, limit, null);
    }

    /**
     * The same, only deletes ({@code deletes} true) or everything but deletes (false): deletes go in
     * reverse dependency order, after everything else.
     */
    public List<PlannedChange> pending(String runId, EdFiResource resource, long afterSeq, int limit, Boolean deletes) {
        String which = deletes == null ? "" : deletes ? "and action = 'DELETE' " : "and action <> 'DELETE' ";
        String sql = "select p.seq, p.natural_key, p.action, b.payload, p.payload_hash, p.source_file, p.source_line, "
                + "p.edfi_id, p.etag, p.previous_key, p.attempts from planned_change p left join planned_payload b "
                + "on b.run_id = p.run_id and b.resource = p.resource and b.natural_key = p.natural_key "
                + "where p.run_id = ? and p.resource = ? and p.outcome is null "
                // ordered by the whole index (run_id, resource, seq), so H2 reads it in order instead of sorting
                + which.replace("action", "p.action") + "and p.seq > ? order by p.run_id, p.resource, p.seq fetch first "
                + limit + " rows only";
        return query(sql, rs -> new PlannedChange(rs.getLong(1), runId, resource, rs.getString(2),
                PlannedChange.Action.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                Lineage.of(rs.getString(6), rs.getLong(7)), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getInt(11)), runId, resource.collection(), afterSeq);
    }

    /** Outcome counts of a run's plan per resource; records without an outcome count under null. */
    public Map<EdFiResource, Map<String, Long>> outcomeCounts(String runId) {
        Map<EdFiResource, Map<String, Long>> out = new EnumMap<>(EdFiResource.class);
        query("select resource, outcome, count(*) from planned_change where run_id = ? group by resource, outcome",
                rs -> {
                    out.computeIfAbsent(EdFiResource.ofCollection(rs.getString(1)), r -> new HashMap<>())
                            .put(rs.getString(2), rs.getLong(3));
                    return null;
                }, runId);
        return out;
    }

    /** Failed records of a run: resource, status, message, file, line. */
    public List<FailedRecord> failures(String runId) {
        return query("select resource, http_status, message, source_file, source_line, natural_key from planned_change "
                        + "where run_id = ? and outcome in ('failed', 'invalid') order by seq",
                rs -> new FailedRecord(EdFiResource.ofCollection(rs.getString(1)), rs.getInt(2), rs.getString(3),
                        Lineage.of(rs.getString(4), rs.getLong(5)), rs.getString(6)), runId);
    }

    /** A record that ended failed, as the report lists it. */
    public record FailedRecord(EdFiResource resource, int httpStatus, String message, Lineage lineage,
                               String naturalKey) { }

    /** Writes the outcomes still queued; every read does this itself. */
    public void flush() {
        outcomes.flush();
    }

    @Override
    public void close() {
        outcomes.flush();
        dataSource.close();
    }

    // ---- plumbing

    private Optional<String> plannedHash(Connection c, PlannedChange ch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select payload_hash from planned_change where run_id = ? and resource = ? and natural_key = ?")) {
            ps.setString(1, ch.runId());
            ps.setString(2, ch.resource().collection());
            ps.setString(3, ch.naturalKey());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static void bindPlan(PreparedStatement ps, PlannedChange ch) throws SQLException {
        ps.setString(1, ch.runId());
        ps.setString(2, ch.resource().collection());
        ps.setString(3, ch.naturalKey());
        ps.setString(4, ch.action().name());
        ps.setString(5, ch.payloadHash());
        ps.setInt(6, ch.resource().level());
        ps.setString(7, truncate(ch.lineage().source(), 1000));
        ps.setLong(8, ch.lineage().line());
        ps.setString(9, ch.edfiId());
        ps.setString(10, ch.etag());
        ps.setString(11, ch.previousKey());
    }

    private static void bindBody(PreparedStatement ps, PlannedChange ch) throws SQLException {
        ps.setString(1, ch.runId());
        ps.setString(2, ch.resource().collection());
        ps.setString(3, ch.naturalKey());
        ps.setString(4, ch.payload());
    }

    /** Maps one result row; a null result is left out. */
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Runs a query on the store (other stores in the same database, such as the student registry, use it too). */
    public <T> List<T> query(String sql, Row<T> row, Object... args) {
        outcomes.flush();
        return queryNow(sql, row, args);
    }

    /** A query that does not wait for queued outcomes (it reads nothing they change). */
    private <T> List<T> queryNow(String sql, Row<T> row, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    T t = row.map(rs);
                    if (t != null) {
                        out.add(t);
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StateStoreException("state store query failed", e);
        }
    }

    /** Runs an update on the store; returns the row count. */
    public int update(String sql, Object... args) {
        outcomes.flush();
        try (Connection c = dataSource.getConnection()) {
            return exec(c, sql, args);
        } catch (SQLException e) {
            throw new StateStoreException("state store update failed", e);
        }
    }

    private static int exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
