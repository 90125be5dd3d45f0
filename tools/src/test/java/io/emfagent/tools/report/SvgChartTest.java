package io.emfagent.tools.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgChartTest {

    @Test
    void aLinearAxisWritesEveryTickWithTheSameDecimals() {
        assertThat(SvgChart.Axis.linear(48).labels).containsExactly("0", "10", "20", "30", "40", "50");
        assertThat(SvgChart.Axis.linear(240).labels).containsExactly("0", "50", "100", "150", "200", "250");
        assertThat(SvgChart.Axis.linear(100).labels).containsExactly("0", "20", "40", "60", "80", "100");
        assertThat(SvgChart.Axis.linear(11).labels).containsExactly("0.0", "2.5", "5.0", "7.5", "10.0", "12.5");
        assertThat(SvgChart.Axis.linear(0.07).labels).containsExactly("0.00", "0.02", "0.04", "0.06", "0.08");
        assertThat(SvgChart.Axis.linear(0).labels).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
    }

    @Test
    void aLogAxisHasATickPerPowerOfTen() {
        SvgChart.Axis wide = SvgChart.Axis.log(0.014, 77.8);
        assertThat(wide.labels).containsExactly("0.01", "0.1", "1", "10", "100");
        assertThat(wide.fraction(0.01)).isZero();
        assertThat(wide.fraction(1)).isEqualTo(0.5);
        assertThat(wide.fraction(100)).isEqualTo(1.0);
        // two decades or less: 2 and 5 as well
        assertThat(SvgChart.Axis.log(4.5, 90).labels).containsExactly("1", "2", "5", "10", "20", "50", "100");
        assertThat(SvgChart.Axis.log(3, 3).labels).containsExactly("1", "2", "5", "10");
    }

    @Test
    void linesThatCoincideAreDrawnDifferently() {
        double[] same = {1, 2, 3};
        String svg = SvgChart.lines(SvgChart.NARROW, new long[] {0, 1000, 2000}, 1000,
                List.of(new SvgChart.Layer("a", "#000", same), new SvgChart.Layer("b", "#111", same)), "", Double.NaN);
        assertThat(svg).contains("data-series=\"a\" d=\"M").contains("stroke-width=\"2.5\" stroke-linejoin")
                .contains("stroke-width=\"1.5\" stroke-dasharray=\"8 4\"");
    }
}
