package org.rollcall.calpads;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rollcall.sync.StateStore;
import org.rollcall.sync.StateStoreException;

/**
 * The CALPADS imports in the state store (migration V6): one row per import, Test or Update, which is
 * how an Update finds the Test of the same file; and the scratch keys of the import in progress
 * (the local numbers and SSIDs its earlier lines named), kept in the database rather than in memory
 * so a file of any length is checked for repeats in flat memory.
 */
final class ImportLog {

    private static final int IN_LIST = 500;
    static final String LOCAL = "local";
    static final String SSID = "ssid";
    static final String REQUEST = "request";

    /** A key an import's line named. */
    record Key(String kind, String value, String localNumber, long line) { }

    /** What an import found, as its row records it. */
    record Counts(long records, long imported, long errors, long warnings) { }

    private final StateStore store;

    ImportLog(StateStore store) {
        this.store = store;
    }

    void open(String importId, String district, String fileName, String hash, ImportType type, ImportMode mode) {
        store.update("insert into calpads_import (import_id, district, file_name, content_hash, import_type, mode, "
                        + "status, started_at) values (?, ?, ?, ?, ?, ?, 'running', ?)", importId, district,
                truncate(fileName, 1000), hash, type.key(), mode.key(), Timestamp.from(Instant.now()));
    }

    void finish(String importId, String status, Counts counts, String runId) {
        store.update("update calpads_import set status = ?, finished_at = ?, record_count = ?, import_count = ?, "
                        + "error_count = ?, warning_count = ?, run_id = ? where import_id = ?", status,
                Timestamp.from(Instant.now()), counts.records(), counts.imported(), counts.errors(), counts.warnings(),
                runId, importId);
    }

    /** Whether a Test of a file with this content and type finished for the district. */
    boolean tested(String district, String hash, ImportType type) {
        return !store.query("select import_id from calpads_import where district = ? and content_hash = ? "
                        + "and import_type = ? and mode = 'test' and status = 'finished'", rs -> rs.getString(1),
                district, hash, type.key()).isEmpty();
    }

    /** Of these keys, the ones earlier lines of the import named: value to (local number, line). */
    Map<String, SsidRules.Claim> named(String importId, String kind, Collection<String> values) {
        Map<String, SsidRules.Claim> out = new HashMap<>();
        String prefix = importId + "|" + kind + "|";
        List<String> all = values.stream().distinct().map(v -> prefix + v).toList();
        for (int i = 0; i < all.size(); i += IN_LIST) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + IN_LIST));
            store.query("select key_id, local_number, line from calpads_import_key where key_id in ("
                            + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                    rs -> out.put(rs.getString(1).substring(prefix.length()),
                            new SsidRules.Claim(rs.getString(2), rs.getLong(3))), chunk.toArray());
        }
        return out;
    }

    void add(String importId, List<Key> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("insert into calpads_import_key (key_id, import_id, "
                     + "local_number, line) values (?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (Key k : keys) {
                ps.setString(1, importId + "|" + k.kind() + "|" + k.value());
                ps.setString(2, importId);
                ps.setString(3, k.localNumber());
                ps.setLong(4, k.line());
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException e) {
            throw new StateStoreException("cannot record the keys of a CALPADS import", e);
        }
    }

    void clear(String importId) {
        store.update("delete from calpads_import_key where import_id = ?", importId);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
