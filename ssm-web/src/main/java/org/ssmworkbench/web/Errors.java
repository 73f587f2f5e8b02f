package org.ssmworkbench.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.file.Path;
import org.ssmworkbench.core.belief.EvidenceException;
import org.ssmworkbench.io.InputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps what a route throws to the JSON error body: a refusal as it says; bad input in the project
 * (located: file relative to the project, line, field) 422; evidence that cannot be combined 422; an
 * unknown route 404; anything else 500, logged, never dressed up as bad input.
 */
final class Errors {

    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private Errors() {
    }

    static void register(RoutesConfig routes, Path dir) {
        routes.exception(ApiException.class, (e, ctx) -> Json.send(ctx, e.status(), e.body()));
        routes.exception(InputException.class, (e, ctx) -> {
            ApiException a = located(e, dir);
            Json.send(ctx, a.status(), a.body());
        });
        routes.exception(EvidenceException.class, (e, ctx) ->
                Json.send(ctx, 422, ApiException.of(422, e.getMessage()).body()));
        routes.exception(HttpResponseException.class, (e, ctx) ->
                Json.send(ctx, e.getStatus(), ApiException.of(e.getStatus(), e.getMessage()).body()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
            Json.send(ctx, 500, ApiException.of(500, "internal error: " + e + " (please report it)").body());
        });
        routes.error(404, ctx -> notFound(ctx));
    }

    private static void notFound(Context ctx) {
        String type = ctx.res().getContentType();
        if (type == null || !type.startsWith("application/json")) {
            Json.send(ctx, 404, ApiException.of(404, "no such resource: " + ctx.method() + " " + ctx.path()).body());
        }
    }

    /** A located input error as a 422, its file relative to the project folder. */
    static ApiException located(InputException e, Path dir) {
        String file = null;
        if (e.file() != null) {
            Path abs = e.file().toAbsolutePath().normalize();
            file = abs.startsWith(dir) ? dir.relativize(abs).toString().replace('\\', '/') : abs.getFileName().toString();
        }
        String message = e.getMessage();
        if (e.file() != null) {
            String shown = InputException.display(e.file()) + (e.line() > 0 ? ":" + e.line() : "") + ": ";
            if (message.startsWith(shown)) {
                message = file + (e.line() > 0 ? ":" + e.line() : "") + ": " + message.substring(shown.length());
            }
        }
        return ApiException.located(422, message, file, e.line(), e.field());
    }
}
