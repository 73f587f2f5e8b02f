package org.ssmworkbench.web;

import java.util.List;

/** The workbench's features, in the order their routes are registered: one line per feature. */
final class Features {

    private Features() {
    }

    static List<Api> all(ApiContext c) {
        return List.of(
                new StaticAssets(c.token()),
                new OverviewApi(c.workspace()),
                new CompareApi(c.workspace()),
                new WhatIfApi(c.workspace()));
    }
}
