package org.ssmworkbench.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssmworkbench.cli.CliRun;
import org.ssmworkbench.cli.Main;

/** `ssm serve`: prints its address, answers there, stops cleanly; a folder without a project is bad input. */
class ServeCommandTest {

    @TempDir
    Path tmp;

    @Test
    void servesTheCaseOnAFreeLoopbackPortUntilStopped() throws Exception {
        Path dir = CliRun.copyCase(tmp.resolve("q"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread t = new Thread(() -> code.set(Main.run(new String[] {"serve", dir.toString(), "--port", "0"},
                new PrintWriter(out), new PrintWriter(err))));
        t.start();
        Matcher m = Pattern.compile("at (http://127\\.0\\.0\\.1:(\\d+)/)").matcher("");
        for (int i = 0; i < 300 && !m.reset(out.toString()).find(); i++) {
            Thread.sleep(50);
        }
        assertThat(m.reset(out.toString()).find()).as(out + "\n" + err).isTrue();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(m.group(1)
                + "api/overview")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"id\":\"quantization\"");
        t.interrupt();
        t.join(20_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(code.get()).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).contains("Ctrl-C stops the server");
    }

    @Test
    void aFolderWithoutAProjectIsBadInput() {
        CliRun r = CliRun.of("serve", tmp.toString(), "--port", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("synthesis.yaml: no such file");
    }

    @Test
    void aPortOutOfRangeIsBadInput() {
        CliRun r = CliRun.of("serve", "../examples/quantization", "--port", "70000");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--port: 70000");
    }
}
