package com.aegis.core.krx;

import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Trading costs (requirement K5): brokerage commission on both sides and the sell-side tax.
 *
 * <p>Commission: notional × rate, truncated to the won (brokers drop the fraction below 1 KRW). The rate is given in
 * basis points with up to two decimals; 1.5 bp (0.015%) by default.
 *
 * <p>Sell tax: securities transaction tax plus, on KOSPI only, the rural special tax of 0.15%; each part is truncated
 * to the won separately, as on a broker's statement. The tax is levied when the shares are transferred, i.e. on the
 * settlement date (T+2), so the rate follows the settlement date: a sale on 2023-12-27 settles on 2024-01-02 and pays
 * the 2024 rate. Rates (transaction tax + rural tax):
 * <pre>
 *   settlement date         KOSPI         KOSDAQ   KONEX
 *   until 2019-06-02        0.15 + 0.15   0.30     0.30
 *   2019-06-03..2020-12-31  0.10 + 0.15   0.25     0.10
 *   2021, 2022              0.08 + 0.15   0.23     0.10
 *   2023                    0.05 + 0.15   0.20     0.10
 *   2024                    0.03 + 0.15   0.18     0.10
 *   2025                    0.00 + 0.15   0.15     0.10
 *   2026 on                 0.05 + 0.15   0.20     0.10
 * </pre>
 */
public final class TradingCosts {

    /** Default commission: 0.015%. */
    public static final BigDecimal DEFAULT_COMMISSION_BASIS_POINTS = new BigDecimal("1.50");

    /**
     * The configurable part of the costs.
     *
     * @param commissionBasisPoints commission rate in basis points, 0..10000, at most two decimals (1.50 = 0.015%)
     */
    public record CostSchedule(BigDecimal commissionBasisPoints) {
        public CostSchedule {
            Objects.requireNonNull(commissionBasisPoints, "commissionBasisPoints");
            if (commissionBasisPoints.signum() < 0 || commissionBasisPoints.compareTo(BigDecimal.valueOf(10_000)) > 0
                    || commissionBasisPoints.stripTrailingZeros().scale() > 2) {
                throw new IllegalArgumentException("commission rate must be 0..10000 basis points with at most two"
                        + " decimals, e.g. 1.50 for 0.015%; got " + commissionBasisPoints.toPlainString());
            }
        }

        /** The default schedule (1.50 bp commission). */
        public static CostSchedule standard() {
            return new CostSchedule(DEFAULT_COMMISSION_BASIS_POINTS);
        }

        long commissionHundredthsOfBasisPoint() {
            return commissionBasisPoints.movePointRight(2).longValueExact();
        }
    }

    /** A tax rate change, effective for transfers (settlements) on or after {@code from}. */
    private record TaxRate(LocalDate from, int kospiTransactionBp, int kospiRuralBp, int kosdaqBp, int konexBp) {
    }

    private static final List<TaxRate> TAX_RATES = List.of(
            new TaxRate(LocalDate.MIN, 15, 15, 30, 30),
            new TaxRate(LocalDate.of(2019, 6, 3), 10, 15, 25, 10),
            new TaxRate(LocalDate.of(2021, 1, 1), 8, 15, 23, 10),
            new TaxRate(LocalDate.of(2023, 1, 1), 5, 15, 20, 10),
            new TaxRate(LocalDate.of(2024, 1, 1), 3, 15, 18, 10),
            new TaxRate(LocalDate.of(2025, 1, 1), 0, 15, 15, 10),
            new TaxRate(LocalDate.of(2026, 1, 1), 5, 15, 20, 10));

    private static final TradingCosts STANDARD = new TradingCosts(CostSchedule.standard(), KrxCalendar.standard());

    private final CostSchedule schedule;
    private final long commissionHundredthsBp;
    private final KrxCalendar calendar;

