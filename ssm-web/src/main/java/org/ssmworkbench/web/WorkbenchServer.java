package org.ssmworkbench.web;

import io.javalin.Javalin;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The local workbench over one project folder: a Javalin (Jetty) server whose every request passes
 * the {@link SecurityFilter} and then one feature's {@link Api}. Loopback by default; port 0 takes a
 * free port. {@link #stop()} (or closing) ends it.
 */
public final class WorkbenchServer implements AutoCloseable {

    /** The default address: loopback only. */
    public static final String LOOPBACK = "127.0.0.1";

    private static final String STARTED = "ssm.started";

    private final Workspace workspace;
    private final String host;
    private final String token;
    private final Javalin app;
    private final int port;

    private WorkbenchServer(Workspace workspace, String host, int requestedPort, String toolVersion,
            List<Function<ApiContext, Api>> extra) {
        this.workspace = workspace;
        this.host = host;
        this.token = newToken();
        SecurityFilter filter = new SecurityFilter(token);
        ApiContext context = new ApiContext(workspace, toolVersion, token);
        List<Api> apis = new ArrayList<>(Features.all(context));
        extra.forEach(f -> apis.add(f.apply(context)));
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = SecurityFilter.MAX_BODY;
            config.http.generateEtags = false;
            config.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
            config.routes.before(filter::check);
            // the server's own time for the request, for the browser's network panel and bench/workbench.sh
            config.routes.after(ctx -> {
                Long t0 = ctx.attribute(STARTED);
                if (t0 != null) {
                    String parts = ctx.res().getHeader("Server-Timing"); // a route's own metrics come first
                    ctx.header("Server-Timing", (parts == null ? "" : parts + ", ")
                            + String.format(Locale.ROOT, "app;dur=%.2f", (System.nanoTime() - t0) / 1e6));
                }
            });
            Errors.register(config.routes, workspace.dir());
            apis.forEach(a -> a.register(config.routes));
        });
        app.start(host, requestedPort);
        this.port = app.port();
        filter.hosts(hostNames(host, port));
    }

    /**
     * Starts a workbench over {@code dir}.
     *
     * @param dir         the project folder
     * @param host        the address to listen on ({@link #LOOPBACK} unless asked otherwise)
     * @param port        the port; 0 for a free one
     * @param toolVersion the version of SSM Workbench
     * @param features    further features' routes, each made from the server's {@link ApiContext}
     */
    @SafeVarargs
    public static WorkbenchServer start(Path dir, String host, int port, String toolVersion,
            Function<ApiContext, Api>... features) {
        return new WorkbenchServer(new Workspace(dir), host, port, toolVersion, List.of(features));
    }

    /** The port listened on. */
    public int port() {
        return port;
    }

    /** The address to open in a browser, e.g. {@code http://127.0.0.1:8080/}. */
    public String address() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port + "/";
    }

    /** The project served. */
    public Workspace workspace() {
        return workspace;
    }

    /** The token state-changing requests must carry (the page reads it from index.html). */
    public String token() {
        return token;
    }

    /** Whether an address is a loopback one (127.0.0.0/8, ::1, localhost). */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Stops the server; requests under way are finished first. */
    public void stop() {
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** The Host header values that name this server: the address listened on, and the loopback names. */
    static Set<String> hostNames(String host, int port) {
        Set<String> names = new LinkedHashSet<>();
        String h = host.toLowerCase(Locale.ROOT);
        names.add(bracket(h) + ":" + port);
        boolean wildcard = h.equals("0.0.0.0") || h.equals("::") || h.equals("[::]");
        if (isLoopback(h) || wildcard) {
            for (String n : List.of("127.0.0.1", "localhost", "[::1]")) {
                names.add(n + ":" + port);
            }
        }
        if (wildcard) {
            try {
                for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                        String s = a.getHostAddress();
                        int zone = s.indexOf('%');
                        names.add(bracket(zone < 0 ? s : s.substring(0, zone)).toLowerCase(Locale.ROOT) + ":" + port);
                    }
                }
            } catch (SocketException e) {
                // only the loopback names, then
            }
        }
        return names;
    }

    private static String bracket(String h) {
        return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
    }

    private static String newToken() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
