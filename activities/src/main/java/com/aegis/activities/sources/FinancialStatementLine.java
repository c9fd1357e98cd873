package com.aegis.activities.sources;

import java.util.OptionalLong;

/**
 * One account of a periodic report, amounts in KRW. For income-statement lines of Q1/half/Q3 reports,
 * {@code currentAmount} covers the quarter and {@code currentCumulative} the year to date.
 *
 * @param statement BS, IS, CIS, CF or SCE
 */
public record FinancialStatementLine(String corpCode, String stockCode, int businessYear, DartReportCode report,
                                     String fsDiv, String statement, String accountId, String accountName,
                                     OptionalLong currentAmount, OptionalLong currentCumulative,
                                     OptionalLong priorAmount, String rceptNo) {
}
