package org.rollcall.calpads;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rollcall.edfi.EdFiJson;
import org.rollcall.model.Lineage;
import org.rollcall.registry.Overlay;
import org.rollcall.registry.RegistryEntry;
import org.rollcall.registry.StudentRegistry;

/**
 * One CALPADS import of one file for one district (seed 003): each line is matched to the registry
 * student with its Local Student ID, compared field by field (fatal mismatches and warnings), its
 * SSID checked ({@link SsidRules}) and its ELA data laid over the student's LEP record
 * ({@link ElaOverwrite}); every finding goes to the results report. Update writes the overlays to
 * the registry and hands each changed student to {@link Changes}; Test writes nothing but the
 * import's own bookkeeping.
 *
 * <p>Lines are handled in batches of {@value #BATCH}: one lookup per batch by local number, one by
 * SSID, and, for local numbers not found, one by blocking key (birth date and Soundex of the last
 * name) for a "did you mean" hint. Nothing compares every pair, and nothing but one batch is in memory.
 */
final class CalpadsImport {

    static final int BATCH = 1000;

    /** What an import found. {@code imported} is what Update imported (0 in Test); {@code wouldImport} what it would. */
    record Result(long records, long imported, long wouldImport, long errors, long warnings, long elaUpdates,
                  long changedStudents) { }

    private final String district;
    private final CalpadsOptions options;
    private final CalpadsSetup setup;
    private final StudentRegistry registry;
    private final ImportLog log;
    private final String importId;
    private final ImportType type;
    private final ImportMode mode;
    private final Layout layout;
    private final String fileName;
    private final ResultsReport report;
    private final CalpadsImports.Delivery changes;

    private long records;
    private long importable;
    private long errors;
    private long warnings;
    private long elaUpdates;
    private long changed;

    CalpadsImport(String district, CalpadsOptions options, CalpadsSetup setup, StudentRegistry registry, ImportLog log,
                  String importId, ImportType type, ImportMode mode, String fileName, ResultsReport report,
                  CalpadsImports.Delivery changes) {
        this.district = district;
        this.options = options;
        this.setup = setup;
        this.registry = registry;
        this.log = log;
        this.importId = importId;
        this.type = type;
        this.mode = mode;
        this.layout = setup.layout(type);
        this.fileName = fileName;
        this.report = report;
        this.changes = changes;
    }

