package org.ssmworkbench.io.project;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.ssmworkbench.io.InputException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;

/**
 * Reads one YAML project file with one parse: Jackson maps the values into the file's record type
 * (unknown fields rejected) while a delegate on the same token stream records the line of every
 * value ({@link YamlMarks}) and refuses what the format does not allow: duplicate keys, anchors and
 * aliases, merge keys, a second document. Decision 0016 explains the choice.
 *
 * <p>Limits (docs/formats/project.md, "Limits"): a file of at most {@link #MAX_BYTES} bytes, values
 * nested at most {@link #MAX_DEPTH} deep.
 */
final class YamlReader {

    /** The largest project file read: 16 MiB. */
    static final int MAX_BYTES = 16 << 20;

    /** The deepest nesting of mappings and lists. */
    static final int MAX_DEPTH = 100;

    /** The mapper of every project file: snake_case fields, unknown ones rejected, no float-to-int. */
    static final ObjectMapper MAPPER;

    static {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES); // never reached: files are checked against MAX_BYTES first
        options.setNestingDepthLimit(MAX_DEPTH);
        MAPPER = YAMLMapper.builder(new Factory(YAMLFactory.builder()
                        .loaderOptions(options)
                        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())))
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
    }

    private YamlReader() {
    }

    /**
     * Builds, ahead of the first read, what the first read of each file kind would build: the
     * deserializers of the three file types (Jackson introspects the records and caches the result in
     * {@link #MAPPER}) and the YAML scanner's classes. It reads nothing from disk and changes no result;
     * a command that loads a project runs it on a second thread while the command line is set up
     * (decision 0052).
     */
    static void warmUp() {
        try {
            for (Class<?> type : List.of(ProjectFiles.SynthesisFile.class, ProjectFiles.ChecklistFile.class,
                    ProjectFiles.StudyFile.class)) {
                MAPPER.readerFor(type);
            }
            MAPPER.readTree("k: [1, 'a', {b: 2.5, c: \"d\"}] # e\n");
        } catch (IOException | RuntimeException e) {
            // a warm-up only fills caches: whatever fails here fails again, and is reported, on the real read
        }
    }

    /**
     * Parses a file's bytes into {@code type}, with the lines of its values.
     *
     * @throws InputException for malformed YAML, an empty file, a duplicate key, an anchor or alias,
     *                        or a value of the wrong type or name, naming line and field
     */
    static <T> ParsedFile<T> read(Path file, byte[] bytes, Class<T> type) {
        return read(file, bytes, type, new TextPool());
    }

    /**
     * As {@link #read(Path, byte[], Class)}, the texts of keys and values taken from {@code texts}, which
     * the files of one project share ({@link TextPool}).
     */
    static <T> ParsedFile<T> read(Path file, byte[] bytes, Class<T> type, TextPool texts) {
        if (bytes.length > MAX_BYTES) {
            throw new InputException(file, 0, "", tooLarge(bytes.length));
        }
        Recorder rec;
        try {
            // a Reader, not the bytes: Jackson's byte source would put its own cap on the text
            rec = new Recorder(file, (WatchingParser) MAPPER.getFactory().createParser(
                    new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)), texts);
        } catch (IOException e) {
            throw new InputException(file, 0, "", "cannot read: " + e.getMessage(), e);
        }
        T value;
        try {
            if (rec.nextToken() == null) {
                throw new InputException(file, 0, "", "the file is empty: expected YAML fields (see"
                        + " docs/formats/project.md)");
            }
            value = MAPPER.readValue(rec, type);
            JsonToken more = rec.nextToken();
            if (more != null) {
                throw new InputException(file, rec.tokenLine(), "", "malformed YAML: a second document starts here"
                        + " (a project file holds one document; remove the '---' line)");
            }
        } catch (Stop e) {
            throw rec.problem;
        } catch (JsonMappingException e) {
            rec.drain(); // a syntax error, a duplicate key or an alias anywhere in the file comes first
            throw rec.problem != null ? rec.problem : YamlErrors.mappingError(file, rec.marks, List.of(), e);
        } catch (IOException e) {
            rec.drain();
            throw rec.problem != null ? rec.problem
                    : new InputException(file, rec.tokenLine(), "", YamlErrors.clean(e.getMessage()), e);
        } catch (RuntimeException e) {
            if (rec.problem != null) {
                throw rec.problem;
            }
            throw e;
        } finally {
            rec.closeQuietly(); // after the catch clauses, which read on after a mapping error
        }
        if (value == null) {
            throw new InputException(file, 0, "", "the file is empty");
        }
        return new ParsedFile<>(file, value, rec.marks);
    }

    /** The message for a file over {@link #MAX_BYTES}. */
    static String tooLarge(long bytes) {
        return String.format(java.util.Locale.ROOT, "the file is %.1f MiB; a project file may be at most %d MiB"
                + " (split the study's evidence models, or put raw data in a measurement file)",
                bytes / (double) (1 << 20), MAX_BYTES >> 20);
    }

    /** Makes {@link WatchingParser}s. */
    private static final class Factory extends YAMLFactory {
        private static final long serialVersionUID = 1L;

        Factory(YAMLFactoryBuilder b) {
            super(b);
        }

        @Override
        protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
            return new WatchingParser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
        }
    }

    /** Jackson's YAML parser, noting the first anchor or alias among the SnakeYAML events it reads. */
    private static final class WatchingParser extends YAMLParser {
        /** "&name" or "*name" of the first anchor or alias, or null. */
        String anchorOrAlias;

        WatchingParser(IOContext ctxt, int parserFeatures, int formatFeatures, LoaderOptions options, ObjectCodec codec,
                Reader reader) {
            super(ctxt, parserFeatures, formatFeatures, options, codec, reader);
        }

        @Override
        protected Event getEvent() throws IOException {
            Event e = super.getEvent();
            if (anchorOrAlias == null) {
                if (e instanceof AliasEvent a) {
                    anchorOrAlias = "the alias *" + a.getAnchor();
                } else if (e instanceof NodeEvent n && n.getAnchor() != null) {
                    anchorOrAlias = "the anchor &" + n.getAnchor();
                }
            }
            return e;
        }
    }

    /** Thrown by the recorder to stop mapping at a problem it found; the problem is in {@link Recorder#problem}. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    /** The token stream Jackson maps from, recording marks on the way. */
    private static final class Recorder extends JsonParserDelegate {
        final Path file;
        final WatchingParser yaml;
        final YamlMarks marks = new YamlMarks();
        /** Open mappings and lists, innermost last. */
        final Deque<YamlMarks.Node> open = new ArrayDeque<>();
        /** How each open container is reached from its parent (a key or an index); the root has none. */
        final Deque<Object> steps = new ArrayDeque<>();
        final TextPool texts;
        String key;
        InputException problem;

        Recorder(Path file, WatchingParser p, TextPool texts) {
            super(p);
            this.file = file;
            this.yaml = p;
            this.texts = texts;
        }

        /** Reads on to the end of the file (after a mapping error), stopping at the first problem found. */
        void drain() {
            try {
                while (problem == null && nextToken() != null) {
                    // recording only
                }
            } catch (Stop | IOException e) {
                // the problem, if any, is recorded; anything else leaves the mapping error to report
            }
        }

        void closeQuietly() {
            try {
                close();
            } catch (IOException e) {
                // reading from memory: nothing to release
            }
        }

        int tokenLine() {
            JsonLocation loc = yaml.currentTokenLocation();
            return loc == null || loc.getLineNr() < 1 ? 0 : loc.getLineNr();
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken t;
            try {
                t = delegate.nextToken();
            } catch (IOException e) {
                MarkedYAMLException marked = marked(e);
                if (marked != null) {
                    throw stop(YamlErrors.syntaxError(file, marked));
                }
                if (e instanceof JsonProcessingException && e.getMessage() != null
                        && e.getMessage().contains("nesting depth")) {
                    throw stop(new InputException(file, tokenLine(), field(List.of()), "values nested deeper than "
                            + MAX_DEPTH + " levels", e));
                }
                throw e;
            }
            if (t != null) {
                record(t);
            }
            return t;
        }

        // the texts Jackson maps from: keys, and scalars as strings (numbers are read as numbers)

        @Override
        public String currentName() throws IOException {
            return texts.of(delegate.currentName());
        }

        @Override
        public String getCurrentName() throws IOException {
            return currentName();
        }

        @Override
        public String getText() throws IOException {
            return texts.of(delegate.getText());
        }

        @Override
        public String getValueAsString() throws IOException {
            return texts.of(delegate.getValueAsString());
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken t = nextToken();
            return t == JsonToken.FIELD_NAME ? nextToken() : t;
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            JsonToken t = currentToken();
            if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
                return this;
            }
            int depth = 1;
            while (depth > 0) {
                JsonToken n = nextToken();
                if (n == null) {
                    break;
                }
                if (n.isStructStart()) {
                    depth++;
                } else if (n.isStructEnd()) {
                    depth--;
                }
            }
            return this;
        }

        private void record(JsonToken t) {
            int line = tokenLine();
            if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                open.pollLast();
                if (!open.isEmpty()) {
                    steps.pollLast(); // the closed container was reached by this step
                }
                return;
            }
            if (yaml.anchorOrAlias != null) {
                throw stop(new InputException(file, line, field(t == JsonToken.FIELD_NAME ? path() : pending()),
                        yaml.anchorOrAlias + " is not supported: project files hold no anchors (&name) or aliases"
                        + " (*name), so that an edit changes one place; write the value out where it is used"));
            }
            YamlMarks.Node parent = open.peekLast();
            if (t == JsonToken.FIELD_NAME) {
                String name;
                try {
                    name = yaml.currentName();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                if ("<<".equals(name)) {
                    throw stop(new InputException(file, line, field(pathTo(name)), "merge keys (<<) are not"
                            + " supported: write the fields out"));
                }
                Integer first = parent.keyLines.putIfAbsent(name, line);
                if (first != null) {
                    throw stop(new InputException(file, line, field(pathTo(name)), "duplicate key '" + name
                            + "' (first given on line " + first + "); a key may appear only once in a mapping"));
                }
                parent.fields.put(name, new YamlMarks.Node(YamlMarks.Kind.PENDING, line, null));
                key = name;
                return;
            }
            YamlMarks.Node n;
            if (t == JsonToken.START_OBJECT) {
                n = new YamlMarks.Node(YamlMarks.Kind.MAPPING, line, null);
            } else if (t == JsonToken.START_ARRAY) {
                n = new YamlMarks.Node(YamlMarks.Kind.LIST, line, null);
            } else {
                String text;
                try {
                    text = t == JsonToken.VALUE_NULL ? nullText() : yaml.getText();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                n = new YamlMarks.Node(YamlMarks.Kind.SCALAR, line, text);
            }
            Object step = null;
            if (parent == null) {
                marks.root(n);
            } else if (parent.kind() == YamlMarks.Kind.MAPPING) {
                parent.fields.put(key, n);
                step = key;
            } else {
                step = parent.items.size();
                parent.items.add(n);
            }
            if (t.isStructStart()) {
                if (parent != null) {
                    steps.addLast(step);
                }
                open.addLast(n);
            }
        }

        /** The text of a null scalar as written ("", "~" or "null"). */
        private String nullText() throws IOException {
            String s = yaml.getText();
            return s == null ? "" : s;
        }

        /** The path of the open container. */
        private List<Object> path() {
            return new ArrayList<>(steps);
        }

        /** The path of the key {@code name} in the open mapping. */
        private List<Object> pathTo(String name) {
            List<Object> at = path();
            at.add(name);
            return at;
        }

        /** The path of the value about to be attached. */
        private List<Object> pending() {
            List<Object> p = path();
            YamlMarks.Node parent = open.peekLast();
            if (parent != null) {
                p.add(parent.kind() == YamlMarks.Kind.MAPPING ? key : parent.items.size());
            }
            return p;
        }

        private static String field(List<Object> path) {
            return YamlMarks.field(path);
        }

        private Stop stop(InputException e) {
            if (problem == null) {
                problem = e;
            }
            return new Stop();
        }

        private static MarkedYAMLException marked(Throwable e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof MarkedYAMLException m) {
                    return m;
                }
            }
            return null;
        }
    }
}
