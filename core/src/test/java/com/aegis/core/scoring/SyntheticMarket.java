package com.aegis.core.scoring;

import com.aegis.core.factors.FactorInputs;
import com.aegis.core.factors.FinancialStatement;
import com.aegis.core.factors.FiscalQuarter;
import com.aegis.core.factors.IndexHistory;
import com.aegis.core.factors.PointInTime;
import com.aegis.core.factors.PriceHistory;
import com.aegis.core.factors.Sector;
import com.aegis.core.market.Symbol;
import com.aegis.core.screening.ScreeningInput;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, reproducible market for end-to-end tests and the micro-measure: an index random walk, stocks that load
 * on it with their own beta and noise, eight quarters of statements each, a few halted and administrative stocks.
 */
final class SyntheticMarket {

    final LocalDate scoringDate;
    final IndexHistory index;
    final List<FactorInputs> stocks = new ArrayList<>();
    final List<ScreeningInput> screeningInputs = new ArrayList<>();
    final Map<Symbol, Double> aiScores = new HashMap<>();

    SyntheticMarket(long seed, int stockCount, int sessions, LocalDate scoringDate) {
        this.scoringDate = scoringDate;
        Random random = new Random(seed);
        LocalDate[] dates = new LocalDate[sessions];
        LocalDate day = scoringDate;
        for (int i = sessions - 1; i >= 0; i--) {
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.minusDays(1);
            }
            dates[i] = day;
            day = day.minusDays(1);
        }
        double[] indexReturns = new double[sessions];
        double[] levels = new double[sessions];
        levels[0] = 2500;
        for (int i = 1; i < sessions; i++) {
            indexReturns[i] = 0.0003 + 0.01 * random.nextGaussian();
            levels[i] = levels[i - 1] * (1 + indexReturns[i]);
        }
        index = IndexHistory.of("KOSPI", dates, levels);

        for (int s = 0; s < stockCount; s++) {
            Symbol symbol = Symbol.of(String.format("%06d", 100_000 + s));
            Sector sector = Sector.of("S" + (s % 20));
            double beta = 0.5 + random.nextDouble();
            double noise = 0.01 + 0.02 * random.nextDouble();
            double price = 2_000 + 200_000 * random.nextDouble();
            double liquidity = Math.exp(19 + 3 * random.nextGaussian());   // median ≈ 180 million KRW a day
            long[] closes = new long[sessions];
            long[] traded = new long[sessions];
            for (int i = 0; i < sessions; i++) {
                if (i > 0) {
                    price *= 1 + beta * indexReturns[i] + noise * random.nextGaussian();
                    price = Math.max(price, 100);
                }
                closes[i] = Math.round(price);
                traded[i] = Math.round(liquidity * Math.exp(0.5 * random.nextGaussian()));
            }
            PriceHistory prices = PriceHistory.of(dates, closes, traded);
            long shares = 5_000_000L + random.nextInt(300_000_000);
            stocks.add(new FactorInputs(symbol, sector, prices, statements(symbol, shares, random)));
            long marketCap = closes[sessions - 1] * shares;
            screeningInputs.add(new ScreeningInput(symbol, prices.recentTradedValues(scoringDate, 20), marketCap,
                    random.nextDouble() < 0.01, random.nextDouble() < 0.02));
            aiScores.put(symbol, 100 * random.nextDouble());
        }
    }

    private List<FinancialStatement> statements(Symbol symbol, long shares, Random random) {
        List<FinancialStatement> out = new ArrayList<>();
        FiscalQuarter latest = FiscalQuarter.of(scoringDate.getYear() - 1, 4);
        double revenue = 1e9 + 2e11 * random.nextDouble();
        double margin = -0.05 + 0.25 * random.nextDouble();
        double equity = revenue * (1 + 3 * random.nextDouble());
        for (int back = 7; back >= 0; back--) {
            FiscalQuarter q = latest.minusQuarters(back);
            LocalDate quarterEnd = LocalDate.of(q.year(), q.quarter() * 3, 1).plusMonths(1).minusDays(1);
            LocalDate published = quarterEnd.plusDays(q.quarter() == 4 ? 70 : 45);
            revenue *= 1 + 0.05 * random.nextGaussian();
            long rev = Math.round(revenue);
            long operating = Math.round(rev * (margin + 0.03 * random.nextGaussian()));
            long net = Math.round(operating * 0.75);
            out.add(new FinancialStatement(symbol, q, published.atTime(16, 0).atZone(PointInTime.KST).toInstant(),
                    rev, operating, net, Math.round(operating * (0.8 + 0.6 * random.nextDouble())),
                    Math.round(equity), Math.round(equity * 2 * random.nextDouble()), shares));
        }
        return out;
    }
}
