package org.ssmworkbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FigureCacheTest {

    @Test
    void anEqualKeyIsDrawnOnceAndTheLeastRecentlyUsedGoFirstBeyondTheSize() {
        FigureCache<String> c = new FigureCache<>(10);
        AtomicInteger draws = new AtomicInteger();
        assertThat(c.get("a", () -> "aaaa" + draws.incrementAndGet())).isEqualTo("aaaa1");
        assertThat(c.get("a", () -> "aaaa" + draws.incrementAndGet())).isEqualTo("aaaa1");
        assertThat(c.get("b", () -> "bbbb" + draws.incrementAndGet())).isEqualTo("bbbb2");
        c.get("a", () -> "never");                                   // a is now the most recently used
        assertThat(c.get("c", () -> "cccc" + draws.incrementAndGet())).isEqualTo("cccc3"); // 15 chars: b goes
        assertThat(c.get("a", () -> "redrawn")).isEqualTo("aaaa1");
        assertThat(c.get("b", () -> "bbbb" + draws.incrementAndGet())).isEqualTo("bbbb4");
        assertThat(draws.get()).isEqualTo(4);
    }
}
