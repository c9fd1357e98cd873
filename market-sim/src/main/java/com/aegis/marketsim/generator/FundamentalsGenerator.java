package com.aegis.marketsim.generator;

import com.aegis.core.market.Symbol;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Quarterly consolidated statements per company: revenue on a log random walk with autocorrelated growth and
 * seasonality, a persistent company margin, equity accumulating net income less dividends. Statements cover the
 * two years before the first bar (so point-in-time factors have history from day one) through the last quarter
 * published by the end date. Q1-Q3 are filed 28-45 days after the quarter end, the annual report 50-90 days after.
 */
final class FundamentalsGenerator {

    /** A statement before its DART receipt number is known, with the earnings tone its filing carries. */
    static final class Draft {
        final int stock;
        final QuarterlyStatement figures;
        final double tone;
        String rceptNo;

        Draft(int stock, QuarterlyStatement figures, double tone) {
            this.stock = stock;
            this.figures = figures;
            this.tone = tone;
        }

        QuarterlyStatement withReceipt() {
            QuarterlyStatement f = figures;
            return new QuarterlyStatement(f.symbol(), f.fiscalYear(), f.fiscalQuarter(), f.periodEnd(),
                    f.publishedAt(), f.revenue(), f.operatingIncome(), f.netIncome(), f.equity(), f.liabilities(),
                    f.operatingCashFlow(), rceptNo);
        }
    }

    private static final double[] SEASONALITY = {0.96, 1.0, 0.99, 1.05};

    private final GeneratorConfig config;
    private final BusinessDays businessDays;
    private final LocalDate firstDay;
    private final LocalDate lastDay;

    FundamentalsGenerator(GeneratorConfig config, BusinessDays businessDays, LocalDate firstDay, LocalDate lastDay) {
        this.config = config;
        this.businessDays = businessDays;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
    }

    List<Draft> generate(StockProfile s) {
        if (s.preferred) {
            // Preferred shares report through their issuer's common stock.
            return List.of();
        }
        RandomStream r = RandomStream.of(config.seed(), RandomStream.Purpose.FUNDAMENTALS, s.index);
        SectorCatalog.Entry sector = SectorCatalog.ENTRIES.get(s.sectorIndex);
        double cap = s.capAtListing;
        double psr = r.logNormal(s.market == com.aegis.core.market.Market.KOSPI ? 0.7 : 1.4, 0.7);
        double annualRevenue = cap / psr;
        double meanMargin = clamp(r.normal() * 0.06 + (s.market == com.aegis.core.market.Market.KOSPI ? 0.07 : 0.04),
                -0.25, 0.35);
        double pbr = r.logNormal(switch (s.market) {
            case KOSPI -> 0.9;
            case KOSDAQ -> 1.8;
            case KONEX -> 1.5;
        }, 0.6);
        double equity = cap / pbr;
        double debtRatio = r.logNormal(sector.financial() ? 6.0 : 0.85, 0.6);
        double liabilities = equity * debtRatio;
        double growth = 0.008;
        double margin = meanMargin;
        YearMonth firstQuarterEnd = quarterEndOnOrAfter(YearMonth.from(firstDay.minusYears(2)));
        List<Draft> drafts = new ArrayList<>();
        double[] netIncomeHistory = new double[4];
        int quarterCount = 0;
        double level = annualRevenue;
        double lastYearNet = 0;
        for (YearMonth q = firstQuarterEnd; ; q = q.plusMonths(3)) {
            LocalDate periodEnd = q.atEndOfMonth();
            if (!periodEnd.isBefore(lastDay)) {
                break;
            }
            int quarter = (q.getMonthValue() - 1) / 3 + 1;
            growth = 0.5 * growth + 0.004 + 0.04 * r.normal();
            level *= StrictMath.exp(growth);
            double revenue = level / 4 * SEASONALITY[quarter - 1] * StrictMath.exp(0.03 * r.normal());
            margin = meanMargin + 0.5 * (margin - meanMargin) + 0.02 * r.normal();
            double operating = revenue * margin;
            double net = operating * 0.78 + revenue * 0.015 * r.normal();
            double dividend = quarter == 1 ? 0.2 * Math.max(0, lastYearNet) : 0;
            equity += net - dividend;
            liabilities *= StrictMath.exp(0.5 * growth + 0.03 * r.normal());
            double cashFlow = operating * (1.0 + 0.1 + 0.35 * r.normal()) + revenue * 0.02;
            double tone = 0;
            if (quarterCount >= 4) {
                double prior = netIncomeHistory[quarterCount % 4];
                tone = clamp((net - prior) / (Math.abs(prior) + 0.02 * revenue), -1, 1);
            }
            netIncomeHistory[quarterCount % 4] = net;
            quarterCount++;
            if (quarter == 4) {
                lastYearNet = netIncomeHistory[0] + netIncomeHistory[1] + netIncomeHistory[2] + netIncomeHistory[3];
            }
            int lag = quarter == 4 ? r.between(50, 90) : r.between(28, 45);
            LocalDate filed = businessDays.onOrBefore(periodEnd.plusDays(lag));
            LocalTime time = filingTime(r);
            OffsetDateTime publishedAt = OffsetDateTime.of(filed, time, StatusPlanner.KST);
            if (filed.isAfter(lastDay) || (s.delistedOn != null && !filed.isBefore(s.delistedOn))) {
                continue;
            }
            QuarterlyStatement st = new QuarterlyStatement(Symbol.of(s.code), q.getYear(), quarter, periodEnd,
                    publishedAt, Math.round(revenue), Math.round(operating), Math.round(net), Math.round(equity),
                    Math.max(0, Math.round(liabilities)), Math.round(cashFlow), null);
            drafts.add(new Draft(s.index, st, tone));
        }
        return drafts;
    }

    /** Most filings land after the close; some during or before the session. */
    static LocalTime filingTime(RandomStream r) {
        double u = r.uniform();
        int minute;
        if (u < 0.6) {
            minute = r.between(15 * 60 + 40, 18 * 60);
        } else if (u < 0.85) {
            minute = r.between(9 * 60, 15 * 60 + 20);
        } else {
            minute = r.between(7 * 60 + 30, 8 * 60 + 50);
        }
        return LocalTime.of(minute / 60, minute % 60, r.nextInt(60));
    }

    private static YearMonth quarterEndOnOrAfter(YearMonth ym) {
        YearMonth q = ym;
        while (q.getMonthValue() % 3 != 0) {
            q = q.plusMonths(1);
        }
        return q;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
