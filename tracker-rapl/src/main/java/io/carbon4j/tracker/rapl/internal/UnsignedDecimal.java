package io.carbon4j.tracker.rapl.internal;

import java.nio.ByteBuffer;

/**
 * Parses the unsigned decimal numbers of sysfs files by hand, from bytes, without allocating. Sysfs text is not
 * trusted: leading and trailing whitespace (the kernel's newline) is accepted, anything else, an empty file or a
 * value beyond {@code Long.MAX_VALUE} is {@link #INVALID}.
 */
final class UnsignedDecimal {

    /** The internal "no number" answer; never leaves this module. */
    static final long INVALID = -1L;

    private UnsignedDecimal() {}

    /** Parses bytes {@code [from, to)} of {@code buf} (absolute indices; the buffer's position is not used). */
    static long parse(ByteBuffer buf, int from, int to) {
        int i = from;
        while (i < to && isSpace(buf.get(i))) {
            i++;
        }
        int digitsStart = i;
        long value = 0;
        while (i < to) {
            int d = buf.get(i) - '0';
            if (d < 0 || d > 9) {
                break;
            }
            if (value > (Long.MAX_VALUE - d) / 10) {
                return INVALID;
            }
            value = value * 10 + d;
            i++;
        }
        if (i == digitsStart) {
            return INVALID;
        }
        while (i < to && isSpace(buf.get(i))) {
            i++;
        }
        return i == to ? value : INVALID;
    }

    /** Parses a string the same way; used at discovery, where allocation does not matter. */
    static long parse(CharSequence text) {
        // Non-ASCII characters become '?', which is not a digit: such text is INVALID, as it should be.
        byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return parse(ByteBuffer.wrap(bytes), 0, bytes.length);
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }
}
