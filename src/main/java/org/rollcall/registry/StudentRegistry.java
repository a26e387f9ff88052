package org.rollcall.registry;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rollcall.model.PersonName;
import org.rollcall.sync.StateStore;
import org.rollcall.sync.StateStoreException;

/**
 * Rollcall's student registry: the students the SIS sources have brought in, per district and Local
 * Student Number, with the overlays CALPADS imports add. It lives in the state store's database
 * (migration V6) and is read and written in batches: lookups take IN lists of at most
 * {@value #IN_LIST} keys, writes are JDBC batches.
 */
public final class StudentRegistry {

    static final int IN_LIST = 500;

    /** Everything but the whole student, which only an Update's re-mapping and SIS runs need. */
    private static final String LEAN = "r.district, r.local_number, r.source, r.source_id, r.unique_id, r.first_name, "
            + "r.middle_name, r.last_name, r.birth_date, r.gender, r.legal_gender, r.sis_state_id, r.home_language, "
            + "r.home_language_uri, r.student_hash, r.ambiguous, r.last_seen_run, " + Overlays.COLUMNS;
    private static final String FULL = LEAN + ", r.student_json";
    private static final String FROM = " from student_registry r left join student_overlay o "
            + "on o.district = r.district and o.local_number = r.local_number ";

    private final StateStore store;

    public StudentRegistry(StateStore store) {
        this.store = store;
    }

    /** A birth date and a last name's Soundex: the block a "did you mean" search looks in. */
    public record Block(LocalDate birthDate, String soundex) {

        public static Block of(LocalDate birthDate, String lastName) {
            String s = Names.soundex(lastName);
            return birthDate == null || s == null ? null : new Block(birthDate, s);
        }

        /** The registry's block_key: {@code 20120501R163}. */
        String key() {
            return birthDate.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + soundex;
        }
    }

    /** What a SIS run writes for one student: the registry row without its overlays. */
    record Write(RegistryEntry entry, boolean insert) { }

    // ---- lookups

    public Optional<RegistryEntry> find(String district, String localNumber) {
        return store.query("select " + FULL + FROM + "where r.district = ? and r.local_number = ?",
                StudentRegistry::entry, district, localNumber).stream().findFirst();
    }

    /** One registry row as a SIS run compares it ({@link KnownStudents}). */
    interface Fingerprint {
        void accept(String localNumber, String studentHash, String homeLanguageUri, boolean ambiguous);
    }

    /**
     * Every registry student of the district, a page at a time by local number, with what a SIS run
     * compares (answered from the {@code student_registry_fingerprint} index alone).
     */
    void forEachFingerprint(String district, Fingerprint each) {
        store.forEachInPages("select local_number, student_hash, home_language_uri, ambiguous from student_registry "
                        + "where district = ? and local_number > ? order by district, local_number",
                rs -> new FingerprintRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
                FingerprintRow::localNumber,
                "", r -> each.accept(r.localNumber(), r.studentHash(), r.homeLanguageUri(), r.ambiguous()), district);
    }

    private record FingerprintRow(String localNumber, String studentHash, String homeLanguageUri, boolean ambiguous) { }

    /** The local numbers of the district's students that CALPADS imports laid something over, a page at a time. */
    void forEachOverlaid(String district, java.util.function.Consumer<String> each) {
        store.forEachInPages("select local_number from student_overlay where district = ? and local_number > ? "
                + "order by district, local_number", rs -> rs.getString(1), n -> n, "", each, district);
    }

    /** The registry students with these local numbers, by local number. */
    public Map<String, RegistryEntry> byLocalNumbers(String district, Collection<String> localNumbers) {
        Map<String, RegistryEntry> out = new HashMap<>();
        for (RegistryEntry e : in(FULL + FROM, "r.local_number", localNumbers, district)) {
            out.put(e.localNumber(), e);
        }
        return out;
    }

    /** The registry students whose current state id is one of these, by state id (more than one is possible). */
    public Map<String, List<RegistryEntry>> byStateIds(String district, Collection<String> stateIds) {
        Map<String, List<RegistryEntry>> out = new HashMap<>();
        List<RegistryEntry> found = new ArrayList<>(in(LEAN + FROM, "r.sis_state_id", stateIds, district));
        // an imported SSID counts only where the SIS has no state id
        in(LEAN + " from student_overlay o join student_registry r on r.district = o.district "
                + "and r.local_number = o.local_number ", "o.ssid", stateIds, district).stream()
                .filter(e -> e.sisStateId() == null).forEach(found::add);
        for (RegistryEntry e : found) {
            out.computeIfAbsent(e.currentStateId(), k -> new ArrayList<>()).add(e);
        }
        return out;
    }

