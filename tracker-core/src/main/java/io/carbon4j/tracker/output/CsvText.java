package io.carbon4j.tracker.output;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV writing and record splitting for the output files. */
final class CsvText {

    private CsvText() {}

    /** {@code value} as a CSV field: quoted when it holds a separator, quote, line break or edge space. */
    static String field(String value) {
        boolean quote = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote && !value.isEmpty()
                && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ')) {
            quote = true;
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** One record line (with its {@code \n}) of the given values. */
    static String record(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(values.get(i)));
        }
        return sb.append('\n').toString();
    }

    /**
     * A number as CodeCarbon's readers expect it: plain decimal digits, no exponent, no grouping; empty for NaN
     * or infinity (an unknown value never shifts a column).
     */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        String s = Double.toString(v);
        if (s.indexOf('E') < 0) {
            return s;
        }
        return new BigDecimal(s).toPlainString();
    }

    /** One record of a CSV text: its fields and the exact text it spans (with its line break). */
    record Record(List<String> fields, String raw) {}

    /**
     * Splits {@code text} into records, honouring quoted separators and line breaks. A final record without a
     * line break (a file cut short) is returned as it is, and its raw text gains a {@code \n}.
     */
    static List<Record> records(String text) {
        List<Record> out = new ArrayList<>();
        int pos = text.startsWith("\uFEFF") ? 1 : 0;
        int n = text.length();
        while (pos < n) {
            int start = pos;
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            boolean end = false;
            while (pos < n && !end) {
                char c = text.charAt(pos++);
                if (quoted) {
                    if (c == '"') {
                        if (pos < n && text.charAt(pos) == '"') {
                            f.append('"');
                            pos++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        f.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(f.toString());
                    f.setLength(0);
                } else if (c == '\n') {
                    end = true;
                } else if (c != '\r') {
                    f.append(c);
                }
            }
            fields.add(f.toString());
            String raw = text.substring(start, pos);
            if (raw.isBlank()) {
                continue;
            }
            if (!raw.endsWith("\n")) {
                raw = raw + "\n";
            }
            out.add(new Record(fields, raw));
        }
        return out;
    }
}
