package org.rollcall.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.rollcall.model.Lineage;

/**
 * Writes the targets' answers to the state store a batch at a time: the delivery threads queue each
 * record's outcome, and a full queue, or any read of the store ({@link StateStore} flushes first), writes
 * them in one transaction. One transaction per record cost more than the HTTP call it recorded.
 *
 * <p>What a crash loses is at most one queue of outcomes, never a record: those records keep no
 * outcome and their old hash, so the run that resumes sends them again, and Ed-Fi's upsert by natural
 * key (a DELETE of a record already gone counts as deleted) makes the second send harmless.
 */
final class OutcomeWriter {

    /** Outcomes written per transaction. */
    static final int BATCH = 256;

    /** One answer of the target, as recorded. */
    record Recorded(String target, PlannedChange change, Outcome outcome, int httpStatus, String message,
                    String edfiId, String etag, String response, String source, Timestamp at) {

        boolean accepted() {
            return outcome == Outcome.CREATED || outcome == Outcome.UPDATED || outcome == Outcome.EXITED;
        }
    }

    private final DataSource dataSource;
    private final List<Recorded> queue = new ArrayList<>();
    /** Held while a batch is written, so a reader that flushes never passes a batch still being written. */
    private final Object writing = new Object();

    OutcomeWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void add(Recorded outcome) {
        boolean full;
        synchronized (queue) {
            queue.add(outcome);
            full = queue.size() >= BATCH;
        }
        if (full) {
            flush();
        }
    }