    public TradingCosts(CostSchedule schedule, KrxCalendar calendar) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.commissionHundredthsBp = schedule.commissionHundredthsOfBasisPoint();
    }

    /** 0.015% commission and the statutory tax rates. */
    public static TradingCosts standard() {
        return STANDARD;
    }

    /** Costs with another commission rate, e.g. {@code withCommissionBasisPoints("0.36")} for 0.0036%. */
    public static TradingCosts withCommissionBasisPoints(String basisPoints) {
        return new TradingCosts(new CostSchedule(new BigDecimal(basisPoints)), KrxCalendar.standard());
    }

    public CostSchedule schedule() {
        return schedule;
    }

    /** Commission on a notional, truncated to the won. */
    public long commission(long notional) {
        return fraction(notional, commissionHundredthsBp, 1_000_000L);
    }

    /** Sell-side tax (transaction tax + KOSPI rural special tax) of a sale traded on the date, in KRW. */
    public long sellTax(Market market, LocalDate tradeDate, long notional) {
        Objects.requireNonNull(market, "market");
        TaxRate rate = rateFor(tradeDate);
        return switch (market) {
            case KOSPI -> fraction(notional, rate.kospiTransactionBp(), 10_000L)
                    + fraction(notional, rate.kospiRuralBp(), 10_000L);
            case KOSDAQ -> fraction(notional, rate.kosdaqBp(), 10_000L);
            case KONEX -> fraction(notional, rate.konexBp(), 10_000L);
        };
    }

    /** Total sell tax rate in basis points that applies to a sale traded on the date. */
    public static int sellTaxBasisPoints(Market market, LocalDate tradeDate) {
        TaxRate rate = STANDARD.rateFor(tradeDate);
        return switch (market) {
            case KOSPI -> rate.kospiTransactionBp() + rate.kospiRuralBp();
            case KOSDAQ -> rate.kosdaqBp();
            case KONEX -> rate.konexBp();
        };
    }

    /** Commission, tax and net cash of a fill. */
    public FillCost cost(Side side, Market market, LocalDate tradeDate, long price, long quantity) {
        Objects.requireNonNull(side, "side");
        if (price <= 0 || quantity <= 0) {
            throw new IllegalArgumentException("a fill needs a positive price and quantity, got price " + price
                    + " KRW x " + quantity + " shares");
        }
        long notional = Math.multiplyExact(price, quantity);
        long commission = commission(notional);
        if (side == Side.BUY) {
            return new FillCost(side, notional, commission, 0, -Math.addExact(notional, commission));
        }
        long tax = sellTax(market, tradeDate, notional);
        return new FillCost(side, notional, commission, tax, notional - commission - tax);
    }

    private TaxRate rateFor(LocalDate tradeDate) {
        Objects.requireNonNull(tradeDate, "tradeDate");
        // Settlement is at most two weeks after the trade; only look it up when a rate change lies in between.
        LocalDate horizon = tradeDate.plusDays(14);
        boolean changeAhead = TAX_RATES.stream()
                .anyMatch(r -> r.from().isAfter(tradeDate) && !r.from().isAfter(horizon));
        LocalDate transferDate = changeAhead ? calendar.settlementDate(tradeDate) : tradeDate;
        TaxRate current = TAX_RATES.get(0);
        for (TaxRate r : TAX_RATES) {
            if (!r.from().isAfter(transferDate)) {
                current = r;
            }
        }
        return current;
    }

    private static long fraction(long notional, long numerator, long denominator) {
        if (notional < 0) {
            throw new IllegalArgumentException("notional must not be negative, got " + notional);
        }
        if (numerator == 0) {
            return 0;
        }
        if (notional <= Long.MAX_VALUE / numerator) {
            return notional * numerator / denominator;
        }
        return BigInteger.valueOf(notional).multiply(BigInteger.valueOf(numerator))
                .divide(BigInteger.valueOf(denominator)).longValueExact();
    }
}
