package org.rollcall.calpads;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The results report of an import, as seed 003 shows it: File Name, Record Count, Import Count,
 * Error Count, then the Error Detail lines (Line, Error Message, "Data File:" and the line's fields),
 * written as text, CSV and JSON under the reports folder ({@code calpads-<importId>.txt|csv|json}).
 * Student data appears here and nowhere in logs. Detail lines are spooled to disk as they come, so a
 * file with a million of them is reported in flat memory.
 */
final class ResultsReport implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The header of the report. */
    record Summary(String importId, String district, String fileName, ImportType type, ImportMode mode,
                   String layout, String contentHash, long recordCount, long importCount, long errorCount,
                   long warningCount, long elaUpdates, String runId, String message) { }

    private final Path dir;
    private final String importId;
    private final Path details;
    private final Path requests;
    private final BufferedWriter detailOut;
    private final BufferedWriter requestOut;
    private boolean closed;

    ResultsReport(Path dir, String importId) {
        this.dir = dir;
        this.importId = importId;
        try {
            Files.createDirectories(dir);
            this.details = dir.resolve("calpads-" + importId + ".details.tmp");
            this.requests = dir.resolve("calpads-" + importId + ".requests.tmp");
            this.detailOut = Files.newBufferedWriter(details, StandardCharsets.UTF_8);
            this.requestOut = Files.newBufferedWriter(requests, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CALPADS results report to " + dir, e);
        }
    }

    void add(Detail d) {
        ObjectNode n = JSON.createObjectNode();
        n.put("line", d.line());
        n.put("severity", d.severity().name());
        n.put("check", d.title());
        n.put("message", d.message());
        n.put("dataFile", d.dataFile());
        spool(detailOut, n);
    }

    /** A request's outcome (request results files): category, candidates with their scores, what was imported. */
    void addRequest(ObjectNode request) {
        spool(requestOut, request);
    }

    /** Writes the three files; returns the text file. */
    Path finish(Summary s) {
        closeSpools();
        Path txt = dir.resolve("calpads-" + importId + ".txt");
        Path csv = dir.resolve("calpads-" + importId + ".csv");
        Path json = dir.resolve("calpads-" + importId + ".json");
        try {
            writeText(txt, s);
            writeCsv(csv, s);
            writeJson(json, s);
            Files.deleteIfExists(details);
            Files.deleteIfExists(requests);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CALPADS results report to " + dir, e);
        }
        return txt;
    }

    @Override
    public void close() {
        closeSpools();
        try {
            Files.deleteIfExists(details);
            Files.deleteIfExists(requests);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "message. Data File: fields", the seed's Error Message column. */
    static String errorMessage(String message, String dataFile) {
        String m = message.endsWith(".") ? message : message + ".";
        return m + " Data File:" + (dataFile == null || dataFile.isEmpty() ? "" : " " + dataFile);
    }

    private void writeText(Path file, Summary s) throws IOException {
        try (Writer w = tmp(file)) {
            w.write("CALPADS SSID Import: " + s.type().label() + ", " + (s.mode() == ImportMode.TEST
                    ? "Test (nothing was changed)" : "Update") + "\n");
            w.write("Import " + s.importId() + ", district " + s.district() + ", layout " + s.layout() + "\n");
            if (s.message() != null) {
                w.write(s.message() + "\n");
            }
            w.write("\nResults\n");
            w.write("File Name: " + s.fileName() + "\n");
            w.write("Record Count: " + s.recordCount() + "\n");
            w.write("Import Count: " + s.importCount() + "\n");
            w.write("Error Count: " + s.errorCount() + "\n");
            w.write("\nError Detail:\n");
            w.write(String.format("%-6s %s%n", "Line", "Error Message"));
            forEachDetail(d -> w.write(String.format("%-6s %s%n", line(d), errorMessage(d.path("message").asText(),
                    d.path("dataFile").asText()))));
            if (s.mode() == ImportMode.UPDATE && s.runId() != null) {
                w.write("\nSent to Ed-Fi by run " + s.runId() + " (see its run report).\n");
            }
        }
        done(file);
    }

    private void writeCsv(Path file, Summary s) throws IOException {
        try (CsvWriter csv = CsvWriter.builder().build(tmp(file))) {
            csv.writeRecord("Results", "");
            csv.writeRecord("File Name", s.fileName());
            csv.writeRecord("Record Count", Long.toString(s.recordCount()));
            csv.writeRecord("Import Count", Long.toString(s.importCount()));
            csv.writeRecord("Error Count", Long.toString(s.errorCount()));
            csv.writeRecord("Error Detail", "");
            csv.writeRecord("Line", "Severity", "Check", "Error Message", "Data File");
            forEachDetail(d -> csv.writeRecord(line(d), d.path("severity").asText(), d.path("check").asText(),
                    d.path("message").asText(), d.path("dataFile").asText()));
        }
        done(file);
    }

    private void writeJson(Path file, Summary s) throws IOException {
        try (Writer w = tmp(file); JsonGenerator g = JSON.getFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("importId", s.importId());
            g.writeStringField("district", s.district());
            g.writeStringField("fileName", s.fileName());
            g.writeStringField("importType", s.type().key());
            g.writeStringField("mode", s.mode().key());
            g.writeStringField("layout", s.layout());
            g.writeStringField("contentHash", s.contentHash());
            g.writeNumberField("recordCount", s.recordCount());
            g.writeNumberField("importCount", s.importCount());
            g.writeNumberField("errorCount", s.errorCount());
            g.writeNumberField("warningCount", s.warningCount());
            g.writeNumberField("elaUpdates", s.elaUpdates());
            g.writeStringField("runId", s.runId());
            g.writeStringField("message", s.message());
            g.writeArrayFieldStart("errorDetail");
            forEachDetail(d -> JSON.writeTree(g, d));
            g.writeEndArray();
            g.writeArrayFieldStart("requests");
            forEach(requests, r -> JSON.writeTree(g, r));
            g.writeEndArray();
            g.writeEndObject();
        }
        done(file);
    }

    private interface Each {
        void accept(JsonNode node) throws IOException;
    }

    private void forEachDetail(Each each) throws IOException {
        forEach(details, each);
    }

    private static void forEach(Path spool, Each each) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                each.accept(JSON.readTree(line));
            }
        }
    }

    private static String line(JsonNode d) {
        long n = d.path("line").asLong();
        return n > 0 ? Long.toString(n) : "-";
    }

    private void spool(BufferedWriter out, ObjectNode n) {
        try {
            out.write(JSON.writeValueAsString(n));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the CALPADS results report", e);
        }
    }

    private void closeSpools() {
        if (closed) {
            return;
        }
        closed = true;
        List<IOException> failures = new ArrayList<>();
        for (BufferedWriter w : List.of(detailOut, requestOut)) {
            try {
                w.close();
            } catch (IOException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw new UncheckedIOException(failures.get(0));
        }
    }

    private static Writer tmp(Path file) throws IOException {
        return Files.newBufferedWriter(file.resolveSibling(file.getFileName() + ".tmp"), StandardCharsets.UTF_8);
    }

    private static void done(Path file) throws IOException {
        Files.move(file.resolveSibling(file.getFileName() + ".tmp"), file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
