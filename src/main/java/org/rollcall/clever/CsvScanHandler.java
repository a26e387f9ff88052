package org.rollcall.clever;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a whole file to prove it is CSV, keeping only the header row and a record count: no
 * strings are made for the data rows, so checking a million-row file costs little memory.
 */
final class CsvScanHandler extends AbstractBaseCsvCallbackHandler<Boolean> {

    private List<String> header;
    private List<String> current;
    private long records;

    @Override
    protected void handleBegin(long startingLineNumber) {
        current = header == null ? new ArrayList<>() : null;
    }

    @Override
    protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
        if (current != null) {
            current.add(new String(buf, offset, len));
        }
    }

    @Override
    protected Boolean buildRecord() {
        if (getRecordType() != RecordType.DATA) {
            // the reader asks for every record, blank lines included, then drops the blank ones
            return Boolean.TRUE;
        }
        if (current != null) {
            header = current;
            current = null;
        } else {
            records++;
        }
        return Boolean.TRUE;
    }

    /** The first record's fields, or null for a file with no records. */
    List<String> header() {
        return header;
    }

    /** Records after the header, blank lines not counted. */
    long records() {
        return records;
    }
}
