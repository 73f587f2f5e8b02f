package org.ssmworkbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The names a server answers to, and its address. */
class WorkbenchServerTest {

    @Test
    void loopbackAnswersToItsThreeNames() {
        assertThat(WorkbenchServer.hostNames("127.0.0.1", 8080))
                .containsExactlyInAnyOrder("127.0.0.1:8080", "localhost:8080", "[::1]:8080");
    }

    @Test
    void anotherAddressAnswersOnlyToItself() {
        assertThat(WorkbenchServer.hostNames("192.168.1.20", 8080)).containsExactly("192.168.1.20:8080");
        assertThat(WorkbenchServer.isLoopback("192.168.1.20")).isFalse();
        assertThat(WorkbenchServer.isLoopback("localhost")).isTrue();
        assertThat(WorkbenchServer.isLoopback("::1")).isTrue();
    }

    @Test
    void theWildcardAnswersToLoopbackAndTheMachinesAddresses() {
        assertThat(WorkbenchServer.hostNames("0.0.0.0", 9000)).contains("0.0.0.0:9000", "127.0.0.1:9000",
                "localhost:9000");
    }
}
