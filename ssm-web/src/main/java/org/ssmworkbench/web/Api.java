package org.ssmworkbench.web;

import io.javalin.config.RoutesConfig;

/**
 * One feature's routes (overview, studies, ...). {@link WorkbenchServer} registers each after the
 * security filter, so a route sees only requests that passed it.
 */
public interface Api {

    /** Adds this feature's routes. */
    void register(RoutesConfig routes);
}
