package com.aegis.marketsim.generator;

import static com.aegis.marketsim.generator.MarketStatistics.excessKurtosis;
import static com.aegis.marketsim.generator.MarketStatistics.median;
import static com.aegis.marketsim.generator.MarketStatistics.stdev;
import static org.assertj.core.api.Assertions.assertThat;

import com.aegis.core.market.Market;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The full default market (2,800 stocks, 3 years) looks like KRX to someone who knows its statistics. */
class RealismTest {

    private static MarketHistory history;

    @BeforeAll
    static void generate() {
        history = GeneratedMarkets.fullDefault();
    }

    @Test
    void universeHasKrxShape() {
        List<Instrument> instruments = history.instruments();
        assertThat(instruments).hasSize(2_800);
        long kospi = instruments.stream().filter(i -> i.market() == Market.KOSPI).count();
        long kosdaq = instruments.stream().filter(i -> i.market() == Market.KOSDAQ).count();
        long konex = instruments.stream().filter(i -> i.market() == Market.KONEX).count();
        assertThat(kospi).isBetween(780L, 920L);
        assertThat(kosdaq).isBetween(1_650L, 1_850L);
        assertThat(konex).isBetween(110L, 160L);
        assertThat(history.sectors()).hasSize(25);
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        long endingInZero = 0;
        for (Instrument i : instruments) {
            assertThat(i.symbol().code()).matches("\\d{6}");
            assertThat(i.isin()).matches("KR7\\d{6}00\\d");
            assertThat(i.corpCode()).matches("\\d{8}");
            assertThat(codes.add(i.symbol().code())).as("unique code %s", i.symbol()).isTrue();
            assertThat(names.add(i.name())).as("unique name %s", i.name()).isTrue();
            endingInZero += i.symbol().code().endsWith("0") ? 1 : 0;
        }
        assertThat(endingInZero).isGreaterThan(2_700);
        assertThat(instruments.stream().filter(Instrument::kospi200).count()).isEqualTo(200);
        assertThat(instruments.stream().filter(i -> i.delistedOn() != null).count()).isBetween(50L, 150L);
    }

    @Test
    void marketCapsSpanTheRealRange() {
        int first = 0;
        List<Double> kospiCaps = new ArrayList<>();
        List<Double> kosdaqCaps = new ArrayList<>();
        double min = Double.MAX_VALUE;
        double max = 0;
        int above100Trillion = 0;
        for (int i = 0; i < history.instruments().size(); i++) {
            if (!history.bars().hasBar(i, first)) {
                continue;
            }
            double cap = history.marketCap(i, first);
            min = Math.min(min, cap);
            max = Math.max(max, cap);
            above100Trillion += cap > 1e14 ? 1 : 0;
            Market m = history.instruments().get(i).market();
            (m == Market.KOSPI ? kospiCaps : m == Market.KOSDAQ ? kosdaqCaps : new ArrayList<Double>()).add(cap);
        }
        assertThat(Math.log10(max / min)).as("orders of magnitude between smallest and largest cap")
                .isGreaterThanOrEqualTo(4);
        assertThat(above100Trillion).isBetween(3, 5);
        assertThat(median(MarketStatistics.toArray(kospiCaps))).isBetween(1.0e11, 2.0e11);
        assertThat(median(MarketStatistics.toArray(kosdaqCaps))).isBetween(6.0e10, 1.1e11);
    }

    @Test
    void kospiStartsNear2500AndHasRealisticVolatility() {
        IndexBar firstKospi = history.indexBars().stream().filter(b -> b.indexCode().equals("KOSPI")).findFirst()
                .orElseThrow();
        assertThat(firstKospi.close()).isBetween(2_300.0, 2_700.0);
        for (String code : List.of("KOSPI", "KOSPI200", "KOSDAQ")) {
            double annualised = stdev(MarketStatistics.indexLogReturns(history, code)) * Math.sqrt(245);
            assertThat(annualised).as("annualised volatility of %s", code).isBetween(0.12, 0.30);
        }
    }

    @Test
    void stockReturnsAreFatTailedWithPlausibleDispersionAndTurnover() {
        DailyBarTable bars = history.bars();
        int days = history.tradingDays().size();
        List<Double> pooled = new ArrayList<>();
        double[] dispersion = new double[days];
        List<Double> turnover = new ArrayList<>();
        double[] bigMoveTurnover = new double[2];
        double[] smallMoveTurnover = new double[2];
        for (int t = 0; t < days; t++) {
            List<Double> cross = new ArrayList<>();
            for (int i = 0; i < bars.stockCount(); i++) {
                if (!bars.hasBar(i, t) || bars.volume(i, t) == 0) {
                    continue;
                }
                double r = Math.log((double) bars.close(i, t) / bars.basePrice(i, t));
                cross.add(r);
                if (i % 4 == 0) {
                    pooled.add(r);
                }
                double to = (double) bars.volume(i, t) / history.instruments().get(i).listedShares();
                if (i % 4 == 0) {
                    turnover.add(to);
                }
                double[] bucket = Math.abs(r) > 0.05 ? bigMoveTurnover : Math.abs(r) < 0.01 ? smallMoveTurnover : null;
                if (bucket != null) {
                    bucket[0] += to;
                    bucket[1]++;
                }
            }
            dispersion[t] = stdev(MarketStatistics.toArray(cross));
        }
        assertThat(excessKurtosis(MarketStatistics.toArray(pooled))).as("excess kurtosis of daily stock returns")
                .isGreaterThan(1);
        assertThat(median(dispersion)).as("median daily cross-sectional dispersion").isBetween(0.015, 0.045);
        assertThat(median(MarketStatistics.toArray(turnover))).as("median daily turnover").isBetween(0.001, 0.03);
        assertThat(bigMoveTurnover[0] / bigMoveTurnover[1]).as("turnover on big moves")
                .isGreaterThan(1.5 * smallMoveTurnover[0] / smallMoveTurnover[1]);
    }

    @Test
    void regimesSwitchAndCoverTheWholePeriod() {
        List<RegimeSpan> spans = history.regimes();
        assertThat(spans.get(0).from()).isEqualTo(history.tradingDays().get(0));
        assertThat(spans.get(spans.size() - 1).to()).isEqualTo(history.tradingDays().get(history.tradingDays().size() - 1));
        assertThat(spans.stream().map(RegimeSpan::regime).distinct().count()).isGreaterThanOrEqualTo(2);
    }
}
