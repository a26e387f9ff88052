package org.rollcall.calpads;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rollcall.config.ConfigException;

/**
 * Seed 003's overwrite table for the ELA Status Code, read from {@code config/calpads/ela-status.csv}
 * ({@code elas_code,lep_program_status,start_date_to}): the LEP Program Status a code sets, and
 * which date of the LEP record the ELA Start Date goes into (the Identified Date, or the TBD Date).
 */
final class ElaStatuses {

    enum DateField { IDENTIFIED, TBD }

    record Status(String code, String programStatus, DateField startDateTo) { }

    private static final List<String> HEADER = List.of("elas_code", "lep_program_status", "start_date_to");

    private final Map<String, Status> byCode;

    ElaStatuses(Map<String, Status> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    static ElaStatuses load(Path file) {
        Map<String, Status> out = new HashMap<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().commentStrategy(CommentStrategy.SKIP)
                .ofNamedCsvRecord(file)) {
            for (NamedCsvRecord r : csv) {
                if (!r.getHeader().equals(HEADER)) {
                    throw new ConfigException(file + ": header must be " + String.join(",", HEADER));
                }
                String code = r.getField("elas_code").trim().toUpperCase(Locale.ROOT);
                String status = r.getField("lep_program_status").trim();
                String to = r.getField("start_date_to").trim().toUpperCase(Locale.ROOT);
                if (code.isEmpty() || status.isEmpty() || !(to.equals("IDENTIFIED") || to.equals("TBD"))) {
                    throw new ConfigException(file + " line " + r.getStartingLineNumber()
                            + ": needs a code, a program status and start_date_to identified or tbd");
                }
                if (out.put(code, new Status(code, status, DateField.valueOf(to))) != null) {
                    throw new ConfigException(file + " line " + r.getStartingLineNumber() + ": " + code + " is listed twice");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ConfigException c) {
                throw c;
            }
            throw new ConfigException(file + ": not a readable ELA status table: " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw new ConfigException(file + ": lists no ELA status");
        }
        return new ElaStatuses(out);
    }

    Optional<Status> get(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    String codes() {
        return String.join(", ", byCode.keySet().stream().sorted().toList());
    }
}
