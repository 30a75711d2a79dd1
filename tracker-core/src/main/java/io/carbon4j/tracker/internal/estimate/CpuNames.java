package io.carbon4j.tracker.internal.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises CPU model names into comparable tokens, the same way for the machine's name and for the table's rows.
 *
 * <p>Marks and filler words are dropped ("(R)", "(TM)", "CPU", "Processor", "11th Gen", "64-Core"), everything from
 * "@" on is cut (the clock speed), and the rest is split on anything but letters, digits, '.', '+' and '-', so
 * that model numbers such as {@code i7-2720qm} or {@code e5-2686} stay whole.
 */
final class CpuNames {

    private static final Pattern CORES = Pattern.compile("(\\d+)-cores?");
    private static final Set<String> FILLER = Set.of("cpu", "processor", "gen", "generation", "0");
    /** Vendor words. */
    static final Set<String> VENDORS = Set.of("intel", "amd", "arm", "apple", "qualcomm", "ampere");
    /** Product-family words that identify a CPU family without a model number. */
    static final Set<String> FAMILIES = Set.of("xeon", "core", "atom", "celeron", "pentium", "itanium", "quark",
            "epyc", "ryzen", "threadripper", "athlon", "opteron", "phenom", "sempron", "turion", "snapdragon",
            "altra", "graviton");

    private CpuNames() {}

    /** The normalised tokens of {@code name}, in order, without duplicates. Hand-written: no regex per row. */
    static List<String> tokens(String name) {
        String s = name.toLowerCase(Locale.ROOT)
                .replace("(r)", " ")
                .replace("(tm)", " ")
                .replace('\u00ae', ' ')
                .replace('\u2122', ' ');
        int at = s.indexOf('@');
        int end = at >= 0 ? at : s.length();
        List<String> out = new ArrayList<>(6);
        int i = 0;
        while (i < end) {
            while (i < end && !isTokenChar(s.charAt(i))) {
                i++;
            }
            int b = i;
            while (i < end && isTokenChar(s.charAt(i))) {
                i++;
            }
            int e = i;
            while (b < e && isPunct(s.charAt(b))) {
                b++;
            }
            while (e > b && isPunct(s.charAt(e - 1))) {
                e--;
            }
            if (b == e) {
                continue;
            }
            String t = s.substring(b, e);
            if (!FILLER.contains(t) && !isOrdinal(t) && !isCoreCount(t) && !isClock(t) && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The core count a name states ("AMD EPYC 7B13 64-Core Processor" states 64), or 0. */
    static int statedCores(String name) {
        Matcher m = CORES.matcher(name.toLowerCase(Locale.ROOT));
        if (m.find()) {
            try {
                return Integer.parseInt(m.group(1));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    static boolean hasDigit(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-';
    }

    /** Digits, then st/nd/rd/th: "11th". */
    private static boolean isOrdinal(String t) {
        int d = leadingDigits(t);
        if (d == 0 || t.length() != d + 2) {
            return false;
        }
        String suffix = t.substring(d);
        return suffix.equals("st") || suffix.equals("nd") || suffix.equals("rd") || suffix.equals("th");
    }

    /** Digits, then -core or -cores: "64-core". */
    private static boolean isCoreCount(String t) {
        int d = leadingDigits(t);
        return d > 0 && (t.startsWith("-core", d) && (t.length() == d + 5 || t.equals(t.substring(0, d) + "-cores")));
    }

    /** Digits and dots, then ghz or mhz: "2.20ghz". */
    private static boolean isClock(String t) {
        if (!(t.endsWith("ghz") || t.endsWith("mhz")) || t.length() == 3) {
            return false;
        }
        for (int k = 0; k < t.length() - 3; k++) {
            char c = t.charAt(k);
            if (!(c == '.' || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static int leadingDigits(String t) {
        int d = 0;
        while (d < t.length() && t.charAt(d) >= '0' && t.charAt(d) <= '9') {
            d++;
        }
        return d;
    }

    /** Trimmed from token ends; a trailing '+' stays, it is part of AMD model numbers ("Sempron 3000+"). */
    private static boolean isPunct(char c) {
        return c == '.' || c == '-';
    }

    /** Whether {@code t} is a vendor or family word. */
    static boolean isFamilyWord(String t) {
        return VENDORS.contains(t) || FAMILIES.contains(t);
    }
}
