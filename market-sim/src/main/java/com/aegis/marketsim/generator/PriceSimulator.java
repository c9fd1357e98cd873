package com.aegis.marketsim.generator;

import com.aegis.core.krx.PriceBand;
import com.aegis.core.krx.PriceLimits;
import com.aegis.core.krx.TickSize;
import com.aegis.core.krx.TickTable;
import com.aegis.core.market.Market;
import com.aegis.core.market.Symbol;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Walks every stock through the trading days. Daily log return:
 * <pre>
 *   r = beta * market[t] + sectorLoading * sector[s][t] + idioVol * h * z - (idioVol * h)^2 / 2
 *       + alpha + disclosure[t] + distress
 * </pre>
 * with z a unit-variance Student-t(5) shock, h a GARCH(1,1) volatility ratio, and alpha the monthly planted factor
 * premia (momentum, value, quality) recomputed at every month end from what was observable that day. The close is
 * the base price times exp(r), rounded to the nearest valid tick and clamped to the daily price limits.
 * Stocks are simulated in parallel within a month (each has its own random stream), and the cross-sectional
 * signals are computed between months, so the output does not depend on the thread count.
 */
final class PriceSimulator {

    static final int MOMENTUM_LOOKBACK = 252;
    static final int MOMENTUM_SKIP = 21;
    static final int MOMENTUM_MIN_HISTORY = 126;
    static final double SESSIONS_PER_MONTH = 21.0;
    private static final double GARCH_ALPHA = 0.07;
    private static final double GARCH_BETA = 0.90;
    /** Extra daily return during 정리매매 as a multiple of the distress drift. */
    static final double LIQUIDATION_MULTIPLE = 25;

    private final GeneratorConfig config;
    private final PlantedEffects effects;
    private final List<LocalDate> days;
    private final List<StockProfile> stocks;
    private final MarketFactors factors;
    private final double[][] extraReturn;
    private final List<List<QuarterlyStatement>> statements;
    private final DailyBarTable table;
    private final TickTable[][] tickTables;

    private final long[] previousClose;
    private final double[] garchVariance;
    private final double[] alpha;
    private final RandomStream[] streams;

    PriceSimulator(GeneratorConfig config, List<LocalDate> days, List<StockProfile> stocks, MarketFactors factors,
                   double[][] extraReturn, List<List<QuarterlyStatement>> statementsByStock) {
        this.config = config;
        this.effects = config.activeEffects();
        this.days = days;
        this.stocks = stocks;
        this.factors = factors;
        this.extraReturn = extraReturn;
        this.statements = statementsByStock;
        int n = stocks.size();
        Symbol[] symbols = new Symbol[n];
        int[] first = new int[n];
        int[] end = new int[n];
        long[] firstBase = new long[n];
        for (StockProfile s : stocks) {
            symbols[s.index] = Symbol.of(s.code);
            first[s.index] = s.firstDay;
            end[s.index] = s.endDay;
            firstBase[s.index] = s.initialPrice;
        }
        this.table = new DailyBarTable(days, symbols, first, end, firstBase);
        this.tickTables = new TickTable[Market.values().length][days.size()];
        for (Market m : Market.values()) {
            for (int t = 0; t < days.size(); t++) {
                tickTables[m.ordinal()][t] = TickSize.table(m, days.get(t));
            }
        }
        this.previousClose = new long[n];
        this.garchVariance = new double[n];
        this.alpha = new double[n];
        this.streams = new RandomStream[n];
        for (StockProfile s : stocks) {
            previousClose[s.index] = s.initialPrice;
            garchVariance[s.index] = 1.0;
            streams[s.index] = RandomStream.of(config.seed(), RandomStream.Purpose.STOCK_RETURNS, s.index);
        }
    }