    /** The registry students in these blocks (same birth date, last names that sound alike). */
    public List<RegistryEntry> inBlocks(String district, Collection<Block> blocks) {
        return in(LEAN + FROM, "r.block_key", blocks.stream().filter(b -> b != null).map(Block::key).toList(), district);
    }

    /** Rows whose {@code column} is one of {@code values}, in the district: IN lists on a one-column index. */
    private List<RegistryEntry> in(String select, String column, Collection<String> values, String district) {
        List<RegistryEntry> out = new ArrayList<>();
        for (List<String> chunk : chunks(values)) {
            store.query("select " + select + "where " + column + " in ("
                    + placeholders(chunk.size()) + ")", rs -> {
                        RegistryEntry e = entry(rs);
                        if (district.equals(e.district())) {
                            out.add(e);
                        }
                        return null;
                    }, chunk.toArray());
        }
        return out;
    }

    /** A student's local number and overlay. */
    public record LepRecord(String localNumber, Overlay overlay) { }

    /** Whether an import has put any of the district's students in the English learner program ({@link Overlays}). */
    public boolean hasEnglishLearners(String district) {
        return !store.query("select 1 from student_overlay where district = ? and lep_status = ? "
                        + "and lep_identified_date is not null fetch first 1 rows only", rs -> 1, district,
                Overlays.ENGLISH_LEARNER).isEmpty();
    }

    /** Students with an LEP record, by local number after {@code after}: a page of at most {@code limit}. */
    public List<LepRecord> withLepRecord(String district, String after, int limit) {
        return store.query("select o.local_number, " + Overlays.COLUMNS + " from student_overlay o "
                        + "where o.district = ? and o.local_number > ? and (o.lep_status is not null "
                        + "or o.lep_identified_date is not null or o.lep_tbd_date is not null) "
                        + "order by o.district, o.local_number fetch first " + limit + " rows only",
                rs -> new LepRecord(rs.getString(1), overlay(rs, 2)), district, after);
    }

    public long count(String district) {
        return store.query("select count(*) from student_registry where district = ?", rs -> rs.getLong(1), district)
                .get(0);
    }

    // ---- writes

    /** The SIS's side of these students: inserts new rows and updates changed ones; overlays are left alone. */
    void write(List<Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        String insert = "insert into student_registry (district, local_number, source, source_id, unique_id, "
                + "first_name, middle_name, last_name, birth_date, gender, legal_gender, block_key, sis_state_id, "
                + "home_language, home_language_uri, student_json, student_hash, ambiguous, last_seen_run, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        String update = "update student_registry set source = ?, source_id = ?, unique_id = ?, first_name = ?, "
                + "middle_name = ?, last_name = ?, birth_date = ?, gender = ?, legal_gender = ?, block_key = ?, "
                + "sis_state_id = ?, home_language = ?, home_language_uri = ?, student_json = ?, student_hash = ?, "
                + "ambiguous = ?, last_seen_run = ?, updated_at = ? where district = ? and local_number = ?";
        Timestamp now = Timestamp.from(Instant.now());
        inTransaction("cannot write students to the registry", c -> {
            try (PreparedStatement ins = c.prepareStatement(insert); PreparedStatement upd = c.prepareStatement(update)) {
                for (Write w : writes) {
                    RegistryEntry e = w.entry();
                    PersonName n = e.legalName() == null ? PersonName.of(null, null, null) : e.legalName();
                    Block block = Block.of(e.birthDate(), n.last());
                    Object[] sis = {e.source(), e.sourceId(), e.uniqueId(), n.first(), n.middle(), n.last(),
                            e.birthDate(), e.gender(), e.legalGender(), block == null ? null : block.key(),
                            e.sisStateId(), e.homeLanguage(), e.homeLanguageUri(), e.studentJson(), e.studentHash(),
                            e.ambiguous(), e.lastSeenRun(), now};
                    if (w.insert()) {
                        bind(ins, 1, e.district(), e.localNumber());
                        bind(ins, 3, sis);
                        ins.addBatch();
                    } else {
                        bind(upd, 1, sis);
                        bind(upd, sis.length + 1, e.district(), e.localNumber());
                        upd.addBatch();
                    }
                }
                ins.executeBatch();
                upd.executeBatch();
            }
        });
    }

