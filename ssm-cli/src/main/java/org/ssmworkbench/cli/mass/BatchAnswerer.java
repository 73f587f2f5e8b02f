package org.ssmworkbench.cli.mass;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.ssmworkbench.cli.BadInputException;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.belief.EvidenceException;
import org.ssmworkbench.core.ssm.ResultSelector;
import org.ssmworkbench.core.ssm.Selection;

/**
 * Answers the lines of one chunk of `ssm mass --batch`: each line becomes one output line, its
 * answer or {@code {"error": "line N: …"}}, whatever its bytes. One instance per worker thread.
 */
final class BatchAnswerer implements BatchRunner.ChunkAnswerer {

    private final ObjectMapper mapper;
    private final CombinationRule rule;
    private final ResultSelector select;
    private final boolean trace;
    private final MassRequestParser parser = new MassRequestParser();
    private final MassAnswerBytes writer = new MassAnswerBytes();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private CharBuffer decoded = CharBuffer.allocate(256);

    BatchAnswerer(ObjectMapper mapper, CombinationRule rule, ResultSelector select, boolean trace) {
        this.mapper = mapper;
        this.rule = rule;
        this.select = select;
        this.trace = trace;
    }

    @Override
    public BatchRunner.Answers answer(BatchLines.Chunk chunk) {
        Bytes out = new Bytes(Math.max(1024, chunk.size * 5));
        int errors = 0;
        int internal = 0;
        String firstError = null;
        for (int i = 0; i < chunk.count(); i++) {
            int lineNo = chunk.firstLine + i;
            int mark = out.size;
            String msg = null;
            try {
                MassRequest request = request(chunk, i);
                if (trace) {
                    MassResult r = MassResult.compute(request);
                    try (JsonGenerator g = mapper.createGenerator(out)) {
                        MassResultWriter.write(g, r, true);
                    }
                } else {
                    answerWithoutTrace(out, request);
                }
            } catch (BadInputException | EvidenceException e) {
                msg = "line " + lineNo + ": " + e.getMessage();
            } catch (IOException | RuntimeException | StackOverflowError e) {
                msg = "line " + lineNo + ": internal error: " + e;
                internal++;
            }
            if (msg != null) {
                out.size = mark; // nothing half written
                msg = wellFormed(msg);
                errors++;
                if (firstError == null) {
                    firstError = msg;
                }
                try (JsonGenerator g = mapper.createGenerator(out)) {
                    g.writeStartObject();
                    g.writeStringField("error", msg);
                    g.writeEndObject();
                } catch (IOException e) {
                    throw new IllegalStateException("cannot write an error answer", e);
                }
            }
            out.write('\n');
        }
        return new BatchRunner.Answers(out.buf, out.size, chunk.count(), errors, internal, firstError);
    }

    /**
     * The answer without a trace: the fold keeps no steps and builds no labels (the same arithmetic in
     * the same order, so the same numbers to the last bit). Should the fold fail, it is run again with
     * its labels, whose message names the step and operands.
     */
    private void answerWithoutTrace(Bytes out, MassRequest request) {
        CombinationRule.Folded f;
        try {
            f = request.rule().foldQuietly(request.masses(), true);
        } catch (EvidenceException e) {
            MassResult.compute(request);
            throw e;
        }
        Optional<Selection> s = request.selector().isPresent()
                ? Optional.of(request.selector().get().select(f.result())) : Optional.empty();
        writer.write(out, f.result(), f.conflicts(), s);
    }

    private MassRequest request(BatchLines.Chunk c, int i) {
        long tooLong = c.tooLong(i);
        if (tooLong >= 0) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "the line is %,d bytes long; the limit is %,d bytes", tooLong, BatchLines.MAX_LINE_BYTES));
        }
        int s = c.start(i);
        int e = c.end(i);
        byte[] b = c.data;
        if (isBlank(b, s, e)) {
            throw new BadInputException("empty line (expected one JSON object)");
        }
        int bad = invalidUtf8(b, s, e);
        if (bad >= 0) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "invalid UTF-8 at byte %d of the line (0x%02X)", bad + 1, b[s + bad] & 0xFF));
        }
        MassRequest streamed = parser.parseStreaming(mapper.getFactory(), b, s, e - s, rule, select);
        if (streamed != null) {
            return streamed;
        }
        JsonNode node; // not a well-formed request: the tree path names what is wrong
        try {
            node = mapper.readTree(b, s, e - s);
        } catch (JsonProcessingException ex) {
            throw new BadInputException(describe(ex, b, s, e), ex);
        } catch (IOException ex) {
            throw new BadInputException("malformed JSON: " + ex.getMessage(), ex);
        }
        if (node == null || node.isMissingNode()) {
            throw new BadInputException("empty line (expected one JSON object)");
        }
        return parser.parse(node, rule, select);
    }

    private static boolean isBlank(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            byte x = b[i];
            if (x != ' ' && x != '\t' && x != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The offset in the line of the first byte that is not valid UTF-8, or -1. */
    private int invalidUtf8(byte[] b, int s, int e) {
        int i = s;
        while (i < e && b[i] >= 0) {
            i++;
        }
        if (i == e) {
            return -1; // ASCII
        }
        if (decoded.capacity() < e - s || decoded.capacity() > (1 << 20) && e - s < (1 << 16)) {
            decoded = CharBuffer.allocate(e - s);
        }
        decoded.clear();
        utf8.reset();
        ByteBuffer in = ByteBuffer.wrap(b, s, e - s);
        CoderResult r = utf8.decode(in, decoded, true);
        if (!r.isError()) {
            r = utf8.flush(decoded);
        }
        return r.isError() ? in.position() - s : -1;
    }

    /** "column C: malformed JSON: …", C counting characters (the line is valid UTF-8 by now). */
    private static String describe(JsonProcessingException ex, byte[] b, int s, int e) {
        JsonLocation loc = ex.getLocation();
        String where = "";
        if (loc != null && loc.getByteOffset() >= 0) {
            long off = Math.min(loc.getByteOffset(), e - s);
            int chars = 0;
            for (int i = s; i < s + off; i++) {
                if ((b[i] & 0xC0) != 0x80) {
                    chars++;
                }
            }
            where = "column " + (chars + 1) + ": ";
        } else if (loc != null) {
            where = "column " + loc.getColumnNr() + ": ";
        }
        return where + "malformed JSON: " + ex.getOriginalMessage();
    }

    /** The message with each lone surrogate (from a JSON escape such as \ud800) replaced by U+FFFD. */
    static String wellFormed(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
            if (lone && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(lone ? '\uFFFD' : c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** A growable byte buffer that can drop what was written after a mark. */
    static final class Bytes extends OutputStream {
        byte[] buf;
        int size;

        Bytes(int capacity) {
            buf = new byte[capacity];
        }

        void ensure(int extra) {
            if (size + extra > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(size + extra, buf.length * 2));
            }
        }

        @Override
        public void write(int b) {
            ensure(1);
            buf[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, size, len);
            size += len;
        }
    }
}
