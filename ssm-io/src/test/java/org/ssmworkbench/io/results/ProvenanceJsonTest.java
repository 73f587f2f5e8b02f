package org.ssmworkbench.io.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.sensitivity.SensitivityAnalysis;
import org.ssmworkbench.core.sensitivity.SensitivityResult;
import org.ssmworkbench.core.ssm.ResultSelector;
import org.ssmworkbench.core.synthesis.CutPoints;
import org.ssmworkbench.core.synthesis.DiscountPolicy;
import org.ssmworkbench.core.synthesis.MassAssignment;
import org.ssmworkbench.core.synthesis.Provenance;
import org.ssmworkbench.core.synthesis.SpreadPolicy;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.io.measurements.MeasurementReader;
import org.ssmworkbench.io.project.Project;
import org.ssmworkbench.io.project.ProjectLoader;

/** The one provenance writer: what results.json and sensitivity.json state, read back as written. */
class ProvenanceJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CASE = Path.of("..", "examples", "quantization");

    static Project project;
    static SynthesisResult result;

    @BeforeAll
    static void load() {
        project = new ProjectLoader(MeasurementReader::summarizeOne).load(CASE);
        result = Synthesizer.run(project.synthesis());
    }

    @Test
    void resultsJsonStatesToolJvmEveryInputWithHashAndSizeAndEveryPolicy() throws Exception {
        Provenance p = project.provenance("9.9.9").withJvm(new Provenance.Jvm("17.0.99+1", "Example Vendor"));
        JsonNode doc = JSON.readTree(ResultsJson.write(project, result, p));
        JsonNode prov = doc.get("provenance");
        assertThat(prov.get("tool").asText()).isEqualTo("ssm-workbench 9.9.9");
        assertThat(prov.get("format").asText()).isEqualTo(ResultsJson.FORMAT);
        assertThat(prov.get("jvm").get("version").asText()).isEqualTo("17.0.99+1");
        assertThat(prov.get("jvm").get("vendor").asText()).isEqualTo("Example Vendor");
        assertThat(prov.has("results_sha256")).as("the trace is in this file").isFalse();
        assertThat(prov.get("inputs")).hasSize(8);
        assertThat(prov.get("inputs").get(0).get("path").asText()).isEqualTo("synthesis.yaml");
        assertThat(doc.get("policies").get("rule").asText()).isEqualTo("dempster");
        assertThat(doc.get("policies").get("discount").get("factor").asDouble()).isEqualTo(0.1);

        Provenance back = ProvenanceJson.read(doc);
        assertThat(back).isEqualTo(p);
        assertThat(back.policies()).isEqualTo(result.synthesis().policies());
    }

    @Test
    void everyPolicyComesBackAsWrittenAlsoWhenNoneIsTheDefault() throws Exception {
        var pol = project.synthesis().policies().withRule(CombinationRule.DUBOIS_PRADE)
                .withSelector(ResultSelector.SANTOS).withAssignment(MassAssignment.EQUITABLE_SPLIT)
                .withDiscount(new DiscountPolicy(0.25, 4, 2))
                .withSpread(new SpreadPolicy(1.5, SpreadPolicy.Basis.SAMPLE))
                .withCutPoints(new CutPoints("resource", new double[] {1, 5, 15, 25, 35, 45}));
        var synthesis = project.synthesis().withPolicies(pol);
        Project changed = new Project(project.dir(), synthesis, project.descriptions(), project.publishedSource(),
                project.publishedNotes(), project.inputs(), Optional.of(0.001), project.warnings(),
                project.sensitivity(), project.date());
        SynthesisResult r = Synthesizer.run(synthesis);
        Provenance p = changed.provenance("1");
        assertThat(p.zeroBaseline()).contains(0.001);
        Provenance back = ProvenanceJson.read(JSON.readTree(ResultsJson.write(changed, r, p)));
        assertThat(back.policies()).isEqualTo(pol);
        assertThat(back.zeroBaseline()).contains(0.001);
        assertThat(back).isEqualTo(p);
    }

    @Test
    void outputsOfTwoRuntimesDifferOnlyInTheJvmObject() {
        Provenance p = project.provenance("1");
        List<String> a = lines(ResultsJson.write(project, result, p.withJvm(new Provenance.Jvm("17.0.1", "A"))));
        List<String> b = lines(ResultsJson.write(project, result, p.withJvm(new Provenance.Jvm("21.0.2", "B"))));
        assertThat(a).hasSameSizeAs(b);
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                differ.add(a.get(i).trim() + " | " + b.get(i).trim());
            }
        }
        assertThat(differ).containsExactly("\"version\" : \"17.0.1\", | \"version\" : \"21.0.2\",",
                "\"vendor\" : \"A\" | \"vendor\" : \"B\"");
        // the default is the runtime that runs this test
        assertThat(p.jvm()).isEqualTo(Provenance.Jvm.current());
        assertThat(p.jvm().version()).isEqualTo(Runtime.version().toString());
    }

    @Test
    void sensitivityJsonStatesTheSameProvenanceThroughTheSameWriter() throws Exception {
        SensitivityResult s = SensitivityAnalysis.run(project.synthesis(), project.sensitivityWithYears());
        Provenance p = project.provenance("2.0").withJvm(new Provenance.Jvm("17", "V"));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        SensitivityFiles.writeJson(out, project, s, p);
        JsonNode doc = JSON.readTree(out.toByteArray());
        assertThat(doc.get("provenance").get("format").asText()).isEqualTo(SensitivityFiles.FORMAT);
        assertThat(ProvenanceJson.read(doc)).isEqualTo(p);
        JsonNode results = JSON.readTree(ResultsJson.write(project, result, p));
        ObjectNode expected = results.get("provenance").deepCopy();
        expected.put("format", SensitivityFiles.FORMAT);
        assertThat(doc.get("provenance")).isEqualTo(expected);
        assertThat(doc.get("policies")).isEqualTo(results.get("policies"));
    }

    @Test
    void aDocumentWithoutProvenanceIsRefusedByName() {
        assertThatThrownBy(() -> ProvenanceJson.read(JSON.readTree("{\"policies\": {}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'provenance'");
    }

    private static List<String> lines(byte[] bytes) {
        return Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n"));
    }
}
