package com.aegis.marketsim.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The planted effects are measurable from the output alone, and the null market has none: what a model evaluation
 * relies on to prove it does not leak the future.
 */
class PlantedEffectsTest {

    @Test
    void momentumDecileSpreadIsPositiveWithDefaultStrength() {
        double[] spreads = momentumSpreads(GeneratedMarkets.small());
        double mean = MarketStatistics.mean(spreads);
        double tStat = mean / (MarketStatistics.stdev(spreads) / Math.sqrt(spreads.length));
        assertThat(mean).as("monthly top-minus-bottom decile log return").isGreaterThan(0.01);
        assertThat(tStat).as("t statistic").isGreaterThan(2.5);
    }

    @Test
    void momentumDecileSpreadIsNoiseInTheNullMarket() {
        double[] spreads = momentumSpreads(GeneratedMarkets.smallNull());
        double mean = MarketStatistics.mean(spreads);
        double tStat = mean / (MarketStatistics.stdev(spreads) / Math.sqrt(spreads.length));
        assertThat(Math.abs(tStat)).as("t statistic of the null-market spread %s", mean).isLessThan(2.5);
    }

    @Test
    void previousUsSessionLeadsKoreaOnlyWhenPlanted() {
        assertThat(usLeadCorrelation(GeneratedMarkets.small())).isGreaterThan(0.15);
        assertThat(Math.abs(usLeadCorrelation(GeneratedMarkets.smallNull()))).isLessThan(0.1);
    }

    @Test
    void nullMarketIndexReturnsAreNotAutocorrelated() {
        double[] r = MarketStatistics.indexLogReturns(GeneratedMarkets.smallNull(), "KOSPI");
        double[] absNow = IntStream.range(1, r.length).mapToDouble(i -> Math.abs(r[i])).toArray();
        double[] absBefore = IntStream.range(1, r.length).mapToDouble(i -> Math.abs(r[i - 1])).toArray();
        double[] now = IntStream.range(1, r.length).mapToDouble(i -> r[i]).toArray();
        double[] before = IntStream.range(1, r.length).mapToDouble(i -> r[i - 1]).toArray();
        assertThat(Math.abs(MarketStatistics.correlation(now, before))).isLessThan(0.1);
        assertThat(Math.abs(MarketStatistics.correlation(absNow, absBefore))).isLessThan(0.12);
    }

    /** Correlation of each KOSPI session's return with the S&P 500 return of the last US weekday before it. */
    private static double usLeadCorrelation(MarketHistory h) {
        List<GlobalObservation> sp = h.globalObservations().stream()
                .filter(g -> g.indicator() == GlobalIndicator.SP500).toList();
        double[] kospi = MarketStatistics.indexLogReturns(h, "KOSPI");
        List<Double> us = new ArrayList<>();
        List<Double> kr = new ArrayList<>();
        int k = 0;
        for (int t = 1; t < h.tradingDays().size(); t++) {
            var day = h.tradingDays().get(t);
            while (k + 1 < sp.size() && sp.get(k + 1).date().isBefore(day)) {
                k++;
            }
            if (k == 0) {
                continue;
            }
            us.add(Math.log(sp.get(k).value() / sp.get(k - 1).value()));
            kr.add(kospi[t - 1]);
        }
        return MarketStatistics.correlation(MarketStatistics.toArray(us), MarketStatistics.toArray(kr));
    }

    /**
     * For each month end from the 13th month: rank stocks by log(close 21 sessions ago / close 252 sessions ago), and
     * take the next month's mean log return of the top decile minus the bottom decile.
     */
    static double[] momentumSpreads(MarketHistory h) {
        DailyBarTable bars = h.bars();
        List<Integer> monthEnds = new ArrayList<>();
        for (int t = 0; t + 1 < h.tradingDays().size(); t++) {
            if (h.tradingDays().get(t + 1).getMonthValue() != h.tradingDays().get(t).getMonthValue()) {
                monthEnds.add(t);
            }
        }
        List<Double> spreads = new ArrayList<>();
        for (int m = 0; m + 1 < monthEnds.size(); m++) {
            int t = monthEnds.get(m);
            int next = monthEnds.get(m + 1);
            if (t < 252) {
                continue;
            }
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < bars.stockCount(); i++) {
                if (!bars.hasBar(i, t - 252) || !bars.hasBar(i, next)) {
                    continue;
                }
                double signal = Math.log((double) bars.close(i, t - 21) / bars.close(i, t - 252));
                double forward = Math.log((double) bars.close(i, next) / bars.close(i, t));
                rows.add(new double[] {signal, forward});
            }
            rows.sort(Comparator.comparingDouble(r -> r[0]));
            int decile = rows.size() / 10;
            double bottom = rows.subList(0, decile).stream().mapToDouble(r -> r[1]).average().orElseThrow();
            double top = rows.subList(rows.size() - decile, rows.size()).stream().mapToDouble(r -> r[1]).average()
                    .orElseThrow();
            spreads.add(top - bottom);
        }
        return MarketStatistics.toArray(spreads);
    }
}