    /** Reads the whole file; the caller opens and finishes the import's log row and the report. */
    Result run(Path file) {
        try (CalpadsFile in = CalpadsFile.open(file, layout)) {
            if (type == ImportType.REQUEST) {
                readRequests(in);
            } else {
                readLines(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(fileName + ": cannot be read", e);
        } finally {
            log.clear(importId);
        }
        long imported = mode == ImportMode.UPDATE ? importable : 0;
        return new Result(records, imported, importable, errors, warnings, elaUpdates, changed);
    }

    // ---- SSID Download and ELA files: one line per student

    /** The next line that parsed (an unreadable one is reported and counted on the way), or null at the end. */
    private CalpadsLine next(CalpadsFile in) {
        while (in.hasNext()) {
            CalpadsFile.Parsed p = in.next();
            records++;
            if (p.record() != null) {
                return p.record();
            }
            unreadable(p);
        }
        return null;
    }

    private void readLines(CalpadsFile in) {
        List<CalpadsLine> batch = new ArrayList<>(BATCH);
        for (CalpadsLine line = next(in); line != null; line = next(in)) {
            batch.add(line);
            if (batch.size() >= BATCH) {
                lines(batch);
                batch.clear();
            }
        }
        lines(batch);
        if (options.lepNotInFile() && layout.has(Element.ELA_STATUS)) {
            lepRecordsNotInFile();
        }
    }

    private void lines(List<CalpadsLine> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Batch b = new Batch(batch, type == ImportType.SSID ? batch : List.of());
        for (CalpadsLine line : batch) {
            Work w = new Work(line);
            if (match(b, w, line)) {
                if (type == ImportType.SSID) {
                    ssid(b, w, line, line);
                }
                ela(w, line);
            }
            end(b, w);
        }
        b.commit();
    }

    // ---- request results: a group of lines per request

    private void readRequests(CalpadsFile in) {
        List<List<CalpadsLine>> groups = new ArrayList<>();
        List<CalpadsLine> group = new ArrayList<>();
        int lines = 0;
        for (CalpadsLine line = next(in); line != null; line = next(in)) {
            String id = line.text(Element.REQUEST_ID);
            if (!group.isEmpty() && !id.equals(group.get(0).text(Element.REQUEST_ID))) {
                groups.add(group);
                lines += group.size();
                group = new ArrayList<>();
                if (lines >= BATCH) {
                    requests(groups);
                    groups = new ArrayList<>();
                    lines = 0;
                }
            }
            group.add(line);
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        requests(groups);
    }

    private void requests(List<List<CalpadsLine>> groups) {
        if (groups.isEmpty()) {
            return;
        }
        // a request whose records are not together: its id was seen in an earlier group of the file
        Map<String, Long> seenRequests = new HashMap<>();
        log.named(importId, ImportLog.REQUEST, groups.stream().map(g -> g.get(0).text(Element.REQUEST_ID)).toList())
                .forEach((id, claim) -> seenRequests.put(id, claim.line()));
        List<CalpadsLine> requestRows = new ArrayList<>();
        List<CalpadsLine> candidates = new ArrayList<>();
        for (List<CalpadsLine> g : groups) {
            boolean first = true;
            for (CalpadsLine l : g) {
                Layout.RequestRole role = role(l);
                if (role == Layout.RequestRole.REQUEST && first) {
                    requestRows.add(l);
                    first = false;
                } else if (role == Layout.RequestRole.CANDIDATE) {
                    candidates.add(l);
                }
            }
        }
        Batch b = new Batch(requestRows, candidates);
        for (List<CalpadsLine> g : groups) {
            String id = g.get(0).text(Element.REQUEST_ID);
            if (!seenRequests.containsKey(id)) {
                b.keys.add(new ImportLog.Key(ImportLog.REQUEST, id, null, g.get(0).line()));
            }
            request(b, g, seenRequests);
        }
        b.commit();
    }

    private void request(Batch b, List<CalpadsLine> group, Map<String, Long> seenRequests) {
        String id = group.get(0).text(Element.REQUEST_ID);
        String requestType = layout.requestTypes().get(Layout.RequestRole.REQUEST);
        Long earlier = seenRequests.putIfAbsent(id, group.get(0).line());
        if (earlier != null) {
            for (CalpadsLine l : group) {
                Work w = new Work(l);
                w.error(Check.REQUEST_SPLIT, Map.of("requestId", id, "otherLine", Long.toString(earlier)));
                end(b, w);
            }
            return;
        }
        CalpadsLine request = null;
        List<CalpadsLine> candidates = new ArrayList<>();
        List<CalpadsLine> selected = new ArrayList<>();
        List<Work> others = new ArrayList<>();
        for (CalpadsLine l : group) {
            Layout.RequestRole role = role(l);
            if (role == Layout.RequestRole.REQUEST) {
                if (request != null) {
                    Work w = new Work(l);
                    w.error(Check.REQUEST_MANY_REQUESTS, Map.of("requestId", id, "requestType", requestType));
                    others.add(w);
                    continue;
                }
                request = l;
            } else if (role == Layout.RequestRole.CANDIDATE) {
                candidates.add(l);
            }
            if (isSelected(l)) {
                selected.add(l);
            }
        }
        ObjectNode summary = EdFiJson.object().put("requestId", id).put("line", group.get(0).line());
        if (request == null) {
            Work w = new Work(group.get(0));
            w.error(Check.REQUEST_NO_REQUEST, Map.of("requestId", id, "requestType", requestType));
            end(b, w);
            others.forEach(o -> end(b, o));
            report.addRequest(summary.put("outcome", "no request record"));
            return;
        }
        Work w = new Work(request);
        summary.put("localStudentId", request.text(Element.LOCAL_STUDENT_ID));
        boolean matched = match(b, w, request);
        RegistryEntry student = w.student;
        CandidateScore.Person target = student != null ? person(student) : person(request);
        ArrayNode scored = summary.putArray("candidates");
        List<Integer> scores = new ArrayList<>();
        CalpadsLine best = null;
        int bestScore = -1;
        for (CalpadsLine c : candidates) {
            int s = CandidateScore.score(person(c), target);
            scores.add(s);
            scored.addObject().put("line", c.line()).put("ssid", c.text(Element.SSID)).put("score", s)
                    .put("calpadsScore", c.text(Element.MATCH_SCORE));
            if (s > bestScore) {
                best = c;
                bestScore = s;
            }
        }
        CandidateScore.Category category = CandidateScore.category(scores, options.minScore());
        summary.put("category", category.name()).put("bestScore", bestScore < 0 ? null : bestScore)
                .put("calpadsCategory", request.text(Element.RESULT_CATEGORY));
        Map<String, String> v = Map.of("requestId", id, "category", category.name(),
                "score", bestScore < 0 ? "-" : Integer.toString(bestScore));
        String outcome;
        if (!matched) {
            outcome = "student not matched";
            end(b, w);
        } else if (selected.size() > 1) {
            w.error(Check.REQUEST_MANY_SELECTED, v);
            outcome = "more than one selection";
            end(b, w);
        } else {
            CalpadsLine pick = null;
            if (selected.size() == 1) {
                Layout.RequestRole role = role(selected.get(0));
                if (role == Layout.RequestRole.CANDIDATE) {
                    pick = selected.get(0);
                } else {
                    w.notice(role == Layout.RequestRole.NEW ? Check.REQUEST_NEW : Check.REQUEST_NO_SELECTION, v);
                }
            } else if (category == CandidateScore.Category.SINGLE && bestScore >= options.autoSelectScore()) {
                pick = best;
                w.notice(Check.REQUEST_AUTO_SELECTED, v);
            } else {
                w.notice(Check.REQUEST_NONE_SELECTED, v);
            }
            end(b, w);
            if (pick == null) {
                outcome = "nothing selected";
            } else {
                Work cw = new Work(pick);
                cw.student = student;
                cw.overlay = student.overlay();
                ssid(b, cw, pick, request);
                ela(cw, pick);
                end(b, cw);
                summary.put("selectedLine", pick.line()).put("selectedSsid", pick.text(Element.SSID));
                outcome = cw.ssidImported ? (mode == ImportMode.UPDATE ? "imported" : "would import") : "not imported";
            }
        }
        others.forEach(o -> end(b, o));
        report.addRequest(summary.put("outcome", outcome));
    }

    private Layout.RequestRole role(CalpadsLine l) {
        String t = l.text(Element.RECORD_TYPE);
        for (Map.Entry<Layout.RequestRole, String> e : layout.requestTypes().entrySet()) {
            if (e.getValue().equalsIgnoreCase(t)) {
                return e.getKey();
            }
        }
        return null;
    }

    private boolean isSelected(CalpadsLine l) {
        String s = l.text(Element.SELECTED);
        return s != null && layout.selected().stream().anyMatch(x -> x.equalsIgnoreCase(s));
    }

    // ---- the steps of a line

    /** Finds and compares the student; false when nothing of the line can be imported. */
    private boolean match(Batch b, Work w, CalpadsLine line) {
        String local = line.text(Element.LOCAL_STUDENT_ID);
        if (local == null) {
            w.error(Check.NOT_FOUND, Map.of("localStudentId", ""));
            return false;
        }
        Long first = b.firstLine(local);
        if (first != null) {
            w.error(Check.REPEATED, Map.of("localStudentId", local, "otherLine", Long.toString(first)));
            return false;
        }
        b.named(local, line.line());
        RegistryEntry student = b.students.get(local);
        if (student == null) {
            String hint = b.hint(line);
            w.error(Check.NOT_FOUND, Map.of("localStudentId", local), hint == null ? "" : setup.messages()
                    .text("match.not-found.hint", Map.of("candidate", hint)));
            return false;
        }
        if (student.ambiguous()) {
            w.error(Check.AMBIGUOUS, Map.of("localStudentId", local));
            return false;
        }
        w.student = student;
        w.overlay = b.overlays.getOrDefault(local, student.overlay());
        boolean fatal = false;
        for (StudentMatch.Mismatch m : StudentMatch.compare(line, layout, student)) {
            Map<String, String> v = Map.of("localStudentId", local, "imported", m.imported(), "current", m.current());
            String key = m.nonBinary() ? "match.gender.non-binary" : m.field().check().key();
            if (options.fatal().contains(m.field())) {
                fatal = true;
                w.add(Detail.Severity.ERROR, m.field().check(), key, v, "");
            } else {
                w.add(Detail.Severity.WARNING, m.field().check(), key, v, "");
            }
        }
        return !fatal;
    }

    /** The SSID part: {@code from} holds the SSID, {@code subject} the student's own line. */
    private void ssid(Batch b, Work w, CalpadsLine from, CalpadsLine subject) {
        String ssid = from.text(Element.SSID);
        if (ssid == null) {
            return;
        }
        String local = w.student.localNumber();
        RegistryEntry now = w.student.withOverlay(w.overlay);
        SsidRules.Decision d = SsidRules.decide(ssid, now, b.holders.getOrDefault(ssid, List.of()), b.claim(ssid));
        switch (d.kind()) {
            case IMPORT -> {
                w.overlay = w.overlay.withSsid(ssid, importId);
                w.ssidImported = true;
                b.claim(ssid, local, subject.line());
            }
            case EXISTS -> w.notice(Check.SSID_EXISTS, Map.of("localStudentId", local));
            case ELSEWHERE -> w.error(Check.SSID_ELSEWHERE, Map.of("localStudentId", local,
                    "otherLocalStudentId", d.other()));
            case CLAIMED -> w.error(Check.SSID_CLAIMED, Map.of("imported", ssid, "otherLocalStudentId", d.other(),
                    "otherLine", Long.toString(d.otherLine())));
            case CONFLICT -> w.error(Check.SSID_CONFLICT, Map.of("imported", ssid, "current", d.other()));
            default -> throw new IllegalStateException(d.kind().name());
        }
    }

    /** The ELA part: status and start date, then the primary language (independent of the SSID, seed 003). */
    private void ela(Work w, CalpadsLine line) {
        String local = w.student.localNumber();
        String code = line.text(Element.ELA_STATUS);
        if (code != null) {
            String lepUri = options.crosswalk().descriptor("limitedEnglishProficiency", code).orElse(null);
            ElaOverwrite.Result r = ElaOverwrite.status(w.overlay, code, line.date(Element.ELA_STATUS_START_DATE),
                    setup.statuses(), lepUri, importId);
            warn(w, local, r);
            w.overlay = r.overlay();
            w.elaChanged |= r.changed();
        }
        String language = line.text(Element.PRIMARY_LANGUAGE);
        if (language != null) {
            String uri = options.crosswalk().descriptor("language", language).orElse(null);
            ElaOverwrite.Result r = ElaOverwrite.primaryLanguage(w.student, w.overlay, language, uri, importId);
            warn(w, local, r);
            w.overlay = r.overlay();
            w.elaChanged |= r.changed();
        }
    }

    private void warn(Work w, String local, ElaOverwrite.Result r) {
        for (ElaOverwrite.Warning x : r.warnings()) {
            Map<String, String> v = new HashMap<>();
            v.put("localStudentId", local);
            v.put("imported", x.imported());
            v.put("current", x.current() == null ? "" : x.current());
            w.add(Detail.Severity.WARNING, x.check(), x.check().key(), v, "");
        }
    }

    /** Reports the line's findings, counts it, and queues what Update writes. */
    private void end(Batch b, Work w) {
        boolean error = false;
        for (Detail d : w.details) {
            report.add(d);
            error |= d.severity() == Detail.Severity.ERROR;
            warnings += d.severity() == Detail.Severity.WARNING ? 1 : 0;
        }
        errors += error ? 1 : 0;
        boolean counted = type == ImportType.ELA ? w.elaChanged : w.ssidImported;
        importable += counted ? 1 : 0;
        elaUpdates += w.elaChanged ? 1 : 0;
        if (w.student != null && (w.ssidImported || w.elaChanged)) {
            b.overlays.put(w.student.localNumber(), w.overlay);
            b.changedLines.put(w.student.localNumber(), w.line.line());
        }
    }

    private void unreadable(CalpadsFile.Parsed p) {
        errors++;
        String echo = p.echo();
        for (String e : p.errors()) {
            report.add(new Detail(p.line(), Detail.Severity.ERROR, Check.FORMAT, setup.messages().title(Check.FORMAT.key()),
                    e, echo));
        }
    }

    /** Seed 003: "There is something on the student's LEP record but no data for the same student in the file." */
    private void lepRecordsNotInFile() {
        String after = "";
        while (true) {
            List<StudentRegistry.LepRecord> page = registry.withLepRecord(district, after, BATCH);
            if (page.isEmpty()) {
                return;
            }
            Map<String, SsidRules.Claim> named = log.named(importId, ImportLog.LOCAL,
                    page.stream().map(StudentRegistry.LepRecord::localNumber).toList());
            for (StudentRegistry.LepRecord e : page) {
                if (!named.containsKey(e.localNumber())) {
                    Overlay o = e.overlay();
                    String current = o.lepStatus() != null ? o.lepStatus() : "";
                    if (o.identifiedDate() != null) {
                        current += (current.isEmpty() ? "" : ", ") + "identified " + o.identifiedDate();
                    }
                    report.add(new Detail(0, Detail.Severity.WARNING, Check.LEP_NOT_IN_FILE,
                            setup.messages().title(Check.LEP_NOT_IN_FILE.key()),
                            setup.messages().text(Check.LEP_NOT_IN_FILE.key(), Map.of("localStudentId", e.localNumber(),
                                    "current", current)), ""));
                    warnings++;
                }
            }
            after = page.get(page.size() - 1).localNumber();
        }
    }

    private static CandidateScore.Person person(CalpadsLine l) {
        return new CandidateScore.Person(l.text(Element.FIRST_NAME), l.text(Element.MIDDLE_NAME),
                l.text(Element.LAST_NAME), l.text(Element.ALIAS_FIRST_NAME), l.text(Element.ALIAS_MIDDLE_NAME),
                l.text(Element.ALIAS_LAST_NAME), l.date(Element.BIRTH_DATE), l.text(Element.GENDER),
                l.text(Element.BIRTH_STATE), l.text(Element.BIRTH_COUNTRY));
    }

    private static CandidateScore.Person person(RegistryEntry e) {
        var n = e.legalName();
        return new CandidateScore.Person(n.first(), n.middle(), n.last(), null, null, null, e.birthDate(),
                Genders.calpads(e), null, null);
    }

    // ---- per line and per batch state

    /** One line's findings and what it changes. */
    private final class Work {
        final CalpadsLine line;
        final List<Detail> details = new ArrayList<>();
        RegistryEntry student;
        Overlay overlay;
        boolean ssidImported;
        boolean elaChanged;

        Work(CalpadsLine line) {
            this.line = line;
        }

        void error(Check check, Map<String, String> values) {
            add(Detail.Severity.ERROR, check, check.key(), values, "");
        }

        void error(Check check, Map<String, String> values, String suffix) {
            add(Detail.Severity.ERROR, check, check.key(), values, suffix);
        }

        void notice(Check check, Map<String, String> values) {
            add(Detail.Severity.NOTICE, check, check.key(), values, "");
        }

        void add(Detail.Severity severity, Check check, String key, Map<String, String> values, String suffix) {
            Messages m = setup.messages();
            details.add(new Detail(line.line(), severity, check, m.title(check.key()), m.text(key, values) + suffix,
                    line.echo()));
        }
    }

    /** The registry lookups of a batch, and what its lines claim and change. */
    private final class Batch {
        final Map<String, RegistryEntry> students;
        final Map<String, List<RegistryEntry>> holders;
        final Map<String, SsidRules.Claim> earlierLocals;
        final Map<String, SsidRules.Claim> earlierSsids;
        final Map<String, Long> batchLocals = new HashMap<>();
        final Map<String, SsidRules.Claim> batchSsids = new HashMap<>();
        final Map<String, Overlay> overlays = new LinkedHashMap<>();
        final Map<String, Long> changedLines = new LinkedHashMap<>();
        final List<ImportLog.Key> keys = new ArrayList<>();
        private final Map<StudentRegistry.Block, List<RegistryEntry>> blocks = new HashMap<>();

        /** @param subjects lines naming a student by local number; {@code withSsids} lines whose SSID may be imported */
        Batch(List<CalpadsLine> subjects, List<CalpadsLine> withSsids) {
            List<String> locals = subjects.stream().map(l -> l.text(Element.LOCAL_STUDENT_ID)).filter(Objects::nonNull)
                    .toList();
            List<String> ssids = withSsids.stream().map(l -> l.text(Element.SSID)).filter(Objects::nonNull).toList();
            students = registry.byLocalNumbers(district, locals);
            earlierLocals = log.named(importId, ImportLog.LOCAL, locals);
            holders = ssids.isEmpty() ? Map.of() : registry.byStateIds(district, ssids);
            earlierSsids = ssids.isEmpty() ? Map.of() : log.named(importId, ImportLog.SSID, ssids);
            List<StudentRegistry.Block> missing = new ArrayList<>();
            for (CalpadsLine l : subjects) {
                String local = l.text(Element.LOCAL_STUDENT_ID);
                if (local != null && !students.containsKey(local) && block(l) != null) {
                    missing.add(block(l));
                }
            }
            if (!missing.isEmpty()) {
                for (RegistryEntry e : registry.inBlocks(district, missing)) {
                    blocks.computeIfAbsent(StudentRegistry.Block.of(e.birthDate(), e.legalName().last()),
                            k -> new ArrayList<>()).add(e);
                }
            }
        }

        Long firstLine(String local) {
            Long here = batchLocals.get(local);
            if (here != null) {
                return here;
            }
            SsidRules.Claim c = earlierLocals.get(local);
            return c == null ? null : c.line();
        }

        void named(String local, long line) {
            batchLocals.put(local, line);
            keys.add(new ImportLog.Key(ImportLog.LOCAL, local, local, line));
        }

        SsidRules.Claim claim(String ssid) {
            SsidRules.Claim here = batchSsids.get(ssid);
            return here != null ? here : earlierSsids.get(ssid);
        }

        void claim(String ssid, String local, long line) {
            batchSsids.put(ssid, new SsidRules.Claim(local, line));
            keys.add(new ImportLog.Key(ImportLog.SSID, ssid, local, line));
        }

        /** The local number of the registry student most like the line, among those with its birth date and name key. */
        String hint(CalpadsLine line) {
            StudentRegistry.Block k = block(line);
            if (k == null) {
                return null;
            }
            String best = null;
            int bestScore = options.minScore() - 1;
            for (RegistryEntry e : blocks.getOrDefault(k, List.of())) {
                int s = CandidateScore.score(person(e), person(line));
                if (s > bestScore) {
                    best = e.localNumber();
                    bestScore = s;
                }
            }
            return best;
        }

        void commit() {
            log.add(importId, keys);
            if (mode == ImportMode.UPDATE && !overlays.isEmpty()) {
                registry.writeOverlays(district, overlays);
                for (Map.Entry<String, Long> c : changedLines.entrySet()) {
                    changed++;
                    changes.changed(students.get(c.getKey()).withOverlay(overlays.get(c.getKey())),
                            Lineage.of(fileName, c.getValue()));
                }
            }
        }

        private StudentRegistry.Block block(CalpadsLine l) {
            return StudentRegistry.Block.of(l.date(Element.BIRTH_DATE), l.text(Element.LAST_NAME));
        }
    }
}
