package org.ssmworkbench.web;

/**
 * What a feature's routes may use.
 *
 * @param workspace   the project served
 * @param toolVersion the version of SSM Workbench (stamped on results.json and the report)
 * @param token       the token state-changing requests carry
 */
public record ApiContext(Workspace workspace, String toolVersion, String token) {
}
