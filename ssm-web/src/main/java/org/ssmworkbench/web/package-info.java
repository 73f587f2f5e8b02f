/**
 * The local web workbench ({@code ssm serve}): {@link org.ssmworkbench.web.WorkbenchServer} over one
 * project folder ({@link org.ssmworkbench.web.Workspace}), the {@link org.ssmworkbench.web.SecurityFilter}
 * before every route, and one {@link org.ssmworkbench.web.Api} per feature (docs/workbench.md).
 */
package org.ssmworkbench.web;
