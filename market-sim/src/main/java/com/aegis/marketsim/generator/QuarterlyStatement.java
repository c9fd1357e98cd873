package com.aegis.marketsim.generator;

import com.aegis.core.market.Symbol;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Consolidated quarterly figures of one company in KRW. Flow items (revenue, incomes, cash flow) cover the quarter
 * alone (Q4 too); balance items are as of the period end. {@code publishedAt} is when the filing became public
 * (KST offset): Q1-Q3 within 45 days, the annual report within 90 days of the period end.
 *
 * @param rceptNo DART receipt number of the filing that published these figures
 */
public record QuarterlyStatement(Symbol symbol, int fiscalYear, int fiscalQuarter, LocalDate periodEnd,
                                 OffsetDateTime publishedAt, long revenue, long operatingIncome, long netIncome,
                                 long equity, long liabilities, long operatingCashFlow, String rceptNo) {
}
