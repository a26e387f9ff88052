package org.rollcall.sandbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a sandbox's store in an H2 file database, {@code <storeDir>/ods.mv.db}: every item (with its id, ETag
 * and references), the request counts and whether the defaults were seeded.
 *
 * <p>Changes are written behind: {@link #save} and {@link #delete} queue the change and a writer thread
 * commits the queue in order, many changes per transaction, so the store's write lock is never held across a
 * database write. A change reaches the file within milliseconds (H2 itself buffers commits for up to half a
 * second); {@link #close} writes whatever is still queued.
 */
final class H2StorePersistence implements StorePersistence {

    private static final Logger LOG = LoggerFactory.getLogger(H2StorePersistence.class);
    private static final String REFERENCE_SEPARATOR = "\n";
    private static final int MAX_BATCH = 1_000;
    /** A queued change: a save or a delete. */
    private record Change(StoredItem item, boolean delete) {
    }

    private static final Change STOP = new Change(null, false);

    /** Guards the connection: the writer thread, start-up and the counts flusher all use it. */
    private final Object jdbc = new Object();
    private final BlockingQueue<Change> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final Path folder;
    private final StoreFolderLock folderLock;
    private final Connection connection;
    private final PreparedStatement merge;
    private final PreparedStatement delete;

    private H2StorePersistence(Path folder, StoreFolderLock folderLock, Connection connection) throws SQLException {
        this.folder = folder;
        this.folderLock = folderLock;
        this.connection = connection;
        try (Statement s = connection.createStatement()) {
            // keyed by seq, which an item keeps for life: a BIGINT key is far cheaper for H2 than the 32-char id
            s.execute("CREATE TABLE IF NOT EXISTS sandbox_item (seq BIGINT PRIMARY KEY, id VARCHAR(32) NOT NULL,"
                    + " resource VARCHAR NOT NULL, natural_key VARCHAR NOT NULL, body VARCHAR NOT NULL,"
                    + " etag VARCHAR(40) NOT NULL, last_modified VARCHAR(40) NOT NULL, refs VARCHAR NOT NULL,"
                    + " seeded BOOLEAN NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS sandbox_request_count (method VARCHAR(16) NOT NULL,"
                    + " resource VARCHAR NOT NULL, status INT NOT NULL, n BIGINT NOT NULL,"
                    + " PRIMARY KEY (method, resource, status))");
            s.execute("CREATE TABLE IF NOT EXISTS sandbox_meta (k VARCHAR(100) PRIMARY KEY, v VARCHAR NOT NULL)");
        }
        this.merge = connection.prepareStatement("MERGE INTO sandbox_item (id, resource, natural_key, seq, body,"
                + " etag, last_modified, refs, seeded) KEY (seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.delete = connection.prepareStatement("DELETE FROM sandbox_item WHERE seq = ?");
        this.writer = new Thread(this::writeQueued, "edfi-sandbox-store-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Opens (or creates) the store in a folder, claiming the folder first. */
    static H2StorePersistence open(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        StoreFolderLock lock = StoreFolderLock.acquire(dir);
        try {
            Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("ods") + ";DB_CLOSE_ON_EXIT=FALSE",
                    "sa", "");
            return new H2StorePersistence(dir, lock, c);
        } catch (SQLException e) {
            lock.close();
            throw new IllegalStateException("cannot open the Ed-Fi sandbox store in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredItem> loadItems() {
        synchronized (jdbc) {
            return readItems();
        }
    }

    private List<StoredItem> readItems() {
        List<StoredItem> items = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, resource, natural_key, seq, body, etag, last_modified, refs,"
                     + " seeded FROM sandbox_item ORDER BY seq")) {
            while (rs.next()) {
                String refs = rs.getString(8);
                items.add(new StoredItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), Instant.parse(rs.getString(7)),
                        refs.isEmpty() ? List.of() : Arrays.asList(refs.split(REFERENCE_SEPARATOR)),
                        rs.getBoolean(9)));
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
        return items;
    }

    @Override
    public void save(StoredItem item) {
        queue.add(new Change(item, false));
    }

    @Override
    public void delete(StoredItem item) {
        queue.add(new Change(item, true));
    }

    /** Seeding, before the server starts: written at once, in one transaction. */
    @Override
    public void saveAll(Collection<StoredItem> items) {
        synchronized (jdbc) {
            try {
                connection.setAutoCommit(false);
                for (StoredItem item : items) {
                    bind(item);
                    merge.addBatch();
                }
                merge.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                throw failure("write", e);
            } finally {
                autoCommit();
            }
        }
    }

    /** The writer thread: takes queued changes in order and commits them in batches until {@link #STOP}. */
    private void writeQueued() {
        List<Change> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, MAX_BATCH);
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i) == STOP) { // identity: record equality would compare whole items
                    stopping = true;
                    batch.subList(i, batch.size()).clear();
                    break;
                }
            }
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Change> batch) {
        if (batch.isEmpty()) {
            return;
        }
        synchronized (jdbc) {
            try {
                connection.setAutoCommit(false);
                boolean pending = false;
                for (Change change : batch) {
                    if (change.delete()) {
                        if (pending) {
                            merge.executeBatch(); // saves before this delete go first
                            pending = false;
                        }
                        delete.setLong(1, change.item().seq());
                        delete.executeUpdate();
                    } else {
                        bind(change.item());
                        merge.addBatch();
                        pending = true;
                    }
                }
                if (pending) {
                    merge.executeBatch();
                }
                connection.commit();
            } catch (SQLException e) {
                LOG.error("Ed-Fi sandbox store {}: {} changes could not be written: {}", folder, batch.size(),
                        e.getMessage());
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // already reported
                }
            } finally {
                autoCommit();
            }
        }
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a failure to write was reported already
        }
    }

    private void bind(StoredItem item) throws SQLException {
        merge.setString(1, item.id());
        merge.setString(2, item.resource());
        merge.setString(3, item.naturalKey());
        merge.setLong(4, item.seq());
        merge.setString(5, item.body());
        merge.setString(6, item.etag());
        merge.setString(7, item.lastModified().toString());
        merge.setString(8, String.join(REFERENCE_SEPARATOR, item.references()));
        merge.setBoolean(9, item.seeded());
    }

    @Override
    public Map<String, Long> loadCounts() {
        synchronized (jdbc) {
            return readCounts();
        }
    }

    private Map<String, Long> readCounts() {
        Map<String, Long> counts = new HashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT method, resource, status, n FROM sandbox_request_count")) {
            while (rs.next()) {
                counts.put(RequestCounts.key(rs.getString(1), rs.getString(2), rs.getInt(3)), rs.getLong(4));
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
        return counts;
    }

    @Override
    public void saveCounts(Map<String, Long> counts) {
        synchronized (jdbc) {
            writeCounts(counts);
        }
    }

    private void writeCounts(Map<String, Long> counts) {
        try (PreparedStatement ps = connection.prepareStatement(
                "MERGE INTO sandbox_request_count (method, resource, status, n) KEY (method, resource, status)"
                        + " VALUES (?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                String[] parts = e.getKey().split(" ", 3);
                ps.setString(1, parts[0]);
                ps.setString(2, parts[1]);
                ps.setInt(3, Integer.parseInt(parts[2]));
                ps.setLong(4, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            throw failure("write", e);
        } finally {
            autoCommit();
        }
    }

    @Override
    public boolean seeded() {
        synchronized (jdbc) {
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT v FROM sandbox_meta WHERE k = 'seeded'")) {
                return rs.next();
            } catch (SQLException e) {
                throw failure("read", e);
            }
        }
    }

    @Override
    public void markSeeded() {
        synchronized (jdbc) {
            try (Statement s = connection.createStatement()) {
                s.execute("MERGE INTO sandbox_meta (k, v) KEY (k) VALUES ('seeded', 'DS 5.2 descriptors, school years')");
            } catch (SQLException e) {
                throw failure("write", e);
            }
        }
    }

    @Override
    public String describe() {
        return folder.toString();
    }

    /** Writes what is still queued, then closes the database and releases the folder. */
    @Override
    public void close() {
        queue.add(STOP);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (jdbc) {
            try (Statement s = connection.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw failure("close", e);
            } finally {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // SHUTDOWN already closed it
                }
                folderLock.close();
            }
        }
    }

    private IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("cannot " + what + " the Ed-Fi sandbox store in " + folder + ": "
                + e.getMessage(), e);
    }
}
