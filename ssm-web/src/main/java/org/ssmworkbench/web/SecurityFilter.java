package org.ssmworkbench.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

/**
 * What every request passes before any route (decision 0031):
 * <ul>
 *   <li>its Host header names this server (one of {@link #hosts}), so a page whose DNS name was rebound
 *       to 127.0.0.1 cannot read the API: 403;</li>
 *   <li>a state-changing request (POST, PUT, PATCH, DELETE) carries an Origin equal to this server's
 *       origin and the server's token in {@value #TOKEN_HEADER} (the page has it, another site cannot
 *       read it): else 403;</li>
 *   <li>a body is at most {@link #MAX_BODY} bytes: else 413;</li>
 * </ul>
 * and every answer carries a strict Content-Security-Policy, nosniff, no framing, no referrer, and API
 * answers are not cached.
 */
public final class SecurityFilter {

    /** The header carrying the per-server token. */
    public static final String TOKEN_HEADER = "X-SSM-Token";

    /** The largest request body accepted, in bytes (1 MiB). */
    public static final long MAX_BODY = 1L << 20;

    /** The Content-Security-Policy of every answer: nothing but this server's own scripts, styles and images. */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final Set<HandlerType> WRITES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE);

    private volatile Set<String> hosts = Set.of();
    private final byte[] token;

    /** @param token the per-server token */
    public SecurityFilter(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Sets the Host header values that name this server, lower case ("127.0.0.1:8080", ...): known once
     * the server listens; until then every request is refused.
     */
    public void hosts(Set<String> names) {
        this.hosts = Set.copyOf(names);
    }

    /** Checks one request; throws {@link ApiException} (403, 413) to refuse it. */
    public void check(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
        String host = ctx.header("Host");
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            throw ApiException.of(403, "refused: the Host header '" + (host == null ? "" : host)
                    + "' does not name this server (ssm serve answers only to its own address)");
        }
        long length = ctx.req().getContentLengthLong();
        if (length > MAX_BODY) {
            throw ApiException.of(413, "refused: the request body has " + length + " bytes, more than the "
                    + MAX_BODY + " this server accepts");
        }
        if (WRITES.contains(ctx.method())) {
            String origin = ctx.header("Origin");
            if (origin == null || !origin.equalsIgnoreCase("http://" + host)) {
                throw ApiException.of(403, "refused: a change must come from this server's own page (Origin "
                        + (origin == null ? "missing" : "'" + origin + "'") + ", expected 'http://" + host + "')");
            }
            String given = ctx.header(TOKEN_HEADER);
            if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
                throw ApiException.of(403, "refused: a change must carry this server's token in " + TOKEN_HEADER
                        + " (reload the page if the server was restarted)");
            }
        }
    }
}
