package org.ssmworkbench.web;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of the API tests that change the project: before each test a fresh copy of the case in
 * a temporary folder ({@link #dir}) and a real server on a free loopback port over it, with a client
 * that sends the server's Origin and token ({@link #http}); the server is stopped after each test.
 */
abstract class CaseServerTest {

    @TempDir
    Path tmp;

    /** The copy of the case the server works on. */
    Path dir;
    WorkbenchServer server;
    Http http;

    @BeforeEach
    void start() {
        dir = CaseCopy.into(tmp);
        server = WorkbenchServer.start(dir, WorkbenchServer.LOOPBACK, 0, "test");
        http = new Http(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }
}
