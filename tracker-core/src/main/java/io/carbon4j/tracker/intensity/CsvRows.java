package io.carbon4j.tracker.intensity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed RFC 4180 CSV table, keeping only the columns asked for.
 *
 * <p>Hand-written rather than a library because the bundled tables are parsed once, on the tracker's start path,
 * while the JVM still interprets this code. It therefore scans UTF-8 bytes (separators and quotes are ASCII, and
 * UTF-8 never uses ASCII bytes inside a multi-byte character) and decodes only the fields it keeps: a per-character
 * loop over a {@code String}, or a {@code String} for every field, costs several times more there.
 */
final class CsvRows {

    private final String name;
    private final List<String[]> rows;

    private CsvRows(String name, List<String[]> rows) {
        this.name = name;
        this.rows = rows;
    }

    /**
     * Parses {@code utf8}: {@code ,} separators, {@code "} quoting with {@code ""} escapes (quoted fields may hold
     * separators and line breaks), LF or CRLF line ends, an optional BOM; blank lines are skipped. Each row holds
     * the {@code columns} asked for, in that order.
     *
     * @throws IllegalArgumentException for a missing column, an unterminated quote, or a row whose width differs
     *     from the header's
     */
    static CsvRows parse(String name, byte[] utf8, String... columns) {
        Parser p = new Parser(name, utf8);
        List<String> header = p.header();
        if (header == null) {
            throw new IllegalArgumentException(name + ": no header row");
        }
        int[] wanted = new int[header.size()];
        java.util.Arrays.fill(wanted, -1);
        for (int c = 0; c < columns.length; c++) {
            int at = header.indexOf(columns[c]);
            if (at < 0) {
                throw new IllegalArgumentException(name + ": no column '" + columns[c] + "'");
            }
            wanted[at] = c;
        }
        List<String[]> rows = new ArrayList<>();
        String[] row = new String[columns.length];
        int width;
        while ((width = p.fields(wanted, row)) >= 0) {
            if (width != header.size()) {
                throw new IllegalArgumentException(name + ": row " + (rows.size() + 2) + " has " + width
                        + " fields; the header has " + header.size());
            }
            rows.add(row);
            row = new String[columns.length];
        }
        return new CsvRows(name, rows);
    }

    /** The rows, without the header; each holds the columns asked for, in order. */
    List<String[]> rows() {
        return rows;
    }

    /** The file name, for messages. */
    String name() {
        return name;
    }

    private static final class Parser {
        private final String name;
        private final byte[] b;
        private int pos;

        Parser(String name, byte[] b) {
            this.name = name;
            this.b = b;
            this.pos = b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF ? 3 : 0;
        }

        /** Set while reading the header: every field is decoded and collected here. */
        private List<String> collect;

        /** Reads the first record whole; null for an empty text. */
        List<String> header() {
            List<String> out = new ArrayList<>();
            collect = out;
            int width = fields(new int[0], new String[0]);
            collect = null;
            return width < 0 ? null : out;
        }

        private int skipBlank() {
            while (pos < b.length && (b[pos] == '\n' || b[pos] == '\r')) {
                pos++;
            }
            return pos;
        }

        /**
         * Reads the next record, storing field {@code i} into {@code row[wanted[i]]} when that is not -1; returns
         * the record's width, or -1 at the end.
         */
        int fields(int[] wanted, String[] row) {
            if (skipBlank() >= b.length) {
                return -1;
            }
            int field = 0;
            while (true) {
                int target = field < wanted.length ? wanted[field] : -1;
                int end;
                String value = null;
                if (pos < b.length && b[pos] == '"') {
                    ByteArrayOutputStream buf = new ByteArrayOutputStream();
                    int p = pos + 1;
                    while (true) {
                        int q = p;
                        while (q < b.length && b[q] != '"') {
                            q++;
                        }
                        if (q >= b.length) {
                            throw new IllegalArgumentException(name + ": unterminated quoted field");
                        }
                        buf.write(b, p, q - p);
                        if (q + 1 < b.length && b[q + 1] == '"') {
                            buf.write('"');
                            p = q + 2;
                        } else {
                            end = q + 1;
                            break;
                        }
                    }
                    if (target >= 0 || collect != null) {
                        value = new String(buf.toByteArray(), StandardCharsets.UTF_8);
                    }
                    if (end < b.length && b[end] != ',' && b[end] != '\n' && b[end] != '\r') {
                        throw new IllegalArgumentException(name + ": text after a closing quote");
                    }
                } else {
                    end = pos;
                    while (end < b.length && b[end] != ',' && b[end] != '\n' && b[end] != '\r') {
                        end++;
                    }
                    if (target >= 0 || collect != null) {
                        value = new String(b, pos, end - pos, StandardCharsets.UTF_8);
                    }
                }
                if (target >= 0) {
                    row[target] = value;
                }
                if (collect != null) {
                    collect.add(value);
                }
                field++;
                if (end < b.length && b[end] == ',') {
                    pos = end + 1;
                    continue;
                }
                pos = end;
                if (pos < b.length && b[pos] == '\r') {
                    pos++;
                }
                if (pos < b.length && b[pos] == '\n') {
                    pos++;
                }
                return field;
            }
        }
    }
}
