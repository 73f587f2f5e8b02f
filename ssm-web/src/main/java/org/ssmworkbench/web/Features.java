package org.ssmworkbench.web;

import java.util.List;

/** The workbench's features, in the order their routes are registered: one line per feature. */
final class Features {

    private Features() {
    }

    static List<Api> all(ApiContext c) {
        Saves saves = new Saves(c.workspace());
        return List.of(
                new StaticAssets(c.token()),
                new OverviewApi(c.workspace()),
                new StudiesApi(c.workspace(), saves),
                new ProjectApi(c.workspace(), saves, c.toolVersion()),
                new CompareApi(c.workspace(), saves),
                new WhatIfApi(c.workspace(), saves));
    }
}
