package org.ssmworkbench.bench.synthesis;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ssmworkbench.core.synthesis.Effect;
import org.ssmworkbench.core.synthesis.EffectInput;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.Synthesis;

/**
 * Writes a generated synthesis as a project folder, for end-to-end timing of `ssm synthesize`:
 * {@code GenerateProject STUDIES EFFECTS OUTDIR [SEED]}.
 */
public final class GenerateProject {

    private GenerateProject() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: GenerateProject STUDIES EFFECTS OUTDIR [SEED]");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        int e = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42L;
        Synthesis s = GeneratedSynthesis.generate(n, e, seed);
        Files.createDirectories(out.resolve("studies"));
        try (Writer w = Files.newBufferedWriter(out.resolve("synthesis.yaml"), StandardCharsets.UTF_8)) {
            w.write("format: 1\nid: generated\ntitle: \"Generated synthesis: " + n + " studies x " + e + " effects\"\n");
            w.write("intervention: intervention\neffects:\n");
            for (Effect fx : s.effects()) {
                w.write("  - {id: " + fx.id() + ", family: " + fx.family() + ", better: " + fx.direction().id() + "}\n");
            }
            w.write("studies:\n");
            for (Study st : s.studies()) {
                w.write("  - " + st.id() + "\n");
            }
        }
        for (Study st : s.studies()) {
            StringBuilder sb = new StringBuilder(1024);
            sb.append("id: ").append(st.id()).append("\ntype: ").append(st.type()).append("\nbelief: ")
                    .append(st.explicitBelief().getAsDouble()).append("\nevidence:\n  - id: e1\n    label: config\n"
                            + "    effects:\n");
            st.evidence().get(0).effects().forEach((id, in) -> {
                var sum = ((EffectInput.FromSummary) in).statistics();
                sb.append(String.format(Locale.ROOT, "      %s: {summary: {mean: %s, iqr: %s}}%n", id,
                        Double.toString(sum.mean()), Double.toString(sum.iqr())));
            });
            Files.writeString(out.resolve("studies").resolve(st.id() + ".yaml"), sb, StandardCharsets.UTF_8);
        }
        System.out.println("wrote " + out + ": " + n + " studies x " + e + " effects");
    }
}
