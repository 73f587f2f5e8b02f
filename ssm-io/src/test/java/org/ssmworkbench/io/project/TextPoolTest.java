package org.ssmworkbench.io.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TextPoolTest {

    @Property
    void aPooledTextEqualsTheTextAndIsSharedByEqualTexts(@ForAll String s) {
        TextPool pool = new TextPool();
        String first = pool.of(s);
        String again = pool.of(new String(s.toCharArray()));
        assertThat(first).isEqualTo(s);
        assertThat(again).isEqualTo(s);
        if (s.length() <= TextPool.MAX_LENGTH) {
            assertThat(again).isSameAs(first);
        } else {
            assertThat(pool.size()).isZero();
        }
    }

    @Test
    void nullStaysNull() {
        assertThat(new TextPool().of(null)).isNull();
    }

    @Test
    void thePoolStopsGrowingAtItsBoundAndStillReturnsEveryText() {
        TextPool pool = new TextPool();
        for (int i = 0; i < TextPool.MAX_SIZE + 1000; i++) {
            assertThat(pool.of("t" + i)).isEqualTo("t" + i);
        }
        assertThat(pool.size()).isEqualTo(TextPool.MAX_SIZE);
        String late = "t" + (TextPool.MAX_SIZE + 10);
        assertThat(pool.of(late)).isSameAs(late); // not pooled: returned as given
        assertThat(pool.of(new String("t0".toCharArray()))).isSameAs(pool.of("t0"));
    }

    @Test
    void twoFilesReadThroughOnePoolShareTheirKeysAndTexts() {
        TextPool pool = new TextPool();
        ParsedFile<Map> a = YamlReader.read(Path.of("a.yaml"), "quality:\n  \"1.1\": yes-ish\n".getBytes(), Map.class,
                pool);
        ParsedFile<Map> b = YamlReader.read(Path.of("b.yaml"), "quality: {\"1.1\": yes-ish}\n".getBytes(), Map.class,
                pool);
        Map<?, ?> qa = (Map<?, ?>) a.value().get("quality");
        Map<?, ?> qb = (Map<?, ?>) b.value().get("quality");
        assertThat(qa).isEqualTo(qb).isEqualTo(Map.of("1.1", "yes-ish"));
        Object keyA = List.copyOf(qa.keySet()).get(0);
        Object keyB = List.copyOf(qb.keySet()).get(0);
        assertThat(keyB).isSameAs(keyA);
        assertThat(qb.get("1.1")).isSameAs(qa.get("1.1"));
    }
}