    DailyBarTable run(ProgressListener progress) {
        int historyDays = days.size();
        int monthStart = 0;
        int months = 0;
        for (int t = 0; t < historyDays; t++) {
            if (t == historyDays - 1 || days.get(t + 1).getMonthValue() != days.get(t).getMonthValue()) {
                months++;
            }
        }
        int done = 0;
        for (int t = 0; t < historyDays; t++) {
            boolean monthEnd = t == historyDays - 1 || days.get(t + 1).getMonthValue() != days.get(t).getMonthValue();
            if (!monthEnd) {
                continue;
            }
            int from = monthStart;
            int to = t + 1;
            IntStream.range(0, stocks.size()).parallel().forEach(i -> simulate(stocks.get(i), from, to));
            if (to < historyDays) {
                updateSignals(t);
            }
            monthStart = to;
            progress.progress("prices", ++done, months);
        }
        return table;
    }

    private void simulate(StockProfile s, int from, int to) {
        int i = s.index;
        int start = Math.max(from, s.firstDay);
        int end = Math.min(to, s.endDay);
        RandomStream r = streams[i];
        double[] extra = extraReturn[i];
        double[] sectorFactor = factors.sector[s.sectorIndex];
        double totalVol = StrictMath.sqrt(s.beta * s.beta * MarketFactors.MARKET_DAILY_VOL
                * MarketFactors.MARKET_DAILY_VOL + s.idioVol * s.idioVol);
        for (int t = start; t < end; t++) {
            long base = previousClose[i];
            if (s.halted(t)) {
                table.set(i, t, base, base, base, base, 0, 0);
                continue;
            }
            LocalDate date = days.get(t);
            TickTable ticks = tickTables[s.market.ordinal()][t];
            PriceBand band = PriceLimits.of(s.market, date, base);
            double z = r.studentT(MarketFactors.SHOCK_DOF);
            double n1 = r.normal();
            double n2 = r.normal();
            double n3 = r.normal();
            double n4 = r.normal();
            double h = StrictMath.sqrt(garchVariance[i]);
            double idio = s.idioVol * h;
            // The -idio^2/2 term keeps the expected simple return of the idiosyncratic part at zero, so that
            // cap-weighted indices of volatile small caps do not drift upwards by volatility alone.
            double logReturn = s.beta * factors.market[t] + s.sectorLoading * sectorFactor[t] + idio * z
                    - 0.5 * idio * idio + alpha[i];
            if (extra != null) {
                logReturn += extra[t];
            }
            if (s.distressFrom >= 0 && t >= s.distressFrom) {
                logReturn += effects.distressDrift() * (s.liquidation(t) ? LIQUIDATION_MULTIPLE : 1);
            }
            if (effects.volatilityClustering()) {
                double u = h * z;
                garchVariance[i] = (1 - GARCH_ALPHA - GARCH_BETA) + GARCH_ALPHA * u * u + GARCH_BETA * garchVariance[i];
            }
            long close = limit(ticks.roundNearest(Math.max(1, Math.round(base * StrictMath.exp(logReturn)))), band);
            double gap = 0.25 * logReturn + 0.3 * s.idioVol * n1;
            long open = limit(ticks.roundNearest(Math.max(1, Math.round(base * StrictMath.exp(gap)))), band);
            long top = Math.max(open, close);
            long bottom = Math.min(open, close);
            double highRaw = top * StrictMath.exp(Math.abs(n2) * 0.6 * s.idioVol);
            double lowRaw = bottom * StrictMath.exp(-Math.abs(n3) * 0.6 * s.idioVol);
            long high = Math.min(band.upper(), Math.max(top, ticks.roundUp((long) Math.ceil(highRaw))));
            long low = Math.max(band.lower(), Math.min(bottom, ticks.roundDown(Math.max(1, (long) Math.floor(lowRaw)))));
            double realised = StrictMath.log((double) close / base) / totalVol;
            double activity = StrictMath.exp(0.35 * n4 - 0.06125) * (0.65 + 0.35 * realised * realised);
            long volume = Math.max(1, Math.round(s.shares * s.baseTurnover * Math.min(15, activity)));
            long value = Math.round(volume * ((high + low + 2.0 * close) / 4.0));
            table.set(i, t, open, high, low, close, volume, value);
            previousClose[i] = close;
        }
    }

