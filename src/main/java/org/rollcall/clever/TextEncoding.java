package org.rollcall.clever;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a drop file's bytes become text. Drops are UTF-8, with or without a byte order mark; a file
 * whose bytes are not valid UTF-8 was saved by a Windows tool and is read as Windows-1252
 * (formats.md 1.1: "plan for UTF-8 (strip BOM) and tolerate Windows-1252 on input").
 */
record TextEncoding(Charset charset, int bomLength) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final int READ_BUFFER = 1 << 16;
    private static final int SNIFF = 8000;

    /** What a file's first bytes say about it. */
    enum Bom {
        NONE, UTF_8, UTF_16_OR_32
    }

    static Bom bom(Path path) throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return Bom.UTF_8;
        }
        boolean feff = n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF;
        boolean fffe = n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE;
        boolean utf32be = n == 4 && head[0] == 0 && head[1] == 0 && (head[2] & 0xFF) == 0xFE && (head[3] & 0xFF) == 0xFF;
        return feff || fffe || utf32be ? Bom.UTF_16_OR_32 : Bom.NONE;
    }

    /**
     * Whether the file's first {@value #SNIFF} bytes hold a NUL: text in UTF-8 or Windows-1252 never
     * does, spreadsheets, archives and PDFs do (the test git and file(1) make).
     */
    static boolean isBinary(Path path) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(SNIFF);
        }
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    boolean isUtf8() {
        return StandardCharsets.UTF_8.equals(charset);
    }

    /**
     * The file as text, after its byte order mark. With {@code strict}, bytes that are not valid in
     * the charset fail the read with a {@link java.nio.charset.CharacterCodingException}: that is
     * how a file is found not to be UTF-8.
     */
    Reader open(Path path, boolean strict) throws IOException {
        InputStream in = Files.newInputStream(path);
        try {
            in.skipNBytes(bomLength);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        CodingErrorAction onError = strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError);
        return new InputStreamReader(new java.io.BufferedInputStream(in, READ_BUFFER), decoder);
    }

    String describe() {
        return isUtf8() ? (bomLength > 0 ? "UTF-8 with BOM" : "UTF-8") : charset.name();
    }
}
