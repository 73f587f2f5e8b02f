package org.ssmworkbench.io.mq;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The metric ids a quantization package uses, with the effect family (which cut points apply), the
 * direction of an improvement of the raw metric, and a label. The order of this table is the order of
 * the imported effects (correctness first, then resource use); metrics it does not know need
 * {@code --family} (and optionally {@code --better}) on the command line.
 */
public final class Metrics {

    /**
     * What the importer knows of a metric.
     *
     * @param family correctness or resource
     * @param better higher or lower
     * @param label  the effect's label
     */
    public record Known(String family, String better, String label) {
    }

    /** Correctness (cut points of the correctness family). */
    public static final String CORRECTNESS = "correctness";
    /** Resource use. */
    public static final String RESOURCE = "resource";

    private static final Map<String, Known> TABLE = new LinkedHashMap<>();

    static {
        c("accuracy", "higher", "Accuracy");
        c("top1_accuracy", "higher", "Top-1 Accuracy");
        c("top5_accuracy", "higher", "Top-5 Accuracy");
        c("f1_score", "higher", "F1 Score");
        c("precision", "higher", "Precision");
        c("recall", "higher", "Recall");
        c("auc", "higher", "AUC");
        c("dsc", "higher", "DSC");
        c("mAP", "higher", "mAP");
        c("mAP_5", "higher", "mAP@0.5");
        c("mAP_5_95", "higher", "mAP@0.5:0.95");
        c("mIoU", "higher", "mIoU");
        c("bleu", "higher", "BLEU");
        c("pass@1", "higher", "pass@1");
        c("perplexity", "lower", "Perplexity");
        c("word_error_rate", "lower", "Word Error Rate");
        c("error_rate", "lower", "Error Rate");
        c("loss", "lower", "Loss");
        r("storage_size", "lower", "Storage Size");
        r("model_size", "lower", "Model Size");
        r("ram_usage", "lower", "RAM Usage");
        r("memory_usage", "lower", "Memory Usage");
        r("cpu_utilization", "lower", "CPU Utilization");
        r("gpu_utilization", "lower", "GPU Utilization");
        r("gpu_memory_utilization", "lower", "GPU Memory Utilization");
        r("gpu_power_draw", "lower", "GPU Power Draw");
        r("gpu_energy_consumption", "lower", "GPU Energy Consumption");
        r("ram_energy_consumption", "lower", "RAM Energy Consumption");
        r("inference_power_draw", "lower", "Inference Power Draw");
        r("inference_energy_consumption", "lower", "Inference Energy Consumption");
        r("inference_latency", "lower", "Inference Latency");
        r("training_energy_consumption", "lower", "Training Energy Consumption");
        r("training_time", "lower", "Training Time");
        r("throughput", "higher", "Throughput");
    }

    private Metrics() {
    }

    private static void c(String id, String better, String label) {
        TABLE.put(id, new Known(CORRECTNESS, better, label));
    }

    private static void r(String id, String better, String label) {
        TABLE.put(id, new Known(RESOURCE, better, label));
    }

    /** What the table knows of a metric id (exact spelling). */
    public static Optional<Known> known(String id) {
        return Optional.ofNullable(TABLE.get(id));
    }

    /** Position of a known metric in the table; unknown metrics sort after all known ones. */
    static int rank(String id) {
        int i = 0;
        for (String k : TABLE.keySet()) {
            if (k.equals(id)) {
                return i;
            }
            i++;
        }
        return Integer.MAX_VALUE;
    }

    /** The direction an unknown metric defaults to, by its family. */
    static String defaultBetter(String family) {
        return family.toLowerCase(Locale.ROOT).equals(RESOURCE) ? "lower" : "higher";
    }
}