    /** Writes CALPADS overlays, by local number; the SIS's side of the students is left alone. */
    public void writeOverlays(String district, Map<String, Overlay> overlays) {
        if (overlays.isEmpty()) {
            return;
        }
        String update = "update student_overlay set ssid = ?, ela_status = ?, lep_status = ?, lep_identified_date = ?, "
                + "lep_tbd_date = ?, lep_uri = ?, primary_language = ?, primary_language_uri = ?, overlay_import = ?, "
                + "updated_at = ? where district = ? and local_number = ?";
        String insert = "insert into student_overlay (ssid, ela_status, lep_status, lep_identified_date, lep_tbd_date, "
                + "lep_uri, primary_language, primary_language_uri, overlay_import, updated_at, district, local_number) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        Timestamp now = Timestamp.from(Instant.now());
        List<Map.Entry<String, Overlay>> rows = new ArrayList<>(overlays.entrySet());
        inTransaction("cannot write CALPADS overlays to the registry", c -> {
            int[] updated;
            try (PreparedStatement ps = c.prepareStatement(update)) {
                for (Map.Entry<String, Overlay> e : rows) {
                    bindOverlay(ps, e.getValue(), now, district, e.getKey());
                    ps.addBatch();
                }
                updated = ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                boolean any = false;
                for (int i = 0; i < rows.size(); i++) {
                    if (updated[i] == 0) {
                        bindOverlay(ps, rows.get(i).getValue(), now, district, rows.get(i).getKey());
                        ps.addBatch();
                        any = true;
                    }
                }
                if (any) {
                    ps.executeBatch();
                }
            }
        });
    }

    private static void bindOverlay(PreparedStatement ps, Overlay o, Timestamp now, String district, String local)
            throws SQLException {
        bind(ps, 1, o.ssid(), o.elaStatus(), o.lepStatus(), o.identifiedDate(), o.tbdDate(), o.lepUri(),
                o.primaryLanguage(), o.primaryLanguageUri(), o.importId(), now, district, local);
    }

    // ---- plumbing

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed whole, or rolled back and reported as {@code failure}. */
    private void inTransaction(String failure, Work work) {
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StateStoreException(failure, e);
        }
    }

    /** A row of {@link #LEAN} or {@link #FULL} columns; without the whole student, {@code studentJson} is null. */
    static RegistryEntry entry(ResultSet rs) throws SQLException {
        String json = rs.getMetaData().getColumnCount() > 26 ? rs.getString(27) : null;
        return new RegistryEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                PersonName.of(rs.getString(6), rs.getString(7), rs.getString(8)), date(rs, 9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), json, rs.getString(15),
                rs.getBoolean(16), rs.getString(17), overlay(rs, 18));
    }

    /** The {@link Overlays#COLUMNS} from column {@code at} on; {@link Overlay#NONE} for a student without one. */
    private static Overlay overlay(ResultSet rs, int at) throws SQLException {
        Overlay o = new Overlay(rs.getString(at), rs.getString(at + 1), rs.getString(at + 2), date(rs, at + 3),
                date(rs, at + 4), rs.getString(at + 5), rs.getString(at + 6), rs.getString(at + 7),
                rs.getString(at + 8));
        return o.equals(Overlay.NONE) ? Overlay.NONE : o;
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static void bind(PreparedStatement ps, int first, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            int at = first + i;
            if (v == null) {
                // typed nulls: PostgreSQL refuses a varchar null for a date column
                ps.setNull(at, Types.NULL);
            } else if (v instanceof LocalDate d) {
                ps.setDate(at, Date.valueOf(d));
            } else if (v instanceof Boolean b) {
                ps.setBoolean(at, b);
            } else if (v instanceof Timestamp t) {
                ps.setTimestamp(at, t);
            } else {
                ps.setString(at, v.toString());
            }
        }
    }

    private static List<List<String>> chunks(Collection<String> keys) {
        List<String> all = keys.stream().filter(k -> k != null).distinct().toList();
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_LIST) {
            out.add(all.subList(i, Math.min(all.size(), i + IN_LIST)));
        }
        return out;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
