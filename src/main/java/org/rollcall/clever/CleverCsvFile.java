package org.rollcall.clever;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.rollcall.report.FileCounts;
import org.rollcall.report.Problem;
import org.rollcall.report.ProblemSink;

/**
 * One file of a drop, checked whole when the drop is opened (present, CSV all the way through,
 * required headers there, encoding known) and then streamed record by record, as often as asked.
 */
final class CleverCsvFile {

    // Clever's CSV: comma, double quote, CRLF or LF, quoted fields may hold commas, quotes and line
    // breaks. Field-count mismatches are reported per record here, not thrown by the parser.
    private static final CsvReader.CsvReaderBuilder CSV = CsvReader.builder()
            .fieldSeparator(',')
            .quoteCharacter('"')
            .skipEmptyLines(true)
            .allowUnclosedQuote(false)
            .allowExtraCharsAfterClosingQuote(false)
            .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
            .missingFieldStrategy(FieldMismatchStrategy.IGNORE);

    private final CleverFile kind;
    private final Path path;
    private final TextEncoding encoding;
    private final CsvHeader header;
    private final long records;
    private final FileCounts.Counter counter;

    private CleverCsvFile(CleverFile kind, Path path, TextEncoding encoding, CsvHeader header, long records,
                          FileCounts.Counter counter) {
        this.kind = kind;
        this.path = path;
        this.encoding = encoding;
        this.header = header;
        this.records = records;
        this.counter = counter;
    }

