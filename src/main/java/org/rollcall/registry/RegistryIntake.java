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
 * Both SIS runs need a student's records at once (their contacts follow from them), so the lookup is
 * one primary-key read per student; the writes are batched.
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
    private long registered;
    private long withoutNumber;
    private long ambiguous;

    /** @param workDir the run's folder, where the numbers seen in the run are held */
    public RegistryIntake(StudentRegistry registry, String district, String runId, boolean readOnly, EdFiMapper mapper,
                          Path workDir) {
        this.registry = registry;
        this.seenInRun = new SeenInRun(workDir);
        this.district = district;
        this.runId = runId;
        this.readOnly = readOnly;
        this.mapper = mapper;
    }

    @Override
    protected EdFiMapper delegate() {
        return mapper;
    }

    /** Registers the student and maps it with its overlays: one registry lookup per student. */
    @Override
    public List<EdFiRecord> student(Student s, MappingContext ctx) {
        String number = s.studentNumber();
        if (number == null || number.isBlank()) {
            withoutNumber++;
            return mapper.student(s, ctx);
        }
        RegistryEntry existing = pending.get(number);
        if (existing == null) {
            existing = registry.find(district, number).orElse(null);
        }
        RegistryEntry entry = register(s, existing, ctx);
        if (pending.size() >= BATCH) {
            flush();
        }
        return mapper.student(Overlays.apply(s, entry.overlay()), ctx);
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

    private RegistryEntry register(Student s, RegistryEntry existing, MappingContext ctx) {
        Long first = seenInRun.putIfAbsent(s.studentNumber(), s.sourceId());
        if (first != null && existing != null) {
            // the number came earlier in this run: the same student again (two schools), or another one
            if (!SeenInRun.same(first, s.sourceId()) && !existing.ambiguous()) {
                // the first stays; CALPADS refuses to match either
                ambiguous++;
                LOG.warn("run {}: local student number {} is held by two students of this run", runId,
                        Mask.id(s.studentNumber()));
                RegistryEntry marked = copy(existing, true);
                queue(new StudentRegistry.Write(marked, false), marked);
                return marked;
            }
            return existing;
        }
        registered++;
        String json = StudentJson.write(s);
        String hash = org.rollcall.edfi.EdFiJson.hash("registry", json);
        String homeUri = s.homeLanguage() == null ? null : s.homeLanguage().startsWith("uri://") ? s.homeLanguage()
                : ctx.crosswalk().descriptor("language", s.homeLanguage()).orElse(null);
        RegistryEntry entry = new RegistryEntry(district, s.studentNumber(), s.source(), s.sourceId(), s.uniqueId(),
                s.legalName(), s.birthDate(), s.gender(), s.legalGender(), s.stateId(), s.homeLanguage(), homeUri, json,
                hash, false, runId, existing == null ? Overlay.NONE : existing.overlay());
        boolean unchanged = existing != null && hash.equals(existing.studentHash()) && !existing.ambiguous()
                && Objects.equals(homeUri, existing.homeLanguageUri());
        if (!unchanged) {
            queue(new StudentRegistry.Write(entry, existing == null), entry);
        }
        return unchanged ? existing : entry;
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
