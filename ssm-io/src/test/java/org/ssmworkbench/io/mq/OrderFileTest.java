package org.ssmworkbench.io.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The qualifier notations of evidence labels, each against the record it names. */
class OrderFileTest {

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = ';', value = {
        "3-bit; ptq-retrain; w-log3",
        "16-bit; qat; w-q0.16, a-q0.16",
        "8bit; ptq; w-int8",
        "fxp_4_32; qat; w-q0.4, a-q0.32",
        "INT8; ptq; w-int8, a-int8",
        "fp16; ptq; w-fp16, a-fp16",
        "q8.4; ptq; a-q8.4",
        "wa-int8; ptq; w-int8, a-int8",
        "w-int8; ptq; w-int8",
        "qat mixed-3.9; qat; mixed-3.9",
        "w8a8 PTQ; ptq; w-int8, a-int8",
        "w8a8 QAT; qat; w-int8, a-int8",
        "w2a2; qat; w-int2, a-int2",
        "w16a16; ptq; w-fp16, a-fp16",
        "full model int8; ptq; full-int8",
        "weights int8 - activations fp32; qat; w-q0.8, a-fp32",
        "weights fp32 - activations fp16; qat; w-fp32, a-q0.16",
        "weights q0.16 - activations q0.16; qat; w-q0.16, a-q0.16",
    })
    void aQualifierNamesItsRecord(String qualifier, String method, String config) {
        assertThat(OrderFile.candidates(qualifier)).anySatisfy(c -> {
            assertThat(c.config()).isEqualTo(config);
            assertThat(c.method() == null || c.method().equals(method)).isTrue();
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Evidence based on the paper \"A Title (w8a8 evidence)\"; A Title; w8a8",
        "Evidence based on the paper \"A Title\" (weights q0.16 - activations q0.16 evidence); A Title;"
                + " weights q0.16 - activations q0.16",
        "Evidence based on the paper \"Q_YOLOv5m: A (Quantization) Approach\"; Q_YOLOv5m: A (Quantization) Approach; ",
    })
    void aLineGivesTitleAndQualifier(String line, String title, String qualifier) {
        List<OrderFile.Line> l = OrderFile.parse(Path.of("order.txt"), ("\n" + line + "\n\n").getBytes(
                StandardCharsets.UTF_8));
        assertThat(l).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(2);
            assertThat(x.title()).isEqualTo(title);
            assertThat(x.qualifier()).isEqualTo(qualifier);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"qat; mixed-2", "; w-int8"})
    void theExportNotationReadsBack(String method, String config) {
        MqPackage.Evidence r = new MqPackage.Evidence(method, config, new LinkedHashMap<>());
        String label = OrderFile.label("T", r, false);
        OrderFile.Line l = OrderFile.parse(Path.of("o"), label.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(OrderFile.candidates(l.qualifier())).contains(new OrderFile.Candidate(method, config));
    }
}
