package org.ssmworkbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** In the trace's mass lists Θ is set apart (serif, with a title), so that it never reads as a zero. */
class ReportThetaTest {

    static final Pattern MASSES = Pattern.compile("class=\"(?:sub )?masses\">(.*?)</(?:td|div|span)>");

    @Test
    void everyThetaInTheMassListsIsMarked() {
        String html = new String(CaseReport.files().get("report.html"), StandardCharsets.UTF_8);
        String span = "<span class=\"theta\" title=\"\u0398: the whole scale, SN to SP (mass left uncommitted)\">"
                + "\u0398</span>";
        Matcher m = MASSES.matcher(html.replace(span, "\u0001"));
        int lists = 0;
        int thetas = 0;
        while (m.find()) {
            String cell = m.group(1);
            lists++;
            assertThat(cell).as(cell).doesNotContain("\u0398").doesNotContain("<");
            thetas += cell.contains("\u0001") ? 1 : 0;
        }
        assertThat(lists).isGreaterThan(100);
        assertThat(thetas).isGreaterThan(100);
        assertThat(html).contains("{WN} 0.3730 \u00b7 <span class=\"theta\"");
        assertThat(html).contains(".masses .theta {");
    }
}
