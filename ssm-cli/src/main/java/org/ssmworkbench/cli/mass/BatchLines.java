package org.ssmworkbench.cli.mass;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits the bytes of a JSON Lines input into lines, in chunks, for `ssm mass --batch`.
 *
 * <p>Only LF ends a line. A CR is kept in its line (before an LF it is the CR of a CRLF ending; alone,
 * it is white space to JSON), so a lone CR never splits a request in two. Bytes are not decoded here:
 * a line of invalid UTF-8 is answered by an error in its place, and the lines around it are read on.
 * A UTF-8 byte order mark at the start of the input is skipped. A line longer than
 * {@link #MAX_LINE_BYTES} is not kept: its length is, and it is answered by an error. A last line
 * without an LF counts; an LF at the very end does not start another line.
 *
 * <p>Not thread-safe: one reader thread.
 */
final class BatchLines {

    /** The longest line kept, in bytes (16 MiB). */
    static final int MAX_LINE_BYTES = 16 << 20;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean started;
    private int nextLine = 1;

    BatchLines(InputStream in) {
        this(in, MAX_LINE_BYTES);
    }

    BatchLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * One chunk of consecutive lines: line {@code i} of the chunk is input line {@code firstLine + i},
     * its bytes are {@code data[start(i) .. end(i))}, and {@code tooLong(i)} is its full length when it
     * was longer than the limit (then it holds no bytes), else -1.
     */
    static final class Chunk {
        final int firstLine;
        byte[] data;
        int size;
        int count;
        int[] starts = new int[64];
        int[] ends = new int[64];
        long[] tooLong = new long[64];

        Chunk(int firstLine, int capacity) {
            this.firstLine = firstLine;
            this.data = new byte[capacity];
        }

        int start(int i) {
            return starts[i];
        }

        int end(int i) {
            return ends[i];
        }

        long tooLong(int i) {
            return tooLong[i];
        }

        int count() {
            return count;
        }

        private void append(byte[] src, int off, int len) {
            if (size + len > data.length) {
                data = Arrays.copyOf(data, Math.max(size + len, data.length * 2));
            }
            System.arraycopy(src, off, data, size, len);
            size += len;
        }

        private void endLine(int start, long overlong) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                tooLong = Arrays.copyOf(tooLong, count * 2);
            }
            starts[count] = start;
            ends[count] = size;
            tooLong[count] = overlong;
            count++;
        }
    }

    /**
     * The next chunk: up to {@code maxLines} lines, fewer once {@code maxBytes} bytes are held (a single
     * line may be longer); null at the end of the input.
     */
    Chunk next(int maxLines, int maxBytes) throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        if (pos == limit && !fill()) {
            return null;
        }
        Chunk c = new Chunk(nextLine, Math.min(maxBytes, 1 << 16));
        while (c.count < maxLines && c.size < maxBytes) {
            if (pos == limit && !fill()) {
                break;
            }
            readLine(c);
        }
        nextLine += c.count;
        return c;
    }

    /** Reads one line (the input has at least one byte left) into the chunk. */
    private void readLine(Chunk c) throws IOException {
        int start = c.size;
        long length = 0;
        while (true) {
            int nl = indexOf(buf, pos, limit, (byte) '\n');
            int end = nl < 0 ? limit : nl;
            int n = end - pos;
            if (length + n <= maxLineBytes) {
                c.append(buf, pos, n);
            } else if (length <= maxLineBytes) {
                c.size = start; // too long: drop what was kept, count the rest
            }
            length += n;
            pos = nl < 0 ? limit : nl + 1;
            if (nl >= 0 || !fill()) {
                break;
            }
        }
        c.endLine(start, length > maxLineBytes ? length : -1);
    }

    private static int indexOf(byte[] b, int from, int to, byte v) {
        for (int i = from; i < to; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private void skipByteOrderMark() throws IOException {
        while (limit - pos < 3 && !eof) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        if (limit - pos >= 3 && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB
                && (buf[pos + 2] & 0xFF) == 0xBF) {
            pos += 3;
        }
    }

    /** Refills the buffer when it is used up; false at the end of the input. */
    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        pos = 0;
        limit = 0;
        while (!eof) {
            int r = in.read(buf, 0, buf.length);
            if (r < 0) {
                eof = true;
            } else if (r > 0) {
                limit = r;
                return true;
            }
        }
        return false;
    }
}
