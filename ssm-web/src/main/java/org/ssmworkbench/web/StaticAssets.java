package org.ssmworkbench.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The front end, from the jar: {@code /} is index.html with this server's token in a meta element,
 * {@code /assets/NAME} the scripts, styles and images beside it. Names are plain (letters, digits,
 * dashes, one extension), so no path can leave the folder; nothing is loaded from the network.
 */
final class StaticAssets implements Api {

    static final String ROOT = "/org/ssmworkbench/web/static/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(js|css|svg|png)");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "png", "image/png");

    private final String token;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    StaticAssets(String token) {
        this.token = token;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/", this::index);
        routes.get("/assets/{name}", this::asset);
    }

    private void index(Context ctx) {
        String html = new String(bytes("index.html"), StandardCharsets.UTF_8).replace("{{token}}", token);
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    private void asset(Context ctx) {
        String name = ctx.pathParam("name");
        byte[] b = NAME.matcher(name).matches() ? bytes(name) : null;
        if (b == null) {
            throw ApiException.of(404, "no such asset: " + name);
        }
        ctx.contentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1))).result(b);
    }

    private byte[] bytes(String name) {
        return cache.computeIfAbsent(name, n -> {
            try (InputStream in = StaticAssets.class.getResourceAsStream(ROOT + n)) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
