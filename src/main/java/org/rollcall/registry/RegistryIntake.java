package org.rollcall.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rollcall.edfi.EdFiMapper;
import org.rollcall.edfi.EdFiRecord;
import org.rollcall.edfi.ForwardingMapper;
import org.rollcall.edfi.MappingContext;
import org.rollcall.model.Student;
import org.rollcall.ops.Mask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's hook in a SIS run: the district's mapper, with each student brought into the
 * registry on the way (keyed by Local Student Number, written in batches of {@value #BATCH}, only
 * when it changed) and mapped with what CALPADS imports added ({@link Overlays}). A plan-only run
 * reads the overlays and writes nothing. Call {@link #finish()} when the run has mapped its students.
 * Both SIS runs need a student's records at once (their contacts follow from them), so the
 * district's students are read once as the run begins ({@link KnownStudents}) and a registry row is
 * read only for a student with an overlay; the writes are batched.
 */
public final class RegistryIntake extends ForwardingMapper {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryIntake.class);
    static final int BATCH = 500;

    private final StudentRegistry registry;
    private final String district;
    private final String runId;
    private final boolean readOnly;
    private final EdFiMapper mapper;
    /** Rows written in this run and not flushed yet, by local number: what a lookup sees first. */
    private final Map<String, RegistryEntry> pending = new LinkedHashMap<>();
    private final Map<String, StudentRegistry.Write> writes = new HashMap<>();
    private final SeenInRun seenInRun;
    private final KnownStudents known;
    private long registered;
    private long withoutNumber;
    private long ambiguous;

    /** @param workDir the run's folder, where the numbers seen in the run are held */
    public RegistryIntake(StudentRegistry registry, String district, String runId, boolean readOnly, EdFiMapper mapper,
                          Path workDir) {
        this.registry = registry;
        this.seenInRun = new SeenInRun(workDir);
        this.known = KnownStudents.read(registry, district, workDir);
        this.district = district;
        this.runId = runId;
        this.readOnly = readOnly;
        this.mapper = mapper;
    }

    @Override
    protected EdFiMapper delegate() {
        return mapper;
    }

    /**
     * Registers the student and maps it with its overlays. The district's students were read as the
     * run began ({@link KnownStudents}): only a student with an overlay, or a number seen twice, has
     * its registry row read.
     */
    @Override
    public List<EdFiRecord> student(Student s, MappingContext ctx) {
        String number = s.studentNumber();
        if (number == null || number.isBlank()) {
            withoutNumber++;
            return mapper.student(s, ctx);
        }
        Long first = seenInRun.putIfAbsent(number, s.sourceId());
        Overlay overlay = first == null ? firstRow(s, ctx) : laterRow(s, first);
        if (pending.size() >= BATCH) {
            flush();
        }
        return mapper.student(Overlays.apply(s, overlay), ctx);
    }

    /** Whether CALPADS imports put students of the district in the English learner program: the run sends that Program. */
    public boolean hasEnglishLearners() {
        return registry.hasEnglishLearners(district);
    }

    /** Writes what is buffered; logs counts only. */
    public void finish() {
        flush();
        LOG.info("run {}: {} students in the registry of district {} ({} without a local student number, {} local "
                + "numbers held by two students)", runId, registered, district, withoutNumber, ambiguous);
    }

    /** The number's first row in this run: the registry's row is read only when the fingerprint cannot settle it. */
    private Overlay firstRow(Student s, MappingContext ctx) {
        long held = known.get(s.studentNumber());
        RegistryEntry existing = held == KnownStudents.ROW_NEEDED
                ? registry.find(district, s.studentNumber()).orElse(null) : null;
        registered++;
        String json = StudentJson.write(s);
        String hash = org.rollcall.edfi.EdFiJson.hash("registry", json);
        String homeUri = s.homeLanguage() == null ? null : s.homeLanguage().startsWith("uri://") ? s.homeLanguage()
                : ctx.crosswalk().descriptor("language", s.homeLanguage()).orElse(null);
        Overlay overlay = existing == null ? Overlay.NONE : existing.overlay();
        RegistryEntry entry = new RegistryEntry(district, s.studentNumber(), s.source(), s.sourceId(), s.uniqueId(),
                s.legalName(), s.birthDate(), s.gender(), s.legalGender(), s.stateId(), s.homeLanguage(), homeUri, json,
                hash, false, runId, overlay);
        boolean unchanged = existing != null
                ? hash.equals(existing.studentHash()) && !existing.ambiguous()
                        && Objects.equals(homeUri, existing.homeLanguageUri())
                : KnownStudents.isFingerprint(held) && held == KnownStudents.fingerprint(hash, homeUri);
        if (!unchanged) {
            boolean insert = existing == null && !KnownStudents.isFingerprint(held);
            queue(new StudentRegistry.Write(entry, insert), entry);
        }
        return overlay;
    }

    /**
     * A later row of a number met earlier in this run: the same student again (two schools), whose
     * overlay is the first row's, or another student, which makes the number ambiguous.
     */
    private Overlay laterRow(Student s, Long first) {
        boolean same = SeenInRun.same(first, s.sourceId());
        if (same && known.get(s.studentNumber()) != KnownStudents.ROW_NEEDED) {
            // a new or overlay-free student: a SIS run never lays anything over it
            return Overlay.NONE;
        }
        RegistryEntry existing = pending.get(s.studentNumber());
        if (existing == null) {
            existing = registry.find(district, s.studentNumber()).orElse(null);
        }
        if (existing == null) {
            // a plan-only run wrote nothing: the first row's new student
            return Overlay.NONE;
        }
        if (!same && !existing.ambiguous()) {
            // the first stays; CALPADS refuses to match either
            ambiguous++;
            LOG.warn("run {}: local student number {} is held by two students of this run", runId,
                    Mask.id(s.studentNumber()));
            RegistryEntry marked = copy(existing, true);
            queue(new StudentRegistry.Write(marked, false), marked);
            return marked.overlay();
        }
        return existing.overlay();
    }

    private void queue(StudentRegistry.Write write, RegistryEntry entry) {
        StudentRegistry.Write earlier = writes.get(entry.localNumber());
        // a row inserted earlier in this batch is still an insert
        boolean insert = write.insert() || earlier != null && earlier.insert();
        writes.put(entry.localNumber(), new StudentRegistry.Write(entry, insert));
        pending.put(entry.localNumber(), entry);
    }

    private void flush() {
        if (!readOnly) {
            registry.write(new ArrayList<>(writes.values()));
        }
        writes.clear();
        pending.clear();
    }

    private static RegistryEntry copy(RegistryEntry e, boolean ambiguous) {
        return new RegistryEntry(e.district(), e.localNumber(), e.source(), e.sourceId(), e.uniqueId(), e.legalName(),
                e.birthDate(), e.gender(), e.legalGender(), e.sisStateId(), e.homeLanguage(), e.homeLanguageUri(),
                e.studentJson(), e.studentHash(), ambiguous, e.lastSeenRun(), e.overlay());
    }
}
