package io.fabricplan.excel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A part of a workbook as it is inflated: counts the bytes of the whole workbook against {@code workbook-bytes},
 * and refuses any XML markup (a tag with its attributes, a comment, a processing instruction, a CDATA section)
 * longer than {@link #MAX_MARKUP_BYTES}. The XML parser holds such markup whole in memory while text between tags
 * reaches the reader in small pieces, so this bounds what one part can make the parser allocate.
 */
final class GuardedPartStream extends FilterInputStream {
    /** No tag, comment or CDATA section of a workbook comes near this; a longer one is refused. */
    static final int MAX_MARKUP_BYTES = 1 << 20;

    /** Bytes inflated so far over all parts of one workbook; a part read again counts once. */
    static final class Budget {
        private final long limit;
        private final java.util.Map<String, Long> counted = new java.util.HashMap<>();
        private long used;

        Budget(long limit) {
            this.limit = limit;
        }

        long used() {
            return used;
        }

        /** Counts a part read up to {@code position}; false when the workbook goes over the limit. */
        boolean reached(String part, long position) {
            long before = counted.getOrDefault(part, 0L);
            if (position > before) {
                used += position - before;
                counted.put(part, position);
            }
            return used <= limit;
        }
    }

    /** Called when a limit is passed: builds the exception that names the part and the limit. */
    @FunctionalInterface
    interface Refusal {
        IOException refuse(String what);
    }

    private enum Mode { TEXT, MARKUP, COMMENT, PI, CDATA }

    private final Budget budget;
    private final String part;
    private final Refusal refusal;
    private long position;
    private Mode mode = Mode.TEXT;
    private long markup;
    private int prev1;
    private int prev2;

    GuardedPartStream(InputStream in, Budget budget, String part, Refusal refusal) {
        super(in);
        this.budget = budget;
        this.part = part;
        this.refusal = refusal;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
            scan(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
            scan(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Read through, so that every byte is counted and scanned.
        byte[] sink = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    private void count(int n) throws IOException {
        position += n;
        if (!budget.reached(part, position)) {
            throw refusal.refuse("workbook-bytes");
        }
    }

    /** Follows the markup through the bytes; text between tags, most of a sheet, is skipped fast. */
    private void scan(byte[] buffer, int offset, int length) throws IOException {
        Mode m = mode;
        long size = markup;
        int p1 = prev1;
        int p2 = prev2;
        for (int i = offset; i < offset + length; i++) {
            int b = buffer[i] & 0xFF;
            if (m == Mode.TEXT) {
                if (b == '<') {
                    m = Mode.MARKUP;
                    size = 0;
                }
            } else {
                size++;
                m = next(m, b, size, p1, p2);
                if (size > MAX_MARKUP_BYTES && m != Mode.TEXT) {
                    throw refusal.refuse("markup");
                }
            }
            p2 = p1;
            p1 = b;
        }
        mode = m;
        markup = size;
        prev1 = p1;
        prev2 = p2;
    }

    /** The mode after byte {@code b}, the {@code size}-th of the markup, that follows {@code p2}, {@code p1}. */
    private static Mode next(Mode m, int b, long size, int p1, int p2) {
        return switch (m) {
            case MARKUP -> b == '>' ? Mode.TEXT
                    : size == 1 && b == '?' ? Mode.PI
                    : size == 3 && b == '-' && p1 == '-' && p2 == '!' ? Mode.COMMENT
                    : size == 8 && b == '[' && p1 == 'A' && p2 == 'T' ? Mode.CDATA // <![CDATA[
                    : Mode.MARKUP;
            case COMMENT -> b == '>' && p1 == '-' && p2 == '-' ? Mode.TEXT : m;
            case PI -> b == '>' && p1 == '?' ? Mode.TEXT : m;
            case CDATA -> b == '>' && p1 == ']' && p2 == ']' ? Mode.TEXT : m;
            case TEXT -> b == '<' ? Mode.MARKUP : m;
        };
    }
}
