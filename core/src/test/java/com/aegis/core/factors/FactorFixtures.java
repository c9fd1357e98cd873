package com.aegis.core.factors;

import com.aegis.core.market.Symbol;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small hand-built inputs shared by the factor tests. */
final class FactorFixtures {

    static final Symbol SYMBOL = Symbol.of("005930");
    static final long MILLION = 1_000_000L;

    private FactorFixtures() {
    }

    /** Closes on consecutive calendar days ending on {@code last}; traded value 1 billion each. */
    static PriceHistory prices(LocalDate last, long... closes) {
        List<PriceHistory.DailyClose> sessions = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            sessions.add(new PriceHistory.DailyClose(last.minusDays(closes.length - 1 - i), closes[i], 1_000_000_000L));
        }
        return PriceHistory.of(sessions);
    }

    /** A quarter's statement; flows in millions of KRW, 1,000,000 shares, equity 200 M, liabilities 300 M. */
    static FinancialStatement quarter(int year, int q, String publishedAt, long revenue, long operatingIncome,
            long netIncome, long operatingCashFlow) {
        return new FinancialStatement(SYMBOL, FiscalQuarter.of(year, q), Instant.parse(publishedAt),
                revenue * MILLION, operatingIncome * MILLION, netIncome * MILLION, operatingCashFlow * MILLION,
                200 * MILLION, 300 * MILLION, 1_000_000L);
    }

    /**
     * Eight quarters 2023Q1..2024Q4. 2023: revenue 100 each, net income 10 each. 2024: revenue 110/120/130/140,
     * operating income 20/20/25/35, net income 10/10/12/14, operating cash flow 15/15/15/25. 2024Q4 is published on
     * 2025-03-10 at 15:00 KST (06:00 UTC).
     */
    static List<FinancialStatement> eightQuarters() {
        return List.of(
                quarter(2023, 1, "2023-05-15T07:00:00Z", 100, 15, 10, 12),
                quarter(2023, 2, "2023-08-14T07:00:00Z", 100, 15, 10, 12),
                quarter(2023, 3, "2023-11-14T07:00:00Z", 100, 15, 10, 12),
                quarter(2023, 4, "2024-03-11T07:00:00Z", 100, 15, 10, 12),
                quarter(2024, 1, "2024-05-14T07:00:00Z", 110, 20, 10, 15),
                quarter(2024, 2, "2024-08-14T07:00:00Z", 120, 20, 10, 15),
                quarter(2024, 3, "2024-11-14T07:00:00Z", 130, 25, 12, 15),
                quarter(2024, 4, "2025-03-10T06:00:00Z", 140, 35, 14, 25));
    }
}
