package org.ssmworkbench.cli;

/**
 * Marks a command that reads a synthesis project: {@link Main} prepares the YAML reading on a second
 * thread while the command line is set up (decision 0052).
 */
public interface LoadsProject {
}