    /** Writes every queued outcome; returns once they are committed. */
    void flush() {
        synchronized (writing) {
            List<Recorded> batch;
            synchronized (queue) {
                if (queue.isEmpty()) {
                    return;
                }
                batch = new ArrayList<>(queue);
                queue.clear();
            }
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    write(c, batch);
                    c.commit();
                } catch (SQLException batchFailed) {
                    // e.g. two runs answering for the same new record at once: one by one, each on its own
                    c.rollback();
                    for (Recorded r : batch) {
                        write(c, List.of(r));
                        c.commit();
                    }
                }
            } catch (SQLException e) {
                throw new StateStoreException("cannot record the outcomes of " + batch.size() + " records", e);
            }
        }
    }

    /**
     * Created, updated and exited records keep their id, ETag, body and hash; a deleted one loses its
     * id (a later POST creates it again); a failed one loses its hash so the next run sends it again.
     * A key change moves the state row to the new key.
     */
    private static void write(Connection c, List<Recorded> batch) throws SQLException {
        Batch<Recorded> planned = new Batch<>("update planned_change set outcome = ?, http_status = ?, message = ?, "
                + "response = ? where seq = ?", r -> new Object[] {r.outcome().label(), r.httpStatus(),
                truncate(r.message()), truncate(r.response()), r.change().seq()});
        Batch<Recorded> oldKeys = new Batch<>("delete from record_state where target = ? and resource = ? "
                + "and natural_key = ?", r -> key(r, r.change().previousKey()));
        Batch<Recorded> oldBodies = new Batch<>("delete from record_payload where target = ? and resource = ? "
                + "and natural_key = ?", r -> key(r, r.change().previousKey()));
        Batch<Recorded> accepted = new Batch<>("update record_state set edfi_id = coalesce(?, edfi_id), etag = ?, "
                + "payload_hash = ?, last_status = ?, last_seen_run = ?, last_sent_run = ?, source_file = ?, "
                + "source_line = ?, source = ?, updated_at = ? where target = ? and resource = ? and natural_key = ?",
                r -> new Object[] {r.edfiId(), r.etag(), r.change().payloadHash(), r.outcome().label(),
                        r.change().runId(), r.change().runId(), lineage(r).source(), lineage(r).line(), r.source(),
                        r.at(), r.target(), r.change().resource().collection(), r.change().naturalKey()});
        Batch<Recorded> deleted = new Batch<>("update record_state set edfi_id = null, etag = null, "
                + "payload_hash = null, last_status = ?, last_sent_run = ?, updated_at = ? "
                + "where target = ? and resource = ? and natural_key = ?",
                r -> new Object[] {r.outcome().label(), r.change().runId(), r.at(), r.target(),
                        r.change().resource().collection(), r.change().naturalKey()});
        Batch<Recorded> failed = new Batch<>("update record_state set payload_hash = null, last_status = ?, "
                + "last_seen_run = ?, last_sent_run = ?, source_file = ?, source_line = ?, updated_at = ? "
                + "where target = ? and resource = ? and natural_key = ?",
                r -> new Object[] {r.outcome().label(), r.change().runId(), r.change().runId(), lineage(r).source(),
                        lineage(r).line(), r.at(), r.target(), r.change().resource().collection(),
                        r.change().naturalKey()});
        Batch<Recorded> newStates = new Batch<>("insert into record_state (target, resource, natural_key, edfi_id, "
                + "etag, payload_hash, last_status, last_seen_run, last_sent_run, source_file, source_line, source, "
                + "updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r -> new Object[] {r.target(), r.change().resource().collection(), r.change().naturalKey(),
                        r.edfiId(), r.etag(), r.accepted() ? r.change().payloadHash() : null, r.outcome().label(),
                        r.change().runId(), r.change().runId(), lineage(r).source(), lineage(r).line(), r.source(),
                        r.at()});
        Batch<Recorded> bodies = new Batch<>("update record_payload set payload = ? where target = ? "
                + "and resource = ? and natural_key = ?", r -> new Object[] {r.change().payload(), r.target(),
                r.change().resource().collection(), r.change().naturalKey()});
        Batch<Recorded> newBodies = new Batch<>("insert into record_payload (target, resource, natural_key, payload) "
                + "values (?, ?, ?, ?)", r -> new Object[] {r.target(), r.change().resource().collection(),
                r.change().naturalKey(), r.change().payload()});
        Batch<Recorded> goneBodies = new Batch<>("delete from record_payload where target = ? and resource = ? "
                + "and natural_key = ?", r -> key(r, r.change().naturalKey()));

        for (Recorded r : batch) {
            planned.add(r);
            if (r.accepted()) {
                if (r.change().previousKey() != null) {
                    oldKeys.add(r);
                    oldBodies.add(r);
                }
                accepted.add(r);
                bodies.add(r);
            } else if (r.outcome() == Outcome.DELETED) {
                deleted.add(r);
                goneBodies.add(r);
            } else {
                failed.add(r);
            }
        }
        planned.run(c);
        oldKeys.run(c);
        oldBodies.run(c);
        accepted.run(c).forEach(newStates::add);
        deleted.run(c);
        failed.run(c).forEach(newStates::add);
        newStates.run(c);
        bodies.run(c).forEach(newBodies::add);
        newBodies.run(c);
        goneBodies.run(c);
    }

    private static Object[] key(Recorded r, String naturalKey) {
        return new Object[] {r.target(), r.change().resource().collection(), naturalKey};
    }

    private static Lineage lineage(Recorded r) {
        return r.change().lineage();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 4000);
    }

    /** One statement run for many rows; {@link #run} returns the rows it changed nothing for. */
    private static final class Batch<T> {
        private final String sql;
        private final Function<T, Object[]> args;
        private final List<T> rows = new ArrayList<>();

        Batch(String sql, Function<T, Object[]> args) {
            this.sql = sql;
            this.args = args;
        }

        void add(T row) {
            rows.add(row);
        }

        List<T> run(Connection c) throws SQLException {
            List<T> untouched = new ArrayList<>();
            if (rows.isEmpty()) {
                return untouched;
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (T row : rows) {
                    Object[] a = args.apply(row);
                    for (int i = 0; i < a.length; i++) {
                        if (a[i] == null) {
                            ps.setNull(i + 1, Types.VARCHAR);
                        } else {
                            ps.setObject(i + 1, a[i]);
                        }
                    }
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 0) {
                        untouched.add(rows.get(i));
                    } else if (counts[i] == Statement.SUCCESS_NO_INFO) {
                        throw new SQLException("the driver did not say which rows the batch changed");
                    }
                }
            }
            return untouched;
        }
    }
}
