package com.aegis.core.factors;

import com.aegis.core.market.Symbol;
import java.time.Instant;
import java.util.Objects;

/**
 * One quarter's financial statement as published (DART). Flow items are for the quarter alone: DART's half-year,
 * third-quarter and annual reports are cumulative, and the collector subtracts the earlier quarters before building
 * this record. Balance-sheet items are at the quarter end. Amounts in KRW, consolidated, net income attributable to
 * owners of the parent.
 *
 * @param symbol             the company's stock
 * @param period             the fiscal quarter reported
 * @param publishedAt        when the statement became public (DART receipt time); the point-in-time key
 * @param revenue            quarterly revenue (매출액)
 * @param operatingIncome    quarterly operating income (영업이익)
 * @param netIncome          quarterly net income (당기순이익)
 * @param operatingCashFlow  quarterly cash flow from operations (영업활동현금흐름)
 * @param totalEquity        shareholders' equity at quarter end (자본총계)
 * @param totalLiabilities   liabilities at quarter end (부채총계)
 * @param sharesOutstanding  shares outstanding at quarter end
 */
public record FinancialStatement(
        Symbol symbol,
        FiscalQuarter period,
        Instant publishedAt,
        long revenue,
        long operatingIncome,
        long netIncome,
        long operatingCashFlow,
        long totalEquity,
        long totalLiabilities,
        long sharesOutstanding) {

    public FinancialStatement {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(period, "period of " + symbol);
        Objects.requireNonNull(publishedAt, "publishedAt of " + symbol + " " + period);
        if (totalLiabilities < 0 || sharesOutstanding < 0) {
            throw new IllegalArgumentException("liabilities and shares of " + symbol + " " + period
                    + " must be >= 0, got " + totalLiabilities + " and " + sharesOutstanding);
        }
    }
}
