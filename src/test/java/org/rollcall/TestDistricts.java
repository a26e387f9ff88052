package org.rollcall;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.rollcall.config.RollcallConfig;

/** Test helpers: a configuration with data under a temp folder, and drops made from the samples. */
final class TestDistricts {

    private TestDistricts() {
    }

    /** Config for districts sending to the embedded sandbox, with everything written under {@code data}. */
    static RollcallConfig config(Path data, String... districts) {
        return config(data, Map.of(), districts);
    }

    /** The same, with more keys ({@code rollcall.district.<id>.*} and others) on top. */
    static RollcallConfig config(Path data, Map<String, String> extra, String... districts) {
        Map<String, String> p = new HashMap<>();
        p.put("rollcall.data-dir", data.toString());
        p.put("rollcall.districts", String.join(",", districts));
        long lea = 867530;
        for (String d : districts) {
            p.put("rollcall.district." + d + ".lea-id", Long.toString(lea++));
            p.put("rollcall.district." + d + ".lea-name", "District " + d);
            p.put("rollcall.district." + d + ".school-year-start", "2026-08-17");
            p.put("rollcall.district." + d + ".clever.inbox", data.resolve("inbox").resolve(d).toString());
            p.put("rollcall.district." + d + ".edfi.concurrency", "4");
            // a drop the test has written is complete: the daemon need not wait Clever's 5 minutes for it
            p.put("rollcall.district." + d + ".clever.quiet-period", "1s");
        }
        p.putAll(extra);
        return RollcallConfig.of(p, Map.of());
    }

    /** Copies the sample drop into an inbox. */
    static void dropSample(Path inbox) {
        copyDrop(Path.of("samples/clever"), inbox);
    }

    static void copyDrop(Path from, Path inbox) {
        try {
            Files.createDirectories(inbox);
            try (var files = Files.list(from)) {
                for (Path f : files.filter(x -> x.toString().endsWith(".csv")).toList()) {
                    Files.copy(f, inbox.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites a CSV file row by row; the header row is passed through; a row edited to null is left out. */
    static void editCsv(Path file, UnaryOperator<Map<String, String>> edit) {
        try {
            List<List<String>> rows = new ArrayList<>();
            try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(file)) {
                r.forEach(rec -> rows.add(new ArrayList<>(rec.getFields())));
            }
            List<String> header = rows.get(0);
            try (CsvWriter w = CsvWriter.builder().build(file)) {
                w.writeRecord(header);
                for (List<String> row : rows.subList(1, rows.size())) {
                    Map<String, String> m = new java.util.LinkedHashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        m.put(header.get(i), i < row.size() ? row.get(i) : "");
                    }
                    Map<String, String> out = edit.apply(m);
                    if (out == null) {
                        continue;
                    }
                    w.writeRecord(header.stream().map(h -> out.getOrDefault(h, "")).toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
