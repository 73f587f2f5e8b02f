package org.ssmworkbench.io.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssmworkbench.io.measurements.MeasurementReader;

/** Decision 0052: the warm-up may run beside a load, any number of times, and changes nothing it reads. */
class WarmUpTest {

    static final Path CASE = Path.of("..", "examples", "quantization");

    @Test
    void loadsBesideWarmUpsEqualAPlainLoad() throws InterruptedException {
        Project plain = new ProjectLoader(MeasurementReader::summarizeOne).load(CASE);
        for (int round = 0; round < 5; round++) {
            List<Thread> warmUps = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                Thread w = new Thread(ProjectLoader::warmUp);
                warmUps.add(w);
                w.start();
            }
            Project loaded = new ProjectLoader(MeasurementReader::summarizeOne).load(CASE);
            for (Thread w : warmUps) {
                w.join();
            }
            assertThat(loaded.synthesis()).isEqualTo(plain.synthesis());
            assertThat(loaded.descriptions()).isEqualTo(plain.descriptions());
            assertThat(loaded.warnings()).isEqualTo(plain.warnings());
        }
    }
}
