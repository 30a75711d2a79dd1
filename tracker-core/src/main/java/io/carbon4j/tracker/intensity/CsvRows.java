package io.carbon4j.tracker.intensity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed RFC 4180 CSV table over its UTF-8 bytes, keeping only the columns asked for.
 *
 * <p>Hand-written rather than a library because the bundled tables are parsed once, on the tracker's start path,
 * while the JVM still interprets this code. It therefore scans bytes (separators and quotes are ASCII, and UTF-8
 * never uses ASCII bytes inside a multi-byte character) and records where each kept field lies; a field becomes a
 * {@code String} only when it is read. Decoding every field up front cost more than the scan itself.
 */
final class CsvRows {

    private final String name;
    private final byte[] bytes;
    private final List<Row> rows;

    private CsvRows(String name, byte[] bytes, List<Row> rows) {
        this.name = name;
        this.bytes = bytes;
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
        List<Row> rows = new ArrayList<>();
        int width;
        Row row = new Row(utf8, columns.length);
        while ((width = p.fields(wanted, row)) >= 0) {
            if (width != header.size()) {
                throw new IllegalArgumentException(name + ": row " + (rows.size() + 2) + " has " + width
                        + " fields; the header has " + header.size());
            }
            rows.add(row);
            row = new Row(utf8, columns.length);
        }
        return new CsvRows(name, utf8, rows);
    }

    /** The rows, without the header. */
    List<Row> rows() {
        return rows;
    }

    /** The file name, for messages. */
    String name() {
        return name;
    }

    /** The table's size in bytes. */
    int size() {
        return bytes.length;
    }

    /** One row: the positions of its kept fields, decoded on demand. */
    static final class Row {
        private final byte[] b;
        private final int[] span;
        private String[] quoted;

        Row(byte[] b, int columns) {
            this.b = b;
            this.span = new int[columns * 2];
        }

        /** Column {@code c} (an index into the columns asked for) as text. */
        String get(int c) {
            if (quoted != null && quoted[c] != null) {
                return quoted[c];
            }
            return new String(b, span[2 * c], span[2 * c + 1] - span[2 * c], StandardCharsets.UTF_8);
        }

        /** Whether column {@code c} equals {@code key}, ignoring ASCII case; {@code key} must be ASCII. */
        boolean equalsAscii(int c, String key) {
            if (quoted != null && quoted[c] != null) {
                return quoted[c].equalsIgnoreCase(key);
            }
            int start = span[2 * c];
            int len = span[2 * c + 1] - start;
            if (len != key.length()) {
                return false;
            }
            for (int i = 0; i < len; i++) {
                int x = b[start + i];
                int y = key.charAt(i);
                if (x != y && (x | 0x20) != (y | 0x20) || x != y && ((x | 0x20) < 'a' || (x | 0x20) > 'z')) {
                    return false;
                }
            }
            return true;
        }

        /** Whether column {@code c} is empty. */
        boolean isEmpty(int c) {
            return (quoted == null || quoted[c] == null) && span[2 * c] == span[2 * c + 1];
        }

        /** Whether column {@code c} contains the ASCII character {@code ch}. */
        boolean contains(int c, char ch) {
            if (quoted != null && quoted[c] != null) {
                return quoted[c].indexOf(ch) >= 0;
            }
            for (int i = span[2 * c]; i < span[2 * c + 1]; i++) {
                if (b[i] == ch) {
                    return true;
                }
            }
            return false;
        }

        void set(int c, int start, int end) {
            span[2 * c] = start;
            span[2 * c + 1] = end;
        }

        void setQuoted(int c, String value) {
            if (quoted == null) {
                quoted = new String[span.length / 2];
            }
            quoted[c] = value;
        }
    }

    private static final class Parser {
        private final String name;
        private final byte[] b;
        private int pos;
        /** Set while reading the header: every field is decoded and collected here. */
        private List<String> collect;

        Parser(String name, byte[] b) {
            this.name = name;
            this.b = b;
            this.pos = b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF ? 3 : 0;
        }

        /** Reads the first record whole; null for an empty text. */
        List<String> header() {
            List<String> out = new ArrayList<>();
            collect = out;
            int width = fields(new int[0], null);
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
         * The end of an unquoted field. A separate small method: called once per field, it is compiled after a few
         * hundred calls, while a long loop inlined in a method entered once per table would stay interpreted.
         */
        private static int fieldEnd(byte[] b, int from) {
            int i = from;
            int n = b.length;
            while (i < n) {
                byte c = b[i];
                if (c == ',' || c == '\n' || c == '\r') {
                    return i;
                }
                i++;
            }
            return n;
        }

        /**
         * Reads the next record, recording field {@code i} as column {@code wanted[i]} of {@code row} when that is
         * not -1; returns the record's width, or -1 at the end.
         */
        int fields(int[] wanted, Row row) {
            if (skipBlank() >= b.length) {
                return -1;
            }
            int field = 0;
            while (true) {
                int target = field < wanted.length ? wanted[field] : -1;
                int end;
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
                    if (end < b.length && b[end] != ',' && b[end] != '\n' && b[end] != '\r') {
                        throw new IllegalArgumentException(name + ": text after a closing quote");
                    }
                    if (target >= 0 || collect != null) {
                        String value = new String(buf.toByteArray(), StandardCharsets.UTF_8);
                        if (target >= 0) {
                            row.setQuoted(target, value);
                        }
                        if (collect != null) {
                            collect.add(value);
                        }
                    }
                } else {
                    end = fieldEnd(b, pos);
                    if (target >= 0) {
                        row.set(target, pos, end);
                    }
                    if (collect != null) {
                        collect.add(new String(b, pos, end - pos, StandardCharsets.UTF_8));
                    }
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
