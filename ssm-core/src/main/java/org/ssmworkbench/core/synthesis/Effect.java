package org.ssmworkbench.core.synthesis;

/**
 * An outcome concept the synthesis aggregates, e.g. accuracy or inference latency.
 *
 * @param id        stable id used in files ("accuracy")
 * @param label     readable name ("Accuracy")
 * @param family    the cut-point family its intensities use ("correctness", "resource")
 * @param direction whether higher values are better
 */
public record Effect(String id, String label, String family, Direction direction) {
}
