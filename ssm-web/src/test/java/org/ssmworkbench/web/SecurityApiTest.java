package org.ssmworkbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The security filter against a real server on a free loopback port, over a copy of the case. */
class SecurityApiTest {

    @TempDir
    static Path tmp;

    static WorkbenchServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = WorkbenchServer.start(CaseCopy.into(tmp), WorkbenchServer.LOOPBACK, 0, "test");
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void theOverviewAnswersWithTheCaseAndStrictHeaders() throws IOException {
        Http.Answer a = http.get("/api/overview");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("id").asText()).isEqualTo("quantization");
        assertThat(a.json().get("steps").get(0).get("of").asInt()).isEqualTo(6);
        assertThat(a.json().get("figure").asText()).startsWith("<svg");
        JsonNode concepts = a.json().get("steps").get(2);
        assertThat(concepts.get("id").asText()).isEqualTo("concepts");
        assertThat(concepts.get("done").asInt()).isEqualTo(4);
        assertThat(concepts.get("of").asInt()).isEqualTo(4 + a.json().get("pending").size());
        assertThat(a.header("Content-Security-Policy")).startsWith("default-src 'self'");
        assertThat(a.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(a.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void thePageCarriesTheTokenAndLoadsNothingFromElsewhere() throws IOException {
        Http.Answer a = http.get("/");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.text()).contains("content=\"" + server.token() + "\"").doesNotContain("http://", "https://");
    }

    @Test
    void aForeignHostIsRefused() throws IOException {
        Http.Answer a = http.send("GET", "/api/overview", Map.of("Host", "attacker.example:" + server.port()), null);
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.json().get("error").asText()).contains("Host");
        assertThat(http.send("GET", "/", Map.of("Host", "localhost:" + server.port()), null).status()).isEqualTo(200);
        assertThat(http.send("GET", "/", Map.of("Host", "127.0.0.1:1"), null).status()).isEqualTo(403);
    }

    @Test
    void aChangeFromAnotherOriginOrWithoutTheTokenIsRefused() throws IOException {
        Map<String, String> foreign = Map.of("Host", http.host(), "Origin", "http://attacker.example",
                SecurityFilter.TOKEN_HEADER, server.token(), "Content-Type", "application/json");
        Http.Answer a = http.send("POST", "/api/studies", foreign, "{}".getBytes());
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.json().get("error").asText()).contains("Origin");
        Map<String, String> noToken = Map.of("Host", http.host(), "Origin", http.origin(),
                "Content-Type", "application/json");
        Http.Answer b = http.send("POST", "/api/studies", noToken, "{}".getBytes());
        assertThat(b.status()).isEqualTo(403);
        assertThat(b.json().get("error").asText()).contains(SecurityFilter.TOKEN_HEADER);
        Map<String, String> wrongToken = Map.of("Host", http.host(), "Origin", http.origin(),
                SecurityFilter.TOKEN_HEADER, "0".repeat(64));
        assertThat(http.send("DELETE", "/api/studies/S1", wrongToken, null).status()).isEqualTo(403);
    }

    @Test
    void anOversizedBodyIsRefused() throws IOException {
        byte[] big = new byte[(int) SecurityFilter.MAX_BODY + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        Map<String, String> h = Map.of("Host", http.host(), "Origin", http.origin(),
                SecurityFilter.TOKEN_HEADER, server.token(), "Content-Type", "application/json");
        Http.Answer a = http.send("POST", "/api/studies", h, big);
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.json().get("error").asText()).contains("1048577 bytes");
    }

    @Test
    void anUnknownRouteIsAJsonNotFound() throws IOException {
        Http.Answer a = http.get("/api/nothing-here");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().get("error").asText()).contains("/api/nothing-here");
    }

    @Test
    void assetsAreConfinedToTheirFolder() throws IOException {
        assertThat(http.get("/assets/app.js").status()).isEqualTo(200);
        assertThat(http.get("/assets/app.js").header("Content-Type")).startsWith("text/javascript");
        assertThat(http.get("/assets/..%2F..%2Fpom.xml").status()).isEqualTo(404);
        assertThat(http.get("/assets/%2e%2e%2fWorkbenchServer.class").status()).isEqualTo(404);
    }
}