    private static long limit(long price, PriceBand band) {
        return Math.max(band.lower(), Math.min(band.upper(), price));
    }

    /** Month-end cross-sectional scores; they set each stock's planted premium for the next month. */
    private void updateSignals(int t) {
        if (effects.momentumPerMonth() == 0 && effects.valuePerMonth() == 0 && effects.qualityPerMonth() == 0) {
            return;
        }
        int n = stocks.size();
        double[] momentum = new double[n];
        double[] bookToPrice = new double[n];
        double[] earningsToPrice = new double[n];
        double[] roe = new double[n];
        double[] lowDebt = new double[n];
        Arrays.fill(momentum, Double.NaN);
        Arrays.fill(bookToPrice, Double.NaN);
        Arrays.fill(earningsToPrice, Double.NaN);
        Arrays.fill(roe, Double.NaN);
        Arrays.fill(lowDebt, Double.NaN);
        LocalDate asOf = days.get(t);
        for (StockProfile s : stocks) {
            int i = s.index;
            if (!table.hasBar(i, t)) {
                continue;
            }
            if (t - s.firstDay >= MOMENTUM_MIN_HISTORY) {
                int from = Math.max(t - MOMENTUM_LOOKBACK, s.firstDay);
                long past = table.basePrice(i, from);
                long recent = table.close(i, t - MOMENTUM_SKIP);
                momentum[i] = StrictMath.log((double) recent / past);
            }
            List<QuarterlyStatement> list = statements.get(i);
            int known = publishedCount(list, asOf);
            if (known > 0 && !s.preferred) {
                QuarterlyStatement last = list.get(known - 1);
                double ttmNet = 0;
                int take = Math.min(4, known);
                for (int k = known - take; k < known; k++) {
                    ttmNet += list.get(k).netIncome();
                }
                ttmNet *= 4.0 / take;
                double cap = (double) table.close(i, t) * s.shares;
                double equity = last.equity();
                bookToPrice[i] = equity / cap;
                earningsToPrice[i] = ttmNet / cap;
                roe[i] = equity > 0 ? ttmNet / equity : -1;
                lowDebt[i] = equity > 0 ? -(double) last.liabilities() / equity : -100;
            }
        }
        double[] zMom = rankScores(momentum);
        double[] zBp = rankScores(bookToPrice);
        double[] zEp = rankScores(earningsToPrice);
        double[] zRoe = rankScores(roe);
        double[] zDebt = rankScores(lowDebt);
        for (int i = 0; i < n; i++) {
            double monthly = effects.momentumPerMonth() * zMom[i]
                    + effects.valuePerMonth() * 0.5 * (zBp[i] + zEp[i])
                    + effects.qualityPerMonth() * 0.5 * (zRoe[i] + zDebt[i]);
            alpha[i] = monthly / SESSIONS_PER_MONTH;
        }
    }

    /** Number of statements published on or before the date (the list is sorted by publication). */
    private static int publishedCount(List<QuarterlyStatement> list, LocalDate asOf) {
        int k = 0;
        while (k < list.size() && !list.get(k).publishedAt().toLocalDate().isAfter(asOf)) {
            k++;
        }
        return k;
    }

    /**
     * Rank-based scores with mean 0 and variance 1 over the stocks that have a value (NaN gets 0):
     * sqrt(12) * ((rank + 0.5) / count - 0.5), ties broken by stock index.
     */
    static double[] rankScores(double[] values) {
        int n = values.length;
        Integer[] order = IntStream.range(0, n).filter(i -> !Double.isNaN(values[i])).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(values[a], values[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        double[] z = new double[n];
        int count = order.length;
        for (int rank = 0; rank < count; rank++) {
            z[order[rank]] = StrictMath.sqrt(12.0) * ((rank + 0.5) / count - 0.5);
        }
        return z;
    }
}