    /**
     * Checks the file and learns its encoding and header, or rejects it. {@code alsoRequired} are
     * columns the district's options make necessary (the column holding the Ed-Fi schoolId). The
     * file is entered in {@code counts} once its encoding is known, rejected or not.
     */
    static CleverCsvFile open(CleverFile kind, Path path, List<Column> alsoRequired, FileCounts counts)
            throws DropRejectedException {
        String file = kind.fileName();
        if (!Files.isRegularFile(path)) {
            throw rejected(file, "required file is missing from the drop");
        }
        try {
            TextEncoding.Bom bom = TextEncoding.bom(path);
            if (bom == TextEncoding.Bom.UTF_16_OR_32) {
                throw rejected(file, "file is UTF-16 or UTF-32; save it as UTF-8 CSV");
            }
            if (TextEncoding.isBinary(path)) {
                throw rejected(file, "not a CSV file: it holds NUL bytes, so it is not UTF-8 or Windows-1252 text "
                        + "(a spreadsheet, an archive, a PDF, UTF-16 without a byte order mark?); export it as CSV");
            }
            int bomLength = bom == TextEncoding.Bom.UTF_8 ? 3 : 0;
            TextEncoding encoding = new TextEncoding(StandardCharsets.UTF_8, bomLength);
            CsvScanHandler scan;
            try {
                scan = scan(path, encoding, true);
            } catch (CharacterCodingException notUtf8) {
                encoding = new TextEncoding(TextEncoding.WINDOWS_1252, bomLength);
                scan = scan(path, encoding, false);
            }
            FileCounts.Counter counter = counts.file(file, encoding.describe());
            if (scan.header() == null) {
                throw rejected(file, "file is empty: the header row is missing");
            }
            List<Column> required = new ArrayList<>(kind.requiredColumns());
            alsoRequired.stream().filter(c -> !required.contains(c)).forEach(required::add);
            // before anything else about the header: if the first line is data, nothing from it is repeated
            // (with one required header, "none of them" is just that header missing, said below)
            List<String> firstLine = scan.header().stream().map(String::strip).toList();
            if (required.size() > 1 && required.stream().noneMatch(c -> c.spellings().stream().anyMatch(firstLine::contains))) {
                throw rejected(file, "no Clever header row: the first line names none of the required headers "
                        + String.join(", ", required.stream().map(Column::name).toList())
                        + " (is the header row missing, or is this another file?)");
            }
            CsvHeader header = CsvHeader.of(file, scan.header());
            for (Column column : required) {
                if (!header.has(column)) {
                    throw rejected(file, "required header " + column.name() + " is missing"
                            + header.nearMiss(column).map(found -> " (the header has " + found
                                    + ": header names must match exactly, case included)").orElse(""));
                }
            }
            return new CleverCsvFile(kind, path, encoding, header, scan.records(), counter);
        } catch (CsvParseException e) {
            // FastCSV's message names the line and at most one character, never a field's value
            throw rejected(file, "not a readable CSV file: " + e.getMessage());
        } catch (IOException e) {
            throw rejected(file, "file cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static CsvScanHandler scan(Path path, TextEncoding encoding, boolean strict) throws IOException {
        CsvScanHandler handler = new CsvScanHandler();
        try (Reader text = encoding.open(path, strict);
             CsvReader<Boolean> csv = CSV.build(handler, text)) {
            for (Iterator<Boolean> it = csv.iterator(); it.hasNext(); ) {
                it.next();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return handler;
    }

    private static DropRejectedException rejected(String file, String message) {
        return new DropRejectedException(Problem.fatal(file, null, message));
    }

    CleverFile kind() {
        return kind;
    }

    String fileName() {
        return kind.fileName();
    }

    Path path() {
        return path;
    }

    TextEncoding encoding() {
        return encoding;
    }

    CsvHeader header() {
        return header;
    }

    /** Records after the header found when the drop was opened, blank lines not counted. */
    long records() {
        return records;
    }

    /** The file's record counts, for a reader that rejects a record after the pass. */
    FileCounts.Counter counter() {
        return counter;
    }

    /**
     * Streams the data records in file order. Blank records (every field empty, as spreadsheets
     * leave them) are passed over; a record with a different number of fields than the header is
     * reported and skipped, unless the extra fields are all empty. Returns how many were skipped so.
     */
    long forEachRow(ProblemSink problems, Consumer<CleverRow> action) {
        if (!encoding.isUtf8()) {
            problems.report(Problem.warning(fileName(), 0, null,
                    "file is not valid UTF-8; read as " + encoding.describe()));
        }
        if (records == 0 && kind.isEmptySuspicious()) {
            problems.report(Problem.warning(fileName(), 0, null, "file has a header row and no records"));
        }
        counter.startPass();
        long misshapen = 0;
        try (Reader text = encoding.open(path, false);
             CsvReader<CsvRecord> csv = CSV.ofCsvRecord(text)) {
            Iterator<CsvRecord> records = csv.iterator();
            next(records); // the header, read when the drop was opened
            for (CsvRecord record = next(records); record != null; record = next(records)) {
                if (isBlank(record)) {
                    continue;
                }
                counter.read();
                if (!fits(record, problems)) {
                    misshapen++;
                    counter.rejected();
                    continue;
                }
                // what the action throws is the caller's and passes through untouched
                CleverRow row = new CleverRow(this, record, problems);
                action.accept(row);
                // a reader rejects a record by reporting its error on the row (CleverRow.error)
                if (row.isRejected()) {
                    counter.rejected();
                } else {
                    counter.accepted();
                }
            }
            return misshapen;
        } catch (IOException e) {
            throw new UncheckedIOException(fileName() + " could not be read", e);
        }
    }

    /** The next record, or null at the end; read failures say which file they are about. */
    private CsvRecord next(Iterator<CsvRecord> records) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(fileName() + " could not be read to the end", e.getCause());
        } catch (CsvParseException e) {
            // the file parsed when the drop was opened: it changed while the drop was being read
            throw new IllegalStateException(fileName() + " changed while it was being read: " + e.getMessage(), e);
        }
    }

    private boolean fits(CsvRecord record, ProblemSink problems) {
        int count = record.getFieldCount();
        if (count == header.size()) {
            return true;
        }
        if (count > header.size()) {
            boolean extraEmpty = true;
            for (int i = header.size(); i < count && extraEmpty; i++) {
                extraEmpty = record.getField(i).isBlank();
            }
            if (extraEmpty) {
                return true;
            }
        }
        problems.report(Problem.error(fileName(), record.getStartingLineNumber(), null,
                "record has " + count + " fields, the header has " + header.size() + "; record skipped"));
        return false;
    }

    private static boolean isBlank(CsvRecord record) {
        for (int i = 0; i < record.getFieldCount(); i++) {
            if (!record.getField(i).isBlank()) {
                return false;
            }
        }
        return true;
    }
}
