package io.carbon4j.tracker.internal.estimate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled table of CPU model names and nominal TDP (derived from CodeCarbon's {@code cpu_power.csv}, MIT; see
 * {@code cpu-tdp.LICENSE.txt} next to it), and the matcher.
 *
 * <h2>Matching</h2>
 * Both sides are tokenised by {@link CpuNames}. A row is a candidate when its tokens that contain a digit (the model
 * number: {@code i7-8700k}, {@code 7763}, {@code e5-2686}, {@code v4}) are exactly the name's tokens that contain a
 * digit: neither side may carry a model token the other lacks, so "Xeon Gold 6248" never matches "6248R". Among
 * candidates the row sharing the most tokens wins, then the one with fewest extra tokens; a tie between different
 * TDPs takes the first row and reports how many tied. Identical token sets are {@link MatchQuality#EXACT}. Without a
 * candidate, known vendor and family words ("AMD EPYC", "Intel Xeon") make a {@link MatchQuality#FAMILY} match.
 *
 * <h2>Cost</h2>
 * The table is not kept in memory: a match reads the 120 kB resource once, searches its bytes for the name's model
 * number and tokenises only the lines that contain it, so opening the CPU model costs little and retains nothing.
 *
 * <h2>Thread safety</h2>
 * Immutable; safe from any thread.
 */
final class TdpTable {

    private static final Logger LOG = LoggerFactory.getLogger(TdpTable.class);
    static final String RESOURCE = "/io/carbon4j/tracker/estimate/cpu-tdp.csv";
    private static final TdpTable BUNDLED = new TdpTable(null);

    /** The CSV text for tests; {@code null} for the bundled resource. */
    private final String text;

    private TdpTable(String text) {
        this.text = text;
    }

    /** The bundled table. */
    static TdpTable bundled() {
        return BUNDLED;
    }

    /** A table from CSV text ({@code cpu_name,tdp_watts} with a header line); for tests. */
    static TdpTable parse(String csv) {
        return new TdpTable(csv);
    }

    private byte[] bytes() throws IOException {
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try (InputStream in = TdpTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("resource " + RESOURCE + " is missing");
            }
            return in.readAllBytes();
        }
    }

    /** The number of rows with a usable TDP. */
    int size() {
        int[] count = {0};
        scan(null, (name, tdp) -> count[0]++);
        return count[0];
    }

    /** Matches a CPU model name; never throws. */
    TdpMatch match(String modelName) {
        if (modelName == null || modelName.isBlank()) {
            return TdpMatch.none();
        }
        List<String> tokens = CpuNames.tokens(modelName);
        String key = digitKey(tokens);
        if (!key.isEmpty()) {
            Best best = new Best(tokens);
            String needle = "";
            for (String t : key.split(" ")) {
                if (t.length() > needle.length()) {
                    needle = t; // the longest model token is the most selective
                }
            }
            scan(needle, (name, tdp) -> best.offer(name, tdp, key));
            if (best.name != null) {
                boolean exact = best.extra == 0 && best.shared == tokens.size();
                return new TdpMatch(exact ? MatchQuality.EXACT : MatchQuality.TOKEN, best.name, best.tdp,
                        best.tieDiffers ? best.ties : 1);
            }
        }
        List<String> family = new ArrayList<>();
        for (String t : tokens) {
            if (CpuNames.FAMILIES.contains(t) || CpuNames.VENDORS.contains(t)) {
                family.add(t);
            }
        }
        if (!family.isEmpty()) {
            return new TdpMatch(MatchQuality.FAMILY, String.join(" ", family), Double.NaN, 0);
        }
        return TdpMatch.none();
    }

    private interface RowConsumer {
        void accept(String name, double tdp);
    }

    /**
     * Streams the rows whose text contains {@code needle} (ASCII, lower case; compared case-insensitively), or all
     * rows when it is null. The search runs over the raw bytes, so only candidate lines become strings.
     */
    private void scan(String needle, RowConsumer consumer) {
        byte[] b;
        try {
            b = bytes();
        } catch (IOException | RuntimeException e) {
            LOG.warn("The TDP table {} could not be read; the CPU gets the per-thread estimate", RESOURCE, e);
            return;
        }
        int pos = indexOf(b, (byte) '\n', 0) + 1; // skip the header
        while (pos > 0 && pos < b.length) {
            int lineEnd = indexOf(b, (byte) '\n', pos);
            if (lineEnd < 0) {
                lineEnd = b.length;
            }
            if (needle == null || contains(b, pos, lineEnd, needle)) {
                row(new String(b, pos, lineEnd - pos, StandardCharsets.UTF_8), consumer);
            }
            pos = lineEnd + 1;
        }
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean contains(byte[] b, int from, int to, String needle) {
        int n = needle.length();
        char first = needle.charAt(0);
        for (int i = from; i + n <= to; i++) {
            if (lower(b[i]) != first) {
                continue;
            }
            int k = 1;
            while (k < n && lower(b[i + k]) == needle.charAt(k)) {
                k++;
            }
            if (k == n) {
                return true;
            }
        }
        return false;
    }

    private static char lower(byte c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : (char) (c & 0xff);
    }

    private static void row(String line, RowConsumer consumer) {
        if (line.isBlank()) {
            return;
        }
        String name;
        String value;
        if (line.startsWith("\"")) {
            int close = line.indexOf("\",", 1);
            if (close < 0) {
                return;
            }
            name = line.substring(1, close).replace("\"\"", "\"");
            value = line.substring(close + 2);
        } else {
            int comma = line.lastIndexOf(',');
            if (comma <= 0) {
                return;
            }
            name = line.substring(0, comma);
            value = line.substring(comma + 1);
        }
        double tdp = parseWatts(value.strip());
        if (!(tdp > 0)) {
            // Upstream has a few values that are not one number ("27.29.5") and one 0.0: no usable TDP.
            LOG.debug("TDP table row '{}' has no usable TDP '{}'; skipped", name, value);
            return;
        }
        consumer.accept(name, tdp);
    }

    /** The tokens that contain a digit, sorted and joined: equal keys mean the same model number. */
    static String digitKey(List<String> tokens) {
        List<String> digits = new ArrayList<>(2);
        for (String t : tokens) {
            if (CpuNames.hasDigit(t)) {
                digits.add(t);
            }
        }
        Collections.sort(digits);
        return String.join(" ", digits);
    }

    private static int digitCount(List<String> tokens) {
        int n = 0;
        for (String t : tokens) {
            if (CpuNames.hasDigit(t)) {
                n++;
            }
        }
        return n;
    }

    /** A single decimal number ("45", "45.0"); anything else ("27.29.5") is NaN. */
    private static double parseWatts(String v) {
        int dots = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return Double.NaN;
            }
        }
        if (v.isEmpty() || dots > 1 || v.startsWith(".") || v.endsWith(".")) {
            return Double.NaN;
        }
        return Double.parseDouble(v);
    }

    private static final class Best {
        final List<String> tokens;
        String name;
        double tdp;
        int shared = -1;
        int extra = Integer.MAX_VALUE;
        int ties;
        boolean tieDiffers;

        final boolean nameHasFamily;
        final boolean nameHasVendor;

        Best(List<String> tokens) {
            this.tokens = tokens;
            boolean f = false;
            boolean v = false;
            for (String t : tokens) {
                f |= CpuNames.isFamilyWord(t);
                v |= CpuNames.VENDORS.contains(t);
            }
            this.nameHasFamily = f;
            this.nameHasVendor = v;
        }

        void offer(String rowName, double rowTdp, String key) {
            List<String> rowTokens = CpuNames.tokens(rowName);
            if (!digitKey(rowTokens).equals(key)) {
                return;
            }
            int s = 0;
            boolean rowHasFamily = false;
            boolean sharesFamily = false;
            boolean rowHasVendor = false;
            boolean sharesVendor = false;
            for (String t : rowTokens) {
                boolean family = CpuNames.isFamilyWord(t);
                boolean vendor = CpuNames.VENDORS.contains(t);
                rowHasFamily |= family;
                rowHasVendor |= vendor;
                if (tokens.contains(t)) {
                    s++;
                    sharesFamily |= family;
                    sharesVendor |= vendor;
                }
            }
            if ((rowHasFamily && nameHasFamily && !sharesFamily) || (rowHasVendor && nameHasVendor && !sharesVendor)) {
                return; // same number, another vendor or family
            }
            int x = rowTokens.size() - s;
            if (s == digitCount(rowTokens) && x == 0 && s != tokens.size()) {
                // A bare model number ("3000", "1075T") only matches a name that is nothing but that number: the
                // same digits in an unrelated name prove nothing.
                return;
            }
            if (s > shared || (s == shared && x < extra)) {
                name = rowName;
                tdp = rowTdp;
                shared = s;
                extra = x;
                ties = 1;
                tieDiffers = false;
            } else if (s == shared && x == extra) {
                ties++;
                tieDiffers |= rowTdp != tdp;
            }
        }
    }
}
