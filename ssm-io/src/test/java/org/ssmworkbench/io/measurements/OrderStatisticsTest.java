package org.ssmworkbench.io.measurements;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.ssmworkbench.core.synthesis.QuantileMethod;

/** The ranks OrderStatistics relies on, checked against DuckDB itself, and when a second scan is needed. */
class OrderStatisticsTest {

    /** DuckDB's quantile_disc at each level selects the element of rank discRank, for any n. */
    @Property(tries = 40)
    void duckdbSelectsTheRankDiscRankNames(@ForAll @LongRange(min = 1, max = 3_000_000) long n) throws SQLException {
        List<String> levels = OrderStatistics.levels(QuantileMethod.LINEAR);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT quantile_disc(i, [" + String.join(", ", levels)
                        + "]) FROM range(" + n + ") t(i)")) {
            rs.next();
            Object[] got = (Object[]) rs.getArray(1).getArray();
            for (int i = 0; i < levels.size(); i++) {
                assertThat(((Number) got[i]).longValue()).as("level %s, n %d", levels.get(i), n)
                        .isEqualTo(OrderStatistics.discRank(levels.get(i), n));
            }
        }
    }

    @Test
    void ranksByHand() {
        // n = 8: ⌈2⌉ − 1 = 1; ⌈2.000000000000008⌉ − 1 = 2; ⌈6⌉ − 1 = 5; ⌈6.000000000000008⌉ − 1 = 6
        assertThat(OrderStatistics.discRank("0.25", 8)).isEqualTo(1);
        assertThat(OrderStatistics.discRank("0.250000000000001", 8)).isEqualTo(2);
        assertThat(OrderStatistics.discRank("0.75", 8)).isEqualTo(5);
        assertThat(OrderStatistics.discRank("0.750000000000001", 8)).isEqualTo(6);
        assertThat(OrderStatistics.discRank("0.25", 1)).isZero();
    }

    /** One scan suffices unless n ≡ 7 (mod 8) ("nearest") or n ≡ 2, 3 (mod 4) ("linear"). */
    @Test
    void aSecondScanOnlyForSomeGroupSizes() {
        for (long n = 1; n <= 200; n++) {
            assertThat(requests(n, QuantileMethod.NEAREST)).as("nearest, n = %d", n).isEqualTo(n % 8 == 7 ? 2 : 0);
            // n = 2: ranks 0 and 1 are both selected; n = 3: the one missing rank (1) serves both quartiles.
            int linear = n == 2 ? 0 : n == 3 ? 1 : n % 4 == 2 || n % 4 == 3 ? 2 : 0;
            assertThat(requests(n, QuantileMethod.LINEAR)).as("linear, n = %d", n).isEqualTo(linear);
        }
    }

    private static int requests(long n, QuantileMethod method) {
        List<Double> values = new ArrayList<>(Collections.nCopies(OrderStatistics.levels(method).size(), 1.0));
        return new OrderStatistics.Group(0, n, method, values, 1.0).plan().size();
    }

    /**
     * "linear" at a whole position (n = 5: Q1 at rank 1) needs v[hi] only when v[hi] − v[lo] might
     * overflow, where the core's (v[hi] − v[lo])·0 is NaN rather than 0.
     */
    @Test
    void aWholePositionNeedsTheNextValueOnlyWhenTheSpreadMayOverflow() {
        List<Double> values = List.of(-1e308, -1e308, 1.0, 1.0);
        assertThat(new OrderStatistics.Group(0, 5, QuantileMethod.LINEAR, values, 1.0).plan()).isEmpty();
        List<OrderStatistics.Request> r = new OrderStatistics.Group(0, 5, QuantileMethod.LINEAR, values, 1e308).plan();
        assertThat(r).extracting(OrderStatistics.Request::rank).containsExactly(2L);
        OrderStatistics.Group g = new OrderStatistics.Group(0, 5, QuantileMethod.LINEAR, values, 1e308);
        g.put(g.plan().get(0), 1e308);
        double[] sorted = {-1e308, -1e308, 1e308, 1e308, 1e308};
        assertThat(QuantileMethod.LINEAR.quantile(sorted, 0.25)).isNaN();
        assertThat(g.quartile(0.25)).isNaN();
    }

    @Test
    void theNeighbourOfAValueThatTies() {
        // Values 1 1 2 3: the element above rank 0 (a 1) is the other 1; above rank 1 it is 2.
        OrderStatistics.Request tie = new OrderStatistics.Request(0, 1, 0, 1.0);
        assertThat(tie.resolve(0, 2, null, 2.0)).isEqualTo(1.0);
        OrderStatistics.Request next = new OrderStatistics.Request(0, 2, 1, 1.0);
        assertThat(next.resolve(0, 2, null, 2.0)).isEqualTo(2.0);
        OrderStatistics.Request below = new OrderStatistics.Request(0, 1, 2, 2.0);
        assertThat(below.resolve(2, 3, 1.0, 3.0)).isEqualTo(1.0);
    }
}
