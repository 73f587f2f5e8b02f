package org.ssmworkbench.cli.mass;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ssmworkbench.cli.BadInputException;
import org.ssmworkbench.cli.Converters;
import org.ssmworkbench.cli.ExitCodes;
import org.ssmworkbench.cli.Main;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.belief.EvidenceException;
import org.ssmworkbench.core.ssm.ResultSelector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ssm mass`: a general belief-function calculator over JSON. */
@Command(name = "mass",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Combine mass functions and read off measures: a general Dempster-Shafer calculator.",
            "",
            "Input: one JSON object (FILE, or standard input when FILE is absent or '-'), or with",
            "--batch one object per line (JSON Lines), answered by one output line each, in order.",
            "",
            "  {\"frame\": [\"a\",\"b\",\"c\",\"d\"],     optional; default: the SSM frame SN..SP",
            "   \"rule\": \"dempster\",             dempster|conjunctive|disjunctive|yager|dubois-prade|murphy",
            "   \"masses\": [{\"a\": 0.4, \"b\": 0.2, \"a,d\": 0.1, \"a,b,c,d\": 0.3},",
            "              {\"b\": 0.5, \"c\": 0.2, \"a,c\": 0.3}],",
            "   \"select\": \"ef\"}                 optional: ef|santos (SSM frame only)",
            "",
            "Focal-set keys are atom names joined by commas (order and spaces ignored, \"\" is the",
            "empty set); on the SSM frame the 13 intensity labels work too (\"positive - strongly",
            "positive\"). Output: masses, the K of each pairwise step (conflicts), bel/pl/q of each",
            "focal set, the pignistic probabilities and, with select, the selected hypothesis.",
            "",
            "--batch reads bytes: only LF ends a line (a CR is JSON white space), a UTF-8 byte order",
            "mark is skipped, and a line that is not valid UTF-8 or not a request gets",
            "{\"error\": \"line N: ...\"} in its place while the other lines are answered.",
            "",
            "Limits (each an error naming the line): a line of at most 16 MiB; a frame of at most",
            "64 atoms; at most 1,048,576 focal sets per function or result; at most 67,108,864",
            "products of focal sets per pairwise step; Bel/Pl/Q of more than 16,384 focal sets only",
            "when they tell at most 20 atom classes apart. Masses summing to 1 within 1e-9 are",
            "renormalized, and printed values never leave [0, 1].",
            ""
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:internal error",
            "2:bad input: malformed JSON, unknown atom, mass outside [0,1], masses not summing to 1,",
            "  total conflict under Dempster's rule, a limit exceeded (in batch mode: after",
            "  answering every line)"
        })
public final class MassCommand implements Callable<Integer> {

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                    .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "A JSON file with one request; '-' or absent: standard input.")
    private String file;

    @Option(names = "--batch", paramLabel = "FILE",
            description = "JSON Lines: one request per line ('-' for standard input); one answer line each.")
    private String batch;

    @Option(names = "--rule", paramLabel = "RULE", converter = Converters.Rule.class,
            description = "Use this rule for every request, whatever the request says: ${COMPLETION-CANDIDATES}.",
            completionCandidates = RuleIds.class)
    private CombinationRule rule;

    @Option(names = "--select", paramLabel = "SELECTOR", converter = Converters.Selector.class,
            description = "Use this selector for every request (ef or santos; SSM frame only).")
    private ResultSelector select;

    @Option(names = "--trace", description = "Also print every pairwise step: operands, unnormalized masses, K, result.")
    private boolean trace;

    @Option(names = "--pretty", description = "Indent the output (single request only).")
    private boolean pretty;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (batch != null) {
            if (file != null) {
                throw new BadInputException("give either FILE or --batch FILE, not both");
            }
            if (pretty) {
                throw new BadInputException("--pretty cannot be used with --batch (one answer per line)");
            }
            return runBatch(out);
        }
        runSingle(out);
        return ExitCodes.OK;
    }

    private void runSingle(PrintWriter out) throws IOException {
        String source = file == null || file.equals("-") ? "<stdin>" : file;
        JsonNode node;
        try (Reader r = open(file)) {
            node = MAPPER.readTree(r);
        } catch (JsonProcessingException e) {
            throw new BadInputException(source + ": " + describe(e), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new BadInputException(source + ": empty input (expected one JSON object)");
        }
        MassResult result = computeOrExplain(node, source + ": ");
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = MAPPER.createGenerator(sw)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            MassResultWriter.write(g, result, trace);
        }
        out.println(sw);
    }

    private int runBatch(PrintWriter out) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        OutputStream sink = Main.bytes(out);
        int workers = Runtime.getRuntime().availableProcessors();
        BatchRunner.Totals t;
        InputStream in = openBytes(batch);
        try {
            t = BatchRunner.run(in, batch.equals("-") ? "<stdin>" : batch, sink, workers,
                    () -> new BatchAnswerer(MAPPER, rule, select, trace));
        } finally {
            if (in != System.in) {
                in.close();
            }
        }
        sink.flush();
        if (t.internalErrors() > 0) {
            err.println("ssm mass: internal error on " + t.internalErrors() + " of " + t.lines()
                    + " input lines (answered in place); first: " + t.firstError());
            err.println("(please report it)");
            return ExitCodes.INTERNAL;
        }
        if (t.errors() > 0) {
            err.println("ssm mass: " + t.errors() + " of " + t.lines() + " input lines had errors; first: "
                    + t.firstError());
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.OK;
    }

    private MassResult compute(MassRequestParser parser, JsonNode node) {
        return MassResult.compute(parser.parse(node, rule, select));
    }

    private MassResult computeOrExplain(JsonNode node, String prefix) {
        try {
            return compute(new MassRequestParser(), node);
        } catch (BadInputException | EvidenceException e) {
            throw new BadInputException(prefix + e.getMessage(), e);
        }
    }

    private static InputStream openBytes(String name) {
        if (name == null || name.equals("-")) {
            return System.in;
        }
        Path p = Path.of(name);
        try {
            return Files.newInputStream(p);
        } catch (NoSuchFileException e) {
            throw new BadInputException(name + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Reader open(String name) throws IOException {
        if (name == null || name.equals("-")) {
            InputStream in = System.in;
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }
        Path p = Path.of(name);
        try {
            return Files.newBufferedReader(p, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(name + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new BadInputException(name + ": cannot read: " + e.getCause().getMessage(), e);
        }
    }

    private static String describe(JsonProcessingException e) {
        var loc = e.getLocation();
        String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
        return where + "malformed JSON: " + e.getOriginalMessage();
    }

    /** The rule ids, for help and completion. */
    static final class RuleIds extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        RuleIds() {
            for (CombinationRule r : CombinationRule.values()) {
                add(r.id());
            }
        }
    }
}
