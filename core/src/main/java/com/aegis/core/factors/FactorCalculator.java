package com.aegis.core.factors;

import com.aegis.core.validation.Statistics;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes the 12 raw factors of one stock on a scoring date D, point in time: prices up to and including D's close
 * ({@code prices.lastIndexOnOrBefore(D)}), statements published strictly before D ({@link PointInTime}).
 *
 * <p>Definitions (t = last session on or before D, P = its close, L = latest quarter known, TTM = sum of L−3..L):
 * <ul>
 *   <li>market cap = P × shares outstanding at L</li>
 *   <li>PBR = market cap / equity at L; missing when equity ≤ 0</li>
 *   <li>PER = market cap / TTM net income; missing ({@link MissingReason#NON_POSITIVE_EARNINGS}) for a loss maker
 *       rather than a negative PER, which would rank the biggest loss as the cheapest stock. Loss makers then get the
 *       missing-value treatment of the standardiser (sector median), and the flag says so.</li>
 *   <li>PCR = market cap / TTM operating cash flow; missing when that cash flow ≤ 0</li>
 *   <li>ROE = TTM net income / equity at L (ending, not average equity: the average needs a fifth balance sheet and
 *       changes ranks little); missing when equity ≤ 0</li>
 *   <li>OPERATING_MARGIN = TTM operating income / TTM revenue; missing when revenue ≤ 0</li>
 *   <li>DEBT_RATIO = liabilities / equity at L (부채비율 as a ratio, 1.0 = 100%); missing when equity ≤ 0</li>
 *   <li>MOMENTUM_3M = P(t) / P(t−63) − 1</li>
 *   <li>MOMENTUM_12M = P(t−21) / P(t−252) − 1: twelve months skipping the most recent month (the "12−1" momentum of
 *       the literature), because one-month returns mean-revert</li>
 *   <li>BETA = cov(r_stock, r_index) / var(r_index) of simple daily returns over the stock's last 252 sessions, using
 *       only steps whose both end dates have an index close; at least 120 such returns</li>
 *   <li>VOLATILITY = sample standard deviation of the last 252 simple daily returns × √252; at least 60 returns</li>
 *   <li>REVENUE_GROWTH, NET_INCOME_GROWTH = TTM / TTM of the prior four quarters − 1 when all eight quarters are
 *       known; otherwise the latest quarter against the same quarter a year earlier (seasonality cancels in both);
 *       missing when the base is ≤ 0, since growth from a loss has no sign-consistent meaning</li>
 * </ul>
 * Sessions are the stock's own sessions: days it was halted are not in its history and do not count.
 */
public final class FactorCalculator {

    private final FactorWindows windows;

    public FactorCalculator(FactorWindows windows) {
        this.windows = Objects.requireNonNull(windows, "windows");
    }

    /** A calculator with {@link FactorWindows#defaults()}. */
    public static FactorCalculator withDefaults() {
        return new FactorCalculator(FactorWindows.defaults());
    }

    /** All 12 factors of {@code stock} on {@code scoringDate}; {@code marketIndex} is the beta benchmark. */
    public FactorSnapshot compute(FactorInputs stock, IndexHistory marketIndex, LocalDate scoringDate) {
        Map<Factor, FactorValue> out = new EnumMap<>(Factor.class);
        PriceHistory prices = stock.prices();
        int t = prices.lastIndexOnOrBefore(scoringDate);
        computePriceFactors(prices, t, marketIndex, out);
        computeFundamentalFactors(PointInTime.knownOn(stock.statements(), scoringDate), prices, t, out);
        return new FactorSnapshot(stock.symbol(), stock.sector(), scoringDate, out);
    }

    private void computePriceFactors(PriceHistory prices, int t, IndexHistory index, Map<Factor, FactorValue> out) {
        if (t < 0) {
            for (Factor f : List.of(Factor.MOMENTUM_3M, Factor.MOMENTUM_12M, Factor.BETA, Factor.VOLATILITY)) {
                out.put(f, FactorValue.missing(f, MissingReason.NO_PRICE));
            }
            return;
        }
        int back3 = t - windows.threeMonthSessions();
        out.put(Factor.MOMENTUM_3M, back3 < 0
                ? FactorValue.missing(Factor.MOMENTUM_3M, MissingReason.INSUFFICIENT_PRICE_HISTORY)
                : FactorValue.of(Factor.MOMENTUM_3M, (double) prices.closeAt(t) / prices.closeAt(back3) - 1));
        int back12 = t - windows.twelveMonthSessions();
        out.put(Factor.MOMENTUM_12M, back12 < 0
                ? FactorValue.missing(Factor.MOMENTUM_12M, MissingReason.INSUFFICIENT_PRICE_HISTORY)
                : FactorValue.of(Factor.MOMENTUM_12M,
                        (double) prices.closeAt(t - windows.skipRecentSessions()) / prices.closeAt(back12) - 1));
        out.put(Factor.VOLATILITY, volatility(prices, t));
        out.put(Factor.BETA, beta(prices, t, index));
    }

    private FactorValue volatility(PriceHistory prices, int t) {
        int n = Math.min(windows.volatilitySessions(), t);
        if (n < windows.minVolatilitySessions()) {
            return FactorValue.missing(Factor.VOLATILITY, MissingReason.INSUFFICIENT_PRICE_HISTORY);
        }
        double[] returns = new double[n];
        for (int k = 0; k < n; k++) {
            int i = t - n + 1 + k;
            returns[k] = (double) prices.closeAt(i) / prices.closeAt(i - 1) - 1;
        }
        return FactorValue.of(Factor.VOLATILITY,
                Statistics.sampleStdDev(returns) * Math.sqrt(FactorWindows.SESSIONS_PER_YEAR));
    }

    private FactorValue beta(PriceHistory prices, int t, IndexHistory index) {
        int n = Math.min(windows.betaSessions(), t);
        double[] stockReturns = new double[n];
        double[] indexReturns = new double[n];
        int m = 0;
        for (int i = t - n + 1; i <= t; i++) {
            int j1 = index.indexOf(prices.dateAt(i));
            int j0 = j1 < 0 ? -1 : index.indexOf(prices.dateAt(i - 1));
            if (j0 < 0) {
                continue;
            }
            stockReturns[m] = (double) prices.closeAt(i) / prices.closeAt(i - 1) - 1;
            indexReturns[m] = index.levelAt(j1) / index.levelAt(j0) - 1;
            m++;
        }
        if (m < windows.minBetaSessions()) {
            return FactorValue.missing(Factor.BETA, t < windows.minBetaSessions()
                    ? MissingReason.INSUFFICIENT_PRICE_HISTORY : MissingReason.INSUFFICIENT_INDEX_OVERLAP);
        }
        double meanS = 0;
        double meanI = 0;
        for (int k = 0; k < m; k++) {
            meanS += stockReturns[k];
            meanI += indexReturns[k];
        }
        meanS /= m;
        meanI /= m;
        double cov = 0;
        double var = 0;
        for (int k = 0; k < m; k++) {
            double di = indexReturns[k] - meanI;
            cov += (stockReturns[k] - meanS) * di;
            var += di * di;
        }
        if (var == 0) {
            return FactorValue.missing(Factor.BETA, MissingReason.ZERO_INDEX_VARIANCE);
        }
        return FactorValue.of(Factor.BETA, cov / var);
    }

    /** The sum of a quarterly item over four consecutive quarters ending at {@code last}, or null if one is absent. */
    private static long[] trailing(Map<FiscalQuarter, FinancialStatement> byQuarter, FiscalQuarter last) {
        long[] sum = new long[4];
        for (int q = 0; q < 4; q++) {
            FinancialStatement s = byQuarter.get(last.minusQuarters(q));
            if (s == null) {
                return null;
            }
            sum[0] += s.revenue();
            sum[1] += s.operatingIncome();
            sum[2] += s.netIncome();
            sum[3] += s.operatingCashFlow();
        }
        return sum;
    }

    private static final int REVENUE = 0;
    private static final int OPERATING_INCOME = 1;
    private static final int NET_INCOME = 2;
    private static final int OPERATING_CASH_FLOW = 3;

    private void computeFundamentalFactors(
            List<FinancialStatement> known, PriceHistory prices, int t, Map<Factor, FactorValue> out) {
        if (known.isEmpty()) {
            for (Factor f : List.of(Factor.PBR, Factor.PER, Factor.PCR, Factor.ROE, Factor.OPERATING_MARGIN,
                    Factor.DEBT_RATIO, Factor.REVENUE_GROWTH, Factor.NET_INCOME_GROWTH)) {
                out.put(f, FactorValue.missing(f, MissingReason.NO_STATEMENT_PUBLISHED));
            }
            return;
        }
        Map<FiscalQuarter, FinancialStatement> byQuarter = new HashMap<>();
        for (FinancialStatement s : known) {
            byQuarter.put(s.period(), s);
        }
        FinancialStatement latest = known.get(known.size() - 1);
        long[] ttm = trailing(byQuarter, latest.period());
        long equity = latest.totalEquity();

        // Price-based ratios: market cap over a fundamental.
        MissingReason noCap = t < 0 ? MissingReason.NO_PRICE
                : latest.sharesOutstanding() == 0 ? MissingReason.NO_SHARES_OUTSTANDING : null;
        double marketCap = noCap == null ? (double) prices.closeAt(t) * latest.sharesOutstanding() : Double.NaN;
        out.put(Factor.PBR, noCap != null ? FactorValue.missing(Factor.PBR, noCap)
                : equity <= 0 ? FactorValue.missing(Factor.PBR, MissingReason.NON_POSITIVE_EQUITY)
                : FactorValue.of(Factor.PBR, marketCap / equity));
        out.put(Factor.PER, ratio(Factor.PER, noCap, ttm, marketCap, NET_INCOME, MissingReason.NON_POSITIVE_EARNINGS));
        out.put(Factor.PCR, ratio(Factor.PCR, noCap, ttm, marketCap, OPERATING_CASH_FLOW,
                MissingReason.NON_POSITIVE_CASH_FLOW));

        out.put(Factor.ROE, ttm == null ? FactorValue.missing(Factor.ROE, MissingReason.INCOMPLETE_TRAILING_QUARTERS)
                : equity <= 0 ? FactorValue.missing(Factor.ROE, MissingReason.NON_POSITIVE_EQUITY)
                : FactorValue.of(Factor.ROE, (double) ttm[NET_INCOME] / equity));
        out.put(Factor.OPERATING_MARGIN, ttm == null
                ? FactorValue.missing(Factor.OPERATING_MARGIN, MissingReason.INCOMPLETE_TRAILING_QUARTERS)
                : ttm[REVENUE] <= 0 ? FactorValue.missing(Factor.OPERATING_MARGIN, MissingReason.NON_POSITIVE_REVENUE)
                : FactorValue.of(Factor.OPERATING_MARGIN, (double) ttm[OPERATING_INCOME] / ttm[REVENUE]));
        out.put(Factor.DEBT_RATIO, equity <= 0
                ? FactorValue.missing(Factor.DEBT_RATIO, MissingReason.NON_POSITIVE_EQUITY)
                : FactorValue.of(Factor.DEBT_RATIO, (double) latest.totalLiabilities() / equity));

        long[] priorTtm = ttm == null ? null : trailing(byQuarter, latest.period().minusQuarters(4));
        FinancialStatement sameQuarterLastYear = byQuarter.get(latest.period().minusQuarters(4));
        out.put(Factor.REVENUE_GROWTH, growth(Factor.REVENUE_GROWTH, ttm, priorTtm, REVENUE,
                latest.revenue(), sameQuarterLastYear == null ? null : sameQuarterLastYear.revenue()));
        out.put(Factor.NET_INCOME_GROWTH, growth(Factor.NET_INCOME_GROWTH, ttm, priorTtm, NET_INCOME,
                latest.netIncome(), sameQuarterLastYear == null ? null : sameQuarterLastYear.netIncome()));
    }

    private static FactorValue ratio(
            Factor factor, MissingReason noCap, long[] ttm, double marketCap, int item, MissingReason nonPositive) {
        if (noCap != null) {
            return FactorValue.missing(factor, noCap);
        }
        if (ttm == null) {
            return FactorValue.missing(factor, MissingReason.INCOMPLETE_TRAILING_QUARTERS);
        }
        return ttm[item] <= 0 ? FactorValue.missing(factor, nonPositive)
                : FactorValue.of(factor, marketCap / ttm[item]);
    }

    private static FactorValue growth(
            Factor factor, long[] ttm, long[] priorTtm, int item, long latestQuarter, Long sameQuarterLastYear) {
        double current;
        double base;
        if (ttm != null && priorTtm != null) {
            current = ttm[item];
            base = priorTtm[item];
        } else if (sameQuarterLastYear != null) {
            current = latestQuarter;
            base = sameQuarterLastYear;
        } else {
            return FactorValue.missing(factor, MissingReason.NO_PRIOR_YEAR);
        }
        return base <= 0 ? FactorValue.missing(factor, MissingReason.NON_POSITIVE_BASE)
                : FactorValue.of(factor, current / base - 1);
    }
}
